package nl.sociallearning.workstation.domain;

import java.time.Instant;
import java.util.Objects;

/** A discussion thread; its posts form a reply tree below the opening post. */
public record DiscussionThread(
        String courseId,
        String id,
        String title,
        String module,
        String authorId,
        Instant createdAt,
        Instant lastActivityAt,
        boolean locked,
        boolean pinned,
        int version) {

    public DiscussionThread {
        Objects.requireNonNull(courseId, "courseId");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(lastActivityAt, "lastActivityAt");
    }

    public DiscussionThread withLocked(boolean value) {
        return new DiscussionThread(courseId, id, title, module, authorId, createdAt, lastActivityAt, value, pinned, version);
    }
}
