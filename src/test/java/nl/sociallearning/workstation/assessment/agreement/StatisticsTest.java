package nl.sociallearning.workstation.assessment.agreement;

import nl.sociallearning.workstation.assessment.agreement.CohensKappa.Weights;
import nl.sociallearning.workstation.assessment.agreement.KrippendorffAlpha.Metric;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** Kappa and alpha against hand computations and published examples. */
class StatisticsTest {

    /*
     * Two assessors, a three-level scale (0 onvoldoende, 1 voldoende, 2 goed), five units:
     *   A: 0 1 2 1 0
     *   B: 0 1 2 2 1
     * Table n(a,b): (0,0)=1 (0,1)=1 (1,1)=1 (1,2)=1 (2,2)=1, N=5.
     * Rows (A): 2 2 1. Columns (B): 1 2 2. Chance counts e(i,j) = row(i)·col(j)/5:
     *   row 0: 0.4 0.8 0.8   row 1: 0.4 0.8 0.8   row 2: 0.2 0.4 0.4
     * Plain: observed disagreements 2; expected 5 − (0.4 + 0.8 + 0.4) = 3.4; κ = 1 − 2/3.4 = 7/17 = 0.41176
     *   (the textbook way: po = 3/5, pe = (2·1 + 2·2 + 1·2)/25 = 0.32, (0.6 − 0.32)/0.68 = 0.41176).
     * Linear (w = |i−j|/2): observed 0.5 + 0.5 = 1.0;
     *   expected 0.5·0.8 + 1·0.8 + 0.5·0.4 + 0.5·0.8 + 1·0.2 + 0.5·0.4 = 2.2; κ = 1 − 1/2.2 = 6/11 = 0.54545.
     * Quadratic (w = (i−j)²/4): observed 0.25 + 0.25 = 0.5;
     *   expected 0.25·0.8 + 1·0.8 + 0.25·0.4 + 0.25·0.8 + 1·0.2 + 0.25·0.4 = 1.6; κ = 1 − 0.5/1.6 = 0.6875.
     */
    @Test
    void weightedKappaMatchesTheHandComputation() {
        int[] a = {0, 1, 2, 1, 0};
        int[] b = {0, 1, 2, 2, 1};
        assertThat(CohensKappa.of(a, b, 3, Weights.NOMINAL).orElseThrow()).isCloseTo(7 / 17.0, within(1e-12));
        assertThat(CohensKappa.of(a, b, 3, Weights.LINEAR).orElseThrow()).isCloseTo(6 / 11.0, within(1e-12));
        assertThat(CohensKappa.of(a, b, 3, Weights.QUADRATIC).orElseThrow()).isCloseTo(0.6875, within(1e-12));
    }

    /*
     * The yes/no example of the Wikipedia article on Cohen's kappa: 50 proposals, both yes 20, A yes B no 5,
     * A no B yes 10, both no 15: po = 0.7, pe = 0.5·0.6 + 0.5·0.4 = 0.5, κ = 0.4. With two levels every weighting
     * is the same.
     */
    @Test
    void plainKappaMatchesThePublishedYesNoExample() {
        long[][] table = {{15, 10}, {5, 20}};
        for (Weights w : Weights.values()) {
            assertThat(CohensKappa.ofTable(table, w).orElseThrow()).isCloseTo(0.4, within(1e-12));
        }
    }

    @Test
    void kappaIsUndefinedWhenChanceExplainsEverything() {
        // Both always gave "voldoende": no disagreement expected, so kappa cannot say anything.
        assertThat(CohensKappa.of(new int[]{1, 1, 1}, new int[]{1, 1, 1}, 3, Weights.LINEAR)).isEmpty();
        assertThat(CohensKappa.of(new int[0], new int[0], 3, Weights.LINEAR)).isEmpty();
    }

    /*
     * Two assessors, three units on a three-level scale: (0,0), (1,2), (2,2).
     * Coincidences (each unit weight 1/(m−1) = 1): o00 = 2, o12 = o21 = 1, o22 = 2; n0 = 2, n1 = 1, n2 = 3, n = 6.
     * α = 1 − (n − 1)·Σ o δ² / Σ nc nk δ² (sums over ordered pairs c ≠ k).
     * Interval δ² = (c−k)²: observed 1 + 1 = 2; expected 2·(2·1·1 + 2·3·4 + 1·3·1) = 58; α = 1 − 5·2/58 = 24/29.
     * Ordinal δ²(c,k) = (Σ_{g=c..k} n_g − (n_c + n_k)/2)²: δ²(0,1) = 1.5² = 2.25, δ²(1,2) = 2² = 4, δ²(0,2) = 3.5² = 12.25;
     *   observed 2·4 = 8; expected 2·(2·1·2.25 + 2·3·12.25 + 1·3·4) = 180; α = 1 − 5·8/180 = 7/9.
     * Nominal: observed 2; expected 2·(2 + 6 + 3) = 22; α = 1 − 10/22 = 6/11.
     */
    @Test
    void alphaMatchesTheHandComputation() {
        List<List<Integer>> units = List.of(List.of(0, 0), List.of(1, 2), List.of(2, 2));
        assertThat(KrippendorffAlpha.of(units, 3, Metric.INTERVAL).orElseThrow()).isCloseTo(24 / 29.0, within(1e-12));
        assertThat(KrippendorffAlpha.of(units, 3, Metric.ORDINAL).orElseThrow()).isCloseTo(7 / 9.0, within(1e-12));
        assertThat(KrippendorffAlpha.of(units, 3, Metric.NOMINAL).orElseThrow()).isCloseTo(6 / 11.0, within(1e-12));
    }

    /*
     * Krippendorff (2011), "Computing Krippendorff's Alpha-Reliability", the example with four observers,
     * twelve units, values 1..5 and missing values (· = missing):
     *   A: 1 2 3 3 2 1 4 1 2 · · ·
     *   B: 1 2 3 3 2 2 4 1 2 5 · 3
     *   C: · 3 3 3 2 3 4 2 2 5 1 ·
     *   D: 1 2 3 3 2 4 4 1 2 5 1 ·
     * Published: nominal α = 0.743, ordinal α = 0.815, interval α = 0.849. Unit 12 has one value: not pairable.
     * Values 1..5 are levels 0..4 here.
     */
    @Test
    void alphaMatchesKrippendorffsWorkedExample() {
        Integer[][] observers = {
                {1, 2, 3, 3, 2, 1, 4, 1, 2, null, null, null},
                {1, 2, 3, 3, 2, 2, 4, 1, 2, 5, null, 3},
                {null, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, null},
                {1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, null},
        };
        List<List<Integer>> units = columns(observers);
        assertThat(KrippendorffAlpha.of(units, 5, Metric.NOMINAL).orElseThrow()).isCloseTo(0.743, within(0.0005));
        assertThat(KrippendorffAlpha.of(units, 5, Metric.ORDINAL).orElseThrow()).isCloseTo(0.815, within(0.0005));
        assertThat(KrippendorffAlpha.of(units, 5, Metric.INTERVAL).orElseThrow()).isCloseTo(0.849, within(0.0005));
    }

    /*
     * The computational example of the Wikipedia article on Krippendorff's alpha: three coders, fifteen units, values
     * 1..4, many missing. Published: nominal α = 0.691, interval α = 0.811.
     */
    @Test
    void alphaMatchesTheWikipediaExample() {
        Integer[][] coders = {
                {null, null, null, null, null, 3, 4, 1, 2, 1, 1, 3, 3, null, 3},
                {1, null, 2, 1, 3, 3, 4, 3, null, null, null, null, null, null, null},
                {null, null, 2, 1, 3, 4, 4, null, 2, 1, 1, 3, 3, null, 4},
        };
        List<List<Integer>> units = columns(coders);
        assertThat(KrippendorffAlpha.of(units, 4, Metric.NOMINAL).orElseThrow()).isCloseTo(0.691, within(0.0005));
        assertThat(KrippendorffAlpha.of(units, 4, Metric.INTERVAL).orElseThrow()).isCloseTo(0.811, within(0.0005));
    }

    @Test
    void alphaIsOneForPerfectAgreementAndUndefinedWithoutVariation() {
        assertThat(KrippendorffAlpha.of(List.of(List.of(0, 0, 0), List.of(2, 2)), 3, Metric.ORDINAL)).hasValue(1.0);
        assertThat(KrippendorffAlpha.of(List.of(List.of(1, 1), List.of(1, 1)), 3, Metric.ORDINAL)).isEmpty();
        assertThat(KrippendorffAlpha.of(List.of(List.of(1), List.of(2)), 3, Metric.ORDINAL)).isEmpty();
    }

    /** Observers as rows, units as columns (null = missing) → per unit the values present, values 1.. as levels 0... */
    private static List<List<Integer>> columns(Integer[][] rows) {
        List<List<Integer>> units = new ArrayList<>();
        for (int u = 0; u < rows[0].length; u++) {
            int unit = u;
            units.add(Arrays.stream(rows).map(r -> r[unit]).filter(Objects::nonNull).map(v -> v - 1).toList());
        }
        return units;
    }
}
