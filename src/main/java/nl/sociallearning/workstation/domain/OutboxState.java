package nl.sociallearning.workstation.domain;

/**
 * Where an action stands on its way to the server: waiting (and still undoable), being sent, or settled.
 * Conflicts and rejections stay until a moderator resolves them; a discarded action was taken back unsent.
 * {@code LOCAL_ONLY}: the course's platform cannot do this action, so it was never sent; its effect stays local.
 */
public enum OutboxState {
    PENDING, SENDING, APPLIED, CONFLICT, REJECTED, DISCARDED, LOCAL_ONLY;

    public boolean needsAttention() {
        return this == CONFLICT || this == REJECTED;
    }
}
