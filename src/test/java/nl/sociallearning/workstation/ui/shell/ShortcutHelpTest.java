package nl.sociallearning.workstation.ui.shell;

import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** "?" shows every command with a shortcut, by group in two columns; "?" or Escape closes it. */
@ExtendWith(ApplicationExtension.class)
class ShortcutHelpTest {

    ShellDemo demo;

    @Start
    void start(Stage stage) {
        demo = new ShellDemo(stage, false);
    }

    @Test
    void questionMarkListsEveryCommandWithAShortcutByGroupInTwoColumns(FxRobot robot) {
        robot.write("?");
        assertThat(demo.help.isShowing()).isTrue();
        List<String> shown = robot.lookup(".help-label").queryAllAs(Label.class).stream().map(Label::getText).toList();
        List<String> withShortcut = demo.keys.commands().stream().filter(Command::hasShortcut).map(Command::label).toList();
        assertThat(shown).containsExactlyInAnyOrderElementsOf(withShortcut).doesNotContain("Cursus wisselen…");
        assertThat(robot.lookup(".help-group").queryAllAs(Label.class)).extracting(Label::getText)
                .containsExactlyInAnyOrder("Navigeren", "Draad", "Weergave");
        Set<VBox> columns = robot.lookup(".help-column").queryAllAs(VBox.class);
        assertThat(columns).hasSize(2).allSatisfy(c -> assertThat(c.getChildren()).isNotEmpty());
        assertThat(robot.lookup("Sneltoetsen").tryQuery()).isPresent();
        assertThat(robot.lookup(".keycap").queryAllAs(Label.class)).extracting(Label::getText).contains("Ctrl", "K", "#", "?");
    }

    @Test
    void questionMarkAgainClosesIt(FxRobot robot) {
        robot.write("?");
        robot.write("?");
        assertThat(demo.help.isShowing()).isFalse();
        assertThat(demo.scene.getFocusOwner()).isSameAs(demo.threads);
    }

    @Test
    void escapeClosesItAndGivesFocusBack(FxRobot robot) {
        robot.clickOn(demo.send);
        robot.write("?");
        robot.write("j");
        assertThat(demo.ran).as("no shortcut behind the help").isEmpty();
        robot.type(KeyCode.ESCAPE);
        assertThat(demo.help.isShowing()).isFalse();
        assertThat(demo.scene.getFocusOwner()).isSameAs(demo.send);
    }

    @Test
    void theShortcutsCanBeShownFromThePalette(FxRobot robot) {
        robot.press(KeyCode.CONTROL, KeyCode.K).release(KeyCode.K, KeyCode.CONTROL);
        robot.write("sneltoetsen").type(KeyCode.ENTER);
        assertThat(demo.help.isShowing()).isTrue();
        robot.type(KeyCode.ESCAPE);
        assertThat(demo.scene.getFocusOwner()).isSameAs(demo.threads);
    }

    @Test
    void groupsGoToTheShorterColumnSoTheColumnsComeOutEven() {
        assertThat(ShortcutHelp.columnsFor(List.of(3, 9, 3))).containsExactly(0, 1, 0);
        assertThat(ShortcutHelp.columnsFor(List.of(4, 4, 4, 4))).containsExactly(0, 1, 0, 1);
        assertThat(ShortcutHelp.columnsFor(List.of(5))).containsExactly(0);
    }

    @Test
    void commandsWithoutAShortcutAreLeftOut() {
        Command a = Command.of("a", "A", "G", () -> { }).withShortcut("a");
        Command b = Command.of("b", "B", "G", () -> { });
        Command c = Command.of("c", "C", "H", () -> { }).withShortcut("c");
        assertThat(ShortcutHelp.byGroup(List.of(a, b, c))).containsExactly(
                Map.entry("G", List.of(a)), Map.entry("H", List.of(c)));
    }
}
