package nl.sociallearning.workstation.domain;

import java.time.Instant;
import java.util.Objects;

/** A person enrolled in a course; {@code group} is their department or function group, if known. */
public record Participant(
        String courseId,
        String id,
        String displayName,
        ParticipantRole role,
        String group,
        Instant enrolledAt) {

    public Participant {
        Objects.requireNonNull(courseId, "courseId");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(displayName, "displayName");
        Objects.requireNonNull(role, "role");
    }
}
