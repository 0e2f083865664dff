package nl.sociallearning.workstation.domain;

import java.time.Instant;
import java.util.Objects;

/**
 * One post in a thread. {@code parentId} is null for the opening post. {@code hidden} and {@code deleted}
 * are a moderator's soft actions and can be undone; a post removed on the server disappears from the cache.
 */
public record Post(
        String courseId,
        String id,
        String threadId,
        String parentId,
        String authorId,
        Instant createdAt,
        Instant editedAt,
        String bodyHtml,
        boolean hidden,
        boolean deleted,
        Approval approval,
        int flagCount,
        int version) {

    public Post {
        Objects.requireNonNull(courseId, "courseId");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(threadId, "threadId");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(approval, "approval");
        bodyHtml = bodyHtml == null ? "" : bodyHtml;
    }

    public boolean isOpening() {
        return parentId == null;
    }
}
