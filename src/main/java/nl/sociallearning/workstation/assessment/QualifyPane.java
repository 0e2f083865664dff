package nl.sociallearning.workstation.assessment;

import atlantafx.base.theme.Styles;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import nl.sociallearning.workstation.assessment.AssessmentsViewModel.Open;
import nl.sociallearning.workstation.domain.assessment.AssessorRole;
import nl.sociallearning.workstation.domain.assessment.Criterion;
import nl.sociallearning.workstation.domain.assessment.CriterionLevel;
import nl.sociallearning.workstation.domain.assessment.Dossier;
import nl.sociallearning.workstation.domain.assessment.Note;
import nl.sociallearning.workstation.domain.assessment.Scale;
import nl.sociallearning.workstation.domain.assessment.ScaleLevel;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

import java.util.List;
import java.util.Optional;

/**
 * Kwalificeren: per criterion the notes that support it, a level on the framework's scale and the justification.
 * No evidence, no level. The assessor locks their own levels; the others' levels are not shown (nor loaded) until
 * everyone has locked.
 */
final class QualifyPane extends VBox {

    private final AssessmentsViewModel model;
    private final Texts texts;
    private final VBox rows = new VBox(10);
    private final Label blind = new Label();
    private final Button lock = new Button();

    QualifyPane(AssessmentsViewModel model, Texts texts) {
        this.model = model;
        this.texts = texts;
        var m = texts.messages();
        getStyleClass().add("wacker-pane");
        setSpacing(10);
        setPadding(new Insets(20));
        blind.getStyleClass().addAll("wacker-blind");
        blind.setGraphic(new FontIcon(Feather.EYE_OFF));
        blind.setWrapText(true);
        lock.setText(m.get("wacker.qualify.lock"));
        lock.setGraphic(new FontIcon(Feather.LOCK));
        lock.getStyleClass().add(Styles.ACCENT);
        lock.setOnAction(e -> model.lockLevels());
        ScrollPane scroll = new ScrollPane(rows);
        scroll.setFitToWidth(true);
        scroll.getStyleClass().add("wacker-scroll");
        VBox.setVgrow(scroll, Priority.ALWAYS);
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox head = new HBox(16, Texts.label(m.get("wacker.step.KWALIFICEREN"), Styles.TITLE_3), gap, lock);
        head.setAlignment(Pos.CENTER_LEFT);
        getChildren().addAll(head, blind, scroll);
    }

    void show(Open o) {
        Dossier d = o.view().dossier();
        String me = o.view().viewerId();
        boolean third = d.assessment().assessor(me).map(a -> a.role() == AssessorRole.THIRD).orElse(false);
        boolean locked = d.hasLocked(me) || third || d.assessment().locked();
        long others = d.assessment().observers().stream().filter(a -> !a.id().equals(me)).count();
        long othersLocked = d.assessment().observers().stream().filter(a -> !a.id().equals(me) && d.hasLocked(a.id())).count();
        blind.setText(o.view().othersVisible() ? texts.messages().get("wacker.qualify.allLocked")
                : texts.messages().get("wacker.qualify.blind", othersLocked, others));
        blind.setVisible(others > 0 || !o.view().othersVisible());
        lock.setVisible(!locked);
        lock.setDisable(!d.assessment().observationEnded());
        rows.getChildren().clear();
        int i = 0;
        for (Criterion c : o.view().criteria()) {
            rows.getChildren().add(row(o, c, ++i, locked));
        }
    }

    private VBox row(Open o, Criterion c, int number, boolean locked) {
        Dossier d = o.view().dossier();
        String me = o.view().viewerId();
        Scale scale = o.view().framework().scale();
        List<Note> evidence = d.notesFor(me, c.code());
        Optional<CriterionLevel> mine = d.level(me, c.code());
        Label title = Texts.label(number + ".  " + c.code() + "  " + c.text(), Styles.TEXT_BOLD);
        VBox card = new VBox(6, title);
        card.getStyleClass().add("wacker-card");
        if (c.critical()) {
            card.getChildren().add(Texts.label(texts.messages().get("wacker.criterion.critical"), "wacker-critical"));
        }
        for (Note n : evidence) {
            HBox line = new HBox(8, Texts.timeLabel(texts.clock(n.at())), texts.note(n.text()));
            line.getStyleClass().add("wacker-evidence");
            card.getChildren().add(line);
        }
        if (evidence.isEmpty()) {
            card.getStyleClass().add("wacker-no-evidence");
            card.getChildren().add(Texts.label(texts.messages().get("wacker.qualify.noEvidence"), Styles.WARNING));
            return card;
        }
        if (locked) {
            card.getChildren().add(Texts.label(mine.map(l -> scale.label(l.level()) + " · " + l.justification()).orElse("–"),
                    "wacker-level-fixed"));
            return card;
        }
        ToggleGroup levels = new ToggleGroup();
        HBox buttons = new HBox();
        for (int i = 0; i < scale.levels().size(); i++) {
            ScaleLevel l = scale.levels().get(i);
            ToggleButton b = new ToggleButton(l.label());
            b.setUserData(l.code());
            b.setToggleGroup(levels);
            b.getStyleClass().add(i == 0 ? Styles.LEFT_PILL : i == scale.levels().size() - 1 ? Styles.RIGHT_PILL : Styles.CENTER_PILL);
            b.setSelected(mine.map(x -> x.level().equals(l.code())).orElse(false));
            buttons.getChildren().add(b);
        }
        TextField why = new TextField(mine.map(CriterionLevel::justification).orElse(""));
        why.setPromptText(texts.messages().get("wacker.qualify.justification"));
        HBox.setHgrow(why, Priority.ALWAYS);
        Button save = new Button(texts.messages().get("wacker.qualify.save"));
        save.setOnAction(e -> {
            if (levels.getSelectedToggle() != null) {
                model.setLevel(c.code(), (String) levels.getSelectedToggle().getUserData(), why.getText());
            }
        });
        why.setOnAction(save.getOnAction());
        Label saved = Texts.label(mine.isPresent() ? texts.messages().get("wacker.qualify.saved") : "", Styles.SUCCESS);
        HBox line = new HBox(10, buttons, why, save, saved);
        line.setAlignment(Pos.CENTER_LEFT);
        card.getChildren().add(line);
        return card;
    }
}
