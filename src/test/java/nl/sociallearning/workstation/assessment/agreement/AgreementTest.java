package nl.sociallearning.workstation.assessment.agreement;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class AgreementTest {

    /*
     * Criterion W1 (three levels), five assessments rated by "anna" and "bram" as in the kappa hand computation of
     * StatisticsTest: anna 0 1 2 1 0, bram 0 1 2 2 1. Exact 3/5, within one level 5/5, mean difference
     * (0 + 0 + 0 − 1 − 1)/5 = −0.4; κ = 7/17, κ linear = 6/11, κ quadratic = 0.6875.
     * In assessment a1 a third assessor, "cees", also gave 0: that unit (0, 0, 0) has three pairs, anna–bram (already
     * among the five above), anna–cees and bram–cees, all agreeing. Pairwise agreement for W1: 7 pairs, 3 + 2 = 5
     * agreeing, 5/7.
     * Criterion W2: one assessment, anna and bram both 2. Criterion W3: rated by one assessor only.
     */
    @Test
    void perCriterionAndPerPair() {
        List<Rating> ratings = new ArrayList<>();
        int[] anna = {0, 1, 2, 1, 0};
        int[] bram = {0, 1, 2, 2, 1};
        for (int i = 0; i < 5; i++) {
            ratings.add(Rating.of("a" + (i + 1), "W1", "anna", anna[i], 3));
            ratings.add(Rating.of("a" + (i + 1), "W1", "bram", bram[i], 3));
        }
        ratings.add(Rating.of("a1", "W1", "cees", 0, 3));
        ratings.add(Rating.of("a1", "W2", "anna", 2, 3));
        ratings.add(Rating.of("a1", "W2", "bram", 2, 3));
        ratings.add(Rating.of("a2", "W3", "anna", 1, 3)); // rated once: no agreement to speak of

        List<CriterionAgreement> criteria = Agreement.perCriterion(ratings);
        assertThat(criteria).extracting(CriterionAgreement::criterionCode).containsExactly("W1", "W2");
        CriterionAgreement w1 = criteria.get(0);
        assertThat(w1.units()).isEqualTo(5);
        assertThat(w1.assessors()).isEqualTo(3);
        assertThat(w1.exact().orElseThrow()).isCloseTo(5 / 7.0, within(1e-12));
        assertThat(w1.pairs()).extracting(p -> p.assessorA() + "-" + p.assessorB()).containsExactly("anna-bram", "anna-cees", "bram-cees");
        PairAgreement annaBram = w1.pairs().get(0);
        assertThat(annaBram.units()).isEqualTo(5);
        assertThat(annaBram.exact()).isCloseTo(0.6, within(1e-12));
        assertThat(annaBram.withinOne()).isCloseTo(1.0, within(1e-12));
        assertThat(annaBram.meanDifference()).isCloseTo(-0.4, within(1e-12));
        assertThat(annaBram.kappa().orElseThrow()).isCloseTo(7 / 17.0, within(1e-12));
        assertThat(annaBram.kappaLinear().orElseThrow()).isCloseTo(6 / 11.0, within(1e-12));
        assertThat(annaBram.kappaQuadratic().orElseThrow()).isCloseTo(0.6875, within(1e-12));
        assertThat(w1.alphaOrdinal()).isPresent();

        // W2: one unit, both "goed": full agreement, but no variation, so kappa and alpha say nothing.
        CriterionAgreement w2 = criteria.get(1);
        assertThat(w2.exact()).hasValue(1.0);
        assertThat(w2.alphaOrdinal()).isEmpty();
        assertThat(w2.pairs().get(0).kappaLinear()).isEmpty();

        // Pooled: anna–bram share W1 in five assessments and W2 in one: 4 of 6 agree.
        List<PairAgreement> pairs = Agreement.perPair(ratings);
        assertThat(pairs).extracting(p -> p.assessorA() + "-" + p.assessorB() + ":" + p.units())
                .containsExactly("anna-bram:6", "anna-cees:1", "bram-cees:1");
        assertThat(pairs.get(0).exact()).isCloseTo(4 / 6.0, within(1e-12));
        assertThat(pairs.get(0).criterionCode()).isNull();
    }

    @Test
    void pooledKappaNeedsOneScale() {
        List<Rating> ratings = List.of(
                Rating.of("a1", "W1", "anna", 0, 3), Rating.of("a1", "W1", "bram", 1, 3),
                Rating.of("a1", "EPA", "anna", 4, 5), Rating.of("a1", "EPA", "bram", 2, 5));
        PairAgreement pooled = Agreement.perPair(ratings).get(0);
        assertThat(pooled.units()).isEqualTo(2);
        assertThat(pooled.kappaLinear()).isEmpty();
        assertThat(pooled.exact()).isZero();
    }

    @Test
    void oneSharedUnitGivesNoCoefficientRatherThanAMisleadingZero() {
        // One assessment, two criteria: per criterion one unit each; the levels differ on W1 (alpha would be exactly 0).
        List<Rating> ratings = List.of(
                Rating.of("a1", "W1", "anna", 0, 3), Rating.of("a1", "W1", "bram", 2, 3),
                Rating.of("a1", "W2", "anna", 1, 3), Rating.of("a1", "W2", "bram", 1, 3));
        CriterionAgreement w1 = Agreement.perCriterion(ratings).get(0);
        assertThat(w1.units()).isEqualTo(1);
        assertThat(w1.exact()).hasValue(0.0);
        assertThat(w1.alphaNominal()).isEmpty();
        assertThat(w1.alphaOrdinal()).isEmpty();
        assertThat(w1.alphaInterval()).isEmpty();
        assertThat(w1.pairs().get(0).kappa()).isEmpty();
        // Pooled over both criteria the pair shares two units: kappa is there again.
        PairAgreement pooled = Agreement.perPair(ratings).get(0);
        assertThat(pooled.units()).isEqualTo(Agreement.MIN_UNITS);
        assertThat(pooled.kappa()).isPresent();
        assertThat(pooled.kappaLinear()).isPresent();
    }

    @Test
    void twoLevelsFromOneAssessorForOneCriterionAreRefusedByName() {
        List<Rating> ratings = List.of(Rating.of("a7", "W1", "anna", 0, 3), Rating.of("a7", "W1", "anna", 2, 3));
        assertThatThrownBy(() -> Agreement.perCriterion(ratings))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("anna").hasMessageContaining("W1").hasMessageContaining("a7");
    }

    @Test
    void aCriterionOnTwoScalesIsRefused() {
        List<Rating> ratings = List.of(Rating.of("a1", "W1", "anna", 0, 3), Rating.of("a2", "W1", "bram", 3, 4));
        assertThatThrownBy(() -> Agreement.perPair(ratings)).hasMessageContaining("W1");
    }

    @Test
    void aLevelOutsideTheScaleIsRefused() {
        assertThatThrownBy(() -> Rating.of("a1", "W1", "anna", 3, 3)).hasMessageContaining("outside the scale");
    }
}
