package nl.sociallearning.workstation.ui.shell;

import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Shortcuts from their text, shown as keycaps per platform, and the command record's helpers. */
class ShortcutTest {

    @Test
    void oneCharacterIsTypedAndLongerTextIsACombination() {
        assertThat(Shortcut.parse("j")).isEqualTo(new Shortcut.Typed("j"));
        assertThat(Shortcut.parse("#")).isEqualTo(new Shortcut.Typed("#"));
        assertThat(Shortcut.parse("Shortcut+K")).isEqualTo(new Shortcut.Combination(KeyCombination.valueOf("Shortcut+K")));
        assertThatThrownBy(() -> Shortcut.typed("jk")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void keycapsAreWhatIsOnTheKeysOfEachPlatform() {
        assertThat(Shortcut.parse("j").keycaps(false)).containsExactly("J");
        assertThat(Shortcut.parse("J").keycaps(false)).containsExactly("Shift", "J");
        assertThat(Shortcut.parse("?").keycaps(true)).containsExactly("?");
        assertThat(Shortcut.parse("Shortcut+K").keycaps(false)).containsExactly("Ctrl", "K");
        assertThat(Shortcut.parse("Shortcut+K").keycaps(true)).containsExactly("⌘", "K");
        assertThat(Shortcut.parse("Shortcut+Shift+Z").keycaps(false)).containsExactly("Ctrl", "Shift", "Z");
        assertThat(Shortcut.parse("Shortcut+Shift+Z").keycaps(true)).containsExactly("⇧", "⌘", "Z");
        assertThat(Shortcut.parse("Alt+Up").keycaps(true)).containsExactly("⌥", "↑");
        assertThat(Shortcut.of(new KeyCodeCombination(KeyCode.DELETE)).keycaps(false)).containsExactly("Del");
    }

    @Test
    void combinationsWithoutCtrlAltOrCommandArePlainKeys() {
        assertThat(((Shortcut.Combination) Shortcut.parse("Delete")).isPlain()).isTrue();
        assertThat(((Shortcut.Combination) Shortcut.parse("Shift+F10")).isPlain()).isTrue();
        assertThat(((Shortcut.Combination) Shortcut.parse("Shortcut+K")).isPlain()).isFalse();
        assertThat(((Shortcut.Combination) Shortcut.parse("Alt+J")).isPlain()).isFalse();
    }

    @Test
    void aCommandRunsOnlyWhileEnabled() {
        boolean[] enabled = {false};
        int[] runs = {0};
        Command lock = Command.of("lock", "Vergrendelen", "Draad", () -> runs[0]++).withShortcut("l")
                .enabledWhen(() -> enabled[0]);
        assertThat(lock.shortcut()).isEqualTo(new Shortcut.Typed("l"));
        assertThat(lock.runIfEnabled()).isFalse();
        enabled[0] = true;
        assertThat(lock.runIfEnabled()).isTrue();
        assertThat(runs[0]).isEqualTo(1);
        assertThat(Command.of("course", "Cursus wisselen…", "Navigeren", () -> { }).hasShortcut()).isFalse();
    }
}
