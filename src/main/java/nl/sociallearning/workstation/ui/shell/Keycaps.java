package nl.sociallearning.workstation.ui.shell;

import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;

import java.util.List;

/** A shortcut drawn as small rounded keys ("Ctrl" "K"), as the user sees them on the keyboard. */
final class Keycaps {

    private Keycaps() {
    }

    static HBox of(Shortcut shortcut) {
        return of(shortcut.keycaps());
    }

    static HBox of(List<String> keys) {
        HBox box = new HBox(3);
        box.getStyleClass().add("keycaps");
        box.setAlignment(Pos.CENTER_RIGHT);
        keys.forEach(key -> box.getChildren().add(keycap(key)));
        return box;
    }

    /** Keys and what they do, as in a footer: "[↵] to run". */
    static HBox hint(String words, String... keys) {
        Label label = new Label(words);
        label.getStyleClass().add("shell-hint");
        HBox hint = new HBox(6, of(List.of(keys)), label);
        hint.setAlignment(Pos.CENTER_LEFT);
        return hint;
    }

    static Label keycap(String key) {
        Label cap = new Label(key);
        cap.getStyleClass().add("keycap");
        cap.setMinWidth(Label.USE_PREF_SIZE);
        return cap;
    }
}
