package nl.sociallearning.workstation.domain.assessment;

import java.time.Instant;

/** A signature under the report: who, in which role, with the name as written, and when. */
public record Signature(String assessmentId, String signerId, SignerRole role, String name, Instant at) { }
