package nl.sociallearning.workstation.domain.assessment;

import java.time.Instant;

/** The report's own words: strengths, next steps, the debrief with the student and the student's response. */
public record ReportText(String assessmentId, String strengths, String nextSteps, String debrief,
                         String studentResponse, String writtenBy, Instant at) { }
