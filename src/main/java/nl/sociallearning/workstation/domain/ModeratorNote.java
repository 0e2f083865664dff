package nl.sociallearning.workstation.domain;

import java.time.Instant;
import java.util.UUID;

/** A moderator-only note on a thread or a participant. */
public record ModeratorNote(UUID id, String courseId, String targetId, String text, Instant createdAt) {
}
