package nl.sociallearning.workstation.assessment.mapping;

import java.time.Instant;
import java.util.List;

/**
 * One assessment whose levels count for the agreement figures, with what the page filters on.
 *
 * @param id             the assessment
 * @param frameworkCode  its framework
 * @param frameworkTitle the framework's title, for the filter's choices
 * @param observedAt     when the observation started (when it was created, if it never started)
 * @param assessorIds    the observing assessors whose locked levels count
 */
public record RatedAssessment(String id, String frameworkCode, String frameworkTitle, Instant observedAt, List<String> assessorIds) {

    public RatedAssessment {
        assessorIds = List.copyOf(assessorIds);
    }
}
