package nl.sociallearning.workstation.ui.shell;

import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import javafx.util.Duration;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** A toast at the bottom centre, with an action, replaced by the next one and gone after its timeout. */
@ExtendWith(ApplicationExtension.class)
class ToastTest {

    ShellDemo demo;
    int undone;

    @Start
    void start(Stage stage) {
        demo = new ShellDemo(stage, false);
    }

    @Test
    void showsTheMessageAndTheActionAtTheBottomCentre(FxRobot robot) {
        robot.interact(() -> demo.toast.show("Verborgen", "Ongedaan maken", () -> undone++));
        Node toast = robot.lookup(".shell-toast").query();
        assertThat(toast.getParent()).isSameAs(demo.root);
        assertThat(StackPane.getAlignment(toast)).isEqualTo(Pos.BOTTOM_CENTER);
        assertThat(robot.lookup(".toast-message").queryAs(Label.class).getText()).isEqualTo("Verborgen");
        assertThat(robot.lookup(".toast-action").queryButton().getText()).isEqualTo("Ongedaan maken");
        Region box = (Region) toast;
        assertThat(box.getLayoutY() + box.getHeight()).isBetween(demo.root.getHeight() - 60, demo.root.getHeight() - 8);
        assertThat(box.getLayoutX() + box.getWidth() / 2).isCloseTo(demo.root.getWidth() / 2, Offset.offset(1.0));
        assertThat(box.getWidth()).as("only as wide as its words").isLessThan(demo.root.getWidth() / 2);
        assertThat(demo.scene.getFocusOwner()).as("not modal: focus stays").isSameAs(demo.threads);
    }

    @Test
    void theActionRunsFromTheButtonOrTheCallersShortcut(FxRobot robot) {
        robot.interact(() -> demo.toast.show("Verborgen", "Ongedaan maken", () -> undone++));
        robot.clickOn(".toast-action");
        assertThat(undone).isEqualTo(1);
        assertThat(demo.toast.isShowing()).isFalse();

        robot.interact(() -> demo.toast.show("Verborgen", "Ongedaan maken", () -> undone++));
        robot.clickOn(demo.threads);
        robot.press(KeyCode.CONTROL, KeyCode.Z).release(KeyCode.Z, KeyCode.CONTROL);
        assertThat(undone).isEqualTo(2);
        assertThat(demo.toast.isShowing()).isFalse();
        robot.press(KeyCode.CONTROL, KeyCode.Z).release(KeyCode.Z, KeyCode.CONTROL);
        assertThat(demo.ran).as("no toast, nothing to undo: the command is disabled").containsExactly("undo");
    }

    @Test
    void theButtonCanBeReachedWithTheKeyboard(FxRobot robot) {
        robot.interact(() -> demo.toast.show("Verborgen", "Ongedaan maken", () -> undone++));
        Button action = robot.lookup(".toast-action").queryButton();
        assertThat(action.isFocusTraversable()).isTrue();
        robot.interact(action::requestFocus);
        robot.type(KeyCode.SPACE);
        assertThat(undone).isEqualTo(1);
    }

    @Test
    void aNewToastReplacesTheOld(FxRobot robot) {
        robot.interact(() -> demo.toast.show("Verborgen", "Ongedaan maken", () -> undone++, Duration.millis(300)));
        robot.interact(() -> demo.toast.show("Vergrendeld", "Ongedaan maken", () -> undone += 10, Duration.seconds(30)));
        assertThat(robot.lookup(".shell-toast").queryAll()).hasSize(1);
        assertThat(demo.toast.message()).isEqualTo("Vergrendeld");
        WaitForAsyncUtils.sleep(700, TimeUnit.MILLISECONDS);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(demo.toast.message()).as("the first toast's timer does not remove the second").isEqualTo("Vergrendeld");
        robot.interact(demo.toast::runAction);
        assertThat(undone).isEqualTo(10);
    }

    @Test
    void itFadesAfterItsTimeout(FxRobot robot) throws Exception {
        robot.interact(() -> demo.toast.show("Afgehandeld", null, null, Duration.millis(200)));
        assertThat(demo.toast.isShowing()).isTrue();
        WaitForAsyncUtils.waitFor(3, TimeUnit.SECONDS, () -> !demo.toast.isShowing());
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup(".shell-toast").tryQuery()).isEmpty();
    }

    @Test
    void theDefaultTimeoutIsFiveSeconds() {
        assertThat(Toast.DEFAULT_TIMEOUT).isEqualTo(Duration.seconds(5));
    }

    @Test
    void itStaysWhileTheUserIsOnTheButton(FxRobot robot) {
        robot.interact(() -> {
            demo.toast.show("Verborgen", "Ongedaan maken", () -> undone++, Duration.millis(200));
            robot.lookup(".toast-action").queryButton().requestFocus();
        });
        WaitForAsyncUtils.sleep(700, TimeUnit.MILLISECONDS);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(demo.toast.isShowing()).isTrue();
    }
}
