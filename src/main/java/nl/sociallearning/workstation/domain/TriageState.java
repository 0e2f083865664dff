package nl.sociallearning.workstation.domain;

/** Where a thread stands in a moderator's queue. */
public enum TriageState {
    NEW, NEEDS_REPLY, IN_PROGRESS, WAITING, ESCALATED, DONE, SNOOZED
}
