package nl.sociallearning.workstation.ui.shell;

import javafx.event.EventTarget;
import javafx.scene.Node;
import javafx.scene.control.ComboBoxBase;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;

import java.util.List;

/**
 * Decides when a key belongs to the user's typing rather than to a shortcut. Package-private: the rules
 * of {@link KeyMap}, kept apart so they can be read (and tested) on their own.
 */
final class TypingGuard {

    /** Keys a text field needs for editing: Undo in a reply must undo typing, not the last moderation action. */
    private static final List<KeyCombination> TEXT_EDITING = List.of(
            KeyCombination.valueOf("Shortcut+Z"), KeyCombination.valueOf("Shortcut+Shift+Z"),
            KeyCombination.valueOf("Shortcut+Y"), KeyCombination.valueOf("Shortcut+X"),
            KeyCombination.valueOf("Shortcut+C"), KeyCombination.valueOf("Shortcut+V"),
            KeyCombination.valueOf("Shortcut+A"));

    private TypingGuard() {
    }

    /** The node (or one around it) takes text: a text field or area, or an editable combo box, date picker or spinner. */
    static boolean takesText(EventTarget target) {
        for (Node node = target instanceof Node n ? n : null; node != null; node = node.getParent()) {
            if (node instanceof TextInputControl
                    || node instanceof ComboBoxBase<?> combo && combo.isEditable()
                    || node instanceof Spinner<?> spinner && spinner.isEditable()) {
                return true;
            }
        }
        return false;
    }

    static boolean isTextEditing(KeyEvent pressed) {
        return TEXT_EDITING.stream().anyMatch(c -> c.match(pressed));
    }

    /**
     * Whether a typed character may run a plain-key shortcut given the modifiers held. Shift is fine ("?" and
     * "#" need it on many layouts); Ctrl, Alt, Meta and ⌘ make it a chord, not typing. Two exceptions, because
     * they are how some layouts type characters at all: AltGr (reported as Ctrl+Alt on Windows) for symbols
     * ("#" on a French keyboard), and Option on a Mac ("#" is Option+3 on a British Mac).
     */
    static boolean allowsPlainKey(KeyEvent typed, boolean mac) {
        if (typed.isMetaDown()) {
            return false;
        }
        if (mac) {
            return !typed.isControlDown();
        }
        if (typed.isControlDown() && typed.isAltDown()) {
            String c = typed.getCharacter();
            return !c.isEmpty() && !Character.isLetterOrDigit(c.codePointAt(0));
        }
        return !typed.isControlDown() && !typed.isAltDown();
    }
}
