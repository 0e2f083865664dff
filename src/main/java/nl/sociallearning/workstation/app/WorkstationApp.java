package nl.sociallearning.workstation.app;

import atlantafx.base.theme.PrimerLight;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.control.Alert;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.image.Image;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import nl.sociallearning.workstation.courses.CourseOverviewView;
import nl.sociallearning.workstation.courses.CourseOverviewViewModel;
import nl.sociallearning.workstation.ui.Messages;
import nl.sociallearning.workstation.ui.TaskRunner;
import nl.sociallearning.workstation.ui.TimeFormat;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.ZoneId;
import java.util.Locale;
import java.util.Objects;

/** The desktop window. Opening the cache and the server happens in the background while a spinner shows. */
public final class WorkstationApp extends Application {

    private static final Logger LOG = LoggerFactory.getLogger(WorkstationApp.class);
    private static Options options;

    private Workstation workstation;
    private TaskRunner runner;

    static void launchWith(Options given) {
        options = given;
        Application.launch(WorkstationApp.class);
    }

    @Override
    public void start(Stage stage) {
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        Messages messages = new Messages(options.language() != null ? options.language() : Locale.getDefault());
        runner = new TaskRunner(Platform::runLater);
        stage.setTitle(messages.get("app.title"));
        for (int size : new int[] {16, 32, 64, 128, 256}) {
            stage.getIcons().add(new Image(Objects.requireNonNull(
                    WorkstationApp.class.getResourceAsStream("/nl/sociallearning/workstation/ui/icons/app-icon-" + size + ".png"))));
        }
        ProgressIndicator spinner = new ProgressIndicator();
        VBox loading = new VBox(16, spinner, new Label(messages.get("app.opening")));
        loading.setAlignment(Pos.CENTER);
        Scene scene = new Scene(loading, 1280, 800);
        scene.getStylesheets().add(Objects.requireNonNull(
                WorkstationApp.class.getResource("/nl/sociallearning/workstation/ui/workstation.css")).toExternalForm());
        stage.setScene(scene);
        stage.show();
        runner.run(() -> {
            try {
                return Workstation.open(options);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }, opened -> {
            workstation = opened;
            scene.setRoot(overview(opened, messages));
            opened.engine().start();
        }, failure -> {
            Alert alert = new Alert(Alert.AlertType.ERROR, failure.getMessage());
            alert.setHeaderText(messages.get("error.title"));
            alert.showAndWait();
            Platform.exit();
        });
    }

    private CourseOverviewView overview(Workstation opened, Messages messages) {
        CourseOverviewViewModel model = new CourseOverviewViewModel(opened.cache(), runner, opened.engine());
        model.load();
        return new CourseOverviewView(model, messages, new TimeFormat(messages, ZoneId.systemDefault()),
                opened.engine().serverName());
    }

    @Override
    public void stop() {
        try {
            if (workstation != null) {
                workstation.close();
            }
        } catch (RuntimeException e) {
            LOG.warn("Closing the workstation failed", e);
        }
        if (runner != null) {
            runner.close();
        }
    }
}
