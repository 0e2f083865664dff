package nl.sociallearning.workstation.ui.shell;

import javafx.scene.Node;
import javafx.scene.control.ListCell;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Ctrl+K, type, choose, run: the palette from the keyboard only, in the demo window with Dutch commands. */
@ExtendWith(ApplicationExtension.class)
class CommandPaletteTest {

    ShellDemo demo;

    @Start
    void start(Stage stage) {
        demo = new ShellDemo(stage, false);
    }

    @Test
    void shortcutKOpensItWithTheSearchFieldFocusedAndEveryCommandListed(FxRobot robot) {
        openPalette(robot);
        assertThat(demo.palette.isShowing()).isTrue();
        assertThat(demo.scene.getFocusOwner()).isInstanceOf(TextField.class)
                .satisfies(n -> assertThat(n.getStyleClass()).contains("palette-search"));
        assertThat(labels()).hasSize(demo.keys.commands().size()).startsWith("Volgende draad", "Vorige draad");
        assertThat(demo.palette.selectedCommand().label()).isEqualTo("Volgende draad");
    }

    @Test
    void typingFiltersFuzzilyVrgFindsVergrendelen(FxRobot robot) {
        openPalette(robot);
        robot.write("vrg");
        assertThat(labels()).containsExactly("Vergrendelen", "Verbergen", "Vorige draad");
        assertThat(demo.palette.selectedCommand().label()).isEqualTo("Vergrendelen");
        robot.write("ndln");
        assertThat(labels()).containsExactly("Vergrendelen");
    }

    @Test
    void caseAndAccentsDoNotMatter(FxRobot robot) {
        robot.interact(() -> demo.keys.register(Command.of("categories", "Categorieën beheren", "Weergave", () -> { })));
        openPalette(robot);
        robot.write("CATEGORIEEN");
        assertThat(labels()).containsExactly("Categorieën beheren");
    }

    @Test
    void enterRunsTheSelectedCommandAndCloses(FxRobot robot) {
        openPalette(robot);
        robot.write("beant").type(KeyCode.ENTER);
        assertThat(demo.ran).containsExactly("reply");
        assertThat(demo.palette.isShowing()).isFalse();
        assertThat(demo.scene.getFocusOwner()).isSameAs(demo.threads);
    }

    @Test
    void upAndDownMoveOverTheCommandsThatCanRun(FxRobot robot) {
        openPalette(robot);
        // Vorige draad cannot run (the first thread is selected): Down skips it.
        robot.type(KeyCode.DOWN);
        assertThat(demo.palette.selectedCommand().label()).isEqualTo("Openen");
        robot.type(KeyCode.UP);
        assertThat(demo.palette.selectedCommand().label()).isEqualTo("Volgende draad");
        robot.type(KeyCode.UP); // wraps to the last
        assertThat(demo.palette.selectedCommand().label()).isEqualTo("Donker thema");
        robot.type(KeyCode.DOWN).type(KeyCode.DOWN).type(KeyCode.ENTER);
        assertThat(demo.ran).containsExactly("open");
        assertThat(demo.scene.getFocusOwner()).as("the search field kept focus throughout").isSameAs(demo.threads);
    }

    @Test
    void escapeClosesAndGivesFocusBack(FxRobot robot) {
        robot.clickOn(demo.reply).write("Goed punt");
        openPalette(robot);
        robot.write("verb").type(KeyCode.ESCAPE);
        assertThat(demo.palette.isShowing()).isFalse();
        assertThat(demo.ran).isEmpty();
        assertThat(demo.scene.getFocusOwner()).isSameAs(demo.reply);
        assertThat(demo.reply.getText()).isEqualTo("Goed punt");
    }

    @Test
    void aCommandThatCannotRunIsGreyedAndDoesNotRun(FxRobot robot) {
        openPalette(robot);
        robot.write("vorige");
        assertThat(labels()).containsExactly("Vorige draad");
        assertThat(demo.palette.selectedCommand()).isNull();
        ListCell<?> row = robot.lookup(".palette-cell").match(c -> !((ListCell<?>) c).isEmpty()).query();
        assertThat(row.getStyleClass()).contains("unavailable");
        robot.type(KeyCode.ENTER);
        robot.clickOn(row);
        assertThat(demo.ran).isEmpty();
        assertThat(demo.palette.isShowing()).isTrue();
    }

    @Test
    void aClickRunsACommand(FxRobot robot) {
        openPalette(robot);
        robot.write("slui");
        robot.clickOn(robot.lookup(".palette-cell").match(c -> !((ListCell<?>) c).isEmpty()).<Node>query());
        assertThat(demo.ran).containsExactly("snooze");
        assertThat(demo.palette.isShowing()).isFalse();
    }

    @Test
    void nothingMatchingSaysSo(FxRobot robot) {
        openPalette(robot);
        robot.write("xyzzy");
        assertThat(labels()).isEmpty();
        assertThat(robot.lookup("Geen opdrachten gevonden").tryQuery()).isPresent();
        robot.type(KeyCode.ENTER);
        assertThat(demo.palette.isShowing()).isTrue();
    }

    @Test
    void tabCannotLeaveThePaletteAndItsLettersAreNotShortcuts(FxRobot robot) {
        openPalette(robot);
        Node search = demo.scene.getFocusOwner();
        robot.type(KeyCode.TAB);
        robot.press(KeyCode.SHIFT).type(KeyCode.TAB).release(KeyCode.SHIFT);
        assertThat(demo.scene.getFocusOwner()).isSameAs(search);
        robot.write("jk#");
        assertThat(demo.ran).isEmpty();
    }

    @Test
    void aCommandThatCanRunAgainIsOfferedAgainNextTime(FxRobot robot) {
        robot.write("j"); // to the second thread: now there is a previous one
        openPalette(robot);
        robot.write("vorige").type(KeyCode.ENTER);
        assertThat(demo.ran).containsExactly("next", "previous");
        assertThat(demo.threads.getSelectionModel().getSelectedIndex()).isZero();
    }

    @Test
    void theCommandsAreAskedForOncePerOpeningSoACallerMayBuildThemAfresh(FxRobot robot) {
        // Made on the test thread: building nodes off the FX thread is allowed until they join a shown scene.
        int[] asked = {0};
        boolean[] enabled = {true};
        CommandPalette palette = new CommandPalette(demo.root, () -> {
            asked[0]++;
            return List.of(Command.of("export", "Exporteren", "Rapporten", () -> demo.ran.add("export"))
                    .enabledWhen(() -> enabled[0]));
        }, ShellDemo.WORDS);
        robot.interact(palette::show);
        robot.write("exp");
        assertThat(palette.selectedCommand().label()).isEqualTo("Exporteren");
        robot.type(KeyCode.ENTER);
        assertThat(demo.ran).containsExactly("export");
        assertThat(asked[0]).isEqualTo(1);

        robot.interact(palette::show);
        enabled[0] = false; // it can no longer run by the time the user chooses it
        robot.type(KeyCode.ENTER);
        assertThat(demo.ran).containsExactly("export");
    }

    @Test
    void aLongLabelStaysOnOneLineAndKeepsItsKeycapsInView(FxRobot robot) {
        robot.interact(() -> demo.keys.register(Command.of("queue",
                "Wachtrij tonen: vragen van deelnemers die na drie dagen nog altijd geen enkel antwoord hebben gekregen",
                "Wachtrijen", () -> { }).withShortcut("w")));
        openPalette(robot);
        robot.write("wachtrij");
        ListCell<?> row = robot.lookup(".palette-cell").match(c -> !((ListCell<?>) c).isEmpty()).query();
        Node label = row.lookup(".palette-label");
        Node keycap = row.lookup(".keycap");
        assertThat(label.getLayoutBounds().getHeight()).as("one line").isLessThan(26);
        assertThat(keycap.localToScene(keycap.getLayoutBounds()).getMaxX())
                .isLessThanOrEqualTo(row.localToScene(row.getLayoutBounds()).getMaxX());
    }

    private void openPalette(FxRobot robot) {
        robot.press(KeyCode.CONTROL, KeyCode.K).release(KeyCode.K, KeyCode.CONTROL);
    }

    private List<String> labels() {
        return demo.palette.shownCommands().stream().map(Command::label).toList();
    }
}
