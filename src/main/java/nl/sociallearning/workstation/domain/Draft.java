package nl.sociallearning.workstation.domain;

import java.time.Instant;

/** A reply being typed, kept so that nothing typed is lost. */
public record Draft(String courseId, String threadId, String parentPostId, String body, Instant updatedAt) {
}
