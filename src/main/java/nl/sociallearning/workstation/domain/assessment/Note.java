package nl.sociallearning.workstation.domain.assessment;

import java.time.Instant;

/** What an assessor saw or heard, in their own words, at a moment. Belongs to that assessor alone. */
public record Note(String id, String assessmentId, String assessorId, Instant at, String text) { }
