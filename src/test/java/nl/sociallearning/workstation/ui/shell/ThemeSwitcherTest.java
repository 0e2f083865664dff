package nl.sociallearning.workstation.ui.shell;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import javafx.application.Application;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import static org.assertj.core.api.Assertions.assertThat;

/** Primer Light or Dark for the application, and the dark class on the root for the project's own CSS. */
@ExtendWith(ApplicationExtension.class)
class ThemeSwitcherTest {

    ShellDemo demo;

    @Start
    void start(Stage stage) {
        demo = new ShellDemo(stage, false);
    }

    @Test
    void startsLightAndTogglesToDarkAndBack(FxRobot robot) {
        assertThat(demo.theme.isDark()).isFalse();
        assertThat(Application.getUserAgentStylesheet()).isEqualTo(new PrimerLight().getUserAgentStylesheet());
        assertThat(demo.root.getStyleClass()).doesNotContain(ThemeSwitcher.DARK);
        Color lightText = textColour(robot);

        robot.interact(demo.theme::toggle);
        assertThat(demo.theme.isDark()).isTrue();
        assertThat(Application.getUserAgentStylesheet()).isEqualTo(new PrimerDark().getUserAgentStylesheet());
        assertThat(demo.root.getStyleClass()).containsOnlyOnce(ThemeSwitcher.DARK);
        assertThat(textColour(robot).getBrightness()).as("text turns light on dark").isGreaterThan(lightText.getBrightness());

        robot.interact(() -> demo.theme.setDark(false));
        assertThat(Application.getUserAgentStylesheet()).isEqualTo(new PrimerLight().getUserAgentStylesheet());
        assertThat(demo.root.getStyleClass()).doesNotContain(ThemeSwitcher.DARK);
    }

    @Test
    void thePropertyCanBeBoundAndACommandCanToggleIt(FxRobot robot) {
        BooleanProperty setting = new SimpleBooleanProperty();
        robot.interact(() -> demo.theme.darkProperty().bindBidirectional(setting));
        robot.interact(() -> setting.set(true));
        assertThat(demo.root.getStyleClass()).contains(ThemeSwitcher.DARK);
        robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.L).release(KeyCode.L, KeyCode.SHIFT, KeyCode.CONTROL);
        assertThat(setting.get()).isFalse();
        assertThat(demo.root.getStyleClass()).doesNotContain(ThemeSwitcher.DARK);
    }

    private Color textColour(FxRobot robot) {
        WaitForAsyncUtils.waitForFxEvents();
        return (Color) robot.lookup("Moderatorwerkplek").queryAs(Label.class).getTextFill();
    }
}
