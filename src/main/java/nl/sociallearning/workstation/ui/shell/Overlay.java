package nl.sociallearning.workstation.ui.shell;

import javafx.animation.FadeTransition;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.util.Duration;

import java.util.Objects;

/**
 * A modal-looking layer over a window's content: a dimmed scrim in the caller's {@link StackPane} with a panel
 * near the top. A layer rather than a popup window, so that it is part of the scene (screenshots, headless
 * tests, one focus owner) and follows the window when it moves.
 * <p>While it shows, the {@link KeyMap} stands aside, Tab cannot leave it, Escape and a click on the scrim
 * close it, and closing gives focus back to the node that had it.
 */
final class Overlay {

    private final StackPane host;
    private final StackPane layer;
    private Node focusBefore;

    Overlay(StackPane host, Region panel, String styleClass) {
        this.host = Objects.requireNonNull(host, "host");
        layer = new StackPane(panel);
        layer.getStyleClass().addAll("shell-overlay", styleClass);
        layer.getStylesheets().add(ShellStyles.STYLESHEET);
        StackPane.setAlignment(panel, Pos.TOP_CENTER);
        StackPane.setMargin(panel, new Insets(88, 24, 24, 24));
        panel.setMaxHeight(Region.USE_PREF_SIZE);
        KeyMap.markModal(layer);
        layer.addEventFilter(KeyEvent.KEY_PRESSED, this::keyPressed);
        layer.addEventHandler(MouseEvent.MOUSE_CLICKED, e -> {
            if (e.getTarget() == layer) {
                hide();
            }
        });
    }

    boolean isShowing() {
        return host.getChildren().contains(layer);
    }

    void show(Node initialFocus) {
        if (isShowing()) {
            return;
        }
        Scene scene = host.getScene();
        focusBefore = scene == null ? null : scene.getFocusOwner();
        host.getChildren().add(layer);
        initialFocus.requestFocus();
        FadeTransition fade = new FadeTransition(Duration.millis(90), layer);
        fade.setFromValue(0);
        fade.setToValue(1);
        fade.play();
    }

    void hide() {
        if (!isShowing()) {
            return;
        }
        // Focus goes back first, so that it never lands on whatever the scene picks when the layer goes.
        if (focusBefore != null && focusBefore.getScene() == host.getScene()) {
            focusBefore.requestFocus();
        }
        focusBefore = null;
        host.getChildren().remove(layer);
        layer.setOpacity(1);
    }

    private void keyPressed(KeyEvent event) {
        if (event.getCode() == KeyCode.ESCAPE) {
            hide();
            event.consume();
        } else if (event.getCode() == KeyCode.TAB) {
            // Keyboard focus stays in the overlay: the content behind it is out of reach until it closes.
            event.consume();
        }
    }
}
