package nl.sociallearning.workstation.domain;

/** The kinds of server entity the cache holds. */
public enum EntityKind {
    PARTICIPANT, THREAD, POST, ACTIVITY
}
