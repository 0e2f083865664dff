package nl.sociallearning.workstation.assessment;

import atlantafx.base.theme.PrimerLight;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import nl.sociallearning.workstation.assessment.agreement.AgreementExport;
import nl.sociallearning.workstation.assessment.agreement.AgreementTables;
import nl.sociallearning.workstation.assessment.mapping.CachedRatings;
import nl.sociallearning.workstation.assessment.mapping.ReportExport;
import nl.sociallearning.workstation.domain.assessment.Assessment;
import nl.sociallearning.workstation.domain.assessment.Step;
import nl.sociallearning.workstation.store.Cache;
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

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The agreement page, reached from the assessments page over the demo assessments, and the report's export from
 * the report step: written to a file, and a clear message when the file cannot be written.
 */
@ExtendWith(ApplicationExtension.class)
class AgreementScreenTest {

    static final Locale DUTCH = Locale.forLanguageTag("nl");

    @TempDir
    Path dir;
    Cache cache;
    AssessmentsViewModel model;
    AssessmentsView view;
    TaskRunner runner;

    @BeforeEach
    void open() throws Exception {
        cache = Cache.open(dir.resolve("cache"));
        DemoAssessments.seedIfEmpty(cache);
        runner = new TaskRunner(Platform::runLater);
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        Messages messages = new Messages(DUTCH);
        model = AssessmentsViewModel.create(cache, runner, Clock.systemUTC());
        FxToolkit.registerPrimaryStage();
        FxToolkit.setupStage((Stage s) -> {
            view = new AssessmentsView(model, messages);
            Scene scene = new Scene(view, 1440, 900);
            scene.getStylesheets().add(Objects.requireNonNull(Messages.class.getResource("workstation.css")).toExternalForm());
            s.setScene(scene);
            s.show();
            model.load();
        });
        waitFor(() -> model.openProperty().get() != null);
    }

    @AfterEach
    void close() throws Exception {
        FxToolkit.cleanupStages();
        runner.close();
        cache.close();
    }

    private static void waitFor(Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, condition);
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void theAgreementPageShowsCriteriaPairsAndSignalsAndGoesBackToTheAssessment(FxRobot robot) throws Exception {
        robot.clickOn(view.agreementToggle());
        waitFor(() -> view.agreementView() != null && view.agreementView().getScene() != null
                && robot.lookup(".agreement-table").queryAll().stream().allMatch(t -> !((TableView<?>) t).getItems().isEmpty()));
        @SuppressWarnings("unchecked")
        TableView<Object>[] tables = robot.lookup(".agreement-table").queryAll().toArray(new TableView[0]);
        assertThat(tables).hasSize(2);
        // Nine criteria (four medication, five morning care); three pairs of assessors.
        assertThat(tables[0].getItems()).hasSize(9);
        assertThat(tables[1].getItems()).hasSize(3);
        assertThat(robot.lookup(".agreement-warning").queryAll()).isNotEmpty();
        assertThat(robot.lookup(".agreement-warning .label").queryAll().stream().map(n -> ((Label) n).getText()))
                .anyMatch(t -> t.startsWith("Dirk Mulder scoorde gemiddeld"));
        assertThat(robot.lookup("weinig gegevens").tryQuery()).isEmpty();
        Screenshots.write(view.getScene(), "assessment-agreement");

        // Picking an assessment in the list brings its steps back.
        robot.interact(() -> view.list().getSelectionModel().select(view.list().getItems().size() - 1));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(view.agreementToggle().isSelected()).isFalse();
        assertThat(view.getCenter()).isNotSameAs(view.agreementView());
    }

    @Test
    void aFilterByAssessorChangesTheCountAndTheFiguresAndTheExportSaysWhyItFailed(FxRobot robot) throws Exception {
        int all = CachedRatings.read(cache).assessments();
        robot.clickOn(view.agreementToggle());
        Label count = robot.lookup(".agreement-count").queryAs(Label.class);
        waitFor(() -> count.getText().startsWith("Gebaseerd op alle " + all + " beoordelingen"));

        robot.clickOn(".agreement-assessor");
        // The name also stands in the tables: pick it from the list that dropped down.
        robot.clickOn(robot.lookup(".combo-box-popup .list-cell")
                .match(n -> "Carla Smit".equals(((javafx.scene.control.ListCell<?>) n).getText())).queryAs(javafx.scene.control.ListCell.class));
        waitFor(() -> count.getText().startsWith("Gebaseerd op 4 beoordelingen van de " + all + " (filter actief)"));
        assertThat(count.getText()).contains("van 2 beoordelaars");
        @SuppressWarnings("unchecked")
        TableView<AgreementTables.PairRow> pairs = (TableView<AgreementTables.PairRow>) robot.lookup(".agreement-table").queryAll().toArray()[1];
        assertThat(pairs.getItems()).singleElement().satisfies(p -> assertThat(p.assessorB()).isEqualTo("Carla Smit"));
        assertThat(robot.lookup(".agreement-warning .label").queryAll().stream().map(n -> ((Label) n).getText()))
                .as("Dirk's leniency is not in Carla's assessments").noneMatch(t -> t.startsWith("Dirk Mulder"));

        // An export into a folder that does not exist: the page says so and stays as it was.
        Path missing = dir.resolve("weg").resolve("overeenstemming.pdf");
        robot.interact(() -> view.agreementView().model().export(missing, AgreementExport.Format.PDF));
        Label message = robot.lookup(".agreement-export-message").queryAs(Label.class);
        waitFor(() -> message.isVisible() && message.getText().startsWith("Niet opgeslagen"));
        assertThat(message.getText()).contains("bestaat niet").contains(missing.toString());
        assertThat(dir.resolve("weg")).doesNotExist();

        // A period of one day before any assessment: nothing to compute, and the page says so instead of showing figures.
        LocalDate before = LocalDate.now().minusYears(1);
        robot.interact(() -> {
            robot.lookup(".agreement-from").queryAs(javafx.scene.control.DatePicker.class).setValue(before);
            robot.lookup(".agreement-to").queryAs(javafx.scene.control.DatePicker.class).setValue(before);
        });
        Label notice = robot.lookup(".agreement-notice").queryAs(Label.class);
        waitFor(() -> notice.isVisible() && notice.getText().startsWith("Geen beoordelingen in deze selectie"));
        assertThat(count.getText()).startsWith("Gebaseerd op 0 beoordelingen");
        assertThat(pairs.getItems()).isEmpty();

        // Back to Carla over the whole period, exported as CSV: saved, and the page says where.
        robot.interact(() -> {
            robot.lookup(".agreement-from").queryAs(javafx.scene.control.DatePicker.class).setValue(null);
            robot.lookup(".agreement-to").queryAs(javafx.scene.control.DatePicker.class).setValue(null);
        });
        waitFor(() -> count.getText().startsWith("Gebaseerd op 4 beoordelingen"));
        Path csv = dir.resolve("overeenstemming.csv");
        robot.interact(() -> view.agreementView().model().export(csv, AgreementExport.Format.CSV));
        waitFor(() -> message.getText().startsWith("Opgeslagen in"));
        assertThat(csv).isNotEmptyFile();
        robot.interact(() -> view.agreementView().setVvalue(0));
        Screenshots.write(view.getScene(), "assessment-agreement-filtered");
    }

    @Test
    void theReportStepExportsTheReportAndSaysWhyAFileCouldNotBeWritten(FxRobot robot) throws Exception {
        String id = model.assessments().stream().filter(a -> a.context().student().name().equals("Bas Koster"))
                .map(Assessment::id).findFirst().orElseThrow();
        robot.interact(() -> model.select(id));
        waitFor(() -> model.openProperty().get() != null && model.openProperty().get().view().dossier().assessment().id().equals(id));
        robot.interact(() -> model.show(Step.RAPPORTEREN));
        waitFor(() -> model.stepProperty().get() == Step.RAPPORTEREN);
        assertThat(robot.lookup(".menu-button").queryAll().stream().map(n -> ((MenuButton) n).getText()))
                .contains("Verslag exporteren");
        assertThat(((MenuButton) robot.lookup(".menu-button").match(n -> "Verslag exporteren".equals(((MenuButton) n).getText()))
                .query()).getItems()).extracting(i -> i.getText()).containsExactly("PDF (afdrukken, archief)", "CSV (Excel)", "JSON (uitwisseling)");

        Path missing = dir.resolve("weg").resolve("verslag.pdf");
        robot.interact(() -> model.exportReport(missing, ReportExport.Format.PDF, DUTCH));
        Label message = robot.lookup(".wacker-message").queryAs(Label.class);
        waitFor(() -> message.isVisible() && message.getText().contains("niet opgeslagen"));
        assertThat(message.getText()).contains("de map van").contains(missing.toString());
        assertThat(dir.resolve("weg")).doesNotExist();

        Path pdf = dir.resolve("verslag.pdf");
        robot.interact(() -> model.exportReport(pdf, ReportExport.Format.PDF, DUTCH));
        waitFor(() -> message.getText().contains("verslag.pdf") && message.getStyleClass().contains("info"));
        assertThat(Files.size(pdf)).isGreaterThan(10_000);
    }
}
