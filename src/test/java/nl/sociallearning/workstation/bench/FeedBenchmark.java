package nl.sociallearning.workstation.bench;

import javafx.application.Platform;
import javafx.collections.ListChangeListener;
import javafx.scene.Scene;
import javafx.stage.Stage;
import nl.sociallearning.workstation.demo.DemoCourseServer;
import nl.sociallearning.workstation.domain.TriageRules;
import nl.sociallearning.workstation.feed.FeedItem;
import nl.sociallearning.workstation.feed.FeedQueue;
import nl.sociallearning.workstation.feed.FeedView;
import nl.sociallearning.workstation.feed.FeedViewModel;
import nl.sociallearning.workstation.feed.SearchIndex;
import nl.sociallearning.workstation.store.Cache;
import nl.sociallearning.workstation.sync.ServerAddress;
import nl.sociallearning.workstation.sync.SyncEngine;
import nl.sociallearning.workstation.sync.SyncSettings;
import nl.sociallearning.workstation.sync.api.CourseSyncApiConnector;
import nl.sociallearning.workstation.ui.Messages;
import nl.sociallearning.workstation.ui.TaskRunner;
import nl.sociallearning.workstation.ui.TimeFormat;

import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

import static nl.sociallearning.workstation.bench.BenchTable.header;
import static nl.sociallearning.workstation.bench.BenchTable.median;
import static nl.sociallearning.workstation.bench.BenchTable.row;
import static nl.sociallearning.workstation.bench.BenchTable.stats;

/**
 * The feed with the large course (100 000 posts) in the cache, in a real (headless) JavaFX window: first paint,
 * a filter change and a search, as medians and 95th percentiles; and the longest stall of the FX thread while
 * 10 000 new posts sync in live.
 */
public final class FeedBenchmark {

    private static final String COURSE = DemoCourseServer.LARGE_COURSE_ID;
    /** One index for the program, as in the app: a feed opened again finds it built. */
    private static final SearchIndex INDEX = new SearchIndex();
    private static final String[] WORDS = {"klant", "regels", "twijfel", "vakmanschap", "bezwaar", "teamleider",
            "werkinstructie", "dossier", "gesprek", "ruimte"};

    static void run() throws Exception {
        boolean display = BenchFx.hasDisplay();
        System.out.println("== Feed: the large course in the cache, in " + (display
                ? "a real window on " + System.getenv("DISPLAY") + " ==" : "a headless window (Monocle) ==\n"
                + "   (without a display Monocle copies every frame in software on the FX thread: the FX figures are"
                + " overstated; run with DISPLAY set, e.g. under Xvfb, for a window as a user has it)"));
        try (ChildServer server = ChildServer.start("--only-large");
             Cache cache = Cache.open(Files.createTempDirectory("bench-feed"));
             CourseSyncApiConnector connector = new CourseSyncApiConnector(ServerAddress.of(server.baseUri()),
                     server.token());
             SyncEngine engine = new SyncEngine(connector, cache, SyncSettings.defaults().withLongPoll(Duration.ofSeconds(2)))) {
            engine.syncOnce();
            BenchFx.start();
            Messages messages = new Messages(Locale.forLanguageTag("nl"));
            TaskRunner runner = new TaskRunner(Platform::runLater);

            List<Double> paints = new ArrayList<>();
            FeedViewModel model = null;
            for (int i = 0; i < 8; i++) {
                if (model != null) {
                    model.dispose();
                }
                long start = System.nanoTime();
                model = openFeed(cache, runner, engine, messages);
                awaitItems(model);
                awaitPulse();
                double ms = (System.nanoTime() - start) / 1e6;
                if (i > 0) { // the first opens a cold JVM; it is shown, not counted
                    paints.add(ms);
                } else {
                    System.out.printf("  first paint, cold: %.0f ms%n", ms);
                }
            }
            FeedViewModel feed = model;

            List<FeedQueue> queues = List.of(FeedQueue.FLAGGED, FeedQueue.ALL, FeedQueue.UNANSWERED, FeedQueue.NEEDS_REPLY,
                    FeedQueue.MINE, FeedQueue.ALL);
            List<Double> filters = new ArrayList<>();
            for (int i = 0; i < 30; i++) {
                FeedQueue q = queues.get(i % queues.size());
                filters.add(timeUntilListChanges(feed, f -> f.queueProperty().set(q)));
            }
            onFx(() -> feed.queueProperty().set(FeedQueue.ALL));
            while (!feed.searchIndexReady()) {
                Thread.sleep(100);
            }
            List<Double> searches = new ArrayList<>();
            for (int i = 0; i < 30; i++) {
                String word = WORDS[i % WORDS.length];
                searches.add(timeUntilListChanges(feed, f -> f.searchProperty().set(word)));
                BenchFx.runAndWait(() -> feed.searchProperty().set(""));
                awaitPulse();
            }

            // Live: the engine long-polls while 10 000 posts arrive on the server; a heartbeat on the FX thread
            // measures how late it runs.
            engine.start();
            Thread.sleep(3000);
            long postsBefore = cache.posts().count(COURSE);
            Heartbeat heartbeat = new Heartbeat();
            server.command("burst " + COURSE + " 10000");
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (cache.posts().count(COURSE) < postsBefore + 10_000 && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            Thread.sleep(3000); // the feed refreshes after the last page
            double stall = heartbeat.stop();
            boolean arrived = cache.posts().count(COURSE) >= postsBefore + 10_000;

            System.out.println();
            header("measured");
            row("first paint of the feed", stats(paints), "< 1 s", median(paints) < 1000);
            row("filter change", stats(filters), "< 100 ms", median(filters) < 100);
            row("full-text search (10 000 threads)", stats(searches), "< 200 ms", median(searches) < 200);
            row("longest FX stall, 10 000 posts syncing", String.format("%.0f ms%s", stall, arrived ? "" : " (not all arrived)"),
                    "< 50 ms", stall < 50 && arrived);
            feed.dispose();
            runner.close();
        }
    }

    private static FeedViewModel openFeed(Cache cache, TaskRunner runner, SyncEngine engine, Messages messages) throws Exception {
        AtomicReference<FeedViewModel> made = new AtomicReference<>();
        BenchFx.runAndWait(() -> {
            FeedViewModel model = new FeedViewModel(cache, runner, engine, new TriageRules(Duration.ofHours(24)), Clock.systemUTC(),
                    INDEX);
            model.courseScopeProperty().set(COURSE);
            model.queueProperty().set(FeedQueue.ALL);
            FeedView view = new FeedView(model, messages, new TimeFormat(messages, ZoneId.of("Europe/Amsterdam")));
            Stage stage = new Stage();
            stage.setScene(new Scene(view, 1440, 900));
            stage.show();
            model.load();
            made.set(model);
        });
        return made.get();
    }

    private static void awaitItems(FeedViewModel model) throws Exception {
        while (true) {
            AtomicReference<Boolean> ready = new AtomicReference<>(false);
            BenchFx.runAndWait(() -> ready.set(!model.items().isEmpty()));
            if (ready.get()) {
                return;
            }
            Thread.sleep(2);
        }
    }

    /** Times from a change of the model to the moment the list shows the result (and a pulse has drawn it). */
    private static double timeUntilListChanges(FeedViewModel model, Consumer<FeedViewModel> change) throws Exception {
        CountDownLatch changed = new CountDownLatch(1);
        ListChangeListener<FeedItem> listener = c -> changed.countDown();
        BenchFx.runAndWait(() -> model.items().addListener(listener));
        long start = System.nanoTime();
        onFx(() -> change.accept(model));
        boolean seen = changed.await(10, TimeUnit.SECONDS);
        awaitPulse();
        double ms = (System.nanoTime() - start) / 1e6;
        BenchFx.runAndWait(() -> model.items().removeListener(listener));
        return seen ? ms : Double.NaN;
    }

    /** Waits until the FX thread has run everything queued before, including the layout of a pulse. */
    private static void awaitPulse() throws Exception {
        BenchFx.runAndWait(() -> { });
        BenchFx.runAndWait(() -> { });
    }

    private static void onFx(Runnable r) {
        Platform.runLater(r);
    }

    /** Posts a tiny task to the FX thread every 2 ms and records how late the longest ran. */
    private static final class Heartbeat {
        private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
        private final AtomicLong worst = new AtomicLong();

        Heartbeat() {
            timer.scheduleAtFixedRate(() -> {
                long posted = System.nanoTime();
                Platform.runLater(() -> worst.accumulateAndGet(System.nanoTime() - posted, Math::max));
            }, 0, 2, TimeUnit.MILLISECONDS);
        }

        double stop() throws InterruptedException {
            timer.shutdownNow();
            timer.awaitTermination(1, TimeUnit.SECONDS);
            return worst.get() / 1e6;
        }
    }
}
