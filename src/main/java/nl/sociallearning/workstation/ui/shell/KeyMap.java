package nl.sociallearning.workstation.ui.shell;

import javafx.event.EventHandler;
import javafx.event.EventTarget;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.input.KeyEvent;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The commands of a window and their shortcuts, working on its scene.
 * <ul>
 * <li>Typed characters ("j", "#", "?") are matched on KEY_TYPED, i.e. on the character the keyboard layout
 *     produced, not on a key code: "?" is Shift+/ on one keyboard and Shift+, on another.</li>
 * <li>They do not fire while the user types (focus in a text field, text area, editable combo box or spinner),
 *     nor with Ctrl, Alt or ⌘ held (see {@link TypingGuard#allowsPlainKey}).</li>
 * <li>Combinations with Ctrl/⌘ ({@code Shortcut+K}) fire everywhere, also in text fields, except the
 *     combinations a text field needs for editing (undo, copy, paste, select all) while one has focus.</li>
 * <li>A disabled command does nothing and leaves the key to the focused control.</li>
 * <li>Inside a layer marked with {@link #markModal} (the palette, the shortcut help) the key map stands
 *     aside: the layer handles its own keys.</li>
 * </ul>
 * Filters on the scene, so a focused control cannot swallow a shortcut before it is seen.
 */
public final class KeyMap {

    private static final Object MODAL = new Object();

    private final Scene scene;
    private final boolean mac;
    private final List<Command> commands = new ArrayList<>();
    private final EventHandler<KeyEvent> onPressed = this::pressed;
    private final EventHandler<KeyEvent> onTyped = this::typed;

    KeyMap(Scene scene, boolean mac) {
        this.scene = Objects.requireNonNull(scene, "scene");
        this.mac = mac;
        scene.addEventFilter(KeyEvent.KEY_PRESSED, onPressed);
        scene.addEventFilter(KeyEvent.KEY_TYPED, onTyped);
    }

    /** A key map working on the scene from now on. */
    public static KeyMap install(Scene scene) {
        return new KeyMap(scene, Shortcut.MAC);
    }

    /** Stops handling the scene's keys. */
    public void uninstall() {
        scene.removeEventFilter(KeyEvent.KEY_PRESSED, onPressed);
        scene.removeEventFilter(KeyEvent.KEY_TYPED, onTyped);
    }

    /**
     * Adds commands, in the order they are shown in the palette and the help.
     *
     * @throws IllegalArgumentException for an id already registered or a shortcut another command has
     */
    public KeyMap register(Command... added) {
        return registerAll(List.of(added));
    }

    public KeyMap registerAll(Collection<Command> added) {
        for (Command command : added) {
            if (command(command.id()).isPresent()) {
                throw new IllegalArgumentException("a command with id " + command.id() + " is already registered");
            }
            commands.stream().filter(c -> c.hasShortcut() && c.shortcut().equals(command.shortcut())).findFirst()
                    .ifPresent(c -> {
                        throw new IllegalArgumentException(command.id() + " has the shortcut of " + c.id());
                    });
            commands.add(command);
        }
        return this;
    }

    public void unregister(String id) {
        commands.removeIf(c -> c.id().equals(id));
    }

    /** Every registered command, in registration order; a live, read-only view. */
    public List<Command> commands() {
        return Collections.unmodifiableList(commands);
    }

    public Optional<Command> command(String id) {
        return commands.stream().filter(c -> c.id().equals(id)).findFirst();
    }

    /** Marks a layer (an overlay) whose keys are its own: no shortcut of a key map fires while focus is inside it. */
    public static void markModal(Node layer) {
        layer.getProperties().put(MODAL, Boolean.TRUE);
    }

    private void pressed(KeyEvent event) {
        if (insideModal(event.getTarget())) {
            return;
        }
        boolean typing = TypingGuard.takesText(event.getTarget());
        if (typing && TypingGuard.isTextEditing(event)) {
            return;
        }
        for (Command command : List.copyOf(commands)) {
            if (command.shortcut() instanceof Shortcut.Combination keys && keys.combination().match(event)) {
                if (!(typing && keys.isPlain()) && command.runIfEnabled()) {
                    event.consume();
                }
                return;
            }
        }
    }

    private void typed(KeyEvent event) {
        if (insideModal(event.getTarget()) || TypingGuard.takesText(event.getTarget())
                || !TypingGuard.allowsPlainKey(event, mac)) {
            return;
        }
        String character = event.getCharacter();
        if (character.codePointCount(0, character.length()) != 1) {
            return;
        }
        Shortcut typed = new Shortcut.Typed(character);
        for (Command command : List.copyOf(commands)) {
            if (typed.equals(command.shortcut())) {
                if (command.runIfEnabled()) {
                    event.consume();
                }
                return;
            }
        }
    }

    private static boolean insideModal(EventTarget target) {
        for (Node node = target instanceof Node n ? n : null; node != null; node = node.getParent()) {
            if (node.getProperties().containsKey(MODAL)) {
                return true;
            }
        }
        return false;
    }
}
