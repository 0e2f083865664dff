package nl.sociallearning.workstation.assessment.agreement;

import nl.sociallearning.workstation.ui.Messages;

import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * What an export of the agreement figures holds: the selection they rest on, in words, when it was made, and the
 * levels themselves (the writers compute the same figures the page shows from them).
 *
 * @param selection   the filters as the page shows them
 * @param made        when the export was made
 * @param assessments the number of assessments in the selection
 * @param ratings     the assessors' original levels in the selection
 * @param names       an assessor's name for an id
 */
public record AgreementDocument(Selection selection, ZonedDateTime made, int assessments, List<Rating> ratings, Function<String, String> names) {

    static final String BUNDLE = "nl.sociallearning.workstation.assessment.agreement.agreementExport";

    public AgreementDocument {
        ratings = List.copyOf(ratings);
    }

    /**
     * The filters by what a reader recognises; a null part means "all".
     *
     * @param from      first day of the period
     * @param to        last day of the period
     * @param framework the framework's title
     * @param assessor  the assessor's name
     */
    public record Selection(LocalDate from, LocalDate to, String framework, String assessor) {
        public static final Selection ALL = new Selection(null, null, null, null);
    }

    public int assessors() {
        return (int) ratings.stream().map(Rating::assessorId).distinct().count();
    }

    /** The texts of the export, Dutch for Dutch locales and English otherwise. */
    static Messages texts(Locale locale) {
        return new Messages(BUNDLE, locale);
    }

    /** The selection, when it was made and how many assessments, as label and value, in the order a reader wants them. */
    List<List<String>> facts(Messages t) {
        DateTimeFormatter day = DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(t.locale());
        String all = t.get("agreementExport.all");
        String period = selection.from() == null && selection.to() == null ? all
                : selection.from() == null ? t.get("agreementExport.period.until", day.format(selection.to()))
                : selection.to() == null ? t.get("agreementExport.period.from", day.format(selection.from()))
                : t.get("agreementExport.period.between", day.format(selection.from()), day.format(selection.to()));
        return List.of(
                List.of(t.get("agreementExport.fact.made"), madeAt(t)),
                List.of(t.get("agreementExport.fact.period"), period),
                List.of(t.get("agreementExport.fact.framework"), selection.framework() == null ? all : selection.framework()),
                List.of(t.get("agreementExport.fact.assessor"), selection.assessor() == null ? all : selection.assessor()),
                List.of(t.get("agreementExport.fact.assessments"), Integer.toString(assessments)),
                List.of(t.get("agreementExport.fact.assessors"), Integer.toString(assessors())));
    }

    /** When the export was made, as day and time. */
    String madeAt(Messages t) {
        return DateTimeFormatter.ofPattern("d-M-yyyy HH:mm", t.locale()).format(made);
    }

    /** One sentence per method, for the end of the document. */
    static List<String> methods(Messages t) {
        return List.of(t.get("agreementExport.method.unit"), t.get("agreementExport.method.exact"), t.get("agreementExport.method.kappa"),
                t.get("agreementExport.method.alpha"), t.get("agreementExport.method.quality", AgreementTables.FEW_UNITS),
                t.get("agreementExport.method.undefined"), t.get("agreementExport.method.signals"));
    }

    /** How far a coefficient can be trusted, in words; one that cannot be computed says why. */
    static String reliability(Messages t, AgreementTables.Quality q, boolean few, int units) {
        if (q == AgreementTables.Quality.UNKNOWN) {
            return undefined(t, units);
        }
        String word = t.get("agreementExport.quality." + q.name());
        return few ? word + " \u00b7 " + t.get("agreementExport.fewUnits") : word;
    }

    /** Why a coefficient could not be computed: too few units shared, or no spread in the levels. */
    static String undefined(Messages t, int units) {
        return units < Agreement.MIN_UNITS ? t.get("agreementExport.undefined.units") : t.get("agreementExport.undefined.spread");
    }
}
