package nl.sociallearning.workstation.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** The benchmarks' figures and how they print them: one table layout, medians and percentiles. */
final class BenchTable {

    private static final String LINE = "%-52s %-40s %-20s %s%n";

    private BenchTable() {
    }

    static void header(String measured) {
        System.out.printf(LINE, "", measured, "goal", "");
    }

    /** A figure with a goal: says whether it was met. */
    static void row(String what, String measured, String goal, boolean met) {
        System.out.printf(LINE, what, measured, goal, met ? "met" : "MISSED");
    }

    /** A figure without a goal of its own. */
    static void row(String what, String measured, String goal) {
        System.out.printf(LINE, what, measured, goal, "");
    }

    /** Median and 95th percentile in milliseconds, with one decimal below 100 ms. */
    static String stats(List<Double> values) {
        String number = median(values) < 100 ? "%.1f" : "%.0f";
        return String.format("median " + number + " ms, p95 " + number + " ms (%d runs)", median(values),
                percentile(values, 0.95), values.size());
    }

    static double median(List<Double> values) {
        return percentile(values, 0.5);
    }

    static double percentile(List<Double> values, double p) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(Math.max(0, (int) Math.ceil(sorted.size() * p) - 1));
    }
}
