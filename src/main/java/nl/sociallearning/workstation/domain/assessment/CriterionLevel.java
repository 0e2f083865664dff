package nl.sociallearning.workstation.domain.assessment;

import java.time.Instant;

/** One assessor's level for one criterion, with the justification that points to the notes. */
public record CriterionLevel(String assessmentId, String assessorId, String criterionCode, String level,
                             String justification, Instant at) { }
