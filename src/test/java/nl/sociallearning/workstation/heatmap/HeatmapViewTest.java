package nl.sociallearning.workstation.heatmap;

import atlantafx.base.theme.PrimerLight;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.geometry.Point2D;
import javafx.scene.Scene;
import javafx.stage.Stage;
import nl.sociallearning.workstation.demo.DemoCourseServer;
import nl.sociallearning.workstation.domain.Post;
import nl.sociallearning.workstation.store.Cache;
import nl.sociallearning.workstation.sync.ServerAddress;
import nl.sociallearning.workstation.sync.SyncEngine;
import nl.sociallearning.workstation.sync.SyncSettings;
import nl.sociallearning.workstation.sync.api.CourseSyncApiConnector;
import nl.sociallearning.workstation.ui.Messages;
import nl.sociallearning.workstation.ui.Screenshots;
import nl.sociallearning.workstation.ui.TaskRunner;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The heatmap in a (headless) window against the four demo courses: a click on a cell hands the feed exactly that
 * participant's posts of that day; the picture exports as PNG; and a screenshot of each course.
 */
@ExtendWith(ApplicationExtension.class)
class HeatmapViewTest {

    static final List<String> COURSES = List.of("vakmanschap", "beoordelen", "kringlooplandbouw", "kinderzorg");

    @TempDir
    static Path dir;
    static DemoCourseServer server;
    static Cache cache;
    static CourseSyncApiConnector connector;
    static SyncEngine engine;

    HeatmapViewModel model;
    HeatmapView view;
    Stage stage;
    final List<PostSelection> opened = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void sync() throws Exception {
        server = DemoCourseServer.builder().start();
        cache = Cache.open(dir.resolve("cache"));
        connector = new CourseSyncApiConnector(ServerAddress.of(server.baseUri().toString()), server.token());
        engine = new SyncEngine(connector, cache, SyncSettings.oneOff());
        engine.syncOnce();
    }

    @AfterAll
    static void close() {
        engine.close();
        connector.close();
        cache.close();
        server.close();
    }

    @BeforeEach
    void open() throws Exception {
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        Messages messages = new Messages(Locale.forLanguageTag("nl"));
        model = new HeatmapViewModel(cache, new TaskRunner(Platform::runLater), engine, Clock.systemUTC());
        model.setOnOpenPosts(opened::add);
        stage = FxToolkit.registerPrimaryStage();
        FxToolkit.setupStage(s -> {
            view = new HeatmapView(model, messages);
            Scene scene = new Scene(view, 1440, 900);
            scene.getStylesheets().add(Objects.requireNonNull(Messages.class.getResource("workstation.css")).toExternalForm());
            s.setScene(scene);
            s.show();
            model.load();
        });
    }

    @AfterEach
    void cleanUp() throws Exception {
        FxToolkit.cleanupStages();
        model.dispose();
    }

    private void show(FxRobot robot, String course) throws Exception {
        robot.interact(() -> model.courseProperty().set(course));
        waitFor(() -> model.pictureProperty().get() != null && model.pictureProperty().get().courseId().equals(course)
                && !model.detailsLoadingProperty().get() && model.signalsProperty().get().people() > 0);
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void withoutACourseItAsksForOne(FxRobot robot) {
        assertThat(model.pictureProperty().get()).isNull();
        assertThat(view.chart().isVisible()).isFalse();
    }

    @Test
    void aClickOnACellOpensExactlyThatParticipantsPostsOfThatDay(FxRobot robot) throws Exception {
        show(robot, "vakmanschap");
        HeatmapChart chart = view.chart();
        // Zoom in until names show, then click the busiest cell of the first row (the most recent poster).
        for (int i = 0; i < 12 && chart.effectiveRowHeight() < 14; i++) {
            robot.interact(() -> chart.zoomRows(1, 0));
        }
        robot.interact(() -> chart.verticalBar().setValue(0));
        WaitForAsyncUtils.waitForFxEvents();
        HeatmapPicture p = model.pictureProperty().get();
        int row = 0;
        int col = 0;
        for (int c = 0; c < p.columns(); c++) {
            if (p.count(row, c) > p.count(row, col)) {
                col = c;
            }
        }
        assertThat(p.count(row, col)).isPositive();
        HeatmapPainter.Viewport v = chart.viewport();
        Point2D at = chart.cellsCanvas().localToScreen(v.xOf(col) + v.columnWidth() / 2, v.yOf(row) + v.rowHeight() / 2);
        robot.moveTo(at);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(view.statusLabel().getText()).as("the status line tells the hovered cell")
                .isNotEqualTo(new Messages(Locale.forLanguageTag("nl")).get("heatmap.status.help"));
        robot.clickOn(at);
        waitFor(() -> !opened.isEmpty());

        PostSelection s = opened.get(0);
        String who = p.rows().get(row).participant().id();
        assertThat(s.courseId()).isEqualTo("vakmanschap");
        assertThat(s.participantIds()).containsExactly(who);
        assertThat(s.from()).isEqualTo(p.axis().from(col));
        assertThat(s.to()).isEqualTo(p.axis().to(col));
        List<String> expected = server.course("vakmanschap").posts().stream()
                .filter(x -> who.equals(x.authorId()) && !x.createdAt().isBefore(s.from()) && x.createdAt().isBefore(s.to()))
                .map(Post::id).sorted().toList();
        assertThat(expected).hasSize(p.count(row, col));
        assertThat(model.postIds(s).stream().sorted().toList()).isEqualTo(expected);
        Screenshots.write(stage.getScene(), "heatmap-vakmanschap-zoomed");

        // A dragged range: several people, several days.
        int toCol = Math.min(p.columns() - 1, col + 3);
        Point2D end = chart.cellsCanvas().localToScreen(v.xOf(toCol) + v.columnWidth() / 2, v.yOf(4) + v.rowHeight() / 2);
        robot.drag(at).moveTo(end).release(javafx.scene.input.MouseButton.PRIMARY);
        waitFor(() -> opened.size() >= 2);
        PostSelection range = opened.get(opened.size() - 1);
        assertThat(range.participantIds()).hasSize(5).first().isEqualTo(who);
        assertThat(range.from()).isEqualTo(p.axis().from(col));
        assertThat(range.to()).isEqualTo(p.axis().to(toCol));
    }

    @Test
    void thePictureExportsAsPngAtTwiceTheSize(FxRobot robot) throws Exception {
        show(robot, "kinderzorg");
        Path file = dir.resolve("heatmap.png");
        Path written = WaitForAsyncUtils.asyncFx(() -> view.exportPng(file, 2)).get(10, TimeUnit.SECONDS).get(20, TimeUnit.SECONDS);
        BufferedImage image = ImageIO.read(written.toFile());
        HeatmapPainter.Viewport v = view.chart().viewport();
        assertThat(image.getWidth()).isEqualTo((int) Math.round(2 * (HeatmapChart.LABELS_WIDTH + v.width())));
        assertThat(image.getHeight()).isGreaterThan(2 * v.height());
    }

    @Test
    void screenshotsOfTheFourCourses(FxRobot robot) throws Exception {
        for (String course : COURSES) {
            show(robot, course);
            Screenshots.write(stage.getScene(), "heatmap-" + course);
        }
        // The 814-person course at a glance: every row in view, the silent ones below a line.
        show(robot, "vakmanschap");
        HeatmapPicture p = model.pictureProperty().get();
        assertThat(view.chart().effectiveRowHeight() * p.rowCount()).isLessThanOrEqualTo(view.chart().cellsCanvas().getHeight() + 1);
        assertThat(p.boundaries().get(0).kind()).isEqualTo(HeatmapPicture.BoundaryKind.QUIET);
        assertThat(p.boundaries().get(0).count()).isPositive();
        robot.interact(() -> model.sortProperty().set(RowSort.SIMILARITY));
        waitFor(() -> model.pictureProperty().get().sort() == RowSort.SIMILARITY);
        robot.interact(() -> model.binsProperty().set(BinKind.HOUR_OF_WEEK));
        waitFor(() -> model.pictureProperty().get().axis().kind() == BinKind.HOUR_OF_WEEK);
        Screenshots.write(stage.getScene(), "heatmap-vakmanschap-hours");
    }

    @Test
    void theReplyNetworkIsDrawnAndAClickOnADotSelectsThatPerson(FxRobot robot) throws Exception {
        robot.interact(() -> model.roleProperty().set(null));
        show(robot, "vakmanschap");
        robot.interact(() -> view.showLens(HeatmapView.Lens.NETWORK));
        waitFor(() -> model.networkProperty().get() != null && view.network().isVisible());
        assertThat(view.chart().isVisible()).isFalse();
        Screenshots.write(stage.getScene(), "heatmap-network-vakmanschap");

        NetworkPicture n = model.networkProperty().get();
        int picked = -1;
        for (int i = 0; i < n.nodes().size() && picked < 0; i++) {
            if (n.nodes().get(i).kind() == NetworkPicture.Kind.CONNECTOR) {
                picked = i;
            }
        }
        assertThat(picked).as("the 814-person course has people who connect groups").isNotNegative();
        double[] at = view.network().positionOf(picked);
        javafx.geometry.Point2D screen = view.network().localToScreen(at[0], at[1]);
        robot.moveTo(screen).clickOn(javafx.scene.input.MouseButton.PRIMARY);
        String id = n.nodes().get(picked).participant().id();
        waitFor(() -> model.selectedRows().contains(id));
        assertThat(model.selectedRows()).containsExactly(id);

        // The network exports as PNG too, drawn anew at twice the size.
        Path file = dir.resolve("network.png");
        assertThat(WaitForAsyncUtils.asyncFx(() -> view.exportPng(file, 2)).get(10, TimeUnit.SECONDS).get(20, TimeUnit.SECONDS))
                .isEqualTo(file);
        java.awt.image.BufferedImage image = javax.imageio.ImageIO.read(file.toFile());
        assertThat(image.getWidth()).isEqualTo((int) Math.round(2 * view.network().getWidth()));
        assertThat(image.getHeight()).isEqualTo((int) Math.round(2 * view.network().getHeight()));

        show(robot, "kinderzorg");
        robot.interact(() -> view.showLens(HeatmapView.Lens.NETWORK));
        waitFor(() -> model.networkProperty().get() != null && model.networkProperty().get().courseId().equals("kinderzorg"));
        WaitForAsyncUtils.waitForFxEvents();
        Screenshots.write(stage.getScene(), "heatmap-network-kinderzorg");
    }

    static void waitFor(Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> {
            WaitForAsyncUtils.waitForFxEvents();
            return condition.call();
        });
    }
}
