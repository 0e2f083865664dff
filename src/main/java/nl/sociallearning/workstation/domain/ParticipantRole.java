package nl.sociallearning.workstation.domain;

/** A participant's role within one course. */
public enum ParticipantRole {
    PARTICIPANT, MODERATOR, EXPERT, OBSERVER
}
