package nl.sociallearning.workstation.domain;

/** Where an action stands on its way to the server. Conflicts and rejections stay until a moderator resolves them. */
public enum OutboxState {
    PENDING, APPLIED, CONFLICT, REJECTED, DISCARDED;

    public boolean needsAttention() {
        return this == CONFLICT || this == REJECTED;
    }
}
