package nl.sociallearning.workstation.bench;

import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;
import nl.sociallearning.workstation.demo.DemoCourseServer;
import nl.sociallearning.workstation.domain.Course;
import nl.sociallearning.workstation.heatmap.Axis;
import nl.sociallearning.workstation.heatmap.BinKind;
import nl.sociallearning.workstation.heatmap.Clustering;
import nl.sociallearning.workstation.heatmap.CourseActivity;
import nl.sociallearning.workstation.heatmap.Grid;
import nl.sociallearning.workstation.heatmap.HeatmapView;
import nl.sociallearning.workstation.heatmap.HeatmapViewModel;
import nl.sociallearning.workstation.heatmap.PostGraph;
import nl.sociallearning.workstation.store.Cache;
import nl.sociallearning.workstation.store.HeatmapRepository;
import nl.sociallearning.workstation.sync.ServerAddress;
import nl.sociallearning.workstation.sync.SyncEngine;
import nl.sociallearning.workstation.sync.SyncSettings;
import nl.sociallearning.workstation.sync.api.CourseSyncApiConnector;
import nl.sociallearning.workstation.ui.Messages;
import nl.sociallearning.workstation.ui.TaskRunner;

import java.nio.file.Files;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import static nl.sociallearning.workstation.bench.BenchTable.header;
import static nl.sociallearning.workstation.bench.BenchTable.median;
import static nl.sociallearning.workstation.bench.BenchTable.row;
import static nl.sociallearning.workstation.bench.BenchTable.stats;

/**
 * The heatmap on the large course (1 000 participants, 100 000 posts, 42 days): computing the bins from the cache
 * (the post times from their per-author strips, the reads from their index, counted in Java; the strips are also
 * timed side by side with the author index they replace), the second read (replies, modules, reply
 * network), clustering the 1 000 rows, and drawing the cells on the canvas, the whole course fitted to the window
 * and zoomed in; medians and 95th percentiles over 20 runs after a warm-up.
 */
public final class HeatmapBenchmark {

    private static final String COURSE = DemoCourseServer.LARGE_COURSE_ID;
    private static final int RUNS = 20;

    public static void run() throws Exception {
        boolean display = BenchFx.hasDisplay();
        System.out.println("== Heatmap: the large course (1 000 participants, 100 000 posts, 42 days) ==");
        try (ChildServer server = ChildServer.start("--only-large");
             Cache cache = Cache.open(Files.createTempDirectory("bench-heatmap"));
             CourseSyncApiConnector connector = new CourseSyncApiConnector(ServerAddress.of(server.baseUri()),
                     server.token());
             SyncEngine engine = new SyncEngine(connector, cache, SyncSettings.oneOff())) {
            engine.syncOnce();
            HeatmapRepository repository = cache.heatmap();
            Course course = cache.courses().find(COURSE).orElseThrow();

            List<Double> bins = new ArrayList<>();
            List<Double> graphs = new ArrayList<>();
            List<Double> clusters = new ArrayList<>();
            List<Double> postIndex = new ArrayList<>();
            List<Double> postStrips = new ArrayList<>();
            CourseActivity data = null;
            for (int i = 0; i < RUNS + 2; i++) {
                long start = System.nanoTime();
                data = CourseActivity.load(repository, course);
                Grid posts = Grid.count(Axis.build(BinKind.DAY, course, data.modules(), data.postTimes(), clock().instant()),
                        data.postTimes(), data.participants().size());
                Grid reads = Grid.count(Axis.build(BinKind.DAY, course, data.modules(), data.views(), clock().instant()),
                        data.views(), data.participants().size());
                double ms = (System.nanoTime() - start) / 1e6;
                long t1 = System.nanoTime();
                PostGraph graph = data.loadGraph(repository);
                double graphMs = (System.nanoTime() - t1) / 1e6;
                float[][] rows = new float[posts.rows()][posts.columns()];
                for (int r = 0; r < posts.rows(); r++) {
                    for (int c = 0; c < posts.columns(); c++) {
                        rows[r][c] = (float) Math.log1p(posts.count(r, c));
                    }
                }
                long t2 = System.nanoTime();
                Clustering.order(rows);
                double clusterMs = (System.nanoTime() - t2) / 1e6;
                if (i >= 2) { // two warm-ups
                    bins.add(ms);
                    graphs.add(graphMs);
                    clusters.add(clusterMs);
                }
                long t3 = System.nanoTime();
                long[] fromIndex = {0};
                repository.postTimesFromPosts(COURSE, (who, at) -> fromIndex[0]++);
                double indexMs = (System.nanoTime() - t3) / 1e6;
                long t4 = System.nanoTime();
                long[] fromStrips = {0};
                repository.postTimes(COURSE, (who, at) -> fromStrips[0]++);
                double stripsMs = (System.nanoTime() - t4) / 1e6;
                if (i >= 2) {
                    postIndex.add(indexMs);
                    postStrips.add(stripsMs);
                }
                if (fromIndex[0] != fromStrips[0] || fromStrips[0] != data.postTimes().size()) {
                    throw new IllegalStateException("the strips hold " + fromStrips[0] + " post times, the posts " + fromIndex[0]);
                }
                if (reads.rows() != posts.rows() || graph.size() == 0) {
                    throw new IllegalStateException("no data");
                }
            }
            System.out.printf("  %d participants, %d posts, %d reads%n", data.participants().size(), data.postTimes().size(),
                    data.views().size());

            BenchFx.start();
            TaskRunner runner = new TaskRunner(Platform::runLater);
            HeatmapViewModel model = new HeatmapViewModel(cache, runner, engine, clock());
            AtomicReference<HeatmapView> view = new AtomicReference<>();
            BenchFx.runAndWait(() -> {
                javafx.application.Application.setUserAgentStylesheet(new atlantafx.base.theme.PrimerLight().getUserAgentStylesheet());
                model.roleProperty().set(null);
                HeatmapView v = new HeatmapView(model, new Messages(Locale.forLanguageTag("nl")));
                Stage stage = new Stage();
                stage.setScene(new Scene(v, 1440, 900));
                stage.show();
                model.load();
                model.courseProperty().set(COURSE);
                view.set(v);
            });
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (System.nanoTime() < deadline) {
                AtomicReference<Boolean> ready = new AtomicReference<>(false);
                BenchFx.runAndWait(() -> ready.set(model.pictureProperty().get() != null));
                if (ready.get()) {
                    break;
                }
                Thread.sleep(20);
            }
            List<Double> fitted = paint(view.get(), 0);
            List<Double> zoomed = paint(view.get(), 8);
            AtomicReference<Integer> rows = new AtomicReference<>();
            BenchFx.runAndWait(() -> rows.set(model.pictureProperty().get().rowCount()));

            System.out.println();
            header("measured");
            row("bins from the cache (posts + reads, by day)", stats(bins), "< 100 ms", median(bins) < 100);
            row("  of which the post times, from their strips", stats(postStrips), "");
            row("  the same post times from the author index", stats(postIndex), "");
            System.out.printf("  strips vs author index, side by side: %.2f of the time%n",
                    median(postStrips) / median(postIndex));
            row("replies, modules, reply network (second read)", stats(graphs), "");
            row("clustering 1 000 rows × 42 days", stats(clusters), "");
            row("draw: all " + rows.get() + " rows fitted to the window", stats(fitted), "< 16 ms", median(fitted) < 16);
            row("draw: rows zoomed in (12 px), a screenful", stats(zoomed), "< 16 ms", median(zoomed) < 16);
            if (!display) {
                System.out.println("   (headless: Monocle, software rendering; the draw is the FX thread's work for a frame)");
            }
            model.dispose();
            runner.close();
        }
    }

    private static Clock clock() {
        return Clock.systemUTC();
    }

    private static List<Double> paint(HeatmapView view, int zoomSteps) throws Exception {
        BenchFx.runAndWait(() -> {
            view.fitAll();
            for (int i = 0; i < zoomSteps; i++) {
                view.zoomRows(1);
            }
        });
        List<Double> times = new ArrayList<>();
        for (int i = 0; i < RUNS + 3; i++) {
            AtomicLong nanos = new AtomicLong();
            BenchFx.runAndWait(() -> nanos.set(view.repaintCells()));
            if (i >= 3) {
                times.add(nanos.get() / 1e6);
            }
        }
        return times;
    }
}
