package nl.sociallearning.workstation.assessment.agreement;

import nl.sociallearning.workstation.ui.Messages;

import java.util.List;
import java.util.Locale;

/**
 * An advisory sign that an assessor's levels may be biased. It is never a verdict: it names the assessor and
 * the evidence, and asks them to look again. What the numbers mean depends on the kind:
 *
 * <ul>
 *   <li>{@link Kind#HALO}: {@code count} assessments with the same level on every criterion, of {@code total} with
 *       enough criteria; {@code assessmentIds} are those assessments.</li>
 *   <li>{@link Kind#CENTRAL_TENDENCY}: {@code count} middle levels of {@code total} levels; {@code value} the share.</li>
 *   <li>{@link Kind#LENIENCY} / {@link Kind#SEVERITY}: {@code value} the mean difference in levels from the other
 *       assessors on the same criteria of the same assessments, over {@code count} criteria in {@code total}
 *       assessments (or students, when known); {@code reference} the threshold.</li>
 *   <li>{@link Kind#ENTERED_BEFORE_OBSERVATION_ENDED}: {@code count} of the assessor's {@code total} levels in the
 *       one assessment were entered before its observation ended, the earliest {@code value} minutes before.</li>
 *   <li>{@link Kind#DRIFT}: over a series of {@code count} assessments in time order, the mean level went from
 *       {@code value} (first half) to {@code reference} (second half).</li>
 * </ul>
 */
public record BiasWarning(Kind kind, String assessorId, List<String> assessmentIds, int count, int total, double value,
                          double reference) {

    public enum Kind { HALO, CENTRAL_TENDENCY, LENIENCY, SEVERITY, ENTERED_BEFORE_OBSERVATION_ENDED, DRIFT }

    static final String BUNDLE = "nl.sociallearning.workstation.assessment.agreement.bias";

    public BiasWarning {
        assessmentIds = List.copyOf(assessmentIds);
    }

    /** Always true: these warnings advise, they decide nothing. */
    public boolean advisory() {
        return true;
    }

    /** The warnings' sentences in Dutch (Dutch locales) or English: load once, describe many. */
    public static Messages texts(Locale locale) {
        return new Messages(BUNDLE, locale);
    }

    /**
     * The warning as a sentence in the language of {@code texts} (see {@link #texts(Locale)}), naming the assessor
     * (by the name given, e.g. a display name for the id) and the evidence, and saying that it is advisory.
     */
    public String describe(String assessorName, Messages texts) {
        String ids = String.join(", ", assessmentIds);
        // Drift speaks of mean levels: counted from 1 for people, as the scale is shown.
        double shown = kind == Kind.DRIFT ? value + 1 : value;
        double shownReference = kind == Kind.DRIFT ? reference + 1 : reference;
        String text = texts.require("biasWarning." + kind.name(), assessorName, count, total, shown, shownReference, ids, Math.abs(value));
        return text + " " + texts.require("biasWarning.advisory");
    }
}
