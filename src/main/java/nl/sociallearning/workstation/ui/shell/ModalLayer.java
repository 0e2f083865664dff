package nl.sociallearning.workstation.ui.shell;

import javafx.scene.Node;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;

/**
 * A panel shown as a modal layer over the window (like the command palette): for a feature's small dialog. Escape
 * or a click beside the panel closes it; focus returns to where it was.
 */
public final class ModalLayer {

    private final Overlay overlay;

    public ModalLayer(StackPane host, Region panel) {
        this.overlay = new Overlay(host, panel, "modal-layer");
    }

    public void show(Node initialFocus) {
        overlay.show(initialFocus);
    }

    public void hide() {
        overlay.hide();
    }

    public boolean isShowing() {
        return overlay.isShowing();
    }
}
