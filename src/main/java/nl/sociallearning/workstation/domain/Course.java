package nl.sociallearning.workstation.domain;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Objects;

/** A course the workstation user moderates, assesses or coordinates. */
public record Course(
        String id,
        String title,
        String organisation,
        Audience audience,
        Instant startsAt,
        Instant endsAt,
        ZoneId timeZone,
        int participantCount) {

    public Course {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(audience, "audience");
        Objects.requireNonNull(timeZone, "timeZone");
    }
}
