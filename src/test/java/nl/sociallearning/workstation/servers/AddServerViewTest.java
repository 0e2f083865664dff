package nl.sociallearning.workstation.servers;

import atlantafx.base.theme.PrimerLight;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import mockwebserver3.MockWebServer;
import nl.sociallearning.workstation.store.Cache;
import nl.sociallearning.workstation.sync.ConnectorFactory;
import nl.sociallearning.workstation.sync.ServerKind;
import nl.sociallearning.workstation.sync.ServerSet;
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
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

/** The add-server form over a window: a wrong token is named and nothing saved; the right one adds the server. */
@ExtendWith(ApplicationExtension.class)
class AddServerViewTest {

    @TempDir
    Path data;
    MockWebServer moodle;
    MoodleReplay site;
    Cache cache;
    ServerSet servers;
    ServerDirectory directory;
    AddServerViewModel model;
    nl.sociallearning.workstation.sync.SyncEngine engine;
    AddServerView view;
    final AtomicReference<ServerDirectory.Added> added = new AtomicReference<>();

    @BeforeEach
    void setUp() throws Exception {
        site = MoodleReplay.site();
        moodle = new MockWebServer();
        moodle.setDispatcher(site);
        moodle.start();
        cache = Cache.open(data);
        servers = new ServerSet(null);
        engine = new nl.sociallearning.workstation.sync.SyncEngine(servers, cache,
                nl.sociallearning.workstation.sync.SyncSettings.oneOff());
        directory = new ServerDirectory(cache, new FileTokenVault(data), servers, engine, ConnectorFactory::create,
                Clock.systemUTC());
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
        model = new AddServerViewModel(directory, new TaskRunner(Platform::runLater), messages);
        model.setOnAdded(added::set);
        Stage stage = FxToolkit.registerPrimaryStage();
        FxToolkit.setupStage(s -> {
            StackPane window = new StackPane(new Label(""));
            window.setStyle("-fx-background-color: -color-bg-subtle;");
            view = new AddServerView(window, model, messages);
            Scene scene = new Scene(window, 900, 560);
            scene.getStylesheets().add(Objects.requireNonNull(Messages.class.getResource("workstation.css")).toExternalForm());
            s.setScene(scene);
            s.show();
            view.show();
        });
        return stage;
    }

    @Test
    void aWrongTokenIsNamedInTheFormAndNothingIsSaved(FxRobot robot) throws Exception {
        Stage stage = open(Locale.forLanguageTag("nl"));
        site.answer("core_webservice_get_site_info", "error_invalidtoken.json");
        robot.interact(() -> {
            model.urlProperty().set("https://moodle.example.org");
            model.tokenProperty().set("3f9a1c0e5b7d4e2a8c6f0b1d9e7a5c3f");
        });
        Screenshots.write(stage.getScene(), "add-server");
        robot.interact(() -> model.urlProperty().set(moodle.url("/").toString()));

        robot.clickOn(view.addButton());
        waitFor(() -> !model.errorProperty().get().isEmpty());

        assertThat(model.errorProperty().get()).startsWith("De server accepteert dit token niet.")
                .contains("Moodle does not know this token");
        assertThat(directory.saved()).isEmpty();
        assertThat(view.isShowing()).isTrue();
        Screenshots.write(stage.getScene(), "add-server-wrong-token");
    }

    @Test
    void theRightTokenAddsTheServerOffTheFxThread(FxRobot robot) throws Exception {
        open(Locale.ENGLISH);
        robot.interact(() -> {
            model.kindProperty().set(ServerKind.MOODLE);
            model.urlProperty().set(moodle.url("/").toString());
            model.tokenProperty().set("moodle-token");
        });

        robot.clickOn(view.addButton());
        waitFor(() -> added.get() != null);

        assertThat(added.get().courses()).hasSize(1);
        assertThat(directory.saved()).singleElement().satisfies(s -> assertThat(s.kind()).isEqualTo("MOODLE"));
        assertThat(model.tokenProperty().get()).as("the typed token is not kept in the form").isEmpty();
        assertThat(model.busyProperty().get()).isFalse();
    }

    private static void waitFor(Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, condition);
        WaitForAsyncUtils.waitForFxEvents();
    }
}
