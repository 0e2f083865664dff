package nl.sociallearning.workstation.assessment;

import nl.sociallearning.workstation.assessment.agreement.AgreementTables;
import nl.sociallearning.workstation.assessment.agreement.BiasWarning;
import nl.sociallearning.workstation.store.Cache;
import nl.sociallearning.workstation.ui.TaskRunner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/** The demo set-up's assessments give the agreement page figures to show, and one signal to think about. */
class DemoAgreementTest {

    @TempDir
    Path dir;

    @Test
    void theDemoAssessmentsHaveEnoughLockedLevelsForAgreementFigures() {
        try (Cache cache = Cache.open(dir); TaskRunner runner = TaskRunner.direct()) {
            DemoAssessments.seedIfEmpty(cache);
            AgreementViewModel model = new AgreementViewModel(cache, runner, Locale.forLanguageTag("nl"));
            model.load();
            AgreementViewModel.Summary s = model.summaryProperty().get();
            assertThat(model.failureProperty().get()).isNull();
            AgreementTables t = s.tables();
            // Fourteen past assessments and Sanne's, whose two assessors have both locked.
            assertThat(s.assessments()).isEqualTo(15);
            assertThat(s.assessors()).isEqualTo(4);
            assertThat(s.tooFew()).isFalse();
            assertThat(t.criteria()).filteredOn(c -> c.criterionCode().startsWith("B1-K1-W4")).hasSize(4)
                    .allMatch(c -> !c.fewUnits());
            assertThat(t.criteria()).filteredOn(c -> c.criterionCode().startsWith("B1-K1-W3")).isNotEmpty()
                    .allMatch(AgreementTables.CriterionRow::fewUnits);
            assertThat(t.warnings()).anyMatch(w -> w.kind() == BiasWarning.Kind.LENIENCY && w.assessor().equals("Dirk Mulder"));
        }
    }
}
