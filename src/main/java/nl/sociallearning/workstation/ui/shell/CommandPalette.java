package nl.sociallearning.workstation.ui.shell;

import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.control.skin.VirtualFlow;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Every command, searchable: a search field over a list of commands (label, group, keycaps). Typing filters
 * fuzzily ({@link FuzzyMatch}); Up/Down move over the commands that can run, Enter runs the selected one and
 * closes, Escape closes; focus returns where it was. A command that cannot run is shown greyed.
 * <p>Shown as an {@link Overlay} layer in the caller's {@link StackPane} (normally the scene's root). The
 * caller registers the command that opens it, e.g. {@code Shortcut+K} → {@link #toggle()}.
 */
public final class CommandPalette {

    private static final int VISIBLE_ROWS = 8;
    private static final double ROW_HEIGHT = 40;
    private static final double LIST_PADDING = 14; // shell.css: .palette-list padding and border

    private final Supplier<? extends List<Command>> commands;
    private final TextField search = new TextField();
    private final ObservableList<PaletteEntry> entries = FXCollections.observableArrayList();
    private final ListView<PaletteEntry> list = new ListView<>(entries);
    private final Overlay overlay;
    /** The commands as they were when the palette opened, each with whether it could run then. */
    private List<PaletteEntry> offered = List.of();

    /**
     * @param host     the stack the palette is layered on, usually the scene's root
     * @param commands the commands to offer, asked each time the palette opens (e.g. {@code keyMap::commands})
     * @param text     the caller's words by {@link ShellText} key (e.g. {@code messages::get})
     */
    public CommandPalette(StackPane host, Supplier<? extends List<Command>> commands, Function<String, String> text) {
        this.commands = Objects.requireNonNull(commands, "commands");
        VBox panel = new VBox(searchRow(text), list(text), footer(text));
        panel.getStyleClass().addAll("shell-panel", "command-palette");
        panel.setMaxWidth(640);
        panel.setPrefWidth(640);
        overlay = new Overlay(host, panel, "command-palette-layer");
        search.textProperty().addListener((obs, old, query) -> filter(query));
        // Focus stays in the search field, so the field tells screen readers which command Enter would run.
        list.getSelectionModel().selectedItemProperty().addListener((obs, old, entry) ->
                search.setAccessibleHelp(entry == null ? null : entry.command().label()));
        panel.addEventFilter(KeyEvent.KEY_PRESSED, this::keyPressed);
    }

    public void show() {
        if (isShowing()) {
            return;
        }
        // The commands and whether they can run are asked once per opening: the list must not change under the
        // user's keys, and a caller may build its commands afresh on every call.
        offered = commands.get().stream().map(c -> new PaletteEntry(c, c.isEnabled(), FuzzyMatch.NONE)).toList();
        search.clear();
        filter("");
        overlay.show(search);
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

    /** The rows now shown, best match first (for tests). */
    List<Command> shownCommands() {
        return entries.stream().map(PaletteEntry::command).toList();
    }

    /** The selected row's command, or null. */
    Command selectedCommand() {
        PaletteEntry selected = list.getSelectionModel().getSelectedItem();
        return selected == null ? null : selected.command();
    }

    private HBox searchRow(Function<String, String> text) {
        FontIcon icon = new FontIcon(Feather.SEARCH);
        icon.getStyleClass().add("palette-search-icon");
        search.setPromptText(text.apply(ShellText.PALETTE_PROMPT));
        search.getStyleClass().add("palette-search");
        search.setAccessibleText(text.apply(ShellText.PALETTE_PROMPT));
        HBox.setHgrow(search, Priority.ALWAYS);
        HBox row = new HBox(10, icon, search);
        row.setAlignment(Pos.CENTER_LEFT);
        row.getStyleClass().add("palette-search-row");
        return row;
    }

    private ListView<PaletteEntry> list(Function<String, String> text) {
        list.getStyleClass().add("palette-list");
        // The search field keeps focus; the list shows the selection and is worked from the field's keys.
        list.setFocusTraversable(false);
        list.setFixedCellSize(ROW_HEIGHT);
        list.setCellFactory(l -> new PaletteCell(text));
        Label empty = new Label(text.apply(ShellText.PALETTE_EMPTY));
        empty.getStyleClass().add("palette-empty");
        list.setPlaceholder(empty);
        // A click runs a row; the press must not select a greyed row or take focus from the search field.
        list.addEventFilter(MouseEvent.MOUSE_PRESSED, e -> {
            if (cellAt(e) != null) {
                e.consume();
            }
        });
        list.addEventFilter(MouseEvent.MOUSE_CLICKED, this::clicked);
        return list;
    }

    private HBox footer(Function<String, String> text) {
        HBox footer = new HBox(16,
                Keycaps.hint(text.apply(ShellText.PALETTE_MOVE), "↑", "↓"),
                Keycaps.hint(text.apply(ShellText.PALETTE_RUN), "↵"),
                Keycaps.hint(text.apply(ShellText.CLOSE), "Esc"));
        footer.getStyleClass().add("shell-footer");
        footer.setAlignment(Pos.CENTER_LEFT);
        return footer;
    }

    private void filter(String query) {
        List<PaletteEntry> matches = offered.stream()
                .flatMap(e -> FuzzyMatch.of(query, e.command().label())
                        .map(m -> new PaletteEntry(e.command(), e.enabled(), m)).stream())
                .sorted(Comparator.comparingInt((PaletteEntry e) -> e.match().score()).reversed())
                .toList();
        entries.setAll(matches);
        list.setPrefHeight(Math.max(1, Math.min(matches.size(), VISIBLE_ROWS)) * ROW_HEIGHT + LIST_PADDING);
        select(nextEnabled(-1, 1));
    }

    private void keyPressed(KeyEvent event) {
        switch (event.getCode()) {
            case DOWN -> select(nextEnabled(list.getSelectionModel().getSelectedIndex(), 1));
            case UP -> select(nextEnabled(list.getSelectionModel().getSelectedIndex(), -1));
            case ENTER -> runSelected();
            default -> {
                return;
            }
        }
        event.consume();
    }

    /** The next row that can run in a direction, wrapping around; -1 when none can. */
    private int nextEnabled(int from, int step) {
        int size = entries.size();
        for (int i = 1; i <= size; i++) {
            int index = Math.floorMod(from + step * i, size);
            if (entries.get(index).enabled()) {
                return index;
            }
        }
        return -1;
    }

    private void select(int index) {
        if (index < 0) {
            list.getSelectionModel().clearSelection();
            return;
        }
        list.getSelectionModel().select(index);
        // The flow scrolls only as far as needed to show the row; ListView.scrollTo would put it at the top.
        if (list.lookup(".virtual-flow") instanceof VirtualFlow<?> flow) {
            flow.scrollTo(index);
        } else {
            list.scrollTo(index);
        }
    }

    private void clicked(MouseEvent event) {
        PaletteCell cell = cellAt(event);
        if (cell != null && event.getButton() == MouseButton.PRIMARY) {
            run(cell.getItem());
            event.consume();
        }
    }

    private PaletteCell cellAt(MouseEvent event) {
        for (Node n = event.getPickResult().getIntersectedNode(); n != null && n != list; n = n.getParent()) {
            if (n instanceof PaletteCell cell) {
                return cell.isEmpty() ? null : cell;
            }
        }
        return null;
    }

    private void runSelected() {
        PaletteEntry selected = list.getSelectionModel().getSelectedItem();
        if (selected != null) {
            run(selected);
        }
    }

    /** Closes first, so focus is back where the user was when the command acts (it may move focus itself). */
    private void run(PaletteEntry entry) {
        if (!entry.enabled()) {
            return;
        }
        hide();
        entry.command().runIfEnabled();
    }
}
