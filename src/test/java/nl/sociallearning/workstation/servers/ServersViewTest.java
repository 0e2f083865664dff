package nl.sociallearning.workstation.servers;

import atlantafx.base.theme.PrimerLight;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import mockwebserver3.MockWebServer;
import nl.sociallearning.workstation.domain.ActionType;
import nl.sociallearning.workstation.domain.SavedServer;
import nl.sociallearning.workstation.store.Cache;
import nl.sociallearning.workstation.sync.ConnectorFactory;
import nl.sociallearning.workstation.sync.ServerKind;
import nl.sociallearning.workstation.sync.ServerSet;
import nl.sociallearning.workstation.sync.SyncEngine;
import nl.sociallearning.workstation.sync.SyncSettings;
import nl.sociallearning.workstation.sync.moodle.MoodleReplay;
import nl.sociallearning.workstation.ui.Messages;
import nl.sociallearning.workstation.ui.Screenshots;
import nl.sociallearning.workstation.ui.TaskRunner;
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
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

/** The list of added servers and the confirmation before one is removed, driven by keyboard and mouse. */
@ExtendWith(ApplicationExtension.class)
class ServersViewTest {

    @TempDir
    Path data;

    MockWebServer moodle;
    Cache cache;
    ServerSet servers;
    SyncEngine engine;
    ServerDirectory directory;
    ServersViewModel model;
    ServersView view;
    SavedServer saved;
    final AtomicReference<ServersViewModel.Removed> removed = new AtomicReference<>();

    @BeforeEach
    void setUp() throws Exception {
        moodle = new MockWebServer();
        moodle.setDispatcher(MoodleReplay.site());
        moodle.start();
        cache = Cache.open(data);
        servers = new ServerSet(null);
        engine = new SyncEngine(servers, cache, SyncSettings.oneOff().withSendDelay(Duration.ofDays(1)));
        directory = new ServerDirectory(cache, new FileTokenVault(data), servers, engine, ConnectorFactory::create,
                Clock.systemUTC());
        saved = directory.add(ServerKind.MOODLE, moodle.url("/").toString(), "moodle-token", null).server();
        engine.syncOnce();
        // An action made but not sent yet: the confirmation must say it would be lost.
        engine.submit(saved.coursePrefix() + "4321", ActionType.LOCK, "20965", null, Map.of());
    }

    @AfterEach
    void tearDown() {
        engine.close();
        servers.close();
        cache.close();
        moodle.close();
    }

    private Stage open(Locale locale) throws Exception {
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        Messages messages = new Messages(locale);
        model = new ServersViewModel(directory, new TaskRunner(Platform::runLater), messages);
        model.setOnRemoved(removed::set);
        Stage stage = FxToolkit.registerPrimaryStage();
        FxToolkit.setupStage(s -> {
            StackPane window = new StackPane(new Label(""));
            window.setStyle("-fx-background-color: -color-bg-subtle;");
            view = new ServersView(window, model, messages);
            Scene scene = new Scene(window, 900, 560);
            scene.getStylesheets().add(Objects.requireNonNull(Messages.class.getResource("workstation.css")).toExternalForm());
            s.setScene(scene);
            s.show();
            view.show();
        });
        waitFor(() -> !model.servers().isEmpty());
        return stage;
    }

    @Test
    void theListNamesEachSiteOnceWithItsKindAndAddressBeneath() {
        java.time.Instant at = java.time.Instant.EPOCH;
        assertThat(ServersView.siteName(new SavedServer(1, "MOODLE", "https://leren.example.nl", null,
                "Leren Online (Moodle, https://leren.example.nl)", "7", "ref", at))).isEqualTo("Leren Online");
        assertThat(ServersView.siteName(new SavedServer(2, "CANVAS", "https://canvas.example.nl", null,
                "Canvas https://canvas.example.nl", "7", "ref", at))).isEqualTo("canvas.example.nl");
        assertThat(ServersView.siteName(new SavedServer(3, "NODEBB", "https://forum.example.nl", null,
                "Ons forum (2024)", "7", "ref", at))).as("a name of the user's own stays whole").isEqualTo("Ons forum (2024)");
    }

    @Test
    void theConfirmationSaysWhatIsDeletedHereAndThatTheServerKeepsEverythingAndKeepingIsTheDefault(FxRobot robot)
            throws Exception {
        Stage stage = open(Locale.forLanguageTag("nl"));
        Screenshots.write(stage.getScene(), "servers");

        robot.interact(() -> view.list().requestFocus());
        robot.type(KeyCode.DELETE);
        waitFor(() -> model.confirmationProperty().get() != null);

        assertThat(view.whatLabel().getText()).isEqualTo("Van deze laptop worden verwijderd: 1 cursus met 2 berichten,"
                + " en uw triage, notities en concepten daarin. Het token van de server wordt ook gewist.");
        assertThat(view.unsentLabel().getText()).isEqualTo("1 actie is nog niet door de server uitgevoerd en gaat verloren.");
        assertThat(view.unsentLabel().isVisible()).isTrue();
        assertThat(view.keepButton().isFocused()).as("keeping has the focus").isTrue();
        Screenshots.write(stage.getScene(), "remove-server-confirm");

        robot.type(KeyCode.ENTER);
        waitFor(() -> model.confirmationProperty().get() == null);

        assertThat(directory.saved()).extracting(SavedServer::id).containsExactly(saved.id());
        assertThat(cache.courses().find(saved.coursePrefix() + "4321")).isPresent();
        assertThat(view.isShowing()).isTrue();
    }

    @Test
    void confirmingRemovesTheServerOffTheFxThread(FxRobot robot) throws Exception {
        open(Locale.ENGLISH);
        assertThat(view.list().getSelectionModel().getSelectedItem()).as("the first server is chosen").isNotNull();
        robot.clickOn(view.removeButton());
        waitFor(() -> model.confirmationProperty().get() != null);
        assertThat(view.unsentLabel().getText()).isEqualTo("1 action has not been carried out by the server yet and will be lost.");

        robot.clickOn(view.confirmButton());
        waitFor(() -> removed.get() != null);

        assertThat(removed.get().impact().courses()).isEqualTo(1);
        assertThat(directory.saved()).isEmpty();
        assertThat(cache.courses().all()).isEmpty();
        assertThat(cache.outbox().countPending()).isZero();
        assertThat(model.servers()).isEmpty();
        assertThat(model.busyProperty().get()).isFalse();
    }

    private static void waitFor(Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, condition);
        WaitForAsyncUtils.waitForFxEvents();
    }
}
