package nl.sociallearning.workstation.heatmap;

import atlantafx.base.theme.Styles;
import javafx.collections.ListChangeListener;
import javafx.embed.swing.SwingFXUtils;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.canvas.Canvas;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.util.StringConverter;
import nl.sociallearning.workstation.domain.ParticipantRole;
import nl.sociallearning.workstation.files.AtomicFile;
import nl.sociallearning.workstation.ui.Messages;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

import javax.imageio.ImageIO;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The participant activity heatmap: what to count and per what (top), the picture with names and time axis
 * (centre), the participation signals (right), and the legend, the hovered cell and the selection (bottom).
 * Binds to {@link HeatmapViewModel} only. A click on a cell or a dragged range opens those posts in the feed
 * (through the model's {@link HeatmapViewModel#onOpenPostsProperty()}); selected rows can be opened or exported.
 */
public final class HeatmapView extends BorderPane {

    private final HeatmapViewModel model;
    private final Messages messages;
    private final HeatmapChart chart;
    private final Label status = new Label();
    private final Label selection = new Label();
    private final Canvas legend = new Canvas(640, 34);
    private final StackPane centre;
    private final Label hint = new Label();
    private final VBox courseButtons = new VBox(6);
    private Consumer<String> onChooseCourse = id -> { };
    private final ProgressIndicator spinner = new ProgressIndicator();
    private HBox scaleControls;
    private final NetworkChart network;
    /** Shown in the middle: the picture over time, or the reply network. */
    private final javafx.beans.property.ObjectProperty<Lens> lens = new javafx.beans.property.SimpleObjectProperty<>(Lens.TIME);

    /** The two ways to look at a course. */
    enum Lens { TIME, NETWORK }

    public HeatmapView(HeatmapViewModel model, Messages messages) {
        this.model = model;
        this.messages = messages;
        this.chart = new HeatmapChart(messages);
        this.network = new NetworkChart(messages);
        getStyleClass().add("heatmap-view");
        getStylesheets().add(Objects.requireNonNull(HeatmapView.class.getResource("heatmap.css")).toExternalForm());
        setTop(toolbar());
        hint.getStyleClass().addAll(Styles.TEXT_MUTED, "heatmap-hint");
        hint.setGraphic(new FontIcon(Feather.GRID));
        spinner.setMaxSize(36, 36);
        courseButtons.setAlignment(Pos.CENTER);
        courseButtons.setFillWidth(true);
        courseButtons.setMaxWidth(440);
        courseButtons.getStyleClass().add("heatmap-course-offer");
        courseButtons.visibleProperty().bind(model.courseProperty().isNull());
        courseButtons.managedProperty().bind(courseButtons.visibleProperty());
        VBox waiting = new VBox(10, spinner, hint, courseButtons);
        waiting.setAlignment(Pos.CENTER);
        // Only the course buttons, shown while no course is chosen, take clicks; the chart below gets the rest.
        waiting.setPickOnBounds(false);
        waiting.mouseTransparentProperty().bind(model.courseProperty().isNotNull());
        centre = new StackPane(chart, network, waiting);
        centre.getStyleClass().add("heatmap-centre");
        setCenter(centre);
        SignalsPane signals = new SignalsPane(model, messages, this::reveal);
        setRight(signals);
        // Without a course there is nothing to signal: the hint in the middle says what to do.
        signals.visibleProperty().bind(model.courseProperty().isNotNull());
        signals.managedProperty().bind(signals.visibleProperty());
        setBottom(bottomBar());

        chart.onSelection(model::open);
        chart.onHover(this::showHover);
        chart.onRowsSelected(ids -> model.selectedRows().setAll(ids));
        chart.onRowOpened(id -> {
            HeatmapPicture p = model.pictureProperty().get();
            if (p != null) {
                model.open(p.selectionOf(List.of(id)));
            }
        });
        model.pictureProperty().addListener((o, a, b) -> {
            chart.setPicture(b);
            paintLegend();
            updateHint();
            showHover(new int[] {-1, -1});
        });
        model.selectedRows().addListener((ListChangeListener<String>) c -> {
            chart.setSelectedRows(model.selectedRows());
            updateSelection();
        });
        model.courseProperty().addListener((o, a, b) -> updateHint());
        model.loadingProperty().addListener((o, a, b) -> updateHint());
        model.problemProperty().addListener((o, a, b) -> {
            if (b != null) {
                status.setText(b);
            }
        });
        network.onHover(this::showNetworkHover);
        network.onPick(n -> {
            String id = n.participant().id();
            if (!model.selectedRows().remove(id)) {
                model.selectedRows().add(id);
            }
        });
        model.networkProperty().addListener((o, a, b) -> {
            network.setPicture(b);
            updateHint();
        });
        model.selectedRows().addListener((ListChangeListener<String>) c -> network.setSelected(model.selectedRows()));
        lens.addListener((o, a, b) -> {
            updateHint();
            if (b == Lens.NETWORK) {
                showNetworkHover(null);
            } else {
                showHover(new int[] {-1, -1});
            }
        });
        network.setPicture(model.networkProperty().get());
        chart.setPicture(model.pictureProperty().get());
        updateHint();
        updateSelection();
        paintLegend();
    }

    // --- top ---------------------------------------------------------------------------------------------------------

    private FlowPane toolbar() {
        HBox measures = segmented(Measure.values(), m -> messages.get("heatmap.measure." + m.name()), model.measureProperty());
        HBox bins = segmented(BinKind.values(), b -> messages.get("heatmap.bins." + b.name()), model.binsProperty());

        ComboBox<RowSort> sort = new ComboBox<>();
        sort.getItems().setAll(RowSort.values());
        sort.setConverter(converter(s -> messages.get("heatmap.sort." + s.name())));
        sort.valueProperty().bindBidirectional(model.sortProperty());
        sort.setTooltip(new Tooltip(messages.get("heatmap.sortLabel")));

        ComboBox<String> group = new ComboBox<>();
        Runnable fillGroups = () -> {
            List<String> items = new ArrayList<>();
            items.add(null);
            items.addAll(model.groups());
            group.getItems().setAll(items);
            group.setValue(model.groupProperty().get());
        };
        model.groups().addListener((ListChangeListener<String>) c -> fillGroups.run());
        fillGroups.run();
        group.setConverter(converter(g -> g == null ? messages.get("heatmap.allGroups") : g));
        group.setButtonCell(nullableCell(g -> g == null ? messages.get("heatmap.allGroups") : g));
        group.setCellFactory(l -> nullableCell(g -> g == null ? messages.get("heatmap.allGroups") : g));
        group.valueProperty().addListener((o, a, b) -> model.groupProperty().set(b));
        model.groupProperty().addListener((o, a, b) -> group.setValue(b));
        group.setPrefWidth(190);

        ComboBox<ParticipantRole> role = new ComboBox<>();
        List<ParticipantRole> roles = new ArrayList<>();
        roles.add(null);
        roles.addAll(List.of(ParticipantRole.values()));
        role.getItems().setAll(roles);
        Function<ParticipantRole, String> roleName = r -> r == null ? messages.get("heatmap.allRoles")
                : messages.get("heatmap.role." + r.name());
        role.setConverter(converter(roleName));
        role.setButtonCell(nullableCell(roleName));
        role.setCellFactory(l -> nullableCell(roleName));
        role.setValue(model.roleProperty().get());
        role.valueProperty().addListener((o, a, b) -> model.roleProperty().set(b));
        model.roleProperty().addListener((o, a, b) -> role.setValue(b));

        HBox scale = segmented(ColourScale.Kind.values(), k -> messages.get("heatmap.scale." + k.name()), model.scaleProperty());
        ComboBox<ColourScale.Palette> palette = new ComboBox<>();
        palette.getItems().setAll(ColourScale.Palette.values());
        palette.setConverter(converter(p -> messages.get("heatmap.palette." + p.name())));
        palette.valueProperty().bindBidirectional(model.paletteProperty());

        Button zoomOut = iconButton(Feather.MINUS, "heatmap.zoomOut", () -> chart.zoomRows(-1));
        Button fit = iconButton(Feather.MAXIMIZE, "heatmap.fit", chart::fit);
        Button zoomIn = iconButton(Feather.PLUS, "heatmap.zoomIn", () -> chart.zoomRows(1));
        zoomOut.getStyleClass().add(Styles.LEFT_PILL);
        fit.getStyleClass().add(Styles.CENTER_PILL);
        zoomIn.getStyleClass().add(Styles.RIGHT_PILL);

        MenuButton export = new MenuButton(messages.get("heatmap.export"));
        export.setGraphic(new FontIcon(Feather.DOWNLOAD));
        MenuItem png = new MenuItem(messages.get("heatmap.export.picture"));
        png.setOnAction(e -> choosePng(1));
        MenuItem png2 = new MenuItem(messages.get("heatmap.export.picture2x"));
        png2.setOnAction(e -> choosePng(2));
        MenuItem csv = new MenuItem(messages.get("heatmap.export.rows"));
        csv.setOnAction(e -> chooseCsv());
        export.getItems().addAll(png, png2, csv);
        export.setMinWidth(Region.USE_PREF_SIZE);

        scaleControls = new HBox(8, scale, palette);
        scaleControls.setAlignment(Pos.CENTER_LEFT);
        sort.setPrefWidth(265);
        role.setPrefWidth(140);
        HBox lenses = segmented(Lens.values(), l -> "", lens);
        for (Node b : lenses.getChildren()) {
            Lens l = (Lens) b.getUserData();
            ((ToggleButton) b).setGraphic(new FontIcon(l == Lens.TIME ? Feather.GRID : Feather.SHARE_2));
            ((ToggleButton) b).setTooltip(new Tooltip(messages.get("heatmap.lens." + l.name())));
            b.setId("lens-" + l.name().toLowerCase(Locale.ROOT));
        }
        HBox zoom = new HBox(zoomOut, fit, zoomIn);
        // The reply network has no time axis: what only shapes the picture over time steps aside.
        for (Node timeOnly : List.of(measures, bins, sort, zoom)) {
            timeOnly.visibleProperty().bind(lens.isEqualTo(Lens.TIME));
            timeOnly.managedProperty().bind(timeOnly.visibleProperty());
        }
        // Never cut a choice down to "…": where the window is too narrow for one row (Dutch labels at 1440 px), the
        // toolbar takes two.
        for (Region choice : List.of(sort, group, role)) {
            choice.setMinWidth(Region.USE_PREF_SIZE);
        }
        FlowPane bar = new FlowPane(10, 8, lenses, measures, bins, sort, group, role, zoom, export);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(10, 12, 10, 12));
        bar.getStyleClass().add("heatmap-toolbar");
        return bar;
    }

    private <T> HBox segmented(T[] values, Function<T, String> name, javafx.beans.property.ObjectProperty<T> property) {
        ToggleGroup group = new ToggleGroup();
        HBox box = new HBox();
        for (int i = 0; i < values.length; i++) {
            T v = values[i];
            ToggleButton b = new ToggleButton(name.apply(v));
            b.setMinWidth(Region.USE_PREF_SIZE);
            b.setUserData(v);
            b.setToggleGroup(group);
            b.getStyleClass().add(values.length == 1 ? "" : i == 0 ? Styles.LEFT_PILL
                    : i == values.length - 1 ? Styles.RIGHT_PILL : Styles.CENTER_PILL);
            b.setSelected(v == property.get());
            b.selectedProperty().addListener((o, was, is) -> {
                if (is) {
                    property.set(v);
                } else if (group.getSelectedToggle() == null) {
                    b.setSelected(true);
                }
            });
            box.getChildren().add(b);
        }
        property.addListener((o, a, now) -> group.getToggles().stream().filter(t -> t.getUserData() == now).findFirst()
                .ifPresent(t -> t.setSelected(true)));
        return box;
    }

    private Button iconButton(Feather icon, String tooltipKey, Runnable action) {
        Button b = new Button(null, new FontIcon(icon));
        b.getStyleClass().add(Styles.BUTTON_ICON);
        b.setTooltip(new Tooltip(messages.get(tooltipKey)));
        b.setOnAction(e -> action.run());
        return b;
    }

    private static <T> StringConverter<T> converter(Function<T, String> name) {
        return new StringConverter<>() {
            @Override
            public String toString(T value) {
                return name.apply(value);
            }

            @Override
            public T fromString(String s) {
                return null;
            }
        };
    }

    private static <T> ListCell<T> nullableCell(Function<T, String> name) {
        return new ListCell<>() {
            @Override
            protected void updateItem(T item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty ? null : name.apply(item));
            }
        };
    }

    // --- bottom ------------------------------------------------------------------------------------------------------

    private VBox bottomBar() {
        Button open = new Button(messages.get("heatmap.selection.open"), new FontIcon(Feather.FILTER));
        open.getStyleClass().addAll(Styles.SMALL, Styles.ACCENT);
        open.setOnAction(e -> model.openSelectedRows());
        Button clear = new Button(messages.get("heatmap.selection.clear"));
        clear.getStyleClass().addAll(Styles.SMALL, Styles.FLAT);
        clear.setOnAction(e -> model.selectedRows().clear());
        HBox selectionBox = new HBox(8, selection, open, clear);
        selectionBox.setAlignment(Pos.CENTER_LEFT);
        selectionBox.visibleProperty().bind(javafx.beans.binding.Bindings.isNotEmpty(model.selectedRows()));
        selectionBox.managedProperty().bind(selectionBox.visibleProperty());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox legendRow = new HBox(12, legend, scaleControls, spacer, selectionBox);
        legendRow.setAlignment(Pos.CENTER_LEFT);
        status.getStyleClass().add("heatmap-status");
        status.setMaxWidth(Double.MAX_VALUE);
        VBox box = new VBox(4, legendRow, status);
        box.setPadding(new Insets(6, 12, 6, 12));
        box.getStyleClass().add("heatmap-bottom");
        return box;
    }

    private void paintLegend() {
        var g = legend.getGraphicsContext2D();
        g.clearRect(0, 0, legend.getWidth(), legend.getHeight());
        HeatmapChart.paintLegend(g, model.pictureProperty().get(), 0, 4, legend.getWidth(), messages);
    }

    private void updateSelection() {
        selection.setText(messages.get("heatmap.selection", model.selectedRows().size()));
    }

    /** A course the empty heatmap offers to show: its id and title. */
    public record CourseOffer(String id, String title) { }

    /**
     * The courses to offer while none is chosen (e.g. "all courses" in the feed): one button each, so that the way
     * to a picture is one click, not a hunt for the picker at the top.
     */
    public void offerCourses(List<CourseOffer> courses) {
        courseButtons.getChildren().clear();
        for (CourseOffer c : courses) {
            Button b = new Button(c.title());
            b.getStyleClass().addAll(Styles.BUTTON_OUTLINED, Styles.ACCENT);
            b.setGraphic(new FontIcon(Feather.GRID));
            b.setMaxWidth(Double.MAX_VALUE);
            b.setOnAction(e -> onChooseCourse.accept(c.id()));
            courseButtons.getChildren().add(b);
        }
    }

    /** What a click on an offered course does (the shell makes it the course chosen at the top). */
    public void setOnChooseCourse(Consumer<String> action) {
        this.onChooseCourse = Objects.requireNonNull(action);
    }

    private void updateHint() {
        boolean none = model.courseProperty().get() == null;
        boolean loading = model.loadingProperty().get() && model.pictureProperty().get() == null;
        hint.setText(none ? messages.get("heatmap.chooseCourse") : loading ? messages.get("heatmap.loading") : "");
        boolean networkLens = lens.get() == Lens.NETWORK;
        boolean networkLoading = networkLens && !none && model.networkProperty().get() == null;
        if (networkLoading && !loading) {
            hint.setText(messages.get("heatmap.loadingDetails"));
        }
        hint.setVisible(none || loading || networkLoading);
        spinner.setVisible(!none && (loading || networkLoading));
        chart.setVisible(!none && !networkLens);
        network.setVisible(!none && networkLens);
        // Without a course there is no scale to explain.
        legend.setVisible(!networkLens && !none);
        legend.setManaged(!networkLens);
        scaleControls.setVisible(!networkLens);
        scaleControls.setManaged(!networkLens);
    }

    /** What the hovered cell (or row) holds, in the status line. */
    private void showHover(int[] cell) {
        if (lens.get() == Lens.NETWORK) {
            showNetworkHover(null);
            return;
        }
        HeatmapPicture p = model.pictureProperty().get();
        if (p == null || cell[0] < 0 || cell[0] >= p.rowCount()) {
            status.setText(p == null ? "" : defaultStatus(p));
            return;
        }
        HeatmapPicture.Row row = p.rows().get(cell[0]);
        String who = row.participant().group() == null ? row.participant().displayName()
                : row.participant().displayName() + " · " + row.participant().group();
        if (cell[1] < 0) {
            String last = row.last() == nl.sociallearning.workstation.heatmap.Grid.NONE ? messages.get("heatmap.status.never")
                    : date(Instant.ofEpochSecond(row.last()), p);
            status.setText(messages.get("heatmap.status.row", who, count(p.measure(), row.total()), last));
            return;
        }
        int c = cell[1];
        String what = p.future(c) ? messages.get("heatmap.status.future")
                : p.beforeEnrolment(cell[0], c) && p.count(cell[0], c) == 0 ? messages.get("heatmap.status.notEnrolled")
                : count(p.measure(), p.count(cell[0], c));
        status.setText(messages.get("heatmap.status.cell", who, columnLabel(p, c), what));
    }

    /** Who the hovered dot of the reply network is, in the status line. */
    private void showNetworkHover(NetworkPicture.Node n) {
        if (n == null) {
            status.setText(messages.get("heatmap.network.help"));
            return;
        }
        String who = n.participant().group() == null ? n.participant().displayName()
                : n.participant().displayName() + " · " + n.participant().group();
        status.setText(messages.get("heatmap.network.hover", who, n.partners(), n.otherGroups()));
    }

    private String defaultStatus(HeatmapPicture p) {
        return messages.get("heatmap.status.help");
    }

    private String count(Measure m, int n) {
        return messages.get("heatmap.count." + m.name(), n);
    }

    private String date(Instant t, HeatmapPicture p) {
        return DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(messages.locale())
                .format(t.atZone(p.course().timeZone()));
    }

    private String columnLabel(HeatmapPicture p, int c) {
        Axis a = p.axis();
        DateTimeFormatter day = DateTimeFormatter.ofPattern("EEE d MMM yyyy", messages.locale());
        return switch (a.kind()) {
            case DAY -> day.format(a.date(c)) + " (" + messages.get("heatmap.axis.week", a.week(c)) + ")";
            case WEEK -> {
                LocalDate from = a.date(c);
                yield messages.get("heatmap.axis.week", a.week(c)) + " (" + day.format(from) + " – "
                        + day.format(from.plusDays(6)) + ")";
            }
            case HOUR_OF_WEEK -> {
                int[] dh = a.dayAndHour(c);
                yield DayOfWeek.of(dh[0]).getDisplayName(TextStyle.FULL, messages.locale())
                        + String.format(" %02d:00–%02d:00", dh[1], (dh[1] + 1) % 24);
            }
            case MODULE -> a.module(c) == null ? messages.get("heatmap.axis.noModule") : a.module(c);
        };
    }

    private void reveal(String participantId) {
        HeatmapPicture p = model.pictureProperty().get();
        if (p == null) {
            return;
        }
        for (int r = 0; r < p.rowCount(); r++) {
            if (p.rows().get(r).participant().id().equals(participantId)) {
                model.selectedRows().setAll(participantId);
                chart.reveal(r);
                return;
            }
        }
    }

    // --- export --------------------------------------------------------------------------------------------------------

    private void choosePng(int scale) {
        FileChooser chooser = new FileChooser();
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("PNG", "*.png"));
        chooser.setInitialFileName(fileName("png"));
        File file = chooser.showSaveDialog(getScene() == null ? null : getScene().getWindow());
        if (file != null) {
            exportPng(file.toPath(), scale).whenComplete((path, failure) -> javafx.application.Platform.runLater(() ->
                    status.setText(failure == null ? messages.get("heatmap.export.done", path)
                            : messages.get("heatmap.export.failed", failure.getMessage()))));
        }
    }

    private void chooseCsv() {
        FileChooser chooser = new FileChooser();
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("CSV", "*.csv"));
        chooser.setInitialFileName(fileName("csv"));
        File file = chooser.showSaveDialog(getScene() == null ? null : getScene().getWindow());
        if (file != null) {
            model.exportRowsInBackground(file.toPath(), path -> status.setText(messages.get("heatmap.export.done", path)),
                    failure -> status.setText(messages.get("heatmap.export.failed", failure.getMessage())));
        }
    }

    private String fileName(String extension) {
        HeatmapPicture p = model.pictureProperty().get();
        return "heatmap-" + (p == null ? "course" : p.courseId()) + "-" + LocalDate.now() + "." + extension;
    }

    /**
     * Writes the picture as on screen (names, axis, cells, legend) as PNG, at the size on screen ({@code scale} 1) or
     * larger (2). Drawn on the FX thread; encoded and written in the background.
     */
    public CompletableFuture<Path> exportPng(Path file, int scale) {
        WritableImage image = lens.get() == Lens.NETWORK ? network.render(Math.max(1, scale))
                : chart.render(Math.max(1, scale));
        var buffered = SwingFXUtils.fromFXImage(image, null);
        return CompletableFuture.supplyAsync(() -> {
            try {
                new AtomicFile().write(file, out -> {
                    if (!ImageIO.write(buffered, "png", out)) {
                        throw new IOException("no PNG writer");
                    }
                });
                return file;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /** Taller (+1) or lower (-1) rows, as the zoom buttons do. */
    public void zoomRows(int step) {
        chart.zoomRows(step);
    }

    /** Back to the whole picture in view. */
    public void fitAll() {
        chart.fit();
    }

    /** Draws the cells again, as they are in view, and says how long it took (nanoseconds; FX thread). */
    public long repaintCells() {
        return chart.paintCellsTimed();
    }

    // --- for tests and the benchmark --------------------------------------------------------------------------------

    NetworkChart network() {
        return network;
    }

    /** Shows the picture over time, or the reply network. */
    void showLens(Lens l) {
        lens.set(l);
    }

    HeatmapChart chart() {
        return chart;
    }

    Label statusLabel() {
        return status;
    }
}
