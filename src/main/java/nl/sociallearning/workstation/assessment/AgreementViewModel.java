package nl.sociallearning.workstation.assessment;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import nl.sociallearning.workstation.assessment.agreement.AgreementTables;
import nl.sociallearning.workstation.assessment.mapping.CachedRatings;
import nl.sociallearning.workstation.store.Cache;
import nl.sociallearning.workstation.ui.Refresher;
import nl.sociallearning.workstation.ui.TaskRunner;

import java.util.Locale;

/**
 * Agreement between assessors over every assessment in the cache: each assessor's own locked levels, per
 * criterion and per pair, with the advisory bias signals. Read and computed in the background.
 */
public final class AgreementViewModel {

    /**
     * @param tables      the figures as rows
     * @param assessments assessments with locked levels
     * @param assessors   assessors who locked levels
     * @param tooFew      no row rests on enough units to go by
     */
    public record Summary(AgreementTables tables, int assessments, int assessors, boolean tooFew) {
        static Summary of(CachedRatings r, Locale locale) {
            AgreementTables t = AgreementTables.of(r.ratings(), r.names()::get, locale);
            boolean enough = t.criteria().stream().anyMatch(c -> !c.fewUnits() && c.assessors() > 1)
                    || t.pairs().stream().anyMatch(p -> !p.fewUnits());
            return new Summary(t, r.assessments(), r.assessors(), !enough);
        }
    }

    private final ObjectProperty<Summary> summary = new SimpleObjectProperty<>();
    private final ObjectProperty<Throwable> failure = new SimpleObjectProperty<>();
    private final SimpleBooleanProperty loading = new SimpleBooleanProperty();
    private final Refresher<Summary> refresher;
    // A load asked for while one runs: the refresher runs it next, so the page stays "loading" until it is done.
    private boolean another;

    public AgreementViewModel(Cache cache, TaskRunner runner, Locale locale) {
        this.refresher = new Refresher<>(runner, () -> Summary.of(CachedRatings.read(cache), locale), this::show, this::fail);
    }

    public ReadOnlyObjectProperty<Summary> summaryProperty() {
        return summary;
    }

    /** Why the figures could not be computed (e.g. one criterion on two scales); null when they could. */
    public ReadOnlyObjectProperty<Throwable> failureProperty() {
        return failure;
    }

    public ReadOnlyBooleanProperty loadingProperty() {
        return loading;
    }

    /** Reads the figures again; asked for while a load runs, one more load follows it, so a change made meanwhile shows. */
    public void load() {
        another = loading.get();
        loading.set(true);
        refresher.request();
    }

    private void show(Summary s) {
        failure.set(null);
        summary.set(s);
        finished();
    }

    private void fail(Throwable e) {
        failure.set(e);
        finished();
    }

    private void finished() {
        if (another) {
            another = false;
        } else {
            loading.set(false);
        }
    }
}
