package nl.sociallearning.workstation.domain;

import java.time.Instant;
import java.util.Objects;

/**
 * An action in the outbox with what became of it. {@code seq} fixes the order of sending;
 * {@code detail} holds the server's explanation of a conflict or rejection.
 */
public record OutboxEntry(
        long seq,
        ModerationAction action,
        OutboxState state,
        int attempts,
        String detail,
        Instant settledAt) {

    public OutboxEntry {
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(state, "state");
    }
}
