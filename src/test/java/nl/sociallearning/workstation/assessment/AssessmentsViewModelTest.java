package nl.sociallearning.workstation.assessment;

import nl.sociallearning.workstation.assessment.flow.AssessmentFlow;
import nl.sociallearning.workstation.assessment.flow.FlowException;
import nl.sociallearning.workstation.assessment.flow.Refusal;
import nl.sociallearning.workstation.assessment.framework.ExampleFrameworks;
import nl.sociallearning.workstation.assessment.framework.FrameworkImportException;
import nl.sociallearning.workstation.domain.assessment.Assessment;
import nl.sociallearning.workstation.domain.assessment.Step;
import nl.sociallearning.workstation.store.Cache;
import nl.sociallearning.workstation.ui.Messages;
import nl.sociallearning.workstation.ui.TaskRunner;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/** The page's state without a window: refusals reach the user in their words, the blind rule holds per assessor. */
class AssessmentsViewModelTest {

    @TempDir
    Path dir;
    Cache cache;
    AssessmentsViewModel model;
    final Texts dutch = new Texts(new Messages(Locale.forLanguageTag("nl")), ZoneId.of("Europe/Amsterdam"));

    @BeforeEach
    void open() {
        cache = Cache.open(dir.resolve("data"));
        DemoAssessments.seedIfEmpty(cache);
        model = AssessmentsViewModel.create(cache, TaskRunner.direct(), Clock.systemUTC());
        model.load();
    }

    @AfterEach
    void close() {
        cache.close();
    }

    private String idOf(String student) {
        return model.assessments().stream().filter(a -> a.context().student().name().equals(student)).map(Assessment::id)
                .findFirst().orElseThrow();
    }

    @Test
    void aLevelWithoutEvidenceIsRefusedInWordsAndNothingIsStored() {
        model.select(idOf("Lotte Meijer"));
        model.actAs(DemoAssessments.ANK);
        model.setLevel("B1-K1-W3-C5", "goed", "Zag het");
        assertThat(model.refusalProperty().get()).isInstanceOfSatisfying(FlowException.class,
                e -> assertThat(e.refusal()).isEqualTo(Refusal.NO_EVIDENCE));
        assertThat(dutch.problem(model.refusalProperty().get())).isEqualTo(
                "Zonder bewijs geen niveau: koppel eerst een notitie aan B1-K1-W3-C5.");
        assertThat(model.openProperty().get().view().dossier().level(DemoAssessments.ANK, "B1-K1-W3-C5")).isEmpty();
    }

    @Test
    void theListShowsAnAssessmentsNewStateAsSoonAsACommandChangesIt() {
        String id = idOf("Daan Visser");
        model.select(id);
        assertThat(entry(id).observationEndedAt()).isNull();
        model.endObservation();
        assertThat(model.refusalProperty().get()).isNull();
        assertThat(entry(id).observationEndedAt()).isNotNull();
    }

    @Test
    void importingAFrameworkThatIsThereSaysSoAndOtherFailuresAreNotTakenForThat() throws Exception {
        Path file = dir.resolve("kader.json");
        try (var in = AssessmentsViewModel.class.getResourceAsStream(
                "/nl/sociallearning/workstation/assessment/" + ExampleFrameworks.VERZORGENDE_IG)) {
            Files.copy(in, file);
        }
        model.importFramework(file);
        assertThat(dutch.problem(model.refusalProperty().get())).isEqualTo("Er is al een kader met code VIG-B1; niets geïmporteerd.");
        assertThat(dutch.problem(new IllegalStateException("iets anders"))).isEqualTo("iets anders");
    }

    @Test
    void openingAnAssessmentShowsWhatTheSeparateQuestionsAnswerFromOneRead() {
        AssessmentFlow flow = new AssessmentFlow(cache, Clock.systemUTC());
        for (Assessment a : model.assessments()) {
            String who = a.assessors().get(0).id();
            AssessmentFlow.Opened o = flow.open(a.id(), who);
            assertThat(o.view()).isEqualTo(flow.view(a.id(), who));
            assertThat(o.result()).isEqualTo(flow.result(a.id()));
            assertThat(o.evaluation()).isEqualTo(o.view().othersVisible() ? flow.evaluation(a.id(), who) : java.util.List.of());
            assertThat(o.audit()).isEqualTo(a.locked() ? flow.verify(a.id()) : null);
        }
        assertThat(model.assessments()).anyMatch(Assessment::locked);
    }

    private Assessment entry(String id) {
        return model.assessments().stream().filter(a -> a.id().equals(id)).findFirst().orElseThrow();
    }

    @Test
    void eachAssessorSeesOnlyTheirOwnLevelsUntilAllHaveLocked() {
        model.select(idOf("Lotte Meijer"));
        model.actAs(DemoAssessments.BRAM);
        assertThat(model.openProperty().get().view().dossier().levels()).isEmpty();
        model.actAs(DemoAssessments.ANK);
        assertThat(model.openProperty().get().view().dossier().levels()).hasSize(1);
        model.select(idOf("Sanne Bakker"));
        assertThat(model.stepProperty().get()).isEqualTo(Step.EVALUEREN);
        assertThat(model.openProperty().get().evaluation()).hasSize(4);
    }

    @Test
    void aBadFrameworkFileIsRefusedWithLineAndFieldAndNothingIsImported() throws Exception {
        Path file = dir.resolve("kader.csv");
        Files.writeString(file, "framework,framework_title,scale,pass_level,core_task,work_process,criterion,criterion_text\n"
                + "K,Kader,onvoldoende-voldoende-goed,voldoende,T,W,C1,Een\n"
                + ",,,,T,W,C1,Twee\n", StandardCharsets.UTF_8);
        int before = model.frameworks().size();
        model.importFramework(file);
        assertThat(model.refusalProperty().get()).isInstanceOf(FrameworkImportException.class);
        assertThat(dutch.problem(model.refusalProperty().get()))
                .isEqualTo("Kader niet geïmporteerd. Regel 3, veld criterion: code C1 komt twee keer voor (eerder op regel 2)");
        assertThat(cache.frameworks().all()).hasSize(before);
    }
}
