package nl.sociallearning.workstation.domain.assessment;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * One assessment's header: its framework and context, its assessors, and the moments that open and close the
 * steps. Each assessor's own notes, links and levels are separate records keyed by assessor.
 */
public record Assessment(String id, String frameworkCode, AssessmentContext context, List<Assessor> assessors,
                         Instant createdAt, Instant observationStartedAt, Instant observationEndedAt, Instant lockedAt) {

    public Assessment {
        assessors = List.copyOf(assessors);
    }

    public Optional<Assessor> assessor(String assessorId) {
        return assessors.stream().filter(a -> a.id().equals(assessorId)).findFirst();
    }

    /** The assessors who observed and score blind (not a third assessor). */
    public List<Assessor> observers() {
        return assessors.stream().filter(a -> a.role() == AssessorRole.ASSESSOR).toList();
    }

    public boolean observationStarted() {
        return observationStartedAt != null;
    }

    public boolean observationEnded() {
        return observationEndedAt != null;
    }

    public boolean locked() {
        return lockedAt != null;
    }
}
