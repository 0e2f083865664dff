package nl.sociallearning.workstation.ui.shell;

import javafx.geometry.Pos;
import javafx.geometry.VPos;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Every command that has a shortcut, by group, in two columns. Opened by the caller's "?" command
 * ({@link #toggle()}); "?" again or Escape closes it. An {@link Overlay} layer like the palette.
 */
public final class ShortcutHelp {

    /** The overlay's top and bottom margins plus the header: what the panel needs besides the list. */
    private static final double OUTSIDE_LIST = 88 + 24 + 60;

    private final Supplier<? extends List<Command>> commands;
    private final GridPane columns = new GridPane();
    private final ScrollPane scroller = new ScrollPane(columns);
    private final Overlay overlay;

    /**
     * @param host     the stack the help is layered on, usually the scene's root
     * @param commands the commands, asked each time the help opens (e.g. {@code keyMap::commands})
     * @param text     the caller's words by {@link ShellText} key (e.g. {@code messages::get})
     */
    public ShortcutHelp(StackPane host, Supplier<? extends List<Command>> commands, Function<String, String> text) {
        this.commands = Objects.requireNonNull(commands, "commands");
        Label title = new Label(text.apply(ShellText.HELP_TITLE));
        title.getStyleClass().add("shell-title");
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox header = new HBox(12, title, spacer, Keycaps.hint(text.apply(ShellText.CLOSE), "Esc"));
        header.setAlignment(Pos.CENTER_LEFT);
        header.getStyleClass().add("shell-header");

        columns.getStyleClass().add("help-columns");
        columns.setHgap(40);
        for (int i = 0; i < 2; i++) {
            ColumnConstraints half = new ColumnConstraints();
            half.setPercentWidth(50);
            columns.getColumnConstraints().add(half);
        }
        scroller.setFitToWidth(true);
        scroller.getStyleClass().add("help-scroller");
        scroller.setAccessibleText(text.apply(ShellText.HELP_TITLE));
        VBox panel = new VBox(header, scroller);
        panel.getStyleClass().addAll("shell-panel", "shortcut-help");
        panel.setPrefWidth(800);
        panel.setMaxWidth(800);
        overlay = new Overlay(host, panel, "shortcut-help-layer");
        // Tall lists scroll inside the panel rather than running past the window's bottom edge.
        scroller.maxHeightProperty().bind(host.heightProperty().subtract(OUTSIDE_LIST));
        // "?" closes what "?" opened; the key map stands aside inside the overlay, so the help hears it itself.
        panel.addEventFilter(KeyEvent.KEY_TYPED, e -> {
            if ("?".equals(e.getCharacter())) {
                hide();
                e.consume();
            }
        });
    }

    public void show() {
        if (isShowing()) {
            return;
        }
        fill();
        overlay.show(scroller);
    }

    public void hide() {
        overlay.hide();
    }

    public void toggle() {
        if (isShowing()) {
            hide();
        } else {
            show();
        }
    }

    public boolean isShowing() {
        return overlay.isShowing();
    }

    /** The commands shown, by group in order of first appearance. */
    static Map<String, List<Command>> byGroup(List<Command> commands) {
        Map<String, List<Command>> groups = new LinkedHashMap<>();
        commands.stream().filter(Command::hasShortcut)
                .forEach(c -> groups.computeIfAbsent(c.group(), g -> new ArrayList<>()).add(c));
        return groups;
    }

    /**
     * Which column (0 left, 1 right) each group goes to: in order, each to the column that is shorter so far,
     * so the columns come out about even and no group is split.
     */
    static List<Integer> columnsFor(List<Integer> groupSizes) {
        int[] height = new int[2];
        List<Integer> columns = new ArrayList<>();
        for (int size : groupSizes) {
            int column = height[1] < height[0] ? 1 : 0;
            columns.add(column);
            height[column] += size + 2; // a heading and the gap under a group weigh about two rows
        }
        return columns;
    }

    private void fill() {
        Map<String, List<Command>> groups = byGroup(commands.get());
        List<String> names = new ArrayList<>(groups.keySet());
        List<Integer> placement = columnsFor(names.stream().map(n -> groups.get(n).size()).toList());
        VBox left = column();
        VBox right = column();
        for (int i = 0; i < names.size(); i++) {
            (placement.get(i) == 0 ? left : right).getChildren().add(section(names.get(i), groups.get(names.get(i))));
        }
        columns.getChildren().clear();
        columns.addRow(0, left, right);
    }

    private static VBox column() {
        VBox column = new VBox(20);
        column.getStyleClass().add("help-column");
        GridPane.setValignment(column, VPos.TOP);
        return column;
    }

    private static VBox section(String group, List<Command> commands) {
        Label heading = new Label(group);
        heading.getStyleClass().add("help-group");
        VBox section = new VBox(heading);
        section.getStyleClass().add("help-section");
        for (Command command : commands) {
            Label label = new Label(command.label());
            label.getStyleClass().add("help-label");
            Region spacer = new Region();
            HBox.setHgrow(spacer, Priority.ALWAYS);
            HBox row = new HBox(12, label, spacer, Keycaps.of(command.shortcut()));
            row.setAlignment(Pos.CENTER_LEFT);
            row.getStyleClass().add("help-row");
            section.getChildren().add(row);
        }
        return section;
    }
}
