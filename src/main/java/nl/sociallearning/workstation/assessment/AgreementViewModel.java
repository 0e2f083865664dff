package nl.sociallearning.workstation.assessment;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import nl.sociallearning.workstation.assessment.agreement.AgreementDocument;
import nl.sociallearning.workstation.assessment.agreement.AgreementExport;
import nl.sociallearning.workstation.assessment.agreement.AgreementTables;
import nl.sociallearning.workstation.assessment.mapping.AgreementFilter;
import nl.sociallearning.workstation.assessment.mapping.CachedRatings;
import nl.sociallearning.workstation.store.Cache;
import nl.sociallearning.workstation.ui.Refresher;
import nl.sociallearning.workstation.ui.TaskRunner;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Agreement between assessors over the assessments in the cache, or the part a filter leaves (period, framework,
 * assessor): each assessor's own locked levels, per criterion and per pair, with the advisory bias signals; and
 * the export of exactly that. Reading, computing and writing happen in the background.
 */
public final class AgreementViewModel {

    /** Something to filter on: its id and how the page names it. */
    public record Choice(String id, String label) {
    }

    /**
     * @param tables      the figures as rows, for the selection
     * @param assessments assessments in the selection with locked levels
     * @param assessors   assessors in the selection who locked levels
     * @param tooFew      no row rests on enough units to go by
     * @param total       assessments with locked levels before filtering
     * @param filter      the filter the figures were computed for
     * @param selection   the levels behind the figures, for the export
     * @param frameworks  the frameworks there are to choose from
     * @param people      the assessors there are to choose from
     */
    public record Summary(AgreementTables tables, int assessments, int assessors, boolean tooFew, int total, AgreementFilter filter,
                          CachedRatings selection, List<Choice> frameworks, List<Choice> people) {

        static Summary of(CachedRatings all, AgreementFilter filter, ZoneId zone, Locale locale) {
            CachedRatings r = all.filter(filter, zone);
            AgreementTables t = AgreementTables.of(r.ratings(), r::name, locale);
            boolean enough = t.criteria().stream().anyMatch(c -> !c.fewUnits() && c.assessors() > 1)
                    || t.pairs().stream().anyMatch(p -> !p.fewUnits());
            Map<String, String> frameworks = new LinkedHashMap<>();
            all.rated().forEach(a -> frameworks.putIfAbsent(a.frameworkCode(), a.frameworkTitle()));
            List<Choice> people = all.rated().stream().flatMap(a -> a.assessorIds().stream()).distinct()
                    .map(id -> new Choice(id, all.name(id))).sorted(Comparator.comparing(Choice::label)).toList();
            return new Summary(t, r.assessments(), r.assessors(), !enough, all.assessments(), filter, r,
                    frameworks.entrySet().stream().map(e -> new Choice(e.getKey(), e.getValue())).sorted(Comparator.comparing(Choice::label)).toList(),
                    people);
        }

        /** The filter in the words the export prints. */
        AgreementDocument.Selection words() {
            return new AgreementDocument.Selection(filter.from(), filter.to(), label(frameworks, filter.frameworkCode()), label(people, filter.assessorId()));
        }

        private static String label(List<Choice> choices, String id) {
            return id == null ? null : choices.stream().filter(c -> c.id().equals(id)).map(Choice::label).findFirst().orElse(id);
        }
    }

    /** How an export ended: written to the file, or not, and why in a word the page can say in the user's language. */
    public record Exported(Path file, Failure failure, String detail) {
        public boolean ok() {
            return failure == null;
        }
    }

    public enum Failure { NO_ACCESS, NO_FOLDER, NOT_WRITTEN }

    private final Cache cache;
    private final TaskRunner runner;
    private final Locale locale;
    private final ZoneId zone;
    private final Clock clock;
    private final ObjectProperty<Summary> summary = new SimpleObjectProperty<>();
    private final ObjectProperty<Throwable> failure = new SimpleObjectProperty<>();
    private final ObjectProperty<Exported> exported = new SimpleObjectProperty<>();
    private final SimpleBooleanProperty loading = new SimpleBooleanProperty();
    private final SimpleBooleanProperty exporting = new SimpleBooleanProperty();
    private final Refresher<Summary> refresher;
    // Written on the UI thread, read by the background load: the cache is read again only when asked to.
    private volatile CachedRatings read;
    private volatile boolean stale = true;
    private volatile AgreementFilter wanted = AgreementFilter.ALL;

    public AgreementViewModel(Cache cache, TaskRunner runner, Locale locale) {
        this(cache, runner, locale, ZoneId.systemDefault(), Clock.systemUTC());
    }

    public AgreementViewModel(Cache cache, TaskRunner runner, Locale locale, ZoneId zone, Clock clock) {
        this.cache = cache;
        this.runner = runner;
        this.locale = locale;
        this.zone = zone;
        this.clock = clock;
        this.refresher = new Refresher<>(runner, this::compute, this::show, this::fail);
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

    /** The last export's outcome; null before the first. */
    public ReadOnlyObjectProperty<Exported> exportedProperty() {
        return exported;
    }

    public ReadOnlyBooleanProperty exportingProperty() {
        return exporting;
    }

    /** Reads the figures again; asked for while a load runs, one more load follows it, so a change made meanwhile shows. */
    public void load() {
        stale = true;
        request();
    }

    /** Computes the figures for the assessments the filter lets through, from what was read last. */
    public void filter(AgreementFilter f) {
        wanted = f;
        request();
    }

    private void request() {
        loading.set(true);
        refresher.request();
    }

    private Summary compute() {
        CachedRatings all = read;
        if (stale || all == null) {
            stale = false;
            all = CachedRatings.read(cache);
            read = all;
        }
        return Summary.of(all, wanted, zone, locale);
    }

    /**
     * Writes the figures on the page (the filter applied) to the file, in the background; the outcome arrives in
     * {@link #exportedProperty()}. Nothing happens before the first figures are there.
     */
    public void export(Path file, AgreementExport.Format format) {
        Summary s = summary.get();
        if (s == null) {
            return;
        }
        AgreementDocument doc = new AgreementDocument(s.words(), ZonedDateTime.now(clock.withZone(zone)), s.assessments(),
                s.selection().ratings(), s.selection()::name);
        exporting.set(true);
        runner.run(write(doc, format, file), result -> {
            exporting.set(false);
            exported.set(result);
        }, e -> {
            exporting.set(false);
            exported.set(new Exported(file, Failure.NOT_WRITTEN, String.valueOf(e.getMessage())));
        });
    }

    private Supplier<Exported> write(AgreementDocument doc, AgreementExport.Format format, Path file) {
        return () -> {
            try {
                AgreementExport.write(doc, format, locale, file);
                return new Exported(file, null, null);
            } catch (AccessDeniedException e) {
                return new Exported(file, Failure.NO_ACCESS, reason(e));
            } catch (NoSuchFileException e) {
                return new Exported(file, Failure.NO_FOLDER, reason(e));
            } catch (IOException e) {
                return new Exported(file, Failure.NOT_WRITTEN, reason(e));
            } catch (UncheckedIOException e) {
                return new Exported(file, Failure.NOT_WRITTEN, reason(e.getCause()));
            }
        };
    }

    private static String reason(IOException e) {
        return e instanceof FileSystemException f && f.getReason() != null ? f.getReason() : String.valueOf(e.getMessage());
    }

    // A load asked for while one ran follows at once: the page stays "loading" until that one has shown.
    private void show(Summary s) {
        failure.set(null);
        summary.set(s);
        loading.set(refresher.pending());
    }

    private void fail(Throwable e) {
        failure.set(e);
        loading.set(refresher.pending());
    }
}
