package nl.sociallearning.workstation.domain.assessment;

import java.time.Instant;

/** An assessor's classification: this note says something about that criterion. A note may support several. */
public record NoteLink(String assessmentId, String assessorId, String noteId, String criterionCode, Instant at) { }
