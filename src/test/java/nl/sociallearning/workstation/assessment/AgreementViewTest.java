package nl.sociallearning.workstation.assessment;

import atlantafx.base.theme.PrimerLight;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import nl.sociallearning.workstation.assessment.flow.AssessmentFlow;
import nl.sociallearning.workstation.assessment.framework.ExampleFrameworks;
import nl.sociallearning.workstation.store.Cache;
import nl.sociallearning.workstation.ui.Messages;
import nl.sociallearning.workstation.ui.TaskRunner;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** With one assessment the agreement page says plainly that there are too few to go by, instead of bare figures. */
@ExtendWith(ApplicationExtension.class)
class AgreementViewTest {

    @TempDir
    Path dir;
    Cache cache;
    TaskRunner runner;

    @AfterEach
    void close() throws Exception {
        FxToolkit.cleanupStages();
        runner.close();
        cache.close();
    }

    @Test
    void oneAssessmentIsTooFewAndThePageSaysSo(FxRobot robot) throws Exception {
        cache = Cache.open(dir);
        cache.frameworks().add(ExampleFrameworks.verzorgendeIg(), Instant.now());
        DemoAssessments.Stepper clock = new DemoAssessments.Stepper(Instant.parse("2026-11-24T06:58:00Z"));
        DemoAssessments.disagreement(new AssessmentFlow(cache, clock), clock);
        runner = new TaskRunner(Platform::runLater);
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        AgreementViewModel model = new AgreementViewModel(cache, runner, Locale.forLanguageTag("nl"));
        FxToolkit.registerPrimaryStage();
        FxToolkit.setupStage((Stage s) -> {
            AgreementView view = new AgreementView(model, new Messages(Locale.forLanguageTag("nl")));
            Scene scene = new Scene(view, 1200, 800);
            scene.getStylesheets().add(Objects.requireNonNull(Messages.class.getResource("workstation.css")).toExternalForm());
            s.setScene(scene);
            s.show();
            model.load();
        });
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> model.summaryProperty().get() != null);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(model.summaryProperty().get().tooFew()).isTrue();
        Label notice = robot.lookup(".agreement-notice").queryAs(Label.class);
        assertThat(notice.isVisible()).isTrue();
        assertThat(notice.getText()).startsWith("Te weinig beoordelingen: 1 beoordeling met vastgelegde niveaus");
        // The figures that can be computed still show, each marked as resting on little data.
        assertThat(robot.lookup("laag  ·  weinig gegevens").tryQuery().or(() -> robot.lookup("goed  ·  weinig gegevens").tryQuery()))
                .isPresent();
    }
}
