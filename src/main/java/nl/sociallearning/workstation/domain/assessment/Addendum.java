package nl.sociallearning.workstation.domain.assessment;

import java.time.Instant;

/** A remark added after the assessment locked: the only kind of change a locked assessment takes. */
public record Addendum(String id, String assessmentId, String author, String text, Instant at) { }
