package nl.sociallearning.workstation.feed;

import atlantafx.base.theme.Styles;
import atlantafx.base.theme.Tweaks;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import nl.sociallearning.workstation.domain.ActionType;
import nl.sociallearning.workstation.domain.Approval;
import nl.sociallearning.workstation.domain.Draft;
import nl.sociallearning.workstation.domain.OutboxEntry;
import nl.sociallearning.workstation.domain.OutboxState;
import nl.sociallearning.workstation.domain.ParticipantRole;
import nl.sociallearning.workstation.domain.Post;
import nl.sociallearning.workstation.feed.html.PostHtml;
import nl.sociallearning.workstation.feed.html.PostView;
import nl.sociallearning.workstation.ui.Messages;
import nl.sociallearning.workstation.ui.TimeFormat;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

import java.util.Locale;

/**
 * The selected thread: its header with triage and actions, the whole conversation as an indented tree (a
 * virtualised list, so a thread of a thousand posts opens as fast as one of ten), a reply editor whose text is
 * kept as a draft while typing, and below it the opener's history, the moderators' notes and the action log.
 */
public final class ThreadPane extends BorderPane {

    private final FeedViewModel model;
    private final Messages messages;
    private final TimeFormat time;
    private final Label title = new Label();
    private final Label meta = new Label();
    private final HBox status = new HBox(6);
    private final ListView<PostNode> posts = new ListView<>();
    private final VBox editor = new VBox(6);
    private final TextArea replyText = new TextArea();
    private final Label replyingTo = new Label();
    private final VBox authorBox = new VBox(6);
    private final VBox notesBox = new VBox(6);
    private final VBox logBox = new VBox(6);
    private final Tab notesTab = new Tab();
    private final Tab logTab = new Tab();
    private final Label empty = new Label();
    private Post replyParent;

    public ThreadPane(FeedViewModel model, Messages messages, TimeFormat time) {
        this.model = model;
        this.messages = messages;
        this.time = time;
        getStyleClass().add("thread-pane");
        title.getStyleClass().add(Styles.TITLE_3);
        title.setWrapText(true);
        meta.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
        meta.setWrapText(true);
        status.setAlignment(Pos.CENTER_LEFT);
        VBox header = new VBox(6, title, meta, status, toolbar());
        header.setPadding(new Insets(12, 12, 8, 12));
        header.getStyleClass().add("thread-header");
        setTop(header);

        posts.setCellFactory(l -> new PostCell());
        posts.getStyleClass().addAll(Tweaks.EDGE_TO_EDGE, "post-list");
        posts.setFocusTraversable(true);
        empty.setText(messages.get("thread.none"));
        empty.getStyleClass().add(Styles.TEXT_MUTED);
        posts.setPlaceholder(empty);
        setCenter(posts);

        buildEditor();
        TabPane tabs = new TabPane(new Tab(messages.get("thread.author"), scroll(authorBox)), notesTab, logTab);
        notesTab.setText(messages.get("thread.notes", 0));
        logTab.setText(messages.get("thread.log", 0));
        notesTab.setContent(scroll(notesBox));
        logTab.setContent(scroll(logBox));
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        tabs.setPrefHeight(210);
        tabs.setMinHeight(120);
        tabs.getStyleClass().add(Styles.DENSE);
        setBottom(new VBox(editor, tabs));

        model.detailsProperty().addListener((obs, old, now) -> show(now, old));
        show(model.detailsProperty().get(), null);
    }

    private HBox toolbar() {
        HBox bar = new HBox(4,
                button(Feather.CORNER_UP_LEFT, "thread.reply", "r", () -> startReply(null)),
                button(Feather.CHECK, "thread.done", "e", model::markDone),
                button(Feather.CLOCK, "thread.snooze", "h", () -> model.snooze(java.time.Duration.ofHours(24))),
                button(Feather.USER_CHECK, "thread.assign", "a", () -> model.assign(null)),
                button(Feather.LOCK, "thread.lock", "l", model::toggleLock),
                button(Feather.BOOKMARK, "thread.pin", "p", model::togglePin),
                button(Feather.EYE_OFF, "thread.hide", "#", () -> model.postAction(ActionType.HIDE, null)));
        bar.setAlignment(Pos.CENTER_LEFT);
        return bar;
    }

    private Button button(Feather icon, String key, String shortcut, Runnable action) {
        Button b = new Button(null, new FontIcon(icon));
        b.getStyleClass().addAll(Styles.BUTTON_ICON, Styles.FLAT);
        b.setTooltip(new Tooltip(messages.get(key) + "  (" + shortcut + ")"));
        b.setAccessibleText(messages.get(key));
        b.setOnAction(e -> action.run());
        b.disableProperty().bind(model.selectedProperty().isNull());
        return b;
    }

    private void buildEditor() {
        replyText.setPromptText(messages.get("thread.replyPrompt"));
        replyText.setWrapText(true);
        replyText.setPrefRowCount(5);
        replyText.textProperty().addListener((obs, old, now) -> {
            if (replyParent != null) {
                model.keepDraft(replyParent, now);
            }
        });
        replyText.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.ENTER && e.isShortcutDown()) {
                send();
                e.consume();
            } else if (e.getCode() == KeyCode.ESCAPE) {
                closeEditor();
                e.consume();
            }
        });
        Button send = new Button(messages.get("thread.send"), new FontIcon(Feather.SEND));
        send.getStyleClass().add(Styles.ACCENT);
        send.setDefaultButton(false);
        send.setOnAction(e -> send());
        send.disableProperty().bind(replyText.textProperty().isEmpty());
        Button cancel = new Button(messages.get("thread.cancel"));
        cancel.getStyleClass().add(Styles.FLAT);
        cancel.setOnAction(e -> closeEditor());
        Label hint = new Label(messages.get("thread.sendHint"));
        hint.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox buttons = new HBox(8, hint, spacer, cancel, send);
        buttons.setAlignment(Pos.CENTER_LEFT);
        replyingTo.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.TEXT_MUTED);
        editor.getChildren().addAll(replyingTo, replyText, buttons);
        editor.setPadding(new Insets(8, 12, 8, 12));
        editor.getStyleClass().add("reply-editor");
        editor.setVisible(false);
        editor.setManaged(false);
    }

    /** Opens the reply editor under a post (the opener when null), with any draft kept for it. */
    public void startReply(Post parent) {
        ThreadDetails d = model.detailsProperty().get();
        if (d == null || d.posts().isEmpty()) {
            return;
        }
        Post target = parent != null ? parent : selectedPostOrOpener(d);
        replyParent = null; // no draft save while the text is being restored
        replyText.setText(d.drafts().stream().filter(dr -> dr.parentPostId().equals(target.id())).findFirst()
                .map(Draft::body).orElse(""));
        replyParent = target;
        String author = d.posts().stream().filter(n -> n.post().id().equals(target.id())).findFirst()
                .map(n -> n.author() == null ? "" : n.author().displayName()).orElse("");
        replyingTo.setText(messages.get("thread.replyingTo", author));
        editor.setVisible(true);
        editor.setManaged(true);
        replyText.requestFocus();
        replyText.end();
    }

    private Post selectedPostOrOpener(ThreadDetails d) {
        PostNode chosen = posts.getSelectionModel().getSelectedItem();
        return chosen != null ? chosen.post() : d.posts().get(0).post();
    }

    private void send() {
        String text = replyText.getText();
        if (replyParent == null || text.isBlank()) {
            return;
        }
        model.reply(replyParent, toHtml(text));
        replyParent = null;
        replyText.clear();
        closeEditor();
    }

    private void closeEditor() {
        replyParent = null;
        editor.setVisible(false);
        editor.setManaged(false);
        posts.requestFocus();
    }

    /** Plain text typed by the moderator, as the small HTML a post carries: paragraphs, escaped. */
    static String toHtml(String text) {
        StringBuilder html = new StringBuilder();
        for (String paragraph : text.strip().split("\\n\\s*\\n")) {
            String escaped = paragraph.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
                    .replace("\n", "<br>");
            html.append("<p>").append(escaped).append("</p>");
        }
        return html.toString();
    }

    /** The post the moderator picked in the conversation, if any. */
    public Post selectedPost() {
        PostNode n = posts.getSelectionModel().getSelectedItem();
        return n == null ? null : n.post();
    }

    public void focusPosts() {
        posts.requestFocus();
        if (posts.getSelectionModel().isEmpty() && !posts.getItems().isEmpty()) {
            posts.getSelectionModel().select(0);
        }
    }

    // --- showing a thread --------------------------------------------------------------------------------------

    private void show(ThreadDetails d, ThreadDetails before) {
        boolean sameThread = d != null && before != null && d.item().key().equals(before.item().key());
        if (d == null) {
            title.setText(messages.get("thread.noneSelected"));
            meta.setText("");
            status.getChildren().clear();
            posts.getItems().clear();
            authorBox.getChildren().clear();
            notesBox.getChildren().clear();
            logBox.getChildren().clear();
            if (!sameThread) {
                closeEditorQuietly();
            }
            return;
        }
        var row = d.item().row();
        title.setText(row.thread().title());
        meta.setText(String.join(" · ", nonBlank(row.authorName(), row.authorGroup(), row.thread().module(),
                messages.get("thread.opened", time.relative(row.thread().createdAt(), model.clock().instant())))));
        status.getChildren().setAll(stateChip(d));
        if (row.thread().locked()) {
            status.getChildren().add(chip(Feather.LOCK, messages.get("overview.locked"), "warning"));
        }
        if (row.thread().pinned()) {
            status.getChildren().add(chip(Feather.BOOKMARK, messages.get("overview.pinned"), "accent"));
        }
        PostNode keep = posts.getSelectionModel().getSelectedItem();
        posts.getItems().setAll(d.posts());
        if (sameThread && keep != null) {
            d.posts().stream().filter(n -> n.post().id().equals(keep.post().id())).findFirst()
                    .ifPresent(n -> posts.getSelectionModel().select(n));
        } else {
            posts.scrollTo(0);
            closeEditorQuietly();
        }
        showAuthor(d);
        showNotes(d);
        showLog(d);
    }

    private void closeEditorQuietly() {
        replyParent = null;
        editor.setVisible(false);
        editor.setManaged(false);
    }

    private Node stateChip(ThreadDetails d) {
        var state = d.item().triage().state();
        Label chip = new Label(messages.get("state." + state.name()));
        chip.getStyleClass().addAll("state-chip", "state-" + state.name().toLowerCase(Locale.ROOT).replace('_', '-'));
        return chip;
    }

    private Label chip(Feather icon, String text, String style) {
        Label l = new Label(text, new FontIcon(icon));
        l.getStyleClass().addAll("reason-chip", style);
        return l;
    }

    private void showAuthor(ThreadDetails d) {
        authorBox.getChildren().clear();
        if (d.author() == null) {
            authorBox.getChildren().add(muted(messages.get("overview.unknownAuthor")));
            return;
        }
        Label name = new Label(d.author().displayName());
        name.getStyleClass().add(Styles.TEXT_BOLD);
        authorBox.getChildren().addAll(name, muted(String.join(" · ", nonBlank(d.author().group(),
                messages.get("role." + d.author().role().name()),
                messages.get("thread.authorPosts", d.authorPostCount()),
                d.author().enrolledAt() == null ? null
                        : messages.get("thread.enrolled", time.relative(d.author().enrolledAt(), model.clock().instant()))))));
        for (var p : d.authorHistory()) {
            Label line = new Label(time.relative(p.post().createdAt(), model.clock().instant()) + " · " + p.threadTitle()
                    + " — " + PostHtml.plainText(p.post().bodyHtml(), 90));
            line.getStyleClass().add(Styles.TEXT_SMALL);
            line.setWrapText(false);
            authorBox.getChildren().add(line);
        }
    }

    private void showNotes(ThreadDetails d) {
        notesTab.setText(messages.get("thread.notes", d.notes().size()));
        notesBox.getChildren().clear();
        for (var n : d.notes()) {
            Label note = new Label(n.text());
            note.setWrapText(true);
            Label when = muted(time.relative(n.createdAt(), model.clock().instant()));
            notesBox.getChildren().add(new VBox(2, when, note));
        }
        TextField add = new TextField();
        add.setPromptText(messages.get("thread.notePrompt"));
        add.setOnAction(e -> {
            model.addNote(add.getText());
            add.clear();
        });
        notesBox.getChildren().add(add);
    }

    private void showLog(ThreadDetails d) {
        long attention = d.actionLog().stream().filter(e -> e.state().needsAttention()).count();
        logTab.setText(attention > 0 ? messages.get("thread.logAttention", d.actionLog().size(), attention)
                : messages.get("thread.log", d.actionLog().size()));
        logBox.getChildren().clear();
        if (d.actionLog().isEmpty()) {
            logBox.getChildren().add(muted(messages.get("thread.logEmpty")));
        }
        for (OutboxEntry e : d.actionLog()) {
            logBox.getChildren().add(logLine(e));
        }
    }

    private Node logLine(OutboxEntry e) {
        Label what = new Label(messages.get("log." + e.action().type().wireName()) + " · "
                + time.relative(e.action().createdAt(), model.clock().instant()));
        Label state = new Label(messages.get("outbox." + e.state().name()));
        state.getStyleClass().addAll("outbox-state", "outbox-" + e.state().name().toLowerCase(Locale.ROOT));
        HBox line = new HBox(8, state, what);
        line.setAlignment(Pos.CENTER_LEFT);
        if (e.state() == OutboxState.LOCAL_ONLY && e.detail() != null) {
            // Why the platform could not take it: the moderator must know it was not sent.
            Label why = new Label(e.detail());
            why.setWrapText(true);
            why.getStyleClass().add(Styles.TEXT_SMALL);
            return new VBox(2, line, why);
        }
        if (!e.state().needsAttention()) {
            return line;
        }
        Label detail = new Label(e.detail());
        detail.setWrapText(true);
        detail.getStyleClass().add(Styles.TEXT_SMALL);
        Button retry = new Button(messages.get("log.retry"));
        retry.getStyleClass().addAll(Styles.SMALL);
        retry.setOnAction(ev -> model.retry(e));
        Button dismiss = new Button(messages.get("log.dismiss"));
        dismiss.getStyleClass().addAll(Styles.SMALL, Styles.FLAT);
        dismiss.setOnAction(ev -> model.dismiss(e));
        VBox box = new VBox(4, line, detail, new HBox(6, retry, dismiss));
        box.getStyleClass().add("log-attention");
        return box;
    }

    private static Label muted(String text) {
        Label l = new Label(text);
        l.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
        l.setWrapText(true);
        return l;
    }

    private static javafx.scene.control.ScrollPane scroll(VBox content) {
        content.setPadding(new Insets(8, 12, 8, 12));
        javafx.scene.control.ScrollPane pane = new javafx.scene.control.ScrollPane(content);
        pane.setFitToWidth(true);
        return pane;
    }

    private static String[] nonBlank(String... parts) {
        return java.util.Arrays.stream(parts).filter(p -> p != null && !p.isBlank()).toArray(String[]::new);
    }

    /** One post: who, when, its state, the body (sanitised), and what can be done with it. */
    private final class PostCell extends ListCell<PostNode> {

        PostCell() {
            setPrefWidth(0);
        }

        @Override
        protected void updateItem(PostNode node, boolean empty) {
            super.updateItem(node, empty);
            if (empty || node == null) {
                setGraphic(null);
                return;
            }
            Post p = node.post();
            Label author = new Label(node.author() == null ? messages.get("overview.unknownAuthor") : node.author().displayName());
            author.getStyleClass().add(Styles.TEXT_BOLD);
            HBox head = new HBox(6, author);
            head.setAlignment(Pos.CENTER_LEFT);
            if (node.author() != null && node.author().role() == ParticipantRole.MODERATOR) {
                head.getChildren().add(badge(messages.get("role.MODERATOR"), "accent"));
            }
            if (node.author() != null && node.author().group() != null) {
                head.getChildren().add(muted(node.author().group()));
            }
            head.getChildren().add(muted(time.relative(p.createdAt(), model.clock().instant())));
            if (node.unread()) {
                head.getChildren().add(badge(messages.get("post.new"), "accent"));
            }
            if (p.editedAt() != null) {
                head.getChildren().add(badge(messages.get("post.edited"), "muted"));
            }
            if (p.hidden()) {
                head.getChildren().add(badge(messages.get("post.hidden"), "warning"));
            }
            if (p.deleted()) {
                head.getChildren().add(badge(messages.get("post.deleted"), "danger"));
            }
            if (p.flagCount() > 0) {
                head.getChildren().add(badge(messages.get("post.flagged", p.flagCount()), "danger"));
            }
            if (p.approval() == Approval.PENDING) {
                head.getChildren().add(badge(messages.get("post.pending"), "warning"));
            }
            if (node.pendingLocally()) {
                head.getChildren().add(badge(messages.get("post.notSent"), "muted"));
            }
            // Links are shown, not followed: opening a browser is a choice the moderator makes elsewhere.
            Node body = new PostView(node.content(), url -> { }, word -> messages.get("post.word." + word.replace(' ', '-')));
            HBox actions = postActions(p);
            // The post's buttons show where the moderator is: on the chosen post, or under the mouse.
            actions.visibleProperty().bind(hoverProperty().or(selectedProperty()));
            Region spacer = new Region();
            HBox.setHgrow(spacer, Priority.ALWAYS);
            head.getChildren().addAll(spacer, actions);
            VBox card = new VBox(6, head, body);
            card.getStyleClass().add("post-card");
            if (p.hidden() || p.deleted()) {
                card.getStyleClass().add("post-removed");
            }
            card.setPadding(new Insets(8, 10, 8, 10));
            VBox.setMargin(card, Insets.EMPTY);
            HBox indent = new HBox(card);
            HBox.setHgrow(card, Priority.ALWAYS);
            indent.setPadding(new Insets(0, 0, 0, Math.min(node.depth(), 6) * 18));
            card.setMinWidth(0);
            setGraphic(indent);
        }

        private HBox postActions(Post p) {
            HBox box = new HBox(2);
            box.getChildren().add(small(Feather.CORNER_UP_LEFT, "thread.reply", () -> startReply(p)));
            box.getChildren().add(p.hidden()
                    ? small(Feather.EYE, "post.unhide", () -> model.postAction(ActionType.UNHIDE, p))
                    : small(Feather.EYE_OFF, "post.hide", () -> model.postAction(ActionType.HIDE, p)));
            box.getChildren().add(p.deleted()
                    ? small(Feather.ROTATE_CCW, "post.restore", () -> model.postAction(ActionType.RESTORE, p))
                    : small(Feather.TRASH_2, "post.delete", () -> model.postAction(ActionType.DELETE, p)));
            box.getChildren().add(small(Feather.FLAG, "post.flag", () -> model.postAction(ActionType.FLAG, p)));
            if (p.approval() == Approval.PENDING) {
                box.getChildren().add(small(Feather.CHECK_CIRCLE, "post.approve", () -> model.postAction(ActionType.APPROVE, p)));
                box.getChildren().add(small(Feather.X_CIRCLE, "post.reject", () -> model.postAction(ActionType.REJECT, p)));
            }
            return box;
        }

        private Button small(Feather icon, String key, Runnable action) {
            Button b = new Button(null, new FontIcon(icon));
            b.getStyleClass().addAll(Styles.BUTTON_ICON, Styles.FLAT, Styles.SMALL);
            b.setTooltip(new Tooltip(messages.get(key)));
            b.setAccessibleText(messages.get(key));
            b.setOnAction(e -> action.run());
            return b;
        }

        private Label badge(String text, String style) {
            Label l = new Label(text);
            l.getStyleClass().addAll("post-badge", style);
            return l;
        }
    }
}
