package nl.sociallearning.workstation.domain.assessment;

import java.time.Instant;

/** The level the assessors agreed on for a criterion, and why. The assessors' own levels stay as they were. */
public record AgreedLevel(String assessmentId, String criterionCode, String level, String rationale,
                          String recordedBy, Instant at) { }
