package nl.sociallearning.workstation.ui.shell;

import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Region;
import javafx.scene.shape.Rectangle;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** A palette row: the label with the matched letters marked, then the group and the shortcut's keycaps on the right. */
final class PaletteCell extends ListCell<PaletteEntry> {

    private static final String DISABLED = "unavailable";

    private final Function<String, String> text;
    private final TextFlow label = new TextFlow();
    private final Label group = new Label();
    private final HBox keys = new HBox();
    private final HBox row;

    PaletteCell(Function<String, String> text) {
        this.text = text;
        getStyleClass().add("palette-cell");
        label.getStyleClass().add("palette-label");
        group.getStyleClass().add("palette-group");
        group.setMinWidth(Region.USE_PREF_SIZE);
        keys.getStyleClass().add("palette-keys");
        keys.setAlignment(Pos.CENTER_RIGHT);
        row = new HBox(12, oneLine(label), group, keys);
        row.setAlignment(Pos.CENTER_LEFT);
        row.setFillHeight(false); // a stretched TextFlow would put its text at the top of the row
    }

    @Override
    protected void updateItem(PaletteEntry entry, boolean empty) {
        super.updateItem(entry, empty);
        getStyleClass().remove(DISABLED);
        if (empty || entry == null) {
            setGraphic(null);
            setTooltip(null);
            setAccessibleText(null);
            return;
        }
        Command command = entry.command();
        label.getChildren().setAll(markedLabel(command.label(), entry.match()));
        group.setText(command.group());
        keys.getChildren().setAll(command.hasShortcut() ? Keycaps.of(command.shortcut()) : new Region());
        String said = command.label() + ", " + command.group();
        if (!entry.enabled()) {
            getStyleClass().add(DISABLED);
            String unavailable = text.apply(ShellText.PALETTE_UNAVAILABLE);
            setTooltip(new Tooltip(unavailable));
            said += ", " + unavailable;
        } else {
            setTooltip(null);
        }
        setAccessibleText(said);
        setGraphic(row);
    }

    /**
     * A TextFlow wraps when squeezed, and a row has room for one line: a pane lays it out at its full width and
     * clips what does not fit, so group and keycaps keep their place beside a long label.
     */
    private static Pane oneLine(TextFlow flow) {
        Pane box = new Pane(flow);
        box.setMinWidth(0);
        box.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(box, Priority.ALWAYS);
        Rectangle clip = new Rectangle();
        clip.widthProperty().bind(box.widthProperty());
        clip.heightProperty().bind(box.heightProperty());
        box.setClip(clip);
        return box;
    }

    /** The label as runs of plain and matched text, so the user sees why a command is in the list. */
    private static Text[] markedLabel(String label, FuzzyMatch match) {
        List<Text> runs = new ArrayList<>();
        int start = 0;
        for (int i = 1; i <= label.length(); i++) {
            if (i == label.length() || match.matchedAt(i) != match.matchedAt(start)) {
                Text run = new Text(label.substring(start, i));
                run.getStyleClass().add(match.matchedAt(start) ? "palette-match" : "palette-text");
                runs.add(run);
                start = i;
            }
        }
        return runs.toArray(Text[]::new);
    }
}
