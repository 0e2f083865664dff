package nl.sociallearning.workstation.assessment;

import atlantafx.base.theme.PrimerLight;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import nl.sociallearning.workstation.assessment.flow.AssessmentFlow;
import nl.sociallearning.workstation.domain.assessment.Assessment;
import nl.sociallearning.workstation.domain.assessment.Note;
import nl.sociallearning.workstation.domain.assessment.SignerRole;
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

import java.nio.file.Path;
import java.time.Clock;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The assessment screens in a headless window over the demo assessments: notes typed with Enter, a note linked
 * to a criterion by its key, the blind rule on screen, the disagreement highlighted; one screenshot per step.
 */
@ExtendWith(ApplicationExtension.class)
class AssessmentScreensTest {

    @TempDir
    Path dir;
    Cache cache;
    AssessmentsViewModel model;
    AssessmentsView view;
    TaskRunner runner;

    @BeforeEach
    void open() throws Exception {
        cache = Cache.open(dir);
        DemoAssessments.seedIfEmpty(cache);
        runner = new TaskRunner(Platform::runLater);
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        Messages messages = new Messages(Locale.forLanguageTag("nl"));
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
    void close(FxRobot robot) throws Exception {
        robot.release(new KeyCode[0]);
        robot.release(new javafx.scene.input.MouseButton[0]);
        FxToolkit.cleanupStages();
        runner.close();
        cache.close();
    }

    private static void waitFor(Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, condition);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private String idOf(String student) {
        return model.assessments().stream().filter(a -> a.context().student().name().equals(student)).map(Assessment::id)
                .findFirst().orElseThrow();
    }

    private void open(FxRobot robot, String student, String assessor, Step step) throws Exception {
        String id = idOf(student);
        robot.interact(() -> model.select(id));
        waitFor(() -> model.openProperty().get() != null && model.openProperty().get().view().dossier().assessment().id().equals(id));
        robot.interact(() -> model.actAs(assessor));
        waitFor(() -> model.openProperty().get().view().viewerId().equals(assessor));
        robot.interact(() -> model.show(step));
        waitFor(() -> model.stepProperty().get() == step);
    }

    @Test
    void everyStepOnScreenWithTheKeyboardAndTheBlindRule(FxRobot robot) throws Exception {
        // 1 Waarnemen: Daan's simulation, observing now.
        open(robot, "Daan Visser", DemoAssessments.ANK, Step.WAARNEMEN);
        assertThat(robot.lookup("Skillslab, ruimte 2.14").tryQuery()).isPresent();
        Screenshots.write(view.getScene(), "assessment-1-waarnemen");

        // 2 Aantekeningen: Enter adds a time-stamped note; a judging word is underlined with the hint as it is typed.
        open(robot, "Daan Visser", DemoAssessments.ANK, Step.AANTEKENINGEN);
        int before = model.openProperty().get().view().ownNotes().size();
        // Typed as plain ASCII: the headless keyboard has no key for "ë", and a key left down would reach later tests.
        robot.clickOn(view.noteInput()).write("Legt client in stabiele zijligging, zegt: 'Ik blijf bij u'").type(KeyCode.ENTER);
        waitFor(() -> model.openProperty().get().view().ownNotes().size() == before + 1);
        assertThat(view.noteInput().getText()).isEmpty();
        robot.interact(() -> view.noteInput().setText("Hij lijkt zenuwachtig maar werkt netjes"));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup(".wacker-hint").queryAs(Label.class).getText()).contains("lijkt").contains("netjes");
        Screenshots.write(view.getScene(), "assessment-2-aantekeningen");
        robot.interact(() -> view.noteInput().clear());

        // 3 Classificeren: select a note, press a criterion's key: linked.
        open(robot, "Lotte Meijer", DemoAssessments.ANK, Step.CLASSIFICEREN);
        @SuppressWarnings("unchecked")
        ListView<Note> notes = (ListView<Note>) robot.lookup(".list-view").match(n -> ((ListView<?>) n).getItems().stream()
                .anyMatch(i -> i instanceof Note)).query();
        Note privacy = notes.getItems().stream().filter(n -> n.text().startsWith("Deur blijft open")).findFirst().orElseThrow();
        robot.interact(() -> {
            notes.requestFocus();
            notes.getSelectionModel().select(privacy);
        });
        robot.type(KeyCode.DIGIT4);
        waitFor(() -> model.openProperty().get().view().dossier().linksOf(DemoAssessments.ANK).stream()
                .anyMatch(l -> l.noteId().equals(privacy.id()) && l.criterionCode().equals("B1-K1-W3-C4")));
        assertThat(model.openProperty().get().view().withoutEvidence()).extracting(c -> c.code()).containsExactly("B1-K1-W3-C5");
        Screenshots.write(view.getScene(), "assessment-3-classificeren");

        // 4 Kwalificeren: Ank's one level shows; Bram, not yet locked, sees none of Ank's.
        open(robot, "Lotte Meijer", DemoAssessments.BRAM, Step.KWALIFICEREN);
        assertThat(model.openProperty().get().view().dossier().levels()).isEmpty();
        open(robot, "Lotte Meijer", DemoAssessments.ANK, Step.KWALIFICEREN);
        assertThat(robot.lookup(".wacker-blind").queryAs(Label.class).getText()).contains("0 van 1");
        Screenshots.write(view.getScene(), "assessment-4-kwalificeren");

        // 5 Evalueren: Sanne, both locked, the disagreement on B1-K1-W4-C3 highlighted.
        open(robot, "Sanne Bakker", DemoAssessments.ANK, Step.EVALUEREN);
        assertThat(robot.lookup(".wacker-level-differs").queryAll()).hasSize(2);
        assertThat(robot.lookup(".wacker-eval-disagreement").queryAll()).hasSize(1);
        Screenshots.write(view.getScene(), "assessment-5-evalueren");

        // 6 Rapporteren: agreed, reported, signed by all: locked, the audit log intact.
        AssessmentFlow flow = new AssessmentFlow(cache, Clock.systemUTC());
        String sanne = idOf("Sanne Bakker");
        flow.agreeWhereUnanimous(sanne, DemoAssessments.ANK);
        flow.agree(sanne, DemoAssessments.ANK, "B1-K1-W4-C3", "voldoende",
                "Afgetekend in dezelfde dienst, maar niet direct na toediening: voldoende, geen goed");
        flow.writeReport(sanne, DemoAssessments.ANK, "Controleert de vijf juisten hardop en vergelijkt met de lijst; vraagt zelf om dubbele controle bij insuline.",
                "Direct na toediening aftekenen, per cliënt. Volgende medicatieronde: Ank kijkt daar gericht naar.",
                "Besproken om 09:15 in de teampost, met beide beoordelaars.", "Sanne herkent het uitgestelde aftekenen: 'Ik wilde de ronde niet onderbreken.' Ze gaat per cliënt aftekenen.");
        flow.sign(sanne, DemoAssessments.ANK, SignerRole.ASSESSOR, "Ank de Vries");
        flow.sign(sanne, DemoAssessments.BRAM, SignerRole.ASSESSOR, "Bram Jansen");
        flow.sign(sanne, null, SignerRole.STUDENT, "Sanne Bakker");
        robot.interact(() -> model.load());
        open(robot, "Sanne Bakker", DemoAssessments.BRAM, Step.RAPPORTEREN);
        waitFor(() -> model.openProperty().get().audit() != null && model.openProperty().get().audit().intact());
        Node result = robot.lookup(".wacker-result").query();
        assertThat(((Label) result).getText()).startsWith("Behaald");
        Screenshots.write(view.getScene(), "assessment-6-rapporteren");
    }

    @Test
    void aNewAssessmentIsMadeFromTheFormAndOpensOnItsFirstStep(FxRobot robot) throws Exception {
        int before = model.assessments().size();
        robot.clickOn("Nieuwe beoordeling");
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn(".text-field").write("Noor El Amrani");
        robot.lookup(".text-field").nth(1).queryAs(javafx.scene.control.TextField.class);
        robot.interact(() -> {
            var fields = robot.lookup(".text-field").queryAllAs(javafx.scene.control.TextField.class).stream()
                    .filter(f -> f.getPromptText() != null).toList();
            fields.stream().filter(f -> f.getPromptText().equals("Studentnummer")).findFirst().orElseThrow().setText("512001");
            fields.stream().filter(f -> f.getPromptText().equals("Beoordelaar (jij)")).findFirst().orElseThrow().setText("Ank de Vries");
            fields.stream().filter(f -> f.getPromptText().startsWith("Tweede")).findFirst().orElseThrow().setText("Bram Jansen");
        });
        robot.clickOn("B1-K1-W4  Voert verpleegtechnische handelingen uit");
        Screenshots.write(view.getScene(), "assessment-0-nieuw");
        robot.clickOn("Maak beoordeling");
        waitFor(() -> model.assessments().size() == before + 1 && model.openProperty().get() != null
                && model.openProperty().get().view().dossier().assessment().context().student().name().equals("Noor El Amrani"));
        Assessment made = model.openProperty().get().view().dossier().assessment();
        assertThat(made.context().scope()).containsExactly("B1-K1-W4");
        assertThat(made.assessors()).extracting(a -> a.id()).containsExactly("ank.de.vries", "bram.jansen");
        assertThat(model.stepProperty().get()).isEqualTo(Step.WAARNEMEN);
        robot.clickOn("Start observatie");
        waitFor(() -> model.openProperty().get().view().dossier().assessment().observationStarted());
        assertThat(model.stepProperty().get()).isEqualTo(Step.AANTEKENINGEN);
    }
}
