package nl.sociallearning.workstation.ui.shell;

import atlantafx.base.theme.PrimerLight;
import javafx.application.Application;
import javafx.event.Event;
import javafx.event.EventHandler;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ListView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Shortcuts work from the keyboard, by typed character or combination, but not while the user types. */
@ExtendWith(ApplicationExtension.class)
class KeyMapTest {

    final List<String> ran = new ArrayList<>();
    boolean hideEnabled = true;
    Scene scene;
    KeyMap keys;
    TextField field;
    TextArea area;
    ComboBox<String> combo;
    Button button;
    ListView<String> list;
    VBox box;

    @Start
    void start(Stage stage) {
        // Controls only once the toolkit runs: made earlier, their classes fail to initialise for the whole JVM.
        field = new TextField();
        area = new TextArea();
        combo = new ComboBox<>();
        button = new Button("Versturen");
        list = new ListView<>();
        box = new VBox(8, field, area, combo, button, list);
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        combo.setEditable(true);
        list.getItems().setAll("Mijn vakmanschapsvoornemen", "Ons vak over vijf jaar");
        scene = new Scene(new StackPane(box), 600, 400);
        keys = new KeyMap(scene, false).register(
                command("next", "j"), command("previous", "k"), command("help", "?"),
                command("hide", "#").enabledWhen(() -> hideEnabled),
                command("palette", "Shortcut+K"), command("undo", "Shortcut+Z"), command("delete", "Delete"));
        stage.setScene(scene);
        stage.show();
        list.requestFocus();
    }

    private Command command(String id, String shortcut) {
        return Command.of(id, id, "Test", () -> ran.add(id)).withShortcut(shortcut);
    }

    @Test
    void plainCharactersTypedOnTheKeyboardRunTheirCommand(FxRobot robot) {
        robot.write("j");
        robot.write("k");
        robot.write("?");
        assertThat(ran).containsExactly("next", "previous", "help");
    }

    @Test
    void symbolsMatchTheCharacterWhateverKeyMadeIt(FxRobot robot) {
        // "#" is Shift+3 on one layout and its own key on another: only the typed character counts.
        typed(robot, list, "#", true, false, false, false);
        typed(robot, button, "?", true, false, false, false);
        assertThat(ran).containsExactly("hide", "help");
    }

    @Test
    void notWhileTypingInATextField(FxRobot robot) {
        robot.clickOn(field).write("jk#?");
        assertThat(ran).isEmpty();
        assertThat(field.getText()).isEqualTo("jk#?");
    }

    @Test
    void notInATextAreaOrAnEditableComboBox(FxRobot robot) {
        typed(robot, area, "j", false, false, false, false);
        typed(robot, combo, "k", false, false, false, false);
        typed(robot, combo.getEditor(), "#", true, false, false, false);
        assertThat(ran).isEmpty();
    }

    @Test
    void notWithCtrlAltOrMetaHeld(FxRobot robot) {
        typed(robot, list, "j", false, true, false, false);
        typed(robot, list, "j", false, false, true, false);
        typed(robot, list, "j", false, false, false, true);
        typed(robot, list, "J", true, false, false, false); // Shift+J types "J", which is not "j"
        assertThat(ran).isEmpty();
    }

    @Test
    void symbolsTypedWithAltGrStillCount(FxRobot robot) {
        // Windows reports AltGr as Ctrl+Alt; a French keyboard types "#" with AltGr+3.
        typed(robot, list, "#", false, true, true, false);
        typed(robot, list, "j", false, true, true, false);
        assertThat(ran).containsExactly("hide");
    }

    @Test
    void onAMacOptionTypesCharactersButCommandAndControlDoNot(FxRobot robot) {
        robot.interact(() -> {
            keys.uninstall();
            keys = new KeyMap(scene, true).register(command("hide", "#"));
        });
        typed(robot, list, "#", false, false, true, false); // Option+3 on a British Mac
        typed(robot, list, "#", false, false, false, true);
        typed(robot, list, "#", false, true, false, false);
        assertThat(ran).containsExactly("hide");
    }

    @Test
    void shortcutCombinationsWorkEverywhereEvenWhileTyping(FxRobot robot) {
        robot.clickOn(field).write("Dank");
        robot.press(KeyCode.CONTROL, KeyCode.K).release(KeyCode.K, KeyCode.CONTROL);
        robot.clickOn(button);
        robot.press(KeyCode.CONTROL, KeyCode.K).release(KeyCode.K, KeyCode.CONTROL);
        assertThat(ran).containsExactly("palette", "palette");
        assertThat(field.getText()).isEqualTo("Dank");
    }

    @Test
    void undoInATextFieldUndoesTheTyping(FxRobot robot) {
        robot.clickOn(field).write("Dank");
        robot.press(KeyCode.CONTROL, KeyCode.Z).release(KeyCode.Z, KeyCode.CONTROL);
        assertThat(ran).isEmpty();
        assertThat(field.getText()).isEmpty();
        robot.clickOn(button);
        robot.press(KeyCode.CONTROL, KeyCode.Z).release(KeyCode.Z, KeyCode.CONTROL);
        assertThat(ran).containsExactly("undo");
    }

    @Test
    void plainKeyCombinationsAreLeftToTextFields(FxRobot robot) {
        pressed(robot, field, KeyCode.DELETE);
        assertThat(ran).isEmpty();
        pressed(robot, list, KeyCode.DELETE);
        assertThat(ran).containsExactly("delete");
    }

    @Test
    void aDisabledCommandDoesNothingAndLeavesTheKeyAlone(FxRobot robot) {
        hideEnabled = false;
        boolean reachedTheList = typed(robot, list, "#", true, false, false, false);
        assertThat(ran).isEmpty();
        assertThat(reachedTheList).isTrue();
        hideEnabled = true;
        assertThat(typed(robot, list, "#", true, false, false, false)).as("a shortcut that ran is consumed").isFalse();
    }

    @Test
    void insideAModalLayerTheLayerHasTheKeys(FxRobot robot) {
        robot.interact(() -> KeyMap.markModal(box));
        typed(robot, list, "j", false, false, false, false);
        pressed(robot, list, KeyCode.K, true);
        assertThat(ran).isEmpty();
    }

    @Test
    void afterUninstallNothingFires(FxRobot robot) {
        robot.interact(() -> keys.uninstall());
        robot.write("j");
        assertThat(ran).isEmpty();
    }

    @Test
    void idsAndShortcutsAreUnique() {
        assertThatThrownBy(() -> keys.register(command("next", "n"))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> keys.register(command("other", "j"))).hasMessageContaining("next");
        keys.unregister("next");
        keys.register(command("other", "j"));
        assertThat(keys.commands()).extracting(Command::id).endsWith("other").doesNotContain("next");
    }

    private static boolean typed(FxRobot robot, Node target, String character,
                                  boolean shift, boolean control, boolean alt, boolean meta) {
        return fire(robot, target, new KeyEvent(KeyEvent.KEY_TYPED, character, "", KeyCode.UNDEFINED, shift, control, alt, meta));
    }

    private static void pressed(FxRobot robot, Node target, KeyCode code) {
        pressed(robot, target, code, false);
    }

    private static void pressed(FxRobot robot, Node target, KeyCode code, boolean control) {
        fire(robot, target, new KeyEvent(KeyEvent.KEY_PRESSED, "", "", code, false, control, false, false));
    }

    /** Fires through the scene, filters first, as a key from the keyboard would go; says whether it reached the target. */
    private static boolean fire(FxRobot robot, Node target, KeyEvent event) {
        boolean[] reached = {false};
        EventHandler<KeyEvent> seen = e -> reached[0] = true;
        robot.interact(() -> {
            target.addEventHandler(KeyEvent.ANY, seen);
            Event.fireEvent(target, event);
            target.removeEventHandler(KeyEvent.ANY, seen);
        });
        return reached[0];
    }
}
