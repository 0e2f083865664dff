package nl.sociallearning.workstation.ui.shell;

import javafx.scene.input.KeyCombination;

import java.util.Objects;
import java.util.function.BooleanSupplier;

/**
 * Something the user can do from anywhere: by its shortcut ({@link KeyMap}), from the {@link CommandPalette},
 * and listed in the {@link ShortcutHelp}. Label and group are ready words in the user's language.
 *
 * <pre>{@code
 * Command.of("nextThread", "Volgende draad", "Draad", model::selectNext).withShortcut("j").enabledWhen(model::hasNext)
 * }</pre>
 *
 * @param shortcut null when the command is reachable only from the palette
 * @param enabled  asked each time the command could run, so it follows the state of the window
 */
public record Command(String id, String label, String group, Shortcut shortcut, BooleanSupplier enabled, Runnable action) {

    public Command {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(group, "group");
        Objects.requireNonNull(enabled, "enabled");
        Objects.requireNonNull(action, "action");
    }

    /** A command without a shortcut that is always enabled. */
    public static Command of(String id, String label, String group, Runnable action) {
        return new Command(id, label, group, null, () -> true, action);
    }

    /** "j", "#", "?" for a typed character, or a combination such as "Shortcut+K". */
    public Command withShortcut(String keys) {
        return withShortcut(Shortcut.parse(keys));
    }

    public Command withShortcut(KeyCombination combination) {
        return withShortcut(Shortcut.of(combination));
    }

    public Command withShortcut(Shortcut keys) {
        return new Command(id, label, group, keys, enabled, action);
    }

    public Command enabledWhen(BooleanSupplier condition) {
        return new Command(id, label, group, shortcut, condition, action);
    }

    public boolean hasShortcut() {
        return shortcut != null;
    }

    public boolean isEnabled() {
        return enabled.getAsBoolean();
    }

    /** Runs the action if the command is enabled now; says whether it ran. */
    public boolean runIfEnabled() {
        if (!isEnabled()) {
            return false;
        }
        action.run();
        return true;
    }
}
