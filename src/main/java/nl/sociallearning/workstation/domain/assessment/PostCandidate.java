package nl.sociallearning.workstation.domain.assessment;

import java.time.Instant;

/** A course post that could serve as evidence: where it is, who wrote it, when, and its body. */
public record PostCandidate(String courseId, String postId, String authorName, Instant createdAt, String bodyHtml) { }
