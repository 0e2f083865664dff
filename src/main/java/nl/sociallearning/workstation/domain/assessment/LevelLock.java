package nl.sociallearning.workstation.domain.assessment;

import java.time.Instant;

/** An assessor has fixed their levels; from here on they cannot change them, and the evaluation can open. */
public record LevelLock(String assessmentId, String assessorId, Instant at) { }
