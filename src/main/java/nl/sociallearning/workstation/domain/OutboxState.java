package nl.sociallearning.workstation.domain;

/**
 * Where an action stands on its way to the server: waiting (and still undoable), being sent, or settled.
 * Conflicts and rejections stay until a moderator resolves them; a discarded action was taken back unsent.
 */
public enum OutboxState {
    PENDING, SENDING, APPLIED, CONFLICT, REJECTED, DISCARDED;

    public boolean needsAttention() {
        return this == CONFLICT || this == REJECTED;
    }
}
