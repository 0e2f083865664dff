package nl.sociallearning.workstation.assessment.agreement;

import java.util.List;
import java.util.OptionalDouble;

/**
 * Agreement on one criterion over all assessments that have at least two assessors' levels for it.
 *
 * @param criterionCode  the criterion
 * @param scaleSize      the number of levels of its scale
 * @param units          assessments with two or more levels for the criterion
 * @param assessors      distinct assessors in those assessments
 * @param exact          share of agreeing pairs among all pairs of levels within a unit (0..1); empty without units
 * @param alphaNominal   Krippendorff's alpha, nominal metric; empty when undefined
 * @param alphaOrdinal   Krippendorff's alpha, ordinal metric; empty when undefined
 * @param alphaInterval  Krippendorff's alpha, interval metric; empty when undefined
 * @param pairs          per pair of assessors who shared at least one unit, by assessor
 */
public record CriterionAgreement(String criterionCode, int scaleSize, int units, int assessors, OptionalDouble exact,
                                 OptionalDouble alphaNominal, OptionalDouble alphaOrdinal, OptionalDouble alphaInterval, List<PairAgreement> pairs) {
}
