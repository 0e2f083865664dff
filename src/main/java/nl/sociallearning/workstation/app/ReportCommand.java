package nl.sociallearning.workstation.app;

import nl.sociallearning.workstation.domain.Course;
import nl.sociallearning.workstation.reports.PrivacyMode;
import nl.sociallearning.workstation.reports.Pseudonyms;
import nl.sociallearning.workstation.reports.Report;
import nl.sociallearning.workstation.reports.ReportException;
import nl.sociallearning.workstation.reports.ReportExporter;
import nl.sociallearning.workstation.reports.ReportPeriod;
import nl.sociallearning.workstation.reports.ReportRequest;
import nl.sociallearning.workstation.store.Cache;
import nl.sociallearning.workstation.store.StoreException;
import nl.sociallearning.workstation.sync.SyncException;
import nl.sociallearning.workstation.sync.SyncReport;
import nl.sociallearning.workstation.ui.Messages;

import java.io.IOException;
import java.io.PrintStream;
import java.time.Clock;
import java.util.Locale;

/**
 * {@code --report}: one report from the cache to a file, without a window. When the cache holds no course at all
 * (a fresh data folder), it syncs once first from the configured server (the embedded demo server by default) and
 * says so.
 */
final class ReportCommand {

    static final int WRITTEN = 0;
    static final int SYNC_FAILED = 1;
    static final int USAGE = 2;
    static final int CANNOT_WRITE = 3;
    static final int NO_SUCH_COURSE = 4;
    static final int CACHE_FAILED = 5;

    private ReportCommand() {
    }

    static int run(Options options, PrintStream out, PrintStream err) {
        ReportOptions r = options.report();
        Messages messages = new Messages(options.language() != null ? options.language() : Locale.getDefault());
        try (Cache cache = Cache.open(options.dataDirOrDefault())) {
            if (!cache.courses().all().isEmpty()) {
                return export(cache, r, messages, out, err);
            }
        } catch (StoreException e) {
            err.println("moderator-workstation: " + e.getMessage());
            return CACHE_FAILED;
        }
        return syncThenExport(options, r, messages, out, err);
    }

    private static int export(Cache cache, ReportOptions r, Messages messages, PrintStream out, PrintStream err) {
        ReportExporter exporter = new ReportExporter(cache, Pseudonyms.in(cache.directory()), messages, Clock.systemUTC());
        try {
            Course course = exporter.course(r.course());
            ReportPeriod fallback = exporter.defaultPeriod(course);
            ReportPeriod period = new ReportPeriod(r.from() != null ? r.from() : fallback.from(),
                    r.to() != null ? r.to() : fallback.to());
            PrivacyMode mode = r.mode() != null ? r.mode() : PrivacyMode.defaultFor(course);
            Report report = exporter.export(new ReportRequest(course.id(), r.preset(), r.format(), mode, period, r.purpose(),
                    r.out()), (fraction, stage) -> { });
            out.printf("Wrote %s: %s of %s, %s, %s to %s, %d rows. Logged with its purpose.%n", r.out().toAbsolutePath(),
                    r.preset().cliName(), course.id(), mode.cliName(), period.from(), period.to(), report.rowCount());
            if (r.mode() == null) {
                out.printf("(privacy mode %s: the default for this course; choose another with --mode)%n", mode.cliName());
            }
            return WRITTEN;
        } catch (ReportException e) {
            err.println("moderator-workstation: " + e.getMessage());
            return switch (e.kind()) {
                case NO_SUCH_COURSE -> {
                    err.println("  courses in the cache: " + String.join(", ", cache.courses().all().stream().map(Course::id).toList()));
                    yield NO_SUCH_COURSE;
                }
                case CANNOT_WRITE -> CANNOT_WRITE;
                case BAD_REQUEST -> USAGE;
            };
        } catch (IllegalArgumentException e) {
            err.println("moderator-workstation: " + e.getMessage());
            return USAGE;
        }
    }

    /** An empty cache: one sync through the whole workstation, then the report from its cache. */
    private static int syncThenExport(Options options, ReportOptions r, Messages messages, PrintStream out, PrintStream err) {
        out.println("The cache is empty: syncing once from " + (options.server() != null ? options.server()
                : "the embedded demo server") + " first.");
        try (Workstation workstation = Workstation.open(options)) {
            SyncReport synced;
            try {
                synced = workstation.engine().syncOnce();
            } catch (SyncException e) {
                err.println("moderator-workstation: sync failed: " + e.getMessage());
                return SYNC_FAILED;
            }
            out.printf("Synced %d courses: %d changes in %.1f s%n", synced.courses(), synced.changes(),
                    synced.duration().toMillis() / 1000.0);
            return export(workstation.cache(), r, messages, out, err);
        } catch (StoreException e) {
            err.println("moderator-workstation: " + e.getMessage());
            return CACHE_FAILED;
        } catch (IOException e) {
            err.println("moderator-workstation: " + e.getMessage());
            return SYNC_FAILED;
        }
    }
}
