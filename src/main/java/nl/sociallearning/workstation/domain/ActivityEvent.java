package nl.sociallearning.workstation.domain;

import java.time.Instant;
import java.util.Objects;

/** A read or login event; {@code threadId} is set for reads. */
public record ActivityEvent(
        String courseId,
        String id,
        String participantId,
        Instant at,
        ActivityType type,
        String threadId) {

    public ActivityEvent {
        Objects.requireNonNull(courseId, "courseId");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(participantId, "participantId");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(type, "type");
    }
}
