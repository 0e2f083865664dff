package nl.sociallearning.workstation.assessment;

import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import nl.sociallearning.workstation.assessment.flow.Progress;
import nl.sociallearning.workstation.domain.assessment.Step;
import nl.sociallearning.workstation.ui.Messages;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

import java.util.EnumMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The six steps across the top: done (a tick), the step shown, open, not yet open (dimmed), and those that can no
 * longer change (a lock). A click or Alt+1…6 shows an open step.
 */
final class StepBar extends HBox {

    private final Map<Step, Button> buttons = new EnumMap<>(Step.class);

    StepBar(Messages messages, Consumer<Step> onPick) {
        getStyleClass().add("wacker-steps");
        setSpacing(4);
        for (Step s : Step.values()) {
            Label letter = new Label(String.valueOf(s.name().charAt(0)));
            letter.getStyleClass().add("wacker-step-letter");
            Label name = new Label(messages.get("wacker.step." + s.name()));
            name.getStyleClass().add("wacker-step-name");
            Label hint = new Label((s.ordinal() + 1) + "");
            hint.getStyleClass().add("wacker-step-number");
            VBox text = new VBox(0, name, hint);
            HBox content = new HBox(8, letter, text);
            content.setAlignment(Pos.CENTER_LEFT);
            Button b = new Button();
            b.setGraphic(content);
            b.getStyleClass().add("wacker-step");
            b.setMaxWidth(Double.MAX_VALUE);
            b.setFocusTraversable(false);
            b.setOnAction(e -> onPick.accept(s));
            HBox.setHgrow(b, Priority.ALWAYS);
            buttons.put(s, b);
            getChildren().add(b);
        }
    }

    void show(Progress p, Step shown) {
        for (Step s : Step.values()) {
            Button b = buttons.get(s);
            b.getStyleClass().removeAll("done", "shown", "closed", "frozen");
            boolean reachable = p.isOpen(s) || p.done().contains(s);
            if (p.done().contains(s)) {
                b.getStyleClass().add("done");
            }
            if (!reachable) {
                b.getStyleClass().add("closed");
            }
            if (s == shown) {
                b.getStyleClass().add("shown");
            }
            HBox content = (HBox) b.getGraphic();
            content.getChildren().removeIf(n -> n instanceof FontIcon);
            if (p.frozen().contains(s)) {
                b.getStyleClass().add("frozen");
                FontIcon lock = new FontIcon(Feather.LOCK);
                lock.getStyleClass().add("wacker-step-icon");
                content.getChildren().add(lock);
            } else if (p.done().contains(s)) {
                FontIcon tick = new FontIcon(Feather.CHECK);
                tick.getStyleClass().add("wacker-step-icon");
                content.getChildren().add(tick);
            }
            b.setDisable(!reachable);
        }
    }

    Button button(Step s) {
        return buttons.get(s);
    }
}
