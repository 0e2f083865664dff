package nl.sociallearning.workstation.assessment;

import atlantafx.base.theme.Styles;
import atlantafx.base.theme.Tweaks;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import nl.sociallearning.workstation.assessment.agreement.AgreementTables;
import nl.sociallearning.workstation.assessment.agreement.AgreementTables.CriterionRow;
import nl.sociallearning.workstation.assessment.agreement.AgreementTables.PairRow;
import nl.sociallearning.workstation.assessment.agreement.AgreementTables.Quality;
import nl.sociallearning.workstation.assessment.agreement.AgreementTables.WarningRow;
import nl.sociallearning.workstation.ui.Messages;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * Agreement between assessors: per criterion, per pair of assessors (over all criteria), and the advisory bias
 * signals. Tables as tall as their rows inside one scrolling page, so nothing scrolls inside something else.
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

    public AgreementView(AgreementViewModel model, Messages messages) {
        this.model = model;
        this.messages = messages;
        getStyleClass().add("agreement-view");
        getStylesheets().add(Objects.requireNonNull(AgreementView.class.getResource("agreement.css")).toExternalForm());
        setFitToWidth(true);

        Label title = Texts.label(messages.get("agreement.title"), Styles.TITLE_3);
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

        VBox content = new VBox(14, header, notice,
                Texts.label(messages.get("agreement.criteria"), Styles.TITLE_4), criteria,
                Texts.label(messages.get("agreement.pairs"), Styles.TITLE_4), pairs,
                Texts.label(messages.get("agreement.warnings"), Styles.TITLE_4), warnings, legend);
        content.setPadding(new Insets(20, 24, 24, 24));
        setContent(content);

        model.summaryProperty().addListener((obs, old, now) -> refresh());
        model.failureProperty().addListener((obs, old, now) -> refresh());
        model.loadingProperty().addListener((obs, old, now) -> refresh());
    }

    private void criteriaColumns() {
        criteria.getColumns().setAll(List.of(
                text("agreement.column.criterion", CriterionRow::criterionCode, 150),
                number("agreement.column.units", r -> Integer.toString(r.units()), 100),
                number("agreement.column.assessors", r -> Integer.toString(r.assessors()), 110),
                number("agreement.column.exact", CriterionRow::exact, 90),
                number("agreement.column.alphaOrdinal", CriterionRow::alphaOrdinal, 110),
                number("agreement.column.alphaInterval", CriterionRow::alphaInterval, 110),
                quality(r -> new Judged(r.quality(), r.fewUnits()))));
    }

    private void pairColumns() {
        pairs.getColumns().setAll(List.of(
                text("agreement.column.assessorA", PairRow::assessorA, 120),
                text("agreement.column.assessorB", PairRow::assessorB, 120),
                number("agreement.column.units", r -> Integer.toString(r.units()), 100),
                number("agreement.column.exact", PairRow::exact, 80),
                number("agreement.column.withinOne", PairRow::withinOne, 105),
                number("agreement.column.kappaLinear", PairRow::kappaLinear, 95),
                number("agreement.column.kappaQuadratic", PairRow::kappaQuadratic, 125),
                number("agreement.column.meanDifference", PairRow::meanDifference, 80),
                quality(r -> new Judged(r.quality(), r.fewUnits()))));
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

    /** How far a row's coefficient can be trusted, and whether it rests on few units. */
    private record Judged(Quality quality, boolean few) { }

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
                String text = messages.get("agreement.quality." + j.quality().name());
                setText(j.few() ? text + "  ·  " + messages.get("agreement.fewUnits") : text);
                getStyleClass().add(j.few() ? "quality-few" : "quality-" + j.quality().name());
            }
        });
        return c;
    }

    private void refresh() {
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
        } else if (s.tooFew()) {
            notice.setText(messages.get("agreement.tooFew", s.assessments(), AgreementTables.FEW_UNITS));
            notice.getStyleClass().setAll("label", "agreement-notice", "few");
            show(notice, true);
        } else {
            show(notice, false);
        }
        if (s == null) {
            return;
        }
        subtitle.setText(messages.get("agreement.subtitle", s.assessments(), s.assessors()));
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
