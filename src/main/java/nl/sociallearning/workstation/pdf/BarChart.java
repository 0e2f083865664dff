package nl.sociallearning.workstation.pdf;

import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * A simple horizontal bar chart for {@link PdfBuilder#barChart}: one bar per label, lengths relative to the
 * largest value (or to a fixed maximum), the value printed after each bar.
 *
 * <pre>{@code
 * BarChart c = BarChart.titled("Berichten per week").bar("Week 1", 120).bar("Week 2", 96, "96 (−20%)");
 * }</pre>
 */
public final class BarChart {

    /** One bar: its label, its value and the text printed after it. */
    public record Bar(String label, double value, String valueText) {
        public Bar {
            Objects.requireNonNull(label, "label");
            Objects.requireNonNull(valueText, "valueText");
            if (value < 0 || Double.isNaN(value) || Double.isInfinite(value)) {
                throw new IllegalArgumentException("A bar's value must be zero or more: " + label + " = " + value);
            }
        }
    }

    private final String title;
    private final List<Bar> bars = new ArrayList<>();
    private double maximum;
    private NumberFormat format = NumberFormat.getNumberInstance(Locale.forLanguageTag("nl-NL"));

    private BarChart(String title) {
        this.title = title == null ? "" : title;
    }

    /** A chart with a caption above it (may be empty). */
    public static BarChart titled(String title) {
        return new BarChart(title);
    }

    /** Adds a bar whose value is printed with the chart's number format (Dutch by default). */
    public BarChart bar(String label, double value) {
        return bar(label, value, format.format(value));
    }

    /** Adds a bar with its own value text, e.g. "42 %". */
    public BarChart bar(String label, double value, String valueText) {
        bars.add(new Bar(label, value, valueText));
        return this;
    }

    /** Bars are drawn relative to this maximum instead of the largest value (e.g. 100 for percentages). */
    public BarChart maximum(double maximum) {
        this.maximum = maximum;
        return this;
    }

    /** The number format for {@link #bar(String, double)}; set it before adding bars. */
    public BarChart locale(Locale locale) {
        this.format = NumberFormat.getNumberInstance(locale);
        return this;
    }

    String title() {
        return title;
    }

    List<Bar> bars() {
        return bars;
    }

    double scaleMaximum() {
        double largest = bars.stream().mapToDouble(Bar::value).max().orElse(0);
        return Math.max(maximum, largest);
    }
}
