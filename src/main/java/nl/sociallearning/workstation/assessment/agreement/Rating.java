package nl.sociallearning.workstation.assessment.agreement;

import java.time.Instant;
import java.util.Objects;

/**
 * One assessor's original level for one criterion of one assessment: the input of every statistic here.
 * Pass the levels as each assessor locked them, not the agreed levels.
 *
 * @param assessmentId       the assessment (one student, one observation)
 * @param studentId          the student assessed; may be null (used to count students for leniency)
 * @param criterionCode      the criterion, e.g. "B1-K1-W2.3"
 * @param assessorId         who gave the level
 * @param level              the level's position on the scale, 0 = lowest
 * @param scaleSize          the number of levels on the scale (at least 2)
 * @param enteredAt          when the level was entered; may be null (then the timing checks skip it)
 * @param observationEndedAt when the assessment's observation ended; may be null (not ended or unknown)
 */
public record Rating(String assessmentId, String studentId, String criterionCode, String assessorId, int level, int scaleSize,
                     Instant enteredAt, Instant observationEndedAt) {

    public Rating {
        Objects.requireNonNull(assessmentId, "assessmentId");
        Objects.requireNonNull(criterionCode, "criterionCode");
        Objects.requireNonNull(assessorId, "assessorId");
        if (scaleSize < 2) {
            throw new IllegalArgumentException("A scale needs at least two levels, criterion " + criterionCode + " has " + scaleSize);
        }
        if (level < 0 || level >= scaleSize) {
            throw new IllegalArgumentException("Level " + level + " of assessor " + assessorId + " for criterion " + criterionCode
                    + " in assessment " + assessmentId + " is outside the scale 0.." + (scaleSize - 1));
        }
    }

    /** A rating without student and times: enough for the agreement statistics. */
    public static Rating of(String assessmentId, String criterionCode, String assessorId, int level, int scaleSize) {
        return new Rating(assessmentId, null, criterionCode, assessorId, level, scaleSize, null, null);
    }
}
