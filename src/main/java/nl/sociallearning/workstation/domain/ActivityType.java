package nl.sociallearning.workstation.domain;

/** Non-posting activity a server may report: reading a thread, logging in. */
public enum ActivityType {
    VIEW, LOGIN
}
