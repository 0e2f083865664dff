package nl.sociallearning.workstation.assessment;

import atlantafx.base.theme.Styles;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import nl.sociallearning.workstation.assessment.AssessmentsViewModel.Open;
import nl.sociallearning.workstation.assessment.flow.JudgingWords;
import nl.sociallearning.workstation.domain.assessment.Assessment;
import nl.sociallearning.workstation.domain.assessment.Note;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

import java.util.List;

/**
 * Aantekeningen: the assessor's own notes, newest at the bottom, and one line to type the next in. Enter adds it
 * with the time; words that judge instead of describe are underlined, with a hint, while typing and after.
 */
final class NotesPane extends VBox {

    private final Texts texts;
    private final ListView<Note> notes = new ListView<>();
    private final TextField input = new TextField();
    private final Label hint = new Label();
    private final Label state = new Label();
    private final Button end = new Button();

    NotesPane(AssessmentsViewModel model, Texts texts) {
        this.texts = texts;
        var m = texts.messages();
        getStyleClass().add("wacker-pane");
        setSpacing(10);
        setPadding(new Insets(20));
        notes.setCellFactory(l -> new NoteCell());
        notes.setPlaceholder(new Label(m.get("wacker.notes.empty")));
        notes.getStyleClass().add("wacker-notes");
        VBox.setVgrow(notes, Priority.ALWAYS);
        input.setPromptText(m.get("wacker.notes.prompt"));
        input.getStyleClass().addAll(Styles.LARGE, "wacker-note-input");
        input.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER && !input.getText().isBlank()) {
                model.addNote(input.getText());
                input.clear();
                e.consume();
            }
        });
        input.textProperty().addListener((obs, old, now) -> {
            List<JudgingWords.Flag> flags = JudgingWords.check(now);
            hint.setText(flags.isEmpty() ? "" : texts.hint(flags));
        });
        hint.getStyleClass().addAll(Styles.WARNING, "wacker-hint");
        hint.setWrapText(true);
        end.setText(m.get("wacker.observe.end"));
        end.setGraphic(new FontIcon(Feather.SQUARE));
        end.getStyleClass().add(Styles.DANGER);
        end.setOnAction(e -> model.endObservation());
        state.getStyleClass().add(Styles.TEXT_MUTED);
        HBox head = new HBox(16, Texts.label(m.get("wacker.step.AANTEKENINGEN"), Styles.TITLE_3), state);
        head.setAlignment(Pos.BASELINE_LEFT);
        HBox bottom = new HBox(10, input, end);
        HBox.setHgrow(input, Priority.ALWAYS);
        getChildren().addAll(head, Texts.label(m.get("wacker.notes.help"), Styles.TEXT_MUTED), notes, hint, bottom);
    }

    void show(Open o) {
        Assessment a = o.view().dossier().assessment();
        notes.getItems().setAll(o.view().ownNotes());
        if (!notes.getItems().isEmpty()) {
            notes.scrollTo(notes.getItems().size() - 1);
        }
        boolean writing = a.observationStarted() && !a.observationEnded();
        input.setDisable(!writing);
        end.setVisible(writing);
        state.setText(a.observationEnded() ? texts.messages().get("wacker.notes.closed", texts.clock(a.observationEndedAt()))
                : writing ? texts.messages().get("wacker.observe.running", texts.clock(a.observationStartedAt())) : "");
    }

    TextField input() {
        return input;
    }

    void focusInput() {
        input.requestFocus();
    }

    private final class NoteCell extends ListCell<Note> {
        @Override
        protected void updateItem(Note n, boolean empty) {
            super.updateItem(n, empty);
            if (empty || n == null) {
                setGraphic(null);
                return;
            }
            Label time = Texts.timeLabel(texts.clock(n.at()));
            time.setMinWidth(72);
            HBox row = new HBox(12, time, texts.note(n.text()));
            row.setAlignment(Pos.TOP_LEFT);
            setGraphic(row);
        }
    }
}
