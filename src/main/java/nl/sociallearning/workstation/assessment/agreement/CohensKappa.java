package nl.sociallearning.workstation.assessment.agreement;

import java.util.OptionalDouble;

/**
 * Cohen's (weighted) kappa for two assessors on one ordinal scale:
 * κw = 1 − Σ wᵢⱼ·oᵢⱼ / Σ wᵢⱼ·eᵢⱼ, with oᵢⱼ the observed counts, eᵢⱼ = rowᵢ·colⱼ / N the counts chance would give,
 * and wᵢⱼ the disagreement weight of levels i and j.
 */
public final class CohensKappa {

    /** How much a disagreement of i against j counts. */
    public enum Weights {
        /** Every disagreement counts 1: Cohen's plain kappa. */
        NOMINAL,
        /** |i − j| / (k − 1): one level apart counts half as much as two on a three-level scale. */
        LINEAR,
        /** (i − j)² / (k − 1)²: large disagreements count much more. */
        QUADRATIC;

        double weight(int i, int j, int k) {
            return switch (this) {
                case NOMINAL -> i == j ? 0 : 1;
                case LINEAR -> Math.abs(i - j) / (double) (k - 1);
                case QUADRATIC -> (i - j) * (double) (i - j) / ((k - 1) * (double) (k - 1));
            };
        }
    }

    private CohensKappa() {
    }

    /**
     * Kappa from pairs of levels (levelsA[u] and levelsB[u] for the same unit u) on a scale of k levels.
     * Empty when there are no pairs or chance alone predicts no disagreement (both used one and the same level).
     */
    public static OptionalDouble of(int[] levelsA, int[] levelsB, int scaleSize, Weights weights) {
        if (levelsA.length != levelsB.length) {
            throw new IllegalArgumentException("Both assessors need a level for every unit: " + levelsA.length + " and " + levelsB.length);
        }
        long[][] table = new long[scaleSize][scaleSize];
        for (int u = 0; u < levelsA.length; u++) {
            table[levelsA[u]][levelsB[u]]++;
        }
        return ofTable(table, weights);
    }

    /** Kappa from a square table of counts: rows are assessor A's levels, columns assessor B's. */
    public static OptionalDouble ofTable(long[][] table, Weights weights) {
        int k = table.length;
        double[] rows = new double[k];
        double[] cols = new double[k];
        double n = 0;
        for (int i = 0; i < k; i++) {
            if (table[i].length != k) {
                throw new IllegalArgumentException("The table must be square");
            }
            for (int j = 0; j < k; j++) {
                rows[i] += table[i][j];
                cols[j] += table[i][j];
                n += table[i][j];
            }
        }
        if (n == 0) {
            return OptionalDouble.empty();
        }
        double observed = 0;
        double expected = 0;
        for (int i = 0; i < k; i++) {
            for (int j = 0; j < k; j++) {
                double w = weights.weight(i, j, k);
                observed += w * table[i][j];
                expected += w * rows[i] * cols[j] / n;
            }
        }
        if (expected == 0) {
            return OptionalDouble.empty();
        }
        return OptionalDouble.of(1 - observed / expected);
    }
}
