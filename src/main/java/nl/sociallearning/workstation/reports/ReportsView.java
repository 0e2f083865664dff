package nl.sociallearning.workstation.reports;

import atlantafx.base.theme.Styles;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Separator;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import javafx.util.StringConverter;
import nl.sociallearning.workstation.domain.Course;
import nl.sociallearning.workstation.ui.Messages;
import javafx.beans.property.ReadOnlyStringWrapper;

import nl.sociallearning.workstation.store.ReportRepository;
import java.time.ZoneId;
import java.io.File;
import java.nio.file.Path;
import java.text.NumberFormat;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.function.Function;

/**
 * The report page: the choices on the left, on the right a preview of exactly what the file will hold in the chosen
 * privacy mode (every table, as a tab). Export asks for a file, then writes in the background with a progress bar;
 * a failure shows under the button. Below the choices: the course's retention period and the purge, each confirmed
 * in place before anything is deleted.
 */
public final class ReportsView extends BorderPane {

    private final ReportsViewModel model;
    private final Messages messages;
    private final ComboBox<Course> coursePicker = new ComboBox<>();
    private final ComboBox<ReportPreset> presetPicker = new ComboBox<>();
    private final ComboBox<PrivacyMode> modePicker = new ComboBox<>();
    private final ToggleGroup formats = new ToggleGroup();
    private final DatePicker from = new DatePicker();
    private final DatePicker to = new DatePicker();
    private final TextArea purpose = new TextArea();
    private final Button export = new Button();
    private final ProgressBar progress = new ProgressBar(0);
    private final Label status = new Label();
    private final Label error = new Label();
    private final TabPane tables = new TabPane();
    private final Label previewTitle = new Label();
    private final Label previewNote = new Label();
    private final TextField retentionDays = new TextField();
    private final VBox confirmBox = new VBox(6);
    private Function<Window, Path> fileChooser = this::chooseFile;

    public ReportsView(ReportsViewModel model, Messages messages) {
        this.model = model;
        this.messages = messages;
        getStyleClass().add("reports-view");
        setLeft(form());
        setCenter(previewPane());
        bind();
    }

    /** Replaces the file dialog (tests cannot drive the platform's own). */
    public void setFileChooser(Function<Window, Path> chooser) {
        this.fileChooser = chooser;
    }

    public Button exportButton() {
        return export;
    }

    public TabPane previewTables() {
        return tables;
    }

    public TextArea purposeField() {
        return purpose;
    }

    public TextField retentionField() {
        return retentionDays;
    }

    public VBox confirmation() {
        return confirmBox;
    }

    private Node form() {
        Label title = new Label(messages.get("reports.title"));
        title.getStyleClass().add(Styles.TITLE_3);
        Label intro = new Label(messages.get("reports.intro"));
        intro.setWrapText(true);
        intro.getStyleClass().add(Styles.TEXT_MUTED);

        coursePicker.setItems(model.courses());
        coursePicker.setConverter(converter(c -> c == null ? "" : c.title()));
        coursePicker.setMaxWidth(Double.MAX_VALUE);
        presetPicker.getItems().setAll(ReportPreset.values());
        presetPicker.setConverter(converter(p -> p == null ? "" : messages.get("report.title." + p.name())));
        presetPicker.setMaxWidth(Double.MAX_VALUE);
        modePicker.getItems().setAll(PrivacyMode.values());
        modePicker.setConverter(converter(m -> m == null ? "" : messages.get("report.mode." + m.name())));
        modePicker.setMaxWidth(Double.MAX_VALUE);
        modePicker.setButtonCell(new ListCell<>() {
            @Override
            protected void updateItem(PrivacyMode item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? "" : messages.get("report.mode." + item.name()));
            }
        });
        Label modeHint = new Label();
        modeHint.setWrapText(true);
        modeHint.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.TEXT_MUTED);
        modeHint.textProperty().bind(Bindings.createStringBinding(() -> modeHint(), model.modeProperty(), model.defaultModeProperty()));

        HBox formatButtons = new HBox();
        ReportFormat[] all = ReportFormat.values();
        for (int i = 0; i < all.length; i++) {
            ToggleButton b = new ToggleButton(messages.get("reports.format." + all[i].name()));
            b.setUserData(all[i]);
            b.setToggleGroup(formats);
            b.getStyleClass().add(i == 0 ? Styles.LEFT_PILL : i == all.length - 1 ? Styles.RIGHT_PILL : Styles.CENTER_PILL);
            formatButtons.getChildren().add(b);
        }

        from.setConverter(dateConverter());
        to.setConverter(dateConverter());
        from.setMaxWidth(Double.MAX_VALUE);
        to.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(from, Priority.ALWAYS);
        HBox.setHgrow(to, Priority.ALWAYS);
        Label until = new Label(messages.get("reports.until"));
        until.setMinWidth(Region.USE_PREF_SIZE);
        HBox period = new HBox(6, from, until, to);
        period.setAlignment(Pos.CENTER_LEFT);

        purpose.setPromptText(messages.get("reports.purposePrompt"));
        purpose.setPrefRowCount(2);
        purpose.setWrapText(true);

        export.setText(messages.get("reports.export"));
        export.getStyleClass().add(Styles.ACCENT);
        export.setDefaultButton(true);
        export.setMaxWidth(Double.MAX_VALUE);
        export.setOnAction(e -> exportToFile());
        progress.setMaxWidth(Double.MAX_VALUE);
        status.setWrapText(true);
        status.getStyleClass().add(Styles.TEXT_SMALL);
        error.setWrapText(true);
        error.getStyleClass().addAll(Styles.DANGER, "reports-error");

        Label appraisal = new Label(messages.get("report.disclaimer"));
        appraisal.setWrapText(true);
        appraisal.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.TEXT_MUTED);

        VBox box = new VBox(6, title, intro, new Separator(),
                label("reports.course"), coursePicker,
                label("reports.preset"), presetPicker,
                label("reports.format"), formatButtons,
                label("reports.mode"), modePicker, modeHint,
                label("reports.period"), period,
                label("reports.purpose"), purpose,
                appraisal, export, progress, status, error, new Separator(), retention(), new Separator(), exportLog());
        box.setPadding(new Insets(16));
        box.setPrefWidth(380);
        box.getStyleClass().add("reports-form");
        ScrollPane scroll = new ScrollPane(box);
        scroll.setFitToWidth(true);
        scroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        scroll.setPrefWidth(400);
        return scroll;
    }

    private Node retention() {
        Label title = label("reports.retention.title");
        Label hint = new Label(messages.get("reports.retention.hint"));
        hint.setWrapText(true);
        hint.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.TEXT_MUTED);
        retentionDays.setPromptText(messages.get("reports.retention.none"));
        retentionDays.setPrefColumnCount(6);
        Button save = new Button(messages.get("reports.retention.save"));
        save.setOnAction(e -> saveRetention());
        Label days = new Label(messages.get("reports.retention.days"));
        HBox row = new HBox(6, days, retentionDays, save);
        row.setAlignment(Pos.CENTER_LEFT);
        Button purge = new Button();
        purge.textProperty().bind(Bindings.createStringBinding(() -> messages.get("reports.retention.purge",
                model.toPurgeProperty().get()), model.toPurgeProperty()));
        purge.disableProperty().bind(model.toPurgeProperty().isEqualTo(0));
        purge.getStyleClass().add(Styles.DANGER);
        purge.setOnAction(e -> confirm(messages.get("reports.retention.confirm", model.toPurgeProperty().get(),
                model.retentionDaysProperty().get()), messages.get("reports.retention.purgeNow"), model::purge));
        Button rotate = new Button(messages.get("reports.rotate"));
        rotate.getStyleClass().add(Styles.FLAT);
        rotate.setOnAction(e -> confirm(messages.get("reports.rotate.confirm"), messages.get("reports.rotate.yes"),
                model::rotateKey));
        confirmBox.getStyleClass().add("reports-confirm");
        confirmBox.setVisible(false);
        confirmBox.setManaged(false);
        return new VBox(6, title, hint, row, purge, confirmBox, new Separator(), rotate);
    }

    /**
     * What was exported from this course, newest first, with the purpose given: the record a coordinator shows when
     * asked what personal data left the workstation, and why.
     */
    private Node exportLog() {
        Label title = new Label();
        title.textProperty().bind(Bindings.createStringBinding(() -> messages.get("reports.log.title", model.exports().size()),
                model.exports()));
        title.getStyleClass().add(Styles.TEXT_BOLD);
        Label empty = new Label(messages.get("reports.log.empty"));
        empty.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.TEXT_MUTED);
        ListView<ReportRepository.ExportEntry> list = new ListView<>(model.exports());
        list.getStyleClass().add("reports-log");
        list.setPlaceholder(empty);
        list.setPrefHeight(200);
        list.setCellFactory(l -> new ListCell<>() {
            @Override
            protected void updateItem(ReportRepository.ExportEntry e, boolean isEmpty) {
                super.updateItem(e, isEmpty);
                if (isEmpty || e == null) {
                    setText(null);
                    setGraphic(null);
                    return;
                }
                Label what = new Label(messages.get("reports.log.entry", LOG_TIME.format(e.exportedAt().atZone(ZoneId.systemDefault())),
                        messages.get("report.title." + e.preset()), messages.get("report.mode." + e.mode()), e.format(), e.rows()));
                what.setWrapText(true);
                Label why = new Label(messages.get("reports.log.purpose", e.purpose()));
                why.setWrapText(true);
                why.getStyleClass().add(Styles.TEXT_SMALL);
                Label where = new Label(e.file());
                where.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.TEXT_MUTED);
                where.setWrapText(true);
                // A fixed width lets the cell measure its wrapped height (the path can be long).
                for (Label l : List.of(what, why, where)) {
                    l.setPrefWidth(320);
                    l.setMinHeight(Region.USE_PREF_SIZE);
                }
                VBox cell = new VBox(2, what, why, where);
                setText(null);
                setGraphic(cell);
            }
        });
        return new VBox(6, title, list);
    }

    private static final java.time.format.DateTimeFormatter LOG_TIME = java.time.format.DateTimeFormatter.ofPattern("dd-MM-yyyy HH:mm");

    private Node previewPane() {
        previewTitle.getStyleClass().add(Styles.TITLE_4);
        previewNote.setWrapText(true);
        previewNote.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.TEXT_MUTED);
        tables.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        VBox.setVgrow(tables, Priority.ALWAYS);
        VBox box = new VBox(8, previewTitle, previewNote, tables);
        box.setPadding(new Insets(16));
        return box;
    }

    private void bind() {
        coursePicker.valueProperty().addListener((obs, old, now) -> {
            if (now != null && !now.id().equals(model.courseProperty().get())) {
                model.courseProperty().set(now.id());
            }
        });
        model.courseProperty().addListener((obs, old, now) -> selectCourse(now));
        model.courses().addListener((javafx.collections.ListChangeListener<Course>) c -> selectCourse(model.courseProperty().get()));
        presetPicker.valueProperty().bindBidirectional(model.presetProperty());
        modePicker.valueProperty().bindBidirectional(model.modeProperty());
        from.valueProperty().bindBidirectional(model.fromProperty());
        to.valueProperty().bindBidirectional(model.toProperty());
        purpose.textProperty().bindBidirectional(model.purposeProperty());
        formats.selectedToggleProperty().addListener((obs, old, now) -> {
            if (now == null) {
                old.setSelected(true); // one format is always chosen
            } else {
                model.formatProperty().set((ReportFormat) now.getUserData());
            }
        });
        selectFormat(model.formatProperty().get());
        model.formatProperty().addListener((obs, old, now) -> selectFormat(now));
        export.disableProperty().bind(Bindings.createBooleanBinding(() -> !model.canExport(), model.courseProperty(),
                model.purposeProperty(), model.fromProperty(), model.toProperty(), model.exportingProperty()));
        progress.visibleProperty().bind(model.exportingProperty().or(model.progressProperty().greaterThan(0)));
        progress.managedProperty().bind(progress.visibleProperty());
        progress.progressProperty().bind(model.progressProperty());
        status.textProperty().bind(model.statusProperty());
        error.textProperty().bind(model.errorProperty());
        error.visibleProperty().bind(model.errorProperty().isNotEmpty());
        error.managedProperty().bind(error.visibleProperty());
        model.previewProperty().addListener((obs, old, now) -> showPreview(now));
        model.retentionDaysProperty().addListener((obs, old, now) -> retentionDays.setText(now == null ? "" : now.toString()));
        previewTitle.setText(messages.get("reports.noCourse"));
    }

    private void selectFormat(ReportFormat format) {
        formats.getToggles().stream().filter(t -> t.getUserData() == format).findFirst().ifPresent(t -> t.setSelected(true));
    }

    private void selectCourse(String id) {
        Course c = model.courses().stream().filter(x -> x.id().equals(id)).findFirst().orElse(null);
        if (c != coursePicker.getValue()) {
            coursePicker.setValue(c);
        }
    }

    private String modeHint() {
        PrivacyMode mode = model.modeProperty().get();
        if (mode == null) {
            return "";
        }
        String text = messages.get("report.privacy." + mode.name(), PrivacyMode.MIN_GROUP);
        if (mode != model.defaultModeProperty().get()) {
            text += " " + messages.get("reports.notDefault", messages.get("report.mode." + model.defaultModeProperty().get().name()));
        }
        return text;
    }

    private void showPreview(Report report) {
        tables.getTabs().clear();
        if (report == null) {
            previewTitle.setText(messages.get(model.courseProperty().get() == null ? "reports.noCourse" : "reports.previewLoading"));
            previewNote.setText("");
            return;
        }
        previewTitle.setText(messages.get("reports.preview", report.labels().title(), report.labels().modeName(),
                report.rowCount()));
        previewNote.setText(report.labels().periodText() + " \u00b7 " + report.labels().privacyNote());
        for (ReportTable t : report.tables()) {
            TableView<List<Object>> view = new TableView<>();
            view.getStyleClass().add(Styles.DENSE);
            view.setColumnResizePolicy(TableView.UNCONSTRAINED_RESIZE_POLICY);
            for (int c = 0; c < t.columns().size(); c++) {
                Column column = t.columns().get(c);
                int index = c;
                TableColumn<List<Object>, String> col = new TableColumn<>(column.title());
                col.setCellValueFactory(row -> new ReadOnlyStringWrapper(shown(column.type(), row.getValue().get(index))));
                col.setSortable(false);
                if (column.type() != ColumnType.TEXT) {
                    col.setStyle("-fx-alignment: CENTER-RIGHT;");
                }
                col.setPrefWidth(width(t, index));
                view.getColumns().add(col);
            }
            view.getItems().setAll(t.rows());
            view.setPlaceholder(new Label(messages.get("reports.emptyTable")));
            Node content = view;
            if (!t.notes().isEmpty()) {
                Label notes = new Label(String.join("\n", t.notes()));
                notes.setWrapText(true);
                notes.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.WARNING);
                VBox.setVgrow(view, Priority.ALWAYS);
                content = new VBox(6, view, notes);
            }
            tables.getTabs().add(new Tab(t.title(), content));
        }
    }

    /** Wide enough for the header and the longest cell (up to a limit), in pixels. */
    private double width(ReportTable t, int c) {
        Column column = t.columns().get(c);
        int chars = 0;
        for (List<Object> row : t.rows()) {
            chars = Math.max(chars, shown(column.type(), row.get(c)).length());
        }
        // Headers are bold: wider letters.
        return Math.max(80, Math.min(420, Math.max(column.title().length() * 9, chars * 7.5) + 30));
    }

    private String shown(ColumnType type, Object value) {
        if (value == null) {
            return "";
        }
        return switch (type) {
            case TEXT -> value.toString();
            case INTEGER -> NumberFormat.getIntegerInstance(messages.locale()).format(((Number) value).longValue());
            case DECIMAL -> {
                NumberFormat f = NumberFormat.getNumberInstance(messages.locale());
                f.setMaximumFractionDigits(2);
                yield f.format(((Number) value).doubleValue());
            }
            case DATE -> DateTimeFormatter.ofPattern("dd-MM-yyyy").format((LocalDate) value);
        };
    }

    private void exportToFile() {
        if (!model.canExport()) {
            return;
        }
        Path file = fileChooser.apply(getScene() == null ? null : getScene().getWindow());
        if (file != null) {
            model.export(file);
        }
    }

    private Path chooseFile(Window owner) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(messages.get("reports.fileChooser"));
        ReportFormat f = model.formatProperty().get();
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(messages.get("reports.format." + f.name()),
                "*." + f.extension()));
        chooser.setInitialFileName(model.suggestedFileName());
        File chosen = chooser.showSaveDialog(owner);
        return chosen == null ? null : chosen.toPath();
    }

    private void saveRetention() {
        String text = retentionDays.getText() == null ? "" : retentionDays.getText().strip();
        if (text.isEmpty()) {
            model.saveRetention(null);
            return;
        }
        try {
            int days = Integer.parseInt(text);
            if (days < 1 || days > 36_500) {
                throw new NumberFormatException();
            }
            model.errorProperty().set("");
            model.saveRetention(days);
        } catch (NumberFormatException e) {
            model.errorProperty().set(messages.get("reports.retention.invalid", text));
        }
    }

    /** Asks in place, under the button: what will happen, and a button to do it or not. */
    private void confirm(String question, String yes, Runnable action) {
        Label text = new Label(question);
        text.setWrapText(true);
        Button doIt = new Button(yes);
        doIt.getStyleClass().add(Styles.DANGER);
        Button cancel = new Button(messages.get("reports.cancel"));
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox buttons = new HBox(6, gap, cancel, doIt);
        doIt.setOnAction(e -> {
            hideConfirmation();
            action.run();
        });
        cancel.setOnAction(e -> hideConfirmation());
        confirmBox.getChildren().setAll(text, buttons);
        confirmBox.setVisible(true);
        confirmBox.setManaged(true);
    }

    private void hideConfirmation() {
        confirmBox.getChildren().clear();
        confirmBox.setVisible(false);
        confirmBox.setManaged(false);
    }

    private Label label(String key) {
        Label l = new Label(messages.get(key));
        l.getStyleClass().add(Styles.TEXT_BOLD);
        return l;
    }

    private static <T> StringConverter<T> converter(Function<T, String> text) {
        return new StringConverter<>() {
            @Override
            public String toString(T value) {
                return text.apply(value);
            }

            @Override
            public T fromString(String s) {
                return null;
            }
        };
    }

    private StringConverter<LocalDate> dateConverter() {
        DateTimeFormatter f = DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(messages.locale());
        return new StringConverter<>() {
            @Override
            public String toString(LocalDate d) {
                return d == null ? "" : f.format(d);
            }

            @Override
            public LocalDate fromString(String s) {
                try {
                    return s == null || s.isBlank() ? null : LocalDate.parse(s.strip(), f);
                } catch (java.time.format.DateTimeParseException e) {
                    return null;
                }
            }
        };
    }
}
