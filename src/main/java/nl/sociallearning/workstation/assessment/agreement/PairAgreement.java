package nl.sociallearning.workstation.assessment.agreement;

import java.util.OptionalDouble;

/**
 * How two assessors agree over the units (assessment × criterion) both rated.
 *
 * @param criterionCode   the criterion, or null when pooled over all criteria
 * @param assessorA       the first assessor (alphabetically)
 * @param assessorB       the second
 * @param units           units both rated
 * @param exact           share of units with the same level (0..1)
 * @param withinOne       share of units at most one level apart (0..1)
 * @param meanDifference  mean of A's level minus B's level (positive: A scores higher)
 * @param kappa           Cohen's plain kappa; empty when undefined
 * @param kappaLinear     Cohen's kappa with linear weights; empty when undefined or the scales differ
 * @param kappaQuadratic  Cohen's kappa with quadratic weights; empty when undefined or the scales differ
 */
public record PairAgreement(String criterionCode, String assessorA, String assessorB, int units, double exact, double withinOne,
                            double meanDifference, OptionalDouble kappa, OptionalDouble kappaLinear, OptionalDouble kappaQuadratic) {
}
