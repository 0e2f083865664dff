package nl.sociallearning.workstation.assessment.mapping;

import java.time.LocalDate;
import java.time.ZoneId;

/**
 * Which assessments the agreement figures rest on: observed within a period (both days included), under one
 * framework, with one assessor among those whose levels count. A null part lets everything through.
 *
 * @param from          first day of the period, or null
 * @param to            last day of the period, or null
 * @param frameworkCode the framework, or null
 * @param assessorId    the assessor who must have taken part, or null
 */
public record AgreementFilter(LocalDate from, LocalDate to, String frameworkCode, String assessorId) {

    public static final AgreementFilter ALL = new AgreementFilter(null, null, null, null);

    public boolean isAll() {
        return equals(ALL);
    }

    /** Whether the assessment belongs to the selection; its day is taken in the given zone. */
    public boolean matches(RatedAssessment a, ZoneId zone) {
        if (from != null || to != null) {
            if (a.observedAt() == null) {
                return false;
            }
            LocalDate day = a.observedAt().atZone(zone).toLocalDate();
            if (from != null && day.isBefore(from) || to != null && day.isAfter(to)) {
                return false;
            }
        }
        return (frameworkCode == null || frameworkCode.equals(a.frameworkCode()))
                && (assessorId == null || a.assessorIds().contains(assessorId));
    }
}
