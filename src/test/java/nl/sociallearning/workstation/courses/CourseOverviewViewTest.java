package nl.sociallearning.workstation.courses;

import atlantafx.base.theme.PrimerLight;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.ListView;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import nl.sociallearning.workstation.demo.DemoCourseServer;
import nl.sociallearning.workstation.store.Cache;
import nl.sociallearning.workstation.store.ThreadSummary;
import nl.sociallearning.workstation.sync.ServerAddress;
import nl.sociallearning.workstation.sync.SyncEngine;
import nl.sociallearning.workstation.sync.SyncSettings;
import nl.sociallearning.workstation.sync.api.CourseSyncApiConnector;
import nl.sociallearning.workstation.ui.Messages;
import nl.sociallearning.workstation.ui.Screenshots;
import nl.sociallearning.workstation.ui.TaskRunner;
import nl.sociallearning.workstation.ui.TimeFormat;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The first window against a real demo server and cache: courses, newest threads, live updates, screenshots. */
@ExtendWith(ApplicationExtension.class)
class CourseOverviewViewTest {

    @TempDir
    static Path dataDir;
    static DemoCourseServer server;
    static Cache cache;
    static CourseSyncApiConnector connector;
    static SyncEngine engine;

    @BeforeAll
    static void syncDemoCourses() throws Exception {
        server = DemoCourseServer.builder().start();
        cache = Cache.open(dataDir);
        connector = new CourseSyncApiConnector(ServerAddress.of(server.baseUri().toString()), server.token());
        engine = new SyncEngine(connector, cache, SyncSettings.defaults().withLongPoll(Duration.ofSeconds(2)));
        engine.syncOnce();
    }

    @AfterAll
    static void close() {
        engine.close();
        connector.close();
        cache.close();
        server.close();
    }

    private Stage open(Locale locale) throws Exception {
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        Messages messages = new Messages(locale);
        TaskRunner runner = new TaskRunner(Platform::runLater);
        CourseOverviewViewModel model = new CourseOverviewViewModel(cache, runner, engine);
        Stage stage = FxToolkit.registerPrimaryStage();
        FxToolkit.setupStage(s -> {
            CourseOverviewView view = new CourseOverviewView(model, messages, new TimeFormat(messages, ZoneId.of("Europe/Amsterdam")),
                    engine.serverName());
            Scene scene = new Scene(view, 1280, 760);
            scene.getStylesheets().add(Objects.requireNonNull(
                    Messages.class.getResource("workstation.css")).toExternalForm());
            s.setScene(scene);
            s.show();
            model.load();
        });
        return stage;
    }

    @Test
    void showsTheCoursesWithCountsAndTheNewestThreadsAndFollowsNewOnes(FxRobot robot) throws Exception {
        Stage stage = open(Locale.forLanguageTag("nl"));
        TableView<CourseRow> courses = robot.lookup(".table-view").queryTableView();
        ListView<ThreadSummary> threads = robot.lookup(".list-view").queryListView();
        waitFor(() -> courses.getItems().size() == 4 && !threads.getItems().isEmpty());

        CourseRow first = courses.getItems().get(0);
        assertThat(first.course().title()).isEqualTo(server.course("vakmanschap").course().title());
        assertThat(first.participants()).isEqualTo(814);
        assertThat(first.posts()).isEqualTo(cache.posts().count("vakmanschap"));
        assertThat(threads.getItems().get(0).thread().id())
                .isEqualTo(cache.threads().newest("vakmanschap", 1).get(0).thread().id());
        assertThat(robot.lookup("Cursussen").tryQuery()).isPresent();

        Screenshots.write(stage.getScene(), "courses");

        // Live: the engine long-polls; a new thread on the server shows up at the top without a click.
        engine.start();
        long threadsBefore = cache.threads().count("vakmanschap");
        for (int i = 0; i < 400 && server.course("vakmanschap").threads().size() == threadsBefore; i++) {
            server.simulation().tick();
        }
        String newest = server.course("vakmanschap").threads().stream()
                .max(java.util.Comparator.comparing(t -> t.lastActivityAt())).orElseThrow().id();
        waitFor(() -> !threads.getItems().isEmpty() && threads.getItems().get(0).thread().id().equals(newest));
        assertThat(courses.getSelectionModel().getSelectedItem().id()).as("the selection stays put").isEqualTo("vakmanschap");
    }

    @Test
    void englishForOtherLocalesAndTheSelectedCourseDecidesTheThreads(FxRobot robot) throws Exception {
        Stage stage = open(Locale.ENGLISH);
        TableView<CourseRow> courses = robot.lookup(".table-view").queryTableView();
        ListView<ThreadSummary> threads = robot.lookup(".list-view").queryListView();
        waitFor(() -> courses.getItems().size() == 4 && !threads.getItems().isEmpty());
        assertThat(robot.lookup("Courses").tryQuery()).isPresent();

        robot.interact(() -> courses.getSelectionModel().select(3));
        String kinderzorg = courses.getItems().get(3).id();
        waitFor(() -> !threads.getItems().isEmpty() && threads.getItems().get(0).thread().courseId().equals(kinderzorg));
        assertThat(threads.getItems()).allMatch(t -> t.thread().courseId().equals(kinderzorg));
        Screenshots.write(stage.getScene(), "courses-en");
    }

    static void waitFor(Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> {
            WaitForAsyncUtils.waitForFxEvents();
            return condition.call();
        });
    }
}
