package nl.sociallearning.workstation.app;

import nl.sociallearning.workstation.demo.DemoCourseServer;
import nl.sociallearning.workstation.store.CourseOverview;
import nl.sociallearning.workstation.store.StoreException;
import nl.sociallearning.workstation.sync.CourseSyncStatus;
import nl.sociallearning.workstation.sync.SyncException;
import nl.sociallearning.workstation.sync.SyncListener;
import nl.sociallearning.workstation.sync.SyncPhase;
import nl.sociallearning.workstation.sync.SyncReport;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Starts the workstation: the window (default), a one-off sync, or the demo course server alone. Not a JavaFX
 * {@code Application} itself, so that it starts from a plain class path (packaged app, IDE, tests).
 */
public final class Main {

    /**
     * Exit codes for scripts: 0 done, 1 the sync failed, 2 the command line was wrong, 3 the cache could not open.
     * {@code --report} has its own (see {@link ReportCommand}).
     */
    static final int OK = 0;
    static final int SYNC_FAILED = 1;
    static final int USAGE = 2;
    static final int CACHE_FAILED = 3;

    private Main() {
    }

    public static void main(String[] args) {
        // Also after the window closes: the HTTP client's and demo server's threads must not keep the JVM alive.
        System.exit(run(args, System.out, System.err));
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        Options options;
        try {
            options = Options.parse(args);
        } catch (IllegalArgumentException e) {
            err.println("moderator-workstation: " + e.getMessage());
            return USAGE;
        }
        if (options.mode() == Options.Mode.HELP) {
            out.print(Options.USAGE);
            return OK;
        }
        Path dataDir = options.dataDirOrDefault();
        // Before the first logger: the log file goes to the data folder.
        System.setProperty("workstation.log.dir", dataDir.toString());
        try {
            return switch (options.mode()) {
                case DEMO_SERVER -> demoServer(options, out);
                case SYNC -> syncOnce(options, out, err);
                case REPORT -> ReportCommand.run(options, out, err);
                default -> {
                    WorkstationApp.launchWith(options);
                    yield OK;
                }
            };
        } catch (StoreException e) {
            err.println("moderator-workstation: " + e.getMessage());
            return CACHE_FAILED;
        } catch (IllegalArgumentException e) {
            err.println("moderator-workstation: " + e.getMessage());
            return USAGE;
        } catch (java.io.IOException e) {
            err.println("moderator-workstation: " + e.getMessage());
            return SYNC_FAILED;
        }
    }

    private static int demoServer(Options options, PrintStream out) throws java.io.IOException {
        DemoCourseServer server = Workstation.startDemoServer(options);
        out.println("Demo course server: " + server.baseUri());
        out.println("Token: " + server.token());
        out.println("Courses: " + String.join(", ", server.courses().stream().map(c -> c.id() + " ("
                + c.participants().size() + " participants, " + c.posts().size() + " posts)").toList()));
        out.println("Commands: burst COURSE N (N replies at once), tick N (N live changes), offline, online");
        out.flush();
        Runtime.getRuntime().addShutdownHook(new Thread(server::close));
        DemoConsole.run(server, System.in, out);
        try {
            Thread.currentThread().join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return OK;
    }

    private static int syncOnce(Options options, PrintStream out, PrintStream err) throws java.io.IOException {
        try (Workstation workstation = Workstation.open(options)) {
            workstation.engine().addListener(new SyncListener() {
                private final Map<String, Long> shown = new ConcurrentHashMap<>();

                @Override
                public void courseStatus(CourseSyncStatus status) {
                    // One line per stored page, so a script (or a person) sees it move.
                    if (status.items() > 0 && !Long.valueOf(status.items()).equals(shown.put(status.courseId(), status.items()))
                            && (status.phase() == SyncPhase.FULL_SYNC || status.phase() == SyncPhase.CATCHING_UP)) {
                        out.printf("  %s: %,d changes stored%n", status.courseId(), status.items());
                        out.flush();
                    }
                    if (status.phase() == SyncPhase.RETRYING) {
                        err.printf("  %s: %s (trying again)%n", status.courseId(), status.error());
                    }
                }
            });
            SyncReport report = workstation.engine().syncOnce();
            out.printf("Synced %d courses: %d changes in %.1f s%n", report.courses(), report.changes(),
                    report.duration().toMillis() / 1000.0);
            for (CourseOverview c : workstation.cache().courses().overview()) {
                out.printf("  %-22s %6d participants %7d threads %8d posts%n", c.course().id(), c.participants(),
                        c.threads(), c.posts());
            }
            return OK;
        } catch (SyncException e) {
            err.println("moderator-workstation: sync failed: " + e.getMessage());
            return SYNC_FAILED;
        }
    }
}
