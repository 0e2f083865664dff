package nl.sociallearning.workstation.reports;

import atlantafx.base.theme.PrimerLight;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import nl.sociallearning.workstation.ui.Messages;
import nl.sociallearning.workstation.ui.Screenshots;
import nl.sociallearning.workstation.ui.TaskRunner;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Path;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

import static nl.sociallearning.workstation.reports.ReportFixture.COURSE;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The report page in a (headless) window on the synced demo course: the preview follows the choices and the
 * privacy mode, the export writes what the preview shows, a failed write says why, and the purge asks first.
 * Writes the screenshots in docs/screenshots.
 */
@ExtendWith(ApplicationExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ReportsViewTest {

    @TempDir
    static Path dir;
    static ReportFixture f;

    ReportsViewModel model;
    ReportsView view;
    Stage stage;
    TaskRunner runner;

    @BeforeAll
    static void sync() throws Exception {
        f = ReportFixture.start(dir.resolve("data"));
    }

    @AfterAll
    static void close() {
        f.close();
    }

    @BeforeEach
    void open() throws Exception {
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        Messages messages = new Messages(java.util.Locale.forLanguageTag("nl"));
        runner = new TaskRunner(Platform::runLater);
        model = new ReportsViewModel(f.cache, runner, messages, ReportFixture.CLOCK);
        stage = FxToolkit.registerPrimaryStage();
        FxToolkit.setupStage(s -> {
            view = new ReportsView(model, messages);
            Scene scene = new Scene(view, 1440, 900);
            scene.getStylesheets().add(Objects.requireNonNull(Messages.class.getResource("workstation.css")).toExternalForm());
            s.setScene(scene);
            s.show();
            model.load();
            model.courseProperty().set(COURSE);
        });
        waitFor(() -> model.previewProperty().get() != null);
    }

    @AfterEach
    void cleanUp() throws Exception {
        FxToolkit.cleanupStages();
        runner.close();
    }

    @Test
    @Order(1)
    void anEmployersCourseOpensInAggregateModeAndThePreviewFollowsTheChoices(FxRobot robot) throws Exception {
        assertThat(model.modeProperty().get()).isEqualTo(PrivacyMode.AGGREGATE);
        assertThat(view.exportButton().isDisabled()).as("no purpose yet").isTrue();
        assertThat(view.previewTables().getTabs()).extracting(t -> t.getText()).containsExactly("Kengetallen");
        Screenshots.write(stage.getScene(), "reports");

        robot.interact(() -> {
            model.presetProperty().set(ReportPreset.PARTICIPANTS);
            model.modeProperty().set(PrivacyMode.PSEUDONYMISED);
        });
        waitFor(() -> model.previewProperty().get().preset() == ReportPreset.PARTICIPANTS
                && model.previewProperty().get().mode() == PrivacyMode.PSEUDONYMISED);
        TableView<?> table = table(0);
        assertThat(table.getColumns().get(0).getText()).isEqualTo("Pseudoniem");
        assertThat(table.getItems()).hasSize(f.participants(COURSE).size());
        assertThat(robot.lookup(".label").queryAllAs(Label.class)).anyMatch(l -> l.getText() != null
                && l.getText().contains("de standaard voor deze cursus is Alleen totalen"));
        Screenshots.write(stage.getScene(), "reports-pseudonymised");

        robot.interact(() -> model.modeProperty().set(PrivacyMode.AGGREGATE));
        waitFor(() -> model.previewProperty().get().mode() == PrivacyMode.AGGREGATE);
        assertThat(view.previewTables().getTabs()).extracting(t -> t.getText()).containsExactly("Verdeling van de deelname");
        assertThat(model.previewProperty().get().tables()).noneMatch(ReportTable::hasIdentifyingColumn);
    }

    @Test
    @Order(2)
    void exportWritesWhatThePreviewShowsWithProgressAndLogsIt(FxRobot robot) throws Exception {
        Path file = dir.resolve("groepen.xlsx");
        robot.interact(() -> {
            model.presetProperty().set(ReportPreset.GROUPS);
            model.formatProperty().set(ReportFormat.XLSX);
        });
        waitFor(() -> model.previewProperty().get().preset() == ReportPreset.GROUPS);
        int rows = table(0).getItems().size();
        assertThat(robot.lookup(".toggle-button").queryAllAs(javafx.scene.control.ToggleButton.class))
                .filteredOn(javafx.scene.control.ToggleButton::isSelected).extracting(b -> b.getText()).containsExactly("Excel (XLSX)");
        robot.clickOn(view.purposeField()).write("Kwartaalrapport voor de opdrachtgever");
        view.setFileChooser(w -> file);
        assertThat(view.exportButton().isDisabled()).isFalse();
        robot.clickOn(view.exportButton());
        waitFor(() -> !model.exportingProperty().get() && model.statusProperty().get().startsWith("Geschreven"));
        assertThat(model.progressProperty().get()).isEqualTo(1.0);
        assertThat(ReadBack.xlsx(file, "Groepen")).hasSize(rows);
        assertThat(f.cache.reports().exports(COURSE).get(0).purpose()).isEqualTo("Kwartaalrapport voor de opdrachtgever");
        // The page's export log shows it at once, newest first, with its purpose.
        waitFor(() -> !model.exports().isEmpty());
        javafx.scene.control.ListView<?> log = robot.lookup(".reports-log").queryAs(javafx.scene.control.ListView.class);
        assertThat(log.getItems()).hasSize(f.cache.reports().exports(COURSE).size());
        assertThat(robot.from(log).lookup(".label").queryAllAs(javafx.scene.control.Label.class))
                .extracting(javafx.scene.control.Label::getText)
                .contains("Doel: Kwartaalrapport voor de opdrachtgever", file.toAbsolutePath().toString())
                .anyMatch(t -> t.contains("Activiteit per groep \u00b7 Alleen totalen \u00b7 XLSX"));
        Screenshots.write(stage.getScene(), "reports-exported");
        robot.interact(() -> robot.lookup(".scroll-pane").queryAllAs(javafx.scene.control.ScrollPane.class)
                .forEach(p -> p.setVvalue(1)));
        Screenshots.write(stage.getScene(), "reports-log");
    }

    @Test
    @Order(3)
    void aFailedWriteSaysWhyUnderTheButton(FxRobot robot) throws Exception {
        Path file = dir.resolve("no-such-folder").resolve("rapport.pdf");
        robot.clickOn(view.purposeField()).write("Evaluatie");
        view.setFileChooser(w -> file);
        robot.clickOn(view.exportButton());
        waitFor(() -> !model.errorProperty().get().isEmpty());
        assertThat(model.errorProperty().get()).contains("no-such-folder", "die map bestaat niet", "Er is niets achtergelaten");
        assertThat(robot.lookup(".reports-error").queryAs(Label.class).isVisible()).isTrue();
        assertThat(file.getParent()).doesNotExist();
        Screenshots.write(stage.getScene(), "reports-error");
    }

    @Test
    @Order(4)
    void thePurgeAsksFirstThenDeletesOldActivity(FxRobot robot) throws Exception {
        robot.interact(() -> robot.lookup(".scroll-pane").queryAllAs(javafx.scene.control.ScrollPane.class)
                .forEach(s -> s.setVvalue(1)));
        robot.clickOn(view.retentionField()).write("14");
        robot.clickOn("Opslaan");
        waitFor(() -> model.toPurgeProperty().get() > 0);
        long before = f.cache.activity().count(COURSE);
        long toPurge = model.toPurgeProperty().get();
        robot.clickOn(robot.lookup(".button").queryAllAs(Button.class).stream()
                .filter(b -> b.getText().startsWith("Verwijder ")).findFirst().orElseThrow());
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> robot.lookup(".scroll-pane").queryAllAs(javafx.scene.control.ScrollPane.class)
                .forEach(s -> s.setVvalue(1)));
        assertThat(view.confirmation().isVisible()).isTrue();
        assertThat(f.cache.activity().count(COURSE)).as("nothing deleted before the confirmation").isEqualTo(before);
        Screenshots.write(stage.getScene(), "reports-purge-confirm");
        robot.clickOn(robot.lookup(".reports-confirm .button").queryAllAs(Button.class).stream()
                .filter(b -> b.getText().equals("Verwijderen")).findFirst().orElseThrow());
        waitFor(() -> model.toPurgeProperty().get() == 0 && model.statusProperty().get().contains("verwijderd"));
        assertThat(f.cache.activity().count(COURSE)).isEqualTo(before - toPurge);
        robot.interact(() -> model.saveRetention(null));
        waitFor(() -> model.retentionDaysProperty().get() == null);
    }

    private TableView<?> table(int tab) {
        var content = view.previewTables().getTabs().get(tab).getContent();
        return content instanceof TableView<?> t ? t
                : (TableView<?>) ((javafx.scene.layout.VBox) content).getChildren().get(0);
    }

    static void waitFor(Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> {
            Boolean ok = WaitForAsyncUtils.asyncFx(condition).get(10, TimeUnit.SECONDS);
            return ok;
        });
        WaitForAsyncUtils.waitForFxEvents();
    }
}
