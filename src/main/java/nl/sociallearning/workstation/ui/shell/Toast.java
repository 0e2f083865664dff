package nl.sociallearning.workstation.ui.shell;

import javafx.animation.FadeTransition;
import javafx.animation.PauseTransition;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.util.Duration;

import java.util.Objects;

/**
 * A short message at the bottom centre of the caller's {@link StackPane} ("Verborgen · Ongedaan maken"),
 * non-modal, with an optional action button; it fades after a timeout (5 s unless told). A new toast replaces
 * the one showing. The pointer resting on it or focus inside it holds the timeout, so it does not vanish while
 * the user reaches for the button. The action is on the keyboard through the caller's command (e.g.
 * {@code Shortcut+Z} → {@link #runAction()}), and the button can take focus.
 */
public final class Toast {

    public static final Duration DEFAULT_TIMEOUT = Duration.seconds(5);
    private static final Duration FADE = Duration.millis(220);

    private final StackPane host;
    private Shown current;

    public Toast(StackPane host) {
        this.host = Objects.requireNonNull(host, "host");
    }

    public void show(String message) {
        show(message, null, null, DEFAULT_TIMEOUT);
    }

    public void show(String message, String actionLabel, Runnable action) {
        show(message, actionLabel, action, DEFAULT_TIMEOUT);
    }

    /** @param actionLabel null for a message without a button */
    public void show(String message, String actionLabel, Runnable action, Duration timeout) {
        dismissNow();
        current = new Shown(message, actionLabel, action, timeout);
        host.getChildren().add(current.node);
        current.start();
    }

    /** Removes the toast at once. */
    public void dismiss() {
        dismissNow();
    }

    public boolean isShowing() {
        return current != null;
    }

    /** Whether the toast showing has an action, e.g. as the enabled-condition of the caller's Undo command. */
    public boolean hasAction() {
        return current != null && current.action != null;
    }

    /** Runs the showing toast's action and removes the toast; says whether there was one. */
    public boolean runAction() {
        if (!hasAction()) {
            return false;
        }
        Runnable action = current.action;
        dismissNow();
        action.run();
        return true;
    }

    /** The message showing, or null (for tests). */
    String message() {
        return current == null ? null : current.message;
    }

    private void dismissNow() {
        if (current != null) {
            current.stop();
            host.getChildren().remove(current.node);
            current = null;
        }
    }

    /** One toast on screen with its timer. */
    private final class Shown {
        final String message;
        final Runnable action;
        final HBox node;
        final PauseTransition wait;
        final FadeTransition fade;

        Shown(String message, String actionLabel, Runnable action, Duration timeout) {
            this.message = Objects.requireNonNull(message, "message");
            this.action = actionLabel == null ? null : Objects.requireNonNull(action, "action");
            Label text = new Label(message);
            text.getStyleClass().add("toast-message");
            node = new HBox(16, text);
            node.getStyleClass().add("shell-toast");
            node.getStylesheets().add(ShellStyles.STYLESHEET);
            node.setAlignment(Pos.CENTER_LEFT);
            node.setMaxSize(Region.USE_PREF_SIZE, Region.USE_PREF_SIZE);
            node.setPickOnBounds(false);
            StackPane.setAlignment(node, Pos.BOTTOM_CENTER);
            StackPane.setMargin(node, new Insets(0, 24, 28, 24));
            if (actionLabel != null) {
                Button button = new Button(actionLabel);
                button.getStyleClass().add("toast-action");
                button.setOnAction(e -> runAction());
                node.getChildren().add(button);
            }
            wait = new PauseTransition(timeout);
            fade = new FadeTransition(FADE, node);
            fade.setToValue(0);
            wait.setOnFinished(e -> fade.play());
            fade.setOnFinished(e -> {
                if (current == this) {
                    dismissNow();
                }
            });
            node.hoverProperty().addListener((obs, was, now) -> holdWhile(now || node.isFocusWithin()));
            node.focusWithinProperty().addListener((obs, was, now) -> holdWhile(now || node.isHover()));
        }

        void start() {
            wait.playFromStart();
        }

        void stop() {
            wait.stop();
            fade.stop();
        }

        private void holdWhile(boolean held) {
            if (held) {
                wait.stop();
                fade.stop();
                node.setOpacity(1);
            } else if (current == this) {
                wait.playFromStart();
            }
        }
    }
}
