package nl.sociallearning.workstation.ui.shell;

import javafx.scene.input.KeyCharacterCombination;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * The keys that run a command: either one typed character ("j", "#", "?"), matched on the character the
 * keyboard produced so that it works on every layout, or a key combination such as {@code Shortcut+K}.
 */
public sealed interface Shortcut permits Shortcut.Typed, Shortcut.Combination {

    /** True on macOS, where Shortcut means ⌘ and keys are shown as symbols. */
    boolean MAC = System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("mac");

    /** One character ("j", "?") becomes a typed shortcut; anything longer is a {@link KeyCombination} ("Shortcut+K"). */
    static Shortcut parse(String keys) {
        Objects.requireNonNull(keys, "keys");
        return keys.codePointCount(0, keys.length()) == 1 ? new Typed(keys) : new Combination(KeyCombination.valueOf(keys));
    }

    static Shortcut typed(String character) {
        return new Typed(character);
    }

    static Shortcut of(KeyCombination combination) {
        return new Combination(combination);
    }

    /** The keys as the user presses them, one keycap each, for this platform. */
    default List<String> keycaps() {
        return keycaps(MAC);
    }

    List<String> keycaps(boolean mac);

    /** A character as typed: case matters ("j" is not "J"), Shift does not ("?" needs Shift on most layouts). */
    record Typed(String character) implements Shortcut {
        public Typed {
            Objects.requireNonNull(character, "character");
            if (character.codePointCount(0, character.length()) != 1) {
                throw new IllegalArgumentException("one character expected, got \"" + character + "\"");
            }
        }

        /** A letter shows as on the key, in capitals; a capital letter is typed with Shift, so it says so. */
        @Override
        public List<String> keycaps(boolean mac) {
            int c = character.codePointAt(0);
            if (Character.isUpperCase(c)) {
                return List.of(mac ? "⇧" : "Shift", character);
            }
            return List.of(character.toUpperCase(Locale.ROOT));
        }
    }

    /** A key with modifiers, matched on key presses. */
    record Combination(KeyCombination combination) implements Shortcut {
        public Combination {
            Objects.requireNonNull(combination, "combination");
        }

        /** Only Shift or nothing held: an ordinary key (Delete, F5) that must not fire while the user types. */
        public boolean isPlain() {
            return combination.getShortcut() != KeyCombination.ModifierValue.DOWN
                    && combination.getControl() != KeyCombination.ModifierValue.DOWN
                    && combination.getAlt() != KeyCombination.ModifierValue.DOWN
                    && combination.getMeta() != KeyCombination.ModifierValue.DOWN;
        }

        @Override
        public List<String> keycaps(boolean mac) {
            List<String> caps = new ArrayList<>();
            // The usual order on each platform: ⌃⌥⇧⌘ on a Mac, Ctrl Alt Shift elsewhere.
            boolean control = down(combination.getControl()) || (!mac && down(combination.getShortcut()));
            boolean command = down(combination.getMeta()) || (mac && down(combination.getShortcut()));
            if (control) {
                caps.add(mac ? "⌃" : "Ctrl");
            }
            if (down(combination.getAlt())) {
                caps.add(mac ? "⌥" : "Alt");
            }
            if (down(combination.getShift())) {
                caps.add(mac ? "⇧" : "Shift");
            }
            if (command) {
                caps.add(mac ? "⌘" : "Meta");
            }
            caps.add(keyName());
            return List.copyOf(caps);
        }

        private String keyName() {
            if (combination instanceof KeyCharacterCombination character) {
                return character.getCharacter().toUpperCase(Locale.ROOT);
            }
            KeyCode code = ((KeyCodeCombination) combination).getCode();
            return switch (code) {
                case ENTER -> "↵";
                case ESCAPE -> "Esc";
                case UP -> "↑";
                case DOWN -> "↓";
                case LEFT -> "←";
                case RIGHT -> "→";
                case DELETE -> "Del";
                case BACK_SPACE -> "⌫";
                case PAGE_UP -> "PgUp";
                case PAGE_DOWN -> "PgDn";
                default -> code.getName();
            };
        }

        private static boolean down(KeyCombination.ModifierValue value) {
            return value == KeyCombination.ModifierValue.DOWN;
        }
    }
}
