package nl.sociallearning.workstation.assessment.agreement;

import java.util.Collection;
import java.util.OptionalDouble;

/**
 * Krippendorff's alpha for any number of assessors, with missing values, computed through the coincidence
 * matrix (Krippendorff 2011, "Computing Krippendorff's Alpha-Reliability"):
 * α = 1 − (n − 1) · Σ oₖₗ δ²ₖₗ / Σ nₖ nₗ δ²ₖₗ, where oₖₗ counts the pairs of values k, l within a unit
 * (each unit weighted 1 / (mᵤ − 1)), nₖ the pairable values k, and n all pairable values.
 */
public final class KrippendorffAlpha {

    /** The difference function δ². */
    public enum Metric {
        /** Levels are only the same or different. */
        NOMINAL,
        /** Levels are ordered; the distance between two levels grows with how many values lie between them. */
        ORDINAL,
        /** Levels are equally spaced numbers: (k − l)². */
        INTERVAL
    }

    private KrippendorffAlpha() {
    }

    /**
     * Alpha over units, each the collection of levels (0 .. scaleSize − 1) its assessors gave; an assessor who did
     * not rate a unit is simply absent from it. Units with fewer than two levels are not pairable and are ignored.
     * Empty when nothing is pairable or the values show no variation at all (alpha is undefined then).
     */
    public static OptionalDouble of(Collection<? extends Collection<Integer>> units, int scaleSize, Metric metric) {
        double[][] o = new double[scaleSize][scaleSize];
        for (Collection<Integer> unit : units) {
            int m = unit.size();
            if (m < 2) {
                continue;
            }
            int[] counts = new int[scaleSize];
            for (int level : unit) {
                if (level < 0 || level >= scaleSize) {
                    throw new IllegalArgumentException("Level " + level + " is outside the scale 0.." + (scaleSize - 1));
                }
                counts[level]++;
            }
            for (int c = 0; c < scaleSize; c++) {
                for (int k = 0; k < scaleSize; k++) {
                    int pairs = counts[c] * (counts[k] - (c == k ? 1 : 0));
                    o[c][k] += pairs / (double) (m - 1);
                }
            }
        }
        double[] nc = new double[scaleSize];
        double n = 0;
        for (int c = 0; c < scaleSize; c++) {
            for (int k = 0; k < scaleSize; k++) {
                nc[c] += o[c][k];
            }
            n += nc[c];
        }
        if (n <= 1) {
            return OptionalDouble.empty();
        }
        double observed = 0;
        double expected = 0;
        for (int c = 0; c < scaleSize; c++) {
            for (int k = 0; k < scaleSize; k++) {
                double d = delta2(metric, c, k, nc);
                observed += o[c][k] * d;
                expected += nc[c] * nc[k] * d;
            }
        }
        if (expected == 0) {
            return OptionalDouble.empty();
        }
        return OptionalDouble.of(1 - (n - 1) * observed / expected);
    }

    private static double delta2(Metric metric, int c, int k, double[] nc) {
        if (c == k) {
            return 0;
        }
        return switch (metric) {
            case NOMINAL -> 1;
            case INTERVAL -> (c - k) * (double) (c - k);
            case ORDINAL -> {
                int lo = Math.min(c, k);
                int hi = Math.max(c, k);
                double sum = 0;
                for (int g = lo; g <= hi; g++) {
                    sum += nc[g];
                }
                double d = sum - (nc[lo] + nc[hi]) / 2;
                yield d * d;
            }
        };
    }
}
