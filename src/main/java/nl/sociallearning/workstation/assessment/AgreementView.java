package nl.sociallearning.workstation.assessment;

import atlantafx.base.theme.Styles;
import atlantafx.base.theme.Tweaks;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.util.StringConverter;
import nl.sociallearning.workstation.assessment.AgreementViewModel.Choice;
import nl.sociallearning.workstation.assessment.AgreementViewModel.Exported;
import nl.sociallearning.workstation.assessment.agreement.Agreement;
import nl.sociallearning.workstation.assessment.agreement.AgreementExport;
import nl.sociallearning.workstation.assessment.agreement.AgreementTables;
import nl.sociallearning.workstation.assessment.agreement.AgreementTables.CriterionRow;
import nl.sociallearning.workstation.assessment.agreement.AgreementTables.PairRow;
import nl.sociallearning.workstation.assessment.agreement.AgreementTables.Quality;
import nl.sociallearning.workstation.assessment.agreement.AgreementTables.WarningRow;
import nl.sociallearning.workstation.assessment.mapping.AgreementFilter;
import nl.sociallearning.workstation.ui.Messages;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

import java.io.File;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * Agreement between assessors: per criterion, per pair of assessors (over all criteria), and the advisory bias
 * signals, over the assessments the filters leave (period, framework, assessor), with an export of what is shown.
 * Tables as tall as their rows inside one scrolling page, so nothing scrolls inside something else.
 */
public final class AgreementView extends ScrollPane {

    private static final double ROW = 34;

    private final AgreementViewModel model;
    private final Messages messages;
    private final Label subtitle = new Label();
    private final Label notice = new Label();
    private final TableView<CriterionRow> criteria = new TableView<>();
    private final TableView<PairRow> pairs = new TableView<>();
    private final VBox warnings = new VBox(8);
    private final DatePicker from = new DatePicker();
    private final DatePicker to = new DatePicker();
    private final ComboBox<Choice> framework = new ComboBox<>();
    private final ComboBox<Choice> assessor = new ComboBox<>();
    private final Label count = new Label();
    private final Label exportMessage = new Label();
    private final Choice allFrameworks;
    private final Choice allAssessors;
    // Set while the page fills the filter's choices, so that filling them does not count as choosing.
    private boolean filling;

    public AgreementView(AgreementViewModel model, Messages messages) {
        this.model = model;
        this.messages = messages;
        getStyleClass().add("agreement-view");
        getStylesheets().add(Objects.requireNonNull(AgreementView.class.getResource("agreement.css")).toExternalForm());
        setFitToWidth(true);

        Label title = Texts.label(messages.get("agreement.title"), Styles.TITLE_3);
        subtitle.setText(messages.get("agreement.subtitle"));
        subtitle.getStyleClass().add(Styles.TEXT_MUTED);
        subtitle.setWrapText(true);
        Button refresh = new Button(messages.get("agreement.refresh"), new FontIcon(Feather.REFRESH_CW));
        refresh.disableProperty().bind(model.loadingProperty());
        refresh.setOnAction(e -> model.load());
        refresh.setMinWidth(Region.USE_PREF_SIZE);
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox header = new HBox(12, new VBox(4, title, subtitle), gap, refresh);
        header.setAlignment(Pos.TOP_LEFT);
        allFrameworks = new Choice(null, messages.get("agreement.filter.allFrameworks"));
        allAssessors = new Choice(null, messages.get("agreement.filter.allAssessors"));
        HBox filters = filters();
        count.getStyleClass().addAll("agreement-count", Styles.TEXT_BOLD);
        count.setWrapText(true);
        exportMessage.getStyleClass().add("agreement-export-message");
        exportMessage.setWrapText(true);
        show(exportMessage, false);
        notice.getStyleClass().add("agreement-notice");
        notice.setWrapText(true);
        notice.setGraphic(new FontIcon(Feather.INFO));
        show(notice, false);

        criteriaColumns();
        pairColumns();
        for (TableView<?> t : List.of(criteria, pairs)) {
            t.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
            t.setFixedCellSize(ROW);
            t.getStyleClass().addAll(Styles.STRIPED, Tweaks.EDGE_TO_EDGE, "agreement-table");
            t.setPlaceholder(new Label(messages.get("agreement.none")));
            t.setFocusTraversable(false);
        }
        Label legend = Texts.label(messages.get("agreement.legend", AgreementTables.FEW_UNITS), Styles.TEXT_MUTED, Styles.TEXT_SMALL);

        VBox content = new VBox(14, header, filters, count, exportMessage, notice,
                Texts.label(messages.get("agreement.criteria"), Styles.TITLE_4), criteria,
                Texts.label(messages.get("agreement.pairs"), Styles.TITLE_4), pairs,
                Texts.label(messages.get("agreement.warnings"), Styles.TITLE_4), warnings, legend);
        content.setPadding(new Insets(20, 24, 24, 24));
        setContent(content);

        // The notice follows every change; the tables and warnings are rebuilt only when new figures arrive.
        model.summaryProperty().addListener((obs, old, now) -> {
            notice();
            figures(now);
        });
        model.failureProperty().addListener((obs, old, now) -> notice());
        model.loadingProperty().addListener((obs, old, now) -> notice());
        model.exportedProperty().addListener((obs, old, now) -> exported(now));
    }

    /** The figures behind the page (for tests in this package: an export without a file dialog). */
    AgreementViewModel model() {
        return model;
    }

    /** Period, framework and assessor, a button to clear them, and the export of what the page shows. */
    private HBox filters() {
        from.setPromptText(messages.get("agreement.filter.from"));
        to.setPromptText(messages.get("agreement.filter.to"));
        for (DatePicker d : List.of(from, to)) {
            d.setPrefWidth(135);
            d.valueProperty().addListener((obs, old, now) -> chosen());
        }
        for (ComboBox<Choice> c : List.of(framework, assessor)) {
            c.setConverter(new StringConverter<>() {
                @Override
                public String toString(Choice choice) {
                    return choice == null ? "" : choice.label();
                }

                @Override
                public Choice fromString(String text) {
                    return null;
                }
            });
            c.setPrefWidth(190);
            c.valueProperty().addListener((obs, old, now) -> chosen());
        }
        framework.getItems().setAll(allFrameworks);
        framework.setValue(allFrameworks);
        assessor.getItems().setAll(allAssessors);
        assessor.setValue(allAssessors);
        framework.getStyleClass().add("agreement-framework");
        assessor.getStyleClass().add("agreement-assessor");
        from.getStyleClass().add("agreement-from");
        to.getStyleClass().add("agreement-to");

        Button clear = new Button(messages.get("agreement.filter.clear"), new FontIcon(Feather.X));
        clear.setOnAction(e -> {
            filling = true;
            from.setValue(null);
            to.setValue(null);
            framework.setValue(allFrameworks);
            assessor.setValue(allAssessors);
            filling = false;
            chosen();
        });
        MenuButton export = new MenuButton(messages.get("agreement.export"), new FontIcon(Feather.DOWNLOAD));
        export.getStyleClass().add("agreement-export");
        for (AgreementExport.Format format : AgreementExport.Format.values()) {
            MenuItem item = new MenuItem(messages.get("agreement.export." + format.name()));
            item.setOnAction(e -> {
                FileChooser chooser = new FileChooser();
                chooser.setTitle(messages.get("agreement.export"));
                chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(format.name(), "*." + format.extension()));
                chooser.setInitialFileName(messages.get("agreement.export.file") + "-" + LocalDate.now() + "." + format.extension());
                File file = chooser.showSaveDialog(getScene() == null ? null : getScene().getWindow());
                if (file != null) {
                    model.export(file.toPath(), format);
                }
            });
            export.getItems().add(item);
        }
        export.disableProperty().bind(model.exportingProperty().or(model.summaryProperty().isNull()));
        FlowPane fields = new FlowPane(10, 8, labelled("agreement.filter.period", new HBox(6, from, new Label("–"), to)),
                labelled("agreement.filter.framework", framework), labelled("agreement.filter.assessor", assessor), clear);
        fields.setAlignment(Pos.BOTTOM_LEFT);
        fields.setRowValignment(javafx.geometry.VPos.BOTTOM);
        HBox.setHgrow(fields, Priority.ALWAYS);
        fields.setPrefWrapLength(900);
        HBox bar = new HBox(12, fields, export);
        bar.setAlignment(Pos.BOTTOM_LEFT);
        bar.getStyleClass().add("agreement-filters");
        return bar;
    }

    private VBox labelled(String key, javafx.scene.Node field) {
        return new VBox(4, Texts.label(messages.get(key), Styles.TEXT_SMALL, Styles.TEXT_MUTED), field);
    }

    /** A filter was changed on screen: the figures are computed again for it. */
    private void chosen() {
        if (filling) {
            return;
        }
        Choice f = framework.getValue();
        Choice a = assessor.getValue();
        model.filter(new AgreementFilter(from.getValue(), to.getValue(), f == null ? null : f.id(), a == null ? null : a.id()));
    }

    private void exported(Exported e) {
        if (e == null) {
            show(exportMessage, false);
            return;
        }
        exportMessage.setText(e.ok() ? messages.get("agreement.export.done", e.file())
                : messages.get("agreement.export.failed." + e.failure().name(), e.file(), e.detail()));
        exportMessage.getStyleClass().setAll("label", "agreement-export-message", e.ok() ? "info" : "problem");
        exportMessage.setGraphic(new FontIcon(e.ok() ? Feather.CHECK_CIRCLE : Feather.ALERT_CIRCLE));
        show(exportMessage, true);
    }

    /** Puts the frameworks and assessors there are in the lists, keeping what is chosen. */
    private void fillChoices(AgreementViewModel.Summary s) {
        filling = true;
        try {
            fill(framework, allFrameworks, s.frameworks(), s.filter().frameworkCode());
            fill(assessor, allAssessors, s.people(), s.filter().assessorId());
        } finally {
            filling = false;
        }
    }

    private static void fill(ComboBox<Choice> box, Choice all, List<Choice> choices, String chosen) {
        List<Choice> items = new ArrayList<>();
        items.add(all);
        items.addAll(choices);
        if (!box.getItems().equals(items)) {
            Choice keep = box.getValue();
            box.getItems().setAll(items);
            box.setValue(items.contains(keep) ? keep : items.stream().filter(c -> java.util.Objects.equals(c.id(), chosen)).findFirst().orElse(all));
        }
    }

    private void criteriaColumns() {
        criteria.getColumns().setAll(List.of(
                text("agreement.column.criterion", CriterionRow::criterionCode, 150),
                number("agreement.column.units", r -> Integer.toString(r.units()), 100),
                number("agreement.column.assessors", r -> Integer.toString(r.assessors()), 125),
                number("agreement.column.exact", CriterionRow::exact, 90),
                number("agreement.column.alphaNominal", CriterionRow::alphaNominal, 110),
                number("agreement.column.alphaOrdinal", CriterionRow::alphaOrdinal, 110),
                number("agreement.column.alphaInterval", CriterionRow::alphaInterval, 110),
                quality(r -> new Judged(r.quality(), r.fewUnits(), r.units()))));
    }

    private void pairColumns() {
        pairs.getColumns().setAll(List.of(
                text("agreement.column.assessorA", PairRow::assessorA, 130),
                text("agreement.column.assessorB", PairRow::assessorB, 130),
                number("agreement.column.units", r -> Integer.toString(r.units()), 100),
                number("agreement.column.exact", PairRow::exact, 70),
                number("agreement.column.withinOne", PairRow::withinOne, 105),
                number("agreement.column.kappa", PairRow::kappa, 45),
                number("agreement.column.kappaLinear", PairRow::kappaLinear, 90),
                number("agreement.column.kappaQuadratic", PairRow::kappaQuadratic, 130),
                number("agreement.column.meanDifference", PairRow::meanDifference, 65),
                quality(r -> new Judged(r.quality(), r.fewUnits(), r.units()))));
    }

    private <S> TableColumn<S, String> text(String key, Function<S, String> value, double width) {
        TableColumn<S, String> c = new TableColumn<>(messages.get(key));
        c.setCellValueFactory(f -> new ReadOnlyObjectWrapper<>(value.apply(f.getValue())));
        c.setMinWidth(width);
        c.setSortable(false);
        c.setReorderable(false);
        return c;
    }

    private <S> TableColumn<S, String> number(String key, Function<S, String> value, double width) {
        TableColumn<S, String> c = text(key, value, width);
        c.getStyleClass().add(Tweaks.ALIGN_RIGHT);
        return c;
    }

    /** How far a row's coefficient can be trusted, whether it rests on few units, and on how many. */
    private record Judged(Quality quality, boolean few, int units) { }

    private <S> TableColumn<S, Judged> quality(Function<S, Judged> value) {
        TableColumn<S, Judged> c = new TableColumn<>(messages.get("agreement.column.quality"));
        c.setCellValueFactory(f -> new ReadOnlyObjectWrapper<>(value.apply(f.getValue())));
        c.setMinWidth(180);
        c.setSortable(false);
        c.setReorderable(false);
        c.setCellFactory(col -> new TableCell<>() {
            @Override
            protected void updateItem(Judged j, boolean empty) {
                super.updateItem(j, empty);
                getStyleClass().removeAll("quality-GOOD", "quality-TENTATIVE", "quality-LOW", "quality-UNKNOWN", "quality-few");
                if (empty || j == null) {
                    setText(null);
                    return;
                }
                String text = j.quality() == Quality.UNKNOWN
                        ? messages.get(j.units() < Agreement.MIN_UNITS ? "agreement.undefined.units" : "agreement.undefined.spread")
                        : messages.get("agreement.quality." + j.quality().name());
                setText(j.few() && j.quality() != Quality.UNKNOWN ? text + "  ·  " + messages.get("agreement.fewUnits") : text);
                getStyleClass().add(j.few() ? "quality-few" : "quality-" + j.quality().name());
            }
        });
        return c;
    }

    private void notice() {
        AgreementViewModel.Summary s = model.summaryProperty().get();
        Throwable failure = model.failureProperty().get();
        if (failure != null) {
            notice.setText(messages.get("agreement.failed", failure.getMessage()));
            notice.getStyleClass().setAll("label", "agreement-notice", "problem");
            show(notice, true);
        } else if (s == null) {
            notice.setText(messages.get("agreement.loading"));
            notice.getStyleClass().setAll("label", "agreement-notice");
            show(notice, model.loadingProperty().get());
        } else if (s.assessments() == 0 && s.total() > 0) {
            notice.setText(messages.get("agreement.filter.empty"));
            notice.getStyleClass().setAll("label", "agreement-notice", "few");
            show(notice, true);
        } else if (s.tooFew()) {
            notice.setText(s.filter().isAll() ? messages.get("agreement.tooFew", s.assessments(), AgreementTables.FEW_UNITS)
                    : messages.get("agreement.tooFew.filtered", s.assessments(), AgreementTables.FEW_UNITS));
            notice.getStyleClass().setAll("label", "agreement-notice", "few");
            show(notice, true);
        } else {
            show(notice, false);
        }
    }

    private void figures(AgreementViewModel.Summary s) {
        if (s == null) {
            return;
        }
        fillChoices(s);
        count.setText(s.filter().isAll() ? messages.get("agreement.count.all", s.assessments(), s.assessors())
                : messages.get("agreement.count.filtered", s.assessments(), s.total(), s.assessors()));
        for (TableView<?> t : List.of(criteria, pairs)) {
            ((Label) t.getPlaceholder()).setText(messages.get(s.total() > 0 ? "agreement.filter.none" : "agreement.none"));
        }
        criteria.getItems().setAll(s.tables().criteria());
        // Pairs over all criteria here; the per-criterion pairs are in the criterion rows' alpha already.
        pairs.getItems().setAll(s.tables().pairs().stream().filter(p -> p.criterionCode().isEmpty()).toList());
        fitHeight(criteria);
        fitHeight(pairs);
        warnings.getChildren().clear();
        if (s.tables().warnings().isEmpty()) {
            warnings.getChildren().add(Texts.label(messages.get("agreement.warnings.none"), Styles.TEXT_MUTED));
        }
        for (WarningRow w : s.tables().warnings()) {
            Label kind = Texts.label(messages.get("agreement.warning." + w.kind().name()), Styles.TEXT_BOLD);
            kind.setGraphic(new FontIcon(Feather.ALERT_TRIANGLE));
            kind.getStyleClass().add("agreement-warning-kind");
            kind.setMinWidth(230);
            kind.setPrefWidth(230);
            Label text = Texts.label(w.text());
            HBox.setHgrow(text, Priority.ALWAYS);
            HBox row = new HBox(12, kind, text);
            row.getStyleClass().add("agreement-warning");
            warnings.getChildren().add(row);
        }
    }

    private static void fitHeight(TableView<?> table) {
        // Rows, the header (a little taller than a row) and the border: no scroll bar inside the page.
        double h = ROW * Math.max(1, table.getItems().size()) + ROW + 12;
        table.setMinHeight(h);
        table.setPrefHeight(h);
        table.setMaxHeight(h);
    }

    private static void show(Label l, boolean visible) {
        l.setVisible(visible);
        l.setManaged(visible);
    }
}
