package nl.sociallearning.workstation.domain.assessment;

import java.time.Instant;

/** A course post an assessor linked to a criterion as evidence: the post's id and the quoted excerpt. */
public record CourseEvidence(String id, String assessmentId, String assessorId, String criterionCode, String courseId,
                             String postId, String excerpt, Instant at) { }
