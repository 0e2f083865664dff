package nl.sociallearning.workstation.assessment;

import atlantafx.base.theme.Styles;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TextField;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.KeyCode;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import nl.sociallearning.workstation.assessment.AssessmentsViewModel.Open;
import nl.sociallearning.workstation.domain.assessment.CourseEvidence;
import nl.sociallearning.workstation.domain.assessment.Criterion;
import nl.sociallearning.workstation.domain.assessment.Note;
import nl.sociallearning.workstation.domain.assessment.NoteLink;
import nl.sociallearning.workstation.domain.assessment.PostCandidate;

import java.util.List;

/**
 * Classificeren: the assessor's notes on the left, the criteria in scope on the right, each with a key (1–9,
 * then a–z). Select a note and press a criterion's key, or drag the note onto it; a note may support several.
 * Criteria without evidence are marked. Below the criteria: a course post as evidence for the chosen criterion.
 */
final class ClassifyPane extends VBox {

    static final String KEYS = "123456789abcdefghijklmnopqrstuvwxyz";

    private final AssessmentsViewModel model;
    private final Texts texts;
    private final ListView<Note> notes = new ListView<>();
    private final ListView<Criterion> criteria = new ListView<>();
    private final ListView<PostCandidate> posts = new ListView<>();
    private final Label missing = new Label();
    private Open open;
    private boolean frozen;

    ClassifyPane(AssessmentsViewModel model, Texts texts) {
        this.model = model;
        this.texts = texts;
        var m = texts.messages();
        getStyleClass().add("wacker-pane");
        setSpacing(10);
        setPadding(new Insets(20));
        notes.setCellFactory(l -> new NoteCell());
        notes.setOnKeyTyped(e -> {
            Note n = notes.getSelectionModel().getSelectedItem();
            int i = KEYS.indexOf(e.getCharacter().toLowerCase(java.util.Locale.ROOT));
            if (n != null && i >= 0 && i < criteria.getItems().size() && !frozen) {
                toggle(n, criteria.getItems().get(i));
                e.consume();
            }
        });
        notes.getSelectionModel().selectedItemProperty().addListener((obs, old, now) -> criteria.refresh());
        criteria.setCellFactory(l -> new CriterionCell());
        criteria.getStyleClass().add("wacker-criteria");
        VBox left = new VBox(6, Texts.label(m.get("wacker.classify.notes"), Styles.TEXT_BOLD), notes);
        VBox.setVgrow(notes, Priority.ALWAYS);
        TextField search = new TextField();
        search.setPromptText(m.get("wacker.classify.searchPosts"));
        search.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER) {
                model.searchPosts(search.getText());
            }
        });
        posts.setItems(model.posts());
        posts.setCellFactory(l -> new PostCell());
        posts.setPrefHeight(120);
        posts.setPlaceholder(new Label(m.get("wacker.classify.noPosts")));
        Button linkPost = new Button(m.get("wacker.classify.linkPost"));
        linkPost.getStyleClass().add(Styles.SMALL);
        linkPost.disableProperty().bind(posts.getSelectionModel().selectedItemProperty().isNull()
                .or(criteria.getSelectionModel().selectedItemProperty().isNull()));
        linkPost.setOnAction(e -> model.linkPost(posts.getSelectionModel().getSelectedItem(),
                criteria.getSelectionModel().getSelectedItem().code()));
        VBox right = new VBox(6, Texts.label(m.get("wacker.classify.criteria"), Styles.TEXT_BOLD), criteria, missing,
                Texts.label(m.get("wacker.classify.evidence"), Styles.TEXT_BOLD), search, posts, linkPost);
        VBox.setVgrow(criteria, Priority.ALWAYS);
        missing.getStyleClass().addAll(Styles.WARNING, "wacker-hint");
        missing.setWrapText(true);
        SplitPane split = new SplitPane(left, right);
        split.setDividerPositions(0.45);
        VBox.setVgrow(split, Priority.ALWAYS);
        getChildren().addAll(Texts.label(m.get("wacker.step.CLASSIFICEREN"), Styles.TITLE_3),
                Texts.label(m.get("wacker.classify.help"), Styles.TEXT_MUTED), split);
    }

    void show(Open o) {
        this.open = o;
        this.frozen = o.view().dossier().hasLocked(o.view().viewerId()) || !o.view().dossier().assessment().observationEnded();
        Note selected = notes.getSelectionModel().getSelectedItem();
        notes.getItems().setAll(o.view().ownNotes());
        if (selected != null) {
            notes.getItems().stream().filter(n -> n.id().equals(selected.id())).findFirst()
                    .ifPresent(n -> notes.getSelectionModel().select(n));
        } else if (!notes.getItems().isEmpty()) {
            notes.getSelectionModel().select(0);
        }
        Criterion chosen = criteria.getSelectionModel().getSelectedItem();
        criteria.getItems().setAll(o.view().criteria());
        if (chosen != null) {
            criteria.getItems().stream().filter(c -> c.code().equals(chosen.code())).findFirst()
                    .ifPresent(c -> criteria.getSelectionModel().select(c));
        }
        List<Criterion> none = o.view().withoutEvidence();
        missing.setText(none.isEmpty() ? "" : texts.messages().get("wacker.classify.missing", none.size(),
                String.join(", ", none.stream().map(Criterion::code).toList())));
        missing.setVisible(!none.isEmpty());
        notes.refresh();
        criteria.refresh();
    }

    void focusNotes() {
        notes.requestFocus();
    }

    ListView<Note> notes() {
        return notes;
    }

    private boolean linked(Note n, Criterion c) {
        return open != null && open.view().dossier().links().stream().anyMatch(l -> l.assessorId().equals(open.view().viewerId())
                && l.noteId().equals(n.id()) && l.criterionCode().equals(c.code()));
    }

    private void toggle(Note n, Criterion c) {
        if (linked(n, c)) {
            model.unlink(n.id(), c.code());
        } else {
            model.link(n.id(), c.code());
        }
    }

    private String keyOf(Criterion c) {
        int i = criteria.getItems().indexOf(c);
        return i >= 0 && i < KEYS.length() ? String.valueOf(KEYS.charAt(i)) : "";
    }

    private final class NoteCell extends ListCell<Note> {
        NoteCell() {
            setOnDragDetected(e -> {
                if (getItem() != null && !frozen) {
                    var board = startDragAndDrop(TransferMode.LINK);
                    ClipboardContent content = new ClipboardContent();
                    content.putString(getItem().id());
                    board.setContent(content);
                    e.consume();
                }
            });
        }

        @Override
        protected void updateItem(Note n, boolean empty) {
            super.updateItem(n, empty);
            if (empty || n == null) {
                setGraphic(null);
                return;
            }
            Label time = Texts.timeLabel(texts.clock(n.at()));
            time.setMinWidth(64);
            HBox chips = new HBox(4);
            for (NoteLink l : open.view().dossier().linksOf(open.view().viewerId())) {
                if (l.noteId().equals(n.id())) {
                    criteria.getItems().stream().filter(c -> c.code().equals(l.criterionCode())).findFirst()
                            .ifPresent(c -> chips.getChildren().add(Texts.label(keyOf(c), "wacker-chip")));
                }
            }
            VBox text = new VBox(4, texts.note(n.text()), chips);
            HBox row = new HBox(10, time, text);
            HBox.setHgrow(text, Priority.ALWAYS);
            text.setMinWidth(0);
            text.prefWidthProperty().bind(notes.widthProperty().subtract(110));
            setGraphic(row);
        }
    }

    private final class CriterionCell extends ListCell<Criterion> {
        CriterionCell() {
            setOnDragOver(e -> {
                if (getItem() != null && e.getDragboard().hasString()) {
                    e.acceptTransferModes(TransferMode.LINK);
                }
            });
            setOnDragDropped(e -> {
                if (getItem() != null && e.getDragboard().hasString()) {
                    model.link(e.getDragboard().getString(), getItem().code());
                    e.setDropCompleted(true);
                }
            });
            setOnMouseClicked(e -> {
                Note n = notes.getSelectionModel().getSelectedItem();
                if (e.getClickCount() == 2 && n != null && getItem() != null && !frozen) {
                    toggle(n, getItem());
                }
            });
        }

        @Override
        protected void updateItem(Criterion c, boolean empty) {
            super.updateItem(c, empty);
            getStyleClass().removeAll("wacker-no-evidence", "wacker-linked");
            if (empty || c == null) {
                setGraphic(null);
                return;
            }
            Label key = Texts.label(keyOf(c), "wacker-key");
            Label code = Texts.label(c.code(), "wacker-code");
            Label text = Texts.label(c.text());
            text.setMinWidth(0);
            long count = open.view().dossier().linksOf(open.view().viewerId()).stream()
                    .filter(l -> l.criterionCode().equals(c.code())).count();
            long posts = open.view().dossier().evidence().stream()
                    .filter(e -> e.assessorId().equals(open.view().viewerId()) && e.criterionCode().equals(c.code())).count();
            Label evidence = Texts.label(count == 0 ? texts.messages().get("wacker.classify.none")
                    : texts.messages().get("wacker.classify.count", count), "wacker-evidence-count");
            VBox body = new VBox(2, new HBox(8, code, c.critical() ? Texts.label(texts.messages().get("wacker.criterion.critical"),
                    "wacker-critical") : new Region()), text, evidence);
            for (CourseEvidence ev : open.view().dossier().evidence()) {
                if (ev.assessorId().equals(open.view().viewerId()) && ev.criterionCode().equals(c.code())) {
                    body.getChildren().add(Texts.label("“" + ev.excerpt() + "”", "wacker-quote"));
                }
            }
            body.prefWidthProperty().bind(criteria.widthProperty().subtract(80));
            HBox row = new HBox(12, key, body);
            row.setAlignment(Pos.TOP_LEFT);
            getStyleClass().add(count + posts == 0 ? "wacker-no-evidence" : "wacker-linked");
            Note n = notes.getSelectionModel().getSelectedItem();
            if (n != null && linked(n, c)) {
                key.getStyleClass().add("wacker-key-on");
            }
            setGraphic(row);
        }
    }

    private final class PostCell extends ListCell<PostCandidate> {
        @Override
        protected void updateItem(PostCandidate p, boolean empty) {
            super.updateItem(p, empty);
            if (empty || p == null) {
                setGraphic(null);
                return;
            }
            String excerpt = nl.sociallearning.workstation.assessment.flow.AssessmentFlow.excerptOf(p.bodyHtml());
            Label who = Texts.label(p.authorName() + " · " + texts.day(p.createdAt()), Styles.TEXT_MUTED);
            Label text = Texts.label(excerpt.length() > 160 ? excerpt.substring(0, 160) + " …" : excerpt);
            text.prefWidthProperty().bind(posts.widthProperty().subtract(40));
            setGraphic(new VBox(2, who, text));
        }
    }
}
