package nl.sociallearning.workstation.app;

import atlantafx.base.theme.PrimerLight;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.ListView;
import javafx.scene.control.TextArea;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import nl.sociallearning.workstation.courses.CourseOverviewViewModel;
import nl.sociallearning.workstation.demo.DemoCourseServer;
import nl.sociallearning.workstation.domain.OutboxState;
import nl.sociallearning.workstation.domain.TriageRules;
import nl.sociallearning.workstation.domain.TriageState;
import nl.sociallearning.workstation.feed.FeedItem;
import nl.sociallearning.workstation.feed.FeedQueue;
import nl.sociallearning.workstation.feed.FeedViewModel;
import nl.sociallearning.workstation.heatmap.HeatmapViewModel;
import nl.sociallearning.workstation.feed.SearchIndex;
import nl.sociallearning.workstation.store.Cache;
import nl.sociallearning.workstation.sync.Connectivity;
import nl.sociallearning.workstation.sync.ServerAddress;
import nl.sociallearning.workstation.sync.SyncEngine;
import nl.sociallearning.workstation.sync.SyncSettings;
import nl.sociallearning.workstation.sync.api.CourseSyncApiConnector;
import nl.sociallearning.workstation.ui.Messages;
import nl.sociallearning.workstation.ui.Screenshots;
import nl.sociallearning.workstation.ui.TaskRunner;
import nl.sociallearning.workstation.ui.TimeFormat;
import nl.sociallearning.workstation.ui.shell.ThemeSwitcher;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A moderator's triage session, driven with the keyboard only, against the demo server: move through the queue,
 * mark done and undo, select two threads and escalate them from the command palette, reply (the draft is kept),
 * work offline and come back. Writes the screenshots of the feed, a thread, the palette and the help.
 */
@ExtendWith(ApplicationExtension.class)
class TriageSessionTest {

    @TempDir
    Path dir;
    DemoCourseServer server;
    Cache cache;
    CourseSyncApiConnector connector;
    SyncEngine engine;
    FeedViewModel feed;
    HeatmapViewModel heatmap;
    ShellView shell;
    ShellCommands commands;
    ThemeSwitcher theme;
    Stage stage;

    @BeforeEach
    void open() throws Exception {
        server = DemoCourseServer.builder().referenceCourses(List.of("beoordelen", "kinderzorg")).start();
        cache = Cache.open(dir);
        connector = new CourseSyncApiConnector(ServerAddress.of(server.baseUri().toString()), server.token());
        engine = new SyncEngine(connector, cache, SyncSettings.defaults().withLongPoll(Duration.ofSeconds(2))
                .withSendDelay(Duration.ofSeconds(5)).withBackoff(Duration.ofMillis(100), Duration.ofMillis(500)));
        engine.syncOnce();
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        Messages messages = new Messages(Locale.forLanguageTag("nl"));
        TaskRunner runner = new TaskRunner(Platform::runLater);
        CourseOverviewViewModel overview = new CourseOverviewViewModel(cache, runner, engine);
        feed = new FeedViewModel(cache, runner, engine, new TriageRules(Duration.ofHours(24)), Clock.systemUTC(), new SearchIndex());
        stage = FxToolkit.registerPrimaryStage();
        FxToolkit.setupStage(s -> {
            heatmap = new HeatmapViewModel(cache, runner, engine, Clock.systemUTC());
            shell = new ShellView(feed, overview, heatmap, messages, new TimeFormat(messages, ZoneId.of("Europe/Amsterdam")),
                    engine.serverName());
            Scene scene = new Scene(shell, 1440, 900);
            WorkstationApp.stylesheets(scene);
            theme = new ThemeSwitcher(shell, false);
            commands = ShellCommands.install(scene, shell, feed, engine, messages, theme);
            s.setScene(scene);
            s.show();
            overview.load();
            feed.load();
            heatmap.load();
        });
        engine.start();
        waitFor(() -> !feed.items().isEmpty() && feed.queues().size() > 5);
    }

    @AfterEach
    void close() throws Exception {
        FxToolkit.cleanupStages();
        feed.dispose();
        heatmap.dispose();
        engine.close();
        connector.close();
        cache.close();
        server.close();
    }

    @Test
    void aTriageSessionWithTheKeyboardOnly(FxRobot robot) throws Exception {
        // j: the first thread of "Wacht op antwoord" opens in the thread pane.
        robot.write("j");
        waitFor(() -> feed.detailsProperty().get() != null);
        FeedItem first = feed.selectedProperty().get();
        assertThat(first.triage().state()).isEqualTo(TriageState.NEEDS_REPLY);
        ListView<?> posts = robot.lookup(".post-list").queryListView();
        waitFor(() -> !posts.getItems().isEmpty());
        Screenshots.write(stage.getScene(), "feed");

        // e: done, out of the queue; Ctrl+Z: back.
        int waiting = count(FeedQueue.NEEDS_REPLY);
        robot.write("e");
        waitFor(() -> count(FeedQueue.NEEDS_REPLY) == waiting - 1);
        assertThat(feed.items()).noneMatch(i -> i.key().equals(first.key()));
        assertThat(shell.toast().hasAction()).isTrue();
        robot.press(KeyCode.CONTROL).press(KeyCode.Z).release(KeyCode.Z).release(KeyCode.CONTROL);
        waitFor(() -> count(FeedQueue.NEEDS_REPLY) == waiting);
        assertThat(cache.outbox().countPending()).isZero();

        // x on two threads, then the palette: "Status: Doorgezet".
        robot.interact(() -> feed.selectedProperty().set(feed.items().get(0)));
        robot.write("x");
        robot.write("j");
        robot.write("x");
        waitFor(() -> feed.marked().size() == 2);
        robot.press(KeyCode.CONTROL).press(KeyCode.K).release(KeyCode.K).release(KeyCode.CONTROL);
        waitFor(() -> commands.palette().isShowing());
        robot.write("status doorgez");
        Screenshots.write(stage.getScene(), "command-palette-feed");
        robot.type(KeyCode.ENTER);
        waitFor(() -> count(FeedQueue.state(TriageState.ESCALATED)) == 2);
        assertThat(commands.palette().isShowing()).isFalse();

        // r: reply; the text is kept as a draft while typing; Ctrl+Enter sends it.
        robot.interact(() -> feed.queueProperty().set(FeedQueue.NEEDS_REPLY));
        waitFor(() -> !feed.items().isEmpty());
        robot.interact(() -> feed.selectedProperty().set(feed.items().get(0)));
        waitFor(() -> feed.detailsProperty().get() != null
                && feed.detailsProperty().get().item().key().equals(feed.items().get(0).key()));
        robot.write("r");
        TextArea reply = robot.lookup(".reply-editor .text-area").queryAs(TextArea.class);
        waitFor(reply::isFocused);
        robot.write("Dank je wel voor je vraag, Sanne.");
        String thread = feed.selectedProperty().get().threadId();
        String course = feed.selectedProperty().get().courseId();
        waitFor(() -> cache.drafts().inThread(course, thread).stream()
                .anyMatch(d -> d.body().equals("Dank je wel voor je vraag, Sanne.")));
        Screenshots.write(stage.getScene(), "thread");
        robot.press(KeyCode.CONTROL).press(KeyCode.ENTER).release(KeyCode.ENTER).release(KeyCode.CONTROL);
        waitFor(() -> cache.drafts().inThread(course, thread).isEmpty());
        waitFor(() -> feed.detailsProperty().get() != null && feed.detailsProperty().get().posts().stream()
                .anyMatch(n -> n.post().bodyHtml().contains("Dank je wel voor je vraag, Sanne.")));

        // Offline: a lock waits in the outbox; back online it reaches the server once.
        server.setReachable(false);
        waitFor(() -> cache.outbox().log(course).stream().filter(e -> e.action().type().wireName().equals("reply"))
                .anyMatch(e -> e.state() == OutboxState.PENDING || e.state() == OutboxState.SENDING || e.state() == OutboxState.APPLIED));
        robot.write("l");
        waitFor(() -> cache.outbox().countPending() >= 1);
        waitFor(() -> engine.connectivity() == Connectivity.OFFLINE);
        server.setReachable(true);
        waitFor(() -> cache.outbox().countPending() == 0);
        assertThat(server.course(course).thread(thread).orElseThrow().locked()).isTrue();
        assertThat(server.course(course).postsOf(thread))
                .filteredOn(p -> p.bodyHtml().contains("Dank je wel voor je vraag, Sanne.")).hasSize(1);

        // Ctrl+2: the courses and their sync; Ctrl+1: back to the feed.
        robot.press(KeyCode.CONTROL).press(KeyCode.DIGIT2).release(KeyCode.DIGIT2).release(KeyCode.CONTROL);
        waitFor(() -> shell.page() == ShellView.Page.COURSES);
        waitFor(() -> robot.lookup(".table-view").tryQuery().isPresent());
        Screenshots.write(stage.getScene(), "courses-page");
        robot.press(KeyCode.CONTROL).press(KeyCode.DIGIT1).release(KeyCode.DIGIT1).release(KeyCode.CONTROL);
        waitFor(() -> shell.page() == ShellView.Page.FEED);

        // ?: every shortcut.
        robot.write("?");
        waitFor(() -> commands.help().isShowing());
        Screenshots.write(stage.getScene(), "shortcut-help-feed");
        robot.type(KeyCode.ESCAPE);
        waitFor(() -> !commands.help().isShowing());
    }

    @Test
    void theHeatmapWithoutACourseOffersEachCourseAndOneClickShowsItsPicture(FxRobot robot) throws Exception {
        robot.interact(() -> shell.show(ShellView.Page.HEATMAP));
        waitFor(() -> robot.lookup(".heatmap-course-offer .button").queryAll().size() == 2);
        assertThat(robot.lookup(".heatmap-course-offer .button").queryAllAs(javafx.scene.control.Button.class))
                .extracting(javafx.scene.control.Button::getText)
                .containsExactlyInAnyOrder("Beoordelen in de praktijk", "Veilige zorg voor kinderen: leren van en met elkaar");
        Screenshots.write(stage.getScene(), "heatmap-choose-course");

        robot.clickOn("Veilige zorg voor kinderen: leren van en met elkaar");

        waitFor(() -> heatmap.pictureProperty().get() != null);
        assertThat(heatmap.courseProperty().get()).isEqualTo("kinderzorg");
        assertThat(shell.coursePicker().getValue().id()).as("the picker at the top follows").isEqualTo("kinderzorg");
        assertThat(robot.lookup(".heatmap-course-offer").query().isVisible()).isFalse();
    }

    @Test
    void theDarkTheme(FxRobot robot) throws Exception {
        robot.interact(() -> theme.setDark(true));
        robot.write("j");
        waitFor(() -> feed.detailsProperty().get() != null);
        ListView<?> posts = robot.lookup(".post-list").queryListView();
        waitFor(() -> !posts.getItems().isEmpty());
        Screenshots.write(stage.getScene(), "feed-dark");
        robot.write("r");
        TextArea reply = robot.lookup(".reply-editor .text-area").queryAs(TextArea.class);
        waitFor(reply::isFocused);
        robot.write("Mooi voorbeeld! Wie herkent dit?");
        Screenshots.write(stage.getScene(), "thread-dark");
        robot.type(KeyCode.ESCAPE);
        robot.write("?");
        waitFor(() -> commands.help().isShowing());
        Screenshots.write(stage.getScene(), "shortcut-help-feed-dark");
        robot.type(KeyCode.ESCAPE);
        robot.interact(() -> theme.setDark(false));
    }

    private int count(FeedQueue queue) {
        return feed.queues().stream().filter(q -> q.queue().equals(queue)).findFirst().map(FeedViewModel.QueueCount::count)
                .orElse(-1);
    }

    static void waitFor(Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> {
            WaitForAsyncUtils.waitForFxEvents();
            return condition.call();
        });
    }
}
