package nl.sociallearning.workstation.assessment.agreement;

import nl.sociallearning.workstation.ui.Messages;

import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;
import java.util.function.Function;

/**
 * The agreement figures as tables a view can show as they are: texts formatted for the locale, assessors by
 * name, and a {@link Quality} per row so a view can colour it without knowing the thresholds. Built in the
 * background (it reads nothing, but many assessments make it work); rows are immutable.
 *
 * @param criteria  one row per criterion
 * @param pairs     one row per pair of assessors over all criteria, then per criterion and pair
 * @param warnings  the advisory bias warnings, as sentences
 */
public record AgreementTables(List<CriterionRow> criteria, List<PairRow> pairs, List<WarningRow> warnings) {

    /** Fewer units than this and a row is marked as resting on little data. */
    public static final int FEW_UNITS = 10;

    /**
     * How far a coefficient can be trusted, after Krippendorff's guideline for alpha (and used the same way for
     * kappa here): at least 0.800 good, at least 0.667 tentative, lower is low; unknown when it cannot be computed.
     */
    public enum Quality {
        GOOD, TENTATIVE, LOW, UNKNOWN;

        static Quality of(OptionalDouble coefficient) {
            if (coefficient.isEmpty()) {
                return UNKNOWN;
            }
            double v = coefficient.getAsDouble();
            return v >= 0.8 ? GOOD : v >= 0.667 ? TENTATIVE : LOW;
        }
    }

    /** "–" stands for a figure that cannot be computed (too little variation or data). */
    public record CriterionRow(String criterionCode, int units, int assessors, String exact, String alphaNominal, String alphaOrdinal,
                               String alphaInterval, Quality quality, boolean fewUnits) {
    }

    /** criterionCode is empty for a pair over all criteria; the quality follows the linear kappa. */
    public record PairRow(String criterionCode, String assessorA, String assessorB, int units, String exact, String withinOne,
                          String kappa, String kappaLinear, String kappaQuadratic, String meanDifference, Quality quality, boolean fewUnits) {
    }

    public record WarningRow(BiasWarning.Kind kind, String assessor, String text) {
    }

    /**
     * @param ratings the assessors' original levels
     * @param names   an assessor's name for an id (e.g. from the cache); the id when unknown
     * @param locale  Dutch for Dutch locales, else English
     */
    public static AgreementTables of(Collection<Rating> ratings, Function<String, String> names, Locale locale) {
        NumberFormat percent = NumberFormat.getPercentInstance(locale);
        NumberFormat coefficient = NumberFormat.getNumberInstance(locale);
        coefficient.setMinimumFractionDigits(2);
        coefficient.setMaximumFractionDigits(2);
        NumberFormat difference = NumberFormat.getNumberInstance(locale);
        difference.setMinimumFractionDigits(1);
        difference.setMaximumFractionDigits(2);

        List<CriterionAgreement> perCriterion = Agreement.perCriterion(ratings);
        List<CriterionRow> criteria = new ArrayList<>();
        List<PairRow> pairs = new ArrayList<>();
        for (PairAgreement p : Agreement.perPair(ratings)) {
            pairs.add(pairRow(p, names, percent, coefficient, difference));
        }
        for (CriterionAgreement c : perCriterion) {
            criteria.add(new CriterionRow(c.criterionCode(), c.units(), c.assessors(), format(c.exact(), percent),
                    format(c.alphaNominal(), coefficient), format(c.alphaOrdinal(), coefficient), format(c.alphaInterval(), coefficient),
                    Quality.of(c.alphaOrdinal()), c.units() < FEW_UNITS));
            for (PairAgreement p : c.pairs()) {
                pairs.add(pairRow(p, names, percent, coefficient, difference));
            }
        }
        List<WarningRow> warnings = new ArrayList<>();
        Messages texts = BiasWarning.texts(locale);
        for (BiasWarning w : BiasCheck.check(ratings)) {
            String name = names.apply(w.assessorId());
            warnings.add(new WarningRow(w.kind(), name, w.describe(name, texts)));
        }
        return new AgreementTables(List.copyOf(criteria), List.copyOf(pairs), List.copyOf(warnings));
    }

    private static PairRow pairRow(PairAgreement p, Function<String, String> names, NumberFormat percent, NumberFormat coefficient,
                                   NumberFormat difference) {
        String mean = (p.meanDifference() > 0 ? "+" : "") + difference.format(p.meanDifference());
        return new PairRow(p.criterionCode() == null ? "" : p.criterionCode(), names.apply(p.assessorA()), names.apply(p.assessorB()),
                p.units(), percent.format(p.exact()), percent.format(p.withinOne()), format(p.kappa(), coefficient),
                format(p.kappaLinear(), coefficient), format(p.kappaQuadratic(), coefficient), mean, Quality.of(p.kappaLinear()), p.units() < FEW_UNITS);
    }

    private static String format(OptionalDouble value, NumberFormat format) {
        return value.isPresent() ? format.format(value.getAsDouble()) : "\u2013";
    }
}
