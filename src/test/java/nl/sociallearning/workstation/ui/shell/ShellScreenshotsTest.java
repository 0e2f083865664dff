package nl.sociallearning.workstation.ui.shell;

import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import nl.sociallearning.workstation.ui.Screenshots;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The palette and the shortcut help in light and dark, with Dutch commands, as PNGs in docs/screenshots. */
@ExtendWith(ApplicationExtension.class)
class ShellScreenshotsTest {

    private ShellDemo open(boolean dark) throws Exception {
        Stage stage = FxToolkit.registerPrimaryStage();
        ShellDemo[] demo = new ShellDemo[1];
        FxToolkit.setupStage(s -> demo[0] = new ShellDemo(s, dark));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(stage.getScene()).isSameAs(demo[0].scene);
        return demo[0];
    }

    @Test
    void commandPalette(FxRobot robot) throws Exception {
        for (boolean dark : new boolean[] {false, true}) {
            ShellDemo demo = open(dark);
            robot.press(KeyCode.CONTROL, KeyCode.K).release(KeyCode.K, KeyCode.CONTROL);
            assertThat(demo.palette.isShowing()).isTrue();
            write(demo, "command-palette" + (dark ? "-dark" : ""));
            if (!dark) {
                robot.write("vrg");
                write(demo, "command-palette-search");
            }
            robot.type(KeyCode.ESCAPE);
        }
    }

    @Test
    void shortcutHelp(FxRobot robot) throws Exception {
        for (boolean dark : new boolean[] {false, true}) {
            ShellDemo demo = open(dark);
            robot.write("?");
            assertThat(demo.help.isShowing()).isTrue();
            write(demo, "shortcut-help" + (dark ? "-dark" : ""));
            robot.type(KeyCode.ESCAPE);
        }
    }

    private static void write(ShellDemo demo, String name) throws Exception {
        WaitForAsyncUtils.sleep(250, TimeUnit.MILLISECONDS); // the overlay's fade-in
        WaitForAsyncUtils.waitForFxEvents();
        Path file = Screenshots.write(demo.scene, name);
        assertThat(Files.size(file)).isGreaterThan(10_000);
    }
}
