package nl.sociallearning.workstation.assessment;

import atlantafx.base.theme.Styles;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import nl.sociallearning.workstation.assessment.AssessmentsViewModel.Open;
import nl.sociallearning.workstation.assessment.flow.EvaluationRow;
import nl.sociallearning.workstation.domain.assessment.Assessor;
import nl.sociallearning.workstation.domain.assessment.CriterionLevel;
import nl.sociallearning.workstation.domain.assessment.Dossier;
import nl.sociallearning.workstation.domain.assessment.Note;
import nl.sociallearning.workstation.domain.assessment.Scale;
import nl.sociallearning.workstation.domain.assessment.ScaleLevel;

import java.util.Optional;

/**
 * Evalueren: every assessor's level side by side, disagreements marked, the linked notes of the chosen criterion
 * at hand, and the agreed level with its rationale. The assessors' own levels stay as they are.
 */
final class EvaluatePane extends VBox {

    private final AssessmentsViewModel model;
    private final Texts texts;
    private final GridPane grid = new GridPane();
    private final VBox notes = new VBox(8);
    private final Label summary = new Label();
    private final TextField third = new TextField();
    private final Button unanimous = new Button();
    private final HBox thirdBox;
    private String chosen;

    EvaluatePane(AssessmentsViewModel model, Texts texts) {
        this.model = model;
        this.texts = texts;
        var m = texts.messages();
        getStyleClass().add("wacker-pane");
        setSpacing(10);
        setPadding(new Insets(20));
        grid.getStyleClass().add("wacker-evaluation");
        grid.setHgap(14);
        grid.setVgap(4);
        unanimous.setText(m.get("wacker.evaluate.unanimous"));
        unanimous.setOnAction(e -> model.agreeWhereUnanimous());
        third.setPromptText(m.get("wacker.evaluate.thirdName"));
        Button addThird = new Button(m.get("wacker.evaluate.addThird"));
        addThird.setOnAction(e -> {
            if (!third.getText().isBlank()) {
                model.addThirdAssessor(third.getText());
                third.clear();
            }
        });
        thirdBox = new HBox(8, third, addThird);
        summary.getStyleClass().add(Styles.TEXT_MUTED);
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        Label title = Texts.label(m.get("wacker.step.EVALUEREN"), Styles.TITLE_3);
        // The title and the buttons keep their words whole; the summary and the name field give way first.
        title.setMinWidth(Region.USE_PREF_SIZE);
        unanimous.setMinWidth(Region.USE_PREF_SIZE);
        addThird.setMinWidth(Region.USE_PREF_SIZE);
        third.setPrefColumnCount(12);
        summary.setMinWidth(0);
        HBox head = new HBox(16, title, summary, gap, unanimous, thirdBox);
        head.setAlignment(Pos.CENTER_LEFT);
        ScrollPane left = new ScrollPane(grid);
        left.setFitToWidth(true);
        ScrollPane right = new ScrollPane(notes);
        right.setFitToWidth(true);
        notes.setPadding(new Insets(8));
        SplitPane split = new SplitPane(left, right);
        split.setDividerPositions(0.72);
        VBox.setVgrow(split, Priority.ALWAYS);
        getChildren().addAll(head, split);
    }

    void show(Open o) {
        Dossier d = o.view().dossier();
        Scale scale = o.view().framework().scale();
        boolean editable = d.signatures().isEmpty() && !d.assessment().locked();
        unanimous.setVisible(editable);
        thirdBox.setVisible(editable);
        grid.getChildren().clear();
        grid.getColumnConstraints().clear();
        javafx.scene.layout.ColumnConstraints criterion = new javafx.scene.layout.ColumnConstraints(200, 260, 360);
        grid.getColumnConstraints().add(criterion);
        for (int i = 0; i < d.assessment().assessors().size(); i++) {
            grid.getColumnConstraints().add(new javafx.scene.layout.ColumnConstraints(104));
        }
        javafx.scene.layout.ColumnConstraints agreedColumn = new javafx.scene.layout.ColumnConstraints();
        agreedColumn.setHgrow(Priority.ALWAYS);
        agreedColumn.setMinWidth(260);
        grid.getColumnConstraints().add(agreedColumn);
        var m = texts.messages();
        int col = 0;
        grid.add(Texts.label(m.get("wacker.evaluate.criterion"), Styles.TEXT_MUTED), col++, 0);
        for (Assessor a : d.assessment().assessors()) {
            grid.add(Texts.label(a.name(), Styles.TEXT_MUTED), col++, 0);
        }
        grid.add(Texts.label(m.get("wacker.evaluate.agreed"), Styles.TEXT_MUTED), col, 0);
        int r = 1;
        long disagreements = o.evaluation().stream().filter(EvaluationRow::disagreement).count();
        long agreed = o.evaluation().stream().filter(x -> x.agreed().isPresent()).count();
        summary.setText(m.get("wacker.evaluate.summary", disagreements, agreed, o.evaluation().size()));
        if (chosen == null && !o.evaluation().isEmpty()) {
            chosen = o.evaluation().stream().filter(EvaluationRow::disagreement).findFirst().orElse(o.evaluation().get(0))
                    .criterion().code();
        }
        for (EvaluationRow row : o.evaluation()) {
            int c = 0;
            Label crit = Texts.label(row.criterion().code() + "\n" + row.criterion().text());
            crit.getStyleClass().add("wacker-eval-criterion");
            crit.setOnMouseClicked(e -> {
                chosen = row.criterion().code();
                showNotes(o, row);
                show(o);
            });
            grid.add(crit, c++, r);
            for (Assessor a : d.assessment().assessors()) {
                Optional<CriterionLevel> l = row.levels().stream().filter(x -> x.assessorId().equals(a.id())).findFirst();
                Label cell = Texts.label(l.map(x -> scale.label(x.level())).orElse("–"), "wacker-level");
                cell.setWrapText(false);
                l.ifPresent(x -> Tooltip.install(cell, new Tooltip(x.justification())));
                if (row.disagreement()) {
                    cell.getStyleClass().add("wacker-level-differs");
                }
                grid.add(cell, c++, r);
            }
            grid.add(agreedCell(row, scale, editable), c, r);
            if (row.criterion().code().equals(chosen)) {
                crit.getStyleClass().add("wacker-eval-chosen");
                showNotes(o, row);
            }
            if (row.disagreement()) {
                crit.getStyleClass().add("wacker-eval-disagreement");
            }
            for (Node n : grid.getChildren()) {
                if (GridPane.getRowIndex(n) != null && GridPane.getRowIndex(n) == r) {
                    GridPane.setValignment(n, javafx.geometry.VPos.TOP);
                }
            }
            r++;
        }
    }

    private VBox agreedCell(EvaluationRow row, Scale scale, boolean editable) {
        if (!editable || row.agreed().isPresent() && !row.disagreement()) {
            return new VBox(2, Texts.label(row.agreed().map(a -> scale.label(a.level())).orElse("–"), "wacker-agreed"),
                    Texts.label(row.agreed().map(a -> a.rationale()).orElse(""), Styles.TEXT_MUTED));
        }
        ComboBox<String> level = new ComboBox<>();
        level.getItems().setAll(scale.levels().stream().map(ScaleLevel::code).toList());
        level.setConverter(new javafx.util.StringConverter<>() {
            @Override
            public String toString(String code) {
                return code == null ? "" : scale.label(code);
            }

            @Override
            public String fromString(String s) {
                return s;
            }
        });
        level.setPrefWidth(150);
        level.setValue(row.agreed().map(a -> a.level()).orElse(row.commonLevel().orElse(null)));
        TextField why = new TextField(row.agreed().map(a -> a.rationale()).orElse(""));
        why.setPromptText(texts.messages().get("wacker.evaluate.rationale"));
        Button ok = new Button(texts.messages().get("wacker.evaluate.record"));
        ok.getStyleClass().add(Styles.SMALL);
        ok.setMinWidth(Region.USE_PREF_SIZE);
        ok.setOnAction(e -> {
            if (level.getValue() != null) {
                model.agree(row.criterion().code(), level.getValue(), why.getText());
            }
        });
        HBox line = new HBox(6, level, ok);
        line.setAlignment(Pos.CENTER_LEFT);
        VBox box = new VBox(4, line, why);
        row.agreed().ifPresent(a -> box.getChildren().add(Texts.label(texts.messages().get("wacker.evaluate.recorded",
                scale.label(a.level())), Styles.SUCCESS)));
        return box;
    }

    private void showNotes(Open o, EvaluationRow row) {
        notes.getChildren().setAll(Texts.label(row.criterion().code() + "  " + row.criterion().text(), Styles.TEXT_BOLD));
        Dossier d = o.view().dossier();
        for (Assessor a : d.assessment().assessors()) {
            java.util.List<Note> of = row.notes().stream().filter(n -> n.assessorId().equals(a.id())).toList();
            Optional<CriterionLevel> l = row.levels().stream().filter(x -> x.assessorId().equals(a.id())).findFirst();
            if (of.isEmpty() && l.isEmpty()) {
                continue;
            }
            notes.getChildren().add(Texts.label(a.name() + l.map(x -> " · " + o.view().framework().scale().label(x.level()))
                    .orElse(""), "wacker-eval-assessor"));
            l.ifPresent(x -> notes.getChildren().add(Texts.label(x.justification(), Styles.TEXT_MUTED)));
            for (Note n : of) {
                Label time = Texts.label(texts.clock(n.at()), "wacker-time");
                time.setMinWidth(Region.USE_PREF_SIZE);
                notes.getChildren().add(new HBox(8, time, texts.note(n.text())));
            }
        }
    }
}
