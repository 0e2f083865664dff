package nl.sociallearning.workstation.domain;

import java.time.Instant;
import java.util.Objects;

/** The triage state of one thread, shared between moderators. */
public record Triage(
        String courseId,
        String threadId,
        TriageState state,
        String assignee,
        Instant snoozedUntil,
        Instant updatedAt) {

    public Triage {
        Objects.requireNonNull(courseId, "courseId");
        Objects.requireNonNull(threadId, "threadId");
        Objects.requireNonNull(state, "state");
        if (state == TriageState.SNOOZED && snoozedUntil == null) {
            throw new IllegalArgumentException("a snoozed thread needs a time to wake up");
        }
    }
}
