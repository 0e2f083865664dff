package nl.sociallearning.workstation.domain;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * Something a moderator did. Its id is also the idempotency key with which it is sent, so a replay after a
 * lost answer never has a second effect. {@code baseVersion} is the version of the target the moderator saw;
 * {@code actorId} is who did it (the server knows that from the token, so it is not sent).
 */
public record ModerationAction(
        UUID id,
        String courseId,
        String actorId,
        ActionType type,
        String targetId,
        Integer baseVersion,
        Map<String, String> payload,
        Instant createdAt) {

    public ModerationAction {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(courseId, "courseId");
        Objects.requireNonNull(actorId, "actorId");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(targetId, "targetId");
        Objects.requireNonNull(createdAt, "createdAt");
        payload = payload == null ? Map.of() : Map.copyOf(payload);
    }

    public static ModerationAction create(String courseId, String actorId, ActionType type, String targetId,
                                          Integer baseVersion, Map<String, String> payload, Instant now) {
        return new ModerationAction(UUID.randomUUID(), courseId, actorId, type, targetId, baseVersion, payload, now);
    }
}
