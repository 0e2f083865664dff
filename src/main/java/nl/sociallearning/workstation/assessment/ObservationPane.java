package nl.sociallearning.workstation.assessment;

import atlantafx.base.theme.Styles;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import nl.sociallearning.workstation.assessment.AssessmentsViewModel.Open;
import nl.sociallearning.workstation.domain.assessment.Assessment;
import nl.sociallearning.workstation.domain.assessment.AssessmentContext;
import nl.sociallearning.workstation.domain.assessment.Assessor;
import nl.sociallearning.workstation.domain.assessment.AssessorRole;
import nl.sociallearning.workstation.domain.assessment.Framework;
import nl.sociallearning.workstation.domain.assessment.Mode;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/** Waarnemen: the context of the observation, and starting and ending it. */
final class ObservationPane extends VBox {

    private final Texts texts;
    private final GridPane grid = new GridPane();
    private final Button start = new Button();
    private final Button end = new Button();
    private final Label status = new Label();

    ObservationPane(AssessmentsViewModel model, Texts texts) {
        this.texts = texts;
        getStyleClass().add("wacker-pane");
        setSpacing(18);
        grid.getStyleClass().add("wacker-context");
        grid.setHgap(24);
        grid.setVgap(10);
        start.setText(texts.messages().get("wacker.observe.start"));
        start.setGraphic(new FontIcon(Feather.PLAY));
        start.getStyleClass().addAll(Styles.ACCENT, Styles.LARGE);
        start.setOnAction(e -> model.startObservation());
        end.setText(texts.messages().get("wacker.observe.end"));
        end.setGraphic(new FontIcon(Feather.SQUARE));
        end.getStyleClass().addAll(Styles.DANGER, Styles.LARGE);
        end.setOnAction(e -> model.endObservation());
        status.getStyleClass().add(Styles.TITLE_4);
        HBox actions = new HBox(16, start, end, status);
        actions.setAlignment(Pos.CENTER_LEFT);
        Label hint = Texts.label(texts.messages().get("wacker.observe.hint"), Styles.TEXT_MUTED);
        getChildren().addAll(Texts.label(texts.messages().get("wacker.step.WAARNEMEN"), Styles.TITLE_3), hint, actions, grid);
        setPadding(new Insets(20));
    }

    void show(Open o) {
        Assessment a = o.view().dossier().assessment();
        AssessmentContext x = a.context();
        Framework f = o.view().framework();
        grid.getChildren().clear();
        int r = 0;
        row(r++, "wacker.context.student", x.student().name() + "  ·  " + x.student().number());
        row(r++, "wacker.context.framework", f.title());
        StringBuilder scope = new StringBuilder();
        for (String w : x.scope()) {
            scope.append(scope.isEmpty() ? "" : "\n").append(w).append("  ").append(f.workProcess(w).map(p -> p.title()).orElse(""));
        }
        row(r++, "wacker.context.scope", scope.toString());
        row(r++, "wacker.context.setting", texts.messages().get("wacker.setting." + x.setting().name()));
        row(r++, "wacker.context.place", x.place());
        row(r++, "wacker.context.task", x.task());
        row(r++, "wacker.context.mode", texts.messages().get("wacker.mode." + x.mode().name()));
        if (x.mode() == Mode.SUMMATIVE) {
            row(r++, "wacker.context.examStart", texts.day(x.examStartsAt()));
        }
        StringBuilder who = new StringBuilder();
        for (Assessor s : a.assessors()) {
            who.append(who.isEmpty() ? "" : "\n").append(s.name())
                    .append(s.role() == AssessorRole.THIRD ? " (" + texts.messages().get("wacker.assessor.third") + ")" : "");
        }
        row(r++, "wacker.context.assessors", who.toString());
        row(r++, "wacker.context.started", texts.day(a.observationStartedAt()));
        row(r, "wacker.context.ended", texts.day(a.observationEndedAt()));
        start.setVisible(!a.observationStarted());
        start.setManaged(!a.observationStarted());
        end.setVisible(a.observationStarted() && !a.observationEnded());
        end.setManaged(end.isVisible());
        status.setText(a.observationEnded() ? texts.messages().get("wacker.observe.ended", texts.clock(a.observationEndedAt()))
                : a.observationStarted() ? texts.messages().get("wacker.observe.running", texts.clock(a.observationStartedAt()))
                : "");
    }

    private void row(int r, String key, String value) {
        Label k = Texts.label(texts.messages().get(key), Styles.TEXT_MUTED);
        Label v = Texts.label(value);
        v.getStyleClass().add("wacker-context-value");
        grid.add(k, 0, r);
        grid.add(v, 1, r);
    }

    Button startButton() {
        return start;
    }
}
