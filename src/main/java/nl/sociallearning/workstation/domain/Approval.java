package nl.sociallearning.workstation.domain;

/** Pre-moderation state of a post: pending posts wait for a moderator's approval. */
public enum Approval {
    APPROVED, PENDING, REJECTED
}
