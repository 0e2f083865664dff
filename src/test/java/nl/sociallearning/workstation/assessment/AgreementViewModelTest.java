package nl.sociallearning.workstation.assessment;

import nl.sociallearning.workstation.assessment.flow.AssessmentFlow;
import nl.sociallearning.workstation.assessment.framework.ExampleFrameworks;
import nl.sociallearning.workstation.store.Cache;
import nl.sociallearning.workstation.ui.TaskRunner;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The agreement figures follow the cache: an assessment locked while the figures are being read still shows. */
class AgreementViewModelTest {

    @TempDir
    Path dir;
    Cache cache;
    TaskRunner runner;

    @AfterEach
    void close() {
        runner.close();
        cache.close();
    }

    @Test
    void aReloadAskedForDuringALoadFollowsItAndShowsTheNewerData() throws InterruptedException {
        cache = Cache.open(dir);
        cache.frameworks().add(ExampleFrameworks.verzorgendeIg(), Instant.now());
        DemoAssessments.Stepper clock = new DemoAssessments.Stepper(Instant.parse("2026-11-24T06:58:00Z"));
        AssessmentFlow flow = new AssessmentFlow(cache, clock);
        DemoAssessments.disagreement(flow, clock);
        // A real background thread; what it hands back waits in a queue, so the test decides when the UI sees it.
        BlockingQueue<Runnable> ui = new LinkedBlockingQueue<>();
        runner = new TaskRunner(Executors.newSingleThreadExecutor(), ui::add);
        AgreementViewModel model = new AgreementViewModel(cache, runner, Locale.forLanguageTag("nl"));

        model.load();
        Runnable firstResult = next(ui);
        // The first load has read one assessment; before its result is shown a second one is locked and a reload asked for.
        DemoAssessments.disagreement(flow, clock);
        model.load();
        firstResult.run();
        assertThat(model.summaryProperty().get().assessments()).isEqualTo(1);
        assertThat(model.loadingProperty().get()).as("still loading: another load follows").isTrue();

        while (model.loadingProperty().get()) {
            next(ui).run();
        }
        assertThat(model.summaryProperty().get().assessments()).isEqualTo(2);
        assertThat(model.failureProperty().get()).isNull();
    }

    private static Runnable next(BlockingQueue<Runnable> ui) throws InterruptedException {
        return Objects.requireNonNull(ui.poll(10, TimeUnit.SECONDS), "no result within 10 s");
    }
}
