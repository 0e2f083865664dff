package nl.sociallearning.workstation.feed;

import atlantafx.base.theme.Styles;
import atlantafx.base.theme.Tweaks;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollBar;
import javafx.scene.control.SplitPane;
import atlantafx.base.controls.CustomTextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import nl.sociallearning.workstation.domain.TriageRules.Reason;
import nl.sociallearning.workstation.domain.TriageState;
import nl.sociallearning.workstation.ui.Messages;
import nl.sociallearning.workstation.ui.TimeFormat;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

import java.text.NumberFormat;
import java.time.Duration;
import java.time.Instant;

/**
 * The feed: queues with live counts on the left, the moderator indicators and the list of threads in the
 * middle, the selected thread on the right. Binds to {@link FeedViewModel} only.
 */
public final class FeedView extends BorderPane {

    private final FeedViewModel model;
    private final Messages messages;
    private final TimeFormat time;
    private final NumberFormat numbers;
    private final ListView<FeedItem> list = new ListView<>();
    private final ListView<FeedViewModel.QueueCount> queueList = new ListView<>();
    private final CustomTextField searchField = new CustomTextField();
    private final ThreadPane threadPane;
    private final SplitPane split;

    public FeedView(FeedViewModel model, Messages messages, TimeFormat time) {
        this.model = model;
        this.messages = messages;
        this.time = time;
        this.numbers = NumberFormat.getIntegerInstance(messages.locale());
        this.threadPane = new ThreadPane(model, messages, time);
        getStyleClass().add("feed-view");
        VBox queues = queuePane();
        split = new SplitPane(queues, listPane(), threadPane);
        split.setDividerPositions(0.17, 0.52);
        SplitPane.setResizableWithParent(queues, false);
        setCenter(split);
        IndicatorBar indicators = new IndicatorBar(model, messages, numbers);
        BorderPane.setMargin(indicators, new Insets(10, 12, 0, 12));
        setTop(indicators);
    }

    public SplitPane split() {
        return split;
    }

    /** Moves keyboard focus to the list (after a command, or when the view is shown). */
    public void focusList() {
        list.requestFocus();
    }

    public void focusSearch() {
        searchField.requestFocus();
        searchField.selectAll();
    }

    public ThreadPane threadPane() {
        return threadPane;
    }

    // --- queues -------------------------------------------------------------------------------------------------

    private VBox queuePane() {
        Label heading = new Label(messages.get("feed.queues"));
        heading.getStyleClass().add(Styles.TITLE_4);
        queueList.setItems(model.queues());
        queueList.setCellFactory(l -> new QueueCell());
        queueList.getStyleClass().addAll(Tweaks.EDGE_TO_EDGE, "queue-list");
        queueList.getSelectionModel().selectedItemProperty().addListener((obs, old, now) -> {
            if (now != null) {
                model.queueProperty().set(now.queue());
            }
        });
        // Counts change all the time; keep the selected queue selected.
        model.queues().addListener((ListChangeListener<FeedViewModel.QueueCount>) c -> selectQueue());
        model.queueProperty().addListener((obs, old, now) -> selectQueue());
        VBox.setVgrow(queueList, Priority.ALWAYS);
        VBox box = new VBox(8, heading, queueList);
        box.setPadding(new Insets(12, 6, 12, 12));
        box.setMinWidth(200);
        return box;
    }

    private void selectQueue() {
        FeedQueue q = model.queueProperty().get();
        FeedViewModel.QueueCount current = queueList.getSelectionModel().getSelectedItem();
        if (current != null && current.queue().equals(q)) {
            return;
        }
        model.queues().stream().filter(c -> c.queue().equals(q)).findFirst()
                .ifPresent(c -> queueList.getSelectionModel().select(c));
    }

    String queueLabel(FeedQueue q) {
        return switch (q.kind()) {
            case STATE -> messages.get("state." + q.value());
            case GROUP, MODULE -> q.value();
            case SEARCH -> "\u201c" + q.value() + "\u201d";
            case SELECTION -> q.value();
            default -> messages.get("queue." + q.kind().name());
        };
    }

    private final class QueueCell extends ListCell<FeedViewModel.QueueCount> {
        private final Label name = new Label();
        private final Label count = new Label();
        private final Label section = new Label();
        private final HBox row;
        private final VBox box;

        QueueCell() {
            Region spacer = new Region();
            HBox.setHgrow(spacer, Priority.ALWAYS);
            count.getStyleClass().add("queue-count");
            count.setMinWidth(Region.USE_PREF_SIZE);
            name.setMinWidth(0);
            row = new HBox(6, name, spacer, count);
            row.setAlignment(Pos.CENTER_LEFT);
            section.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL, "queue-section");
            box = new VBox(4);
            setPrefWidth(0);
        }

        @Override
        protected void updateItem(FeedViewModel.QueueCount q, boolean empty) {
            super.updateItem(q, empty);
            if (empty || q == null) {
                setGraphic(null);
                return;
            }
            name.setText(queueLabel(q.queue()));
            if (q.queue().kind() == FeedQueue.Kind.SEARCH) {
                javafx.scene.control.MenuItem remove = new javafx.scene.control.MenuItem(messages.get("feed.removeSearch"));
                remove.setOnAction(e -> model.removeSavedSearch(q.queue().value()));
                setContextMenu(new javafx.scene.control.ContextMenu(remove));
            } else {
                setContextMenu(null);
            }
            count.setText(numbers.format(q.count()));
            count.getStyleClass().remove("urgent");
            if (q.count() > 0 && (q.queue().equals(FeedQueue.NEEDS_REPLY) || q.queue().equals(FeedQueue.FLAGGED))) {
                count.getStyleClass().add("urgent");
            }
            String header = sectionStarting(getIndex());
            box.getChildren().setAll(header == null ? java.util.List.of(row) : java.util.List.of(section, row));
            section.setText(header);
            setGraphic(box);
        }

        /** The heading above the first queue of each kind: states, modules, groups. */
        private String sectionStarting(int index) {
            var all = model.queues();
            if (index < 0 || index >= all.size()) {
                return null;
            }
            FeedQueue.Kind kind = all.get(index).queue().kind();
            FeedQueue.Kind before = index == 0 ? null : all.get(index - 1).queue().kind();
            if (kind == before || !(kind == FeedQueue.Kind.STATE || kind == FeedQueue.Kind.MODULE
                    || kind == FeedQueue.Kind.GROUP || kind == FeedQueue.Kind.SEARCH)) {
                return null;
            }
            return messages.get("feed.section." + kind.name());
        }
    }

    // --- list ---------------------------------------------------------------------------------------------------

    private VBox listPane() {
        searchField.setPromptText(messages.get("feed.search"));
        searchField.setLeft(new FontIcon(Feather.SEARCH));
        searchField.textProperty().bindBidirectional(model.searchProperty());
        HBox.setHgrow(searchField, Priority.ALWAYS);
        ToggleGroup sortGroup = new ToggleGroup();
        ToggleButton byActivity = sortButton("feed.sort.activity", FeedSnapshot.Sort.LAST_ACTIVITY, sortGroup);
        ToggleButton byWaiting = sortButton("feed.sort.waiting", FeedSnapshot.Sort.WAITING, sortGroup);
        byActivity.getStyleClass().add(Styles.LEFT_PILL);
        byWaiting.getStyleClass().add(Styles.RIGHT_PILL);
        Button save = new Button(null, new FontIcon(Feather.PLUS_SQUARE));
        save.getStyleClass().addAll(Styles.BUTTON_ICON, Styles.FLAT);
        save.setTooltip(new javafx.scene.control.Tooltip(messages.get("feed.saveSearch")));
        save.setAccessibleText(messages.get("feed.saveSearch"));
        save.visibleProperty().bind(searchField.textProperty().isNotEmpty());
        save.managedProperty().bind(save.visibleProperty());
        save.setOnAction(e -> model.saveSearch());
        HBox tools = new HBox(8, searchField, save, new HBox(byActivity, byWaiting));
        tools.setAlignment(Pos.CENTER_LEFT);

        list.setItems(model.items());
        list.setCellFactory(l -> new FeedCell());
        list.getStyleClass().add(Tweaks.EDGE_TO_EDGE);
        list.setPlaceholder(placeholder());
        list.getSelectionModel().selectedItemProperty().addListener((obs, old, now) -> {
            if (now != null && (model.selectedProperty().get() == null || !model.selectedProperty().get().key().equals(now.key()))) {
                model.selectedProperty().set(now);
            }
        });
        model.selectedProperty().addListener((obs, old, now) -> showSelected(now));
        // A new list drops the list's selection; the model's stays (an equal item fires no change): show it again.
        model.items().addListener((ListChangeListener<FeedItem>) c -> showSelected(model.selectedProperty().get()));
        keepScrollPosition();

        Button newPill = new Button();
        newPill.getStyleClass().addAll(Styles.ROUNDED, Styles.ACCENT, "new-pill");
        newPill.setGraphic(new FontIcon(Feather.ARROW_UP));
        newPill.textProperty().bind(Bindings.createStringBinding(
                () -> messages.get("feed.newAbove", model.newAboveProperty().get()), model.newAboveProperty()));
        newPill.visibleProperty().bind(model.newAboveProperty().greaterThan(0));
        newPill.setOnAction(e -> {
            model.acknowledgeNew();
            list.scrollTo(0);
        });
        StackPane listStack = new StackPane(list, newPill);
        StackPane.setAlignment(newPill, Pos.TOP_CENTER);
        StackPane.setMargin(newPill, new Insets(8));
        VBox.setVgrow(listStack, Priority.ALWAYS);

        VBox box = new VBox(10, tools, listStack);
        box.setPadding(new Insets(12));
        return box;
    }

    private ToggleButton sortButton(String key, FeedSnapshot.Sort sort, ToggleGroup group) {
        ToggleButton b = new ToggleButton(messages.get(key));
        b.setToggleGroup(group);
        b.setSelected(model.sortProperty().get() == sort);
        b.selectedProperty().addListener((obs, old, now) -> {
            if (now) {
                model.sortProperty().set(sort);
            } else if (group.getSelectedToggle() == null) {
                b.setSelected(true);
            }
        });
        return b;
    }

    private Node placeholder() {
        Label text = new Label();
        text.textProperty().bind(Bindings.createStringBinding(() -> model.loadingProperty().get()
                ? messages.get("feed.loading") : messages.get("feed.empty"), model.loadingProperty()));
        text.getStyleClass().add(Styles.TEXT_MUTED);
        return text;
    }

    private void showSelected(FeedItem item) {
        if (item == null) {
            list.getSelectionModel().clearSelection();
            return;
        }
        FeedItem current = list.getSelectionModel().getSelectedItem();
        if (current == null || current != item) {
            int index = model.indexOf(item.key());
            if (index >= 0) {
                list.getSelectionModel().select(index);
                scrollIntoView(index);
            }
        }
    }

    /** Scrolls only when the row is out of sight, so the list does not jump under the user's eyes. */
    private void scrollIntoView(int index) {
        var flow = (javafx.scene.control.skin.VirtualFlow<?>) list.lookup(".virtual-flow");
        if (flow == null || flow.getFirstVisibleCell() == null) {
            list.scrollTo(index);
            return;
        }
        int first = flow.getFirstVisibleCell().getIndex();
        int last = flow.getLastVisibleCell().getIndex();
        if (index < first || index > last) {
            list.scrollTo(Math.max(0, index - 2));
        }
    }

    /**
     * When the list is replaced (new data), the row at the top of the view stays at the top: new threads above it
     * do not push the user's reading place away. The model counts them; the pill shows the count.
     */
    private void keepScrollPosition() {
        final String[] anchor = {null};
        model.items().addListener((ListChangeListener<FeedItem>) change -> {
            if (anchor[0] == null) {
                return;
            }
            int target = model.indexOf(anchor[0]);
            if (target >= 0) {
                Platform.runLater(() -> list.scrollTo(target));
            }
        });
        // Remember the first visible row before each change; forget it at the top, where new threads may show.
        list.skinProperty().addListener((obs, old, skin) -> {
            var flow = (javafx.scene.control.skin.VirtualFlow<?>) list.lookup(".virtual-flow");
            if (flow == null) {
                return;
            }
            for (Node n : flow.getChildrenUnmodifiable()) {
                if (n instanceof ScrollBar bar && bar.getOrientation() == javafx.geometry.Orientation.VERTICAL) {
                    bar.valueProperty().addListener((o, was, is) -> {
                        var first = flow.getFirstVisibleCell();
                        boolean atTop = is.doubleValue() <= 0.0001;
                        anchor[0] = atTop || first == null || first.getIndex() >= model.items().size() ? null
                                : model.items().get(first.getIndex()).key();
                        model.atTopProperty().set(atTop);
                        if (atTop) {
                            model.acknowledgeNew();
                        }
                    });
                }
            }
        });
    }

    /** One thread: title, who and where, state and reasons, counts, and how long ago. */
    private final class FeedCell extends ListCell<FeedItem> {
        private final Label title = new Label();
        private final Label meta = new Label();
        private final Label when = new Label();
        private final Label replies = new Label();
        private final Label unread = new Label();
        private final Label state = new Label();
        private final HBox badges = new HBox(6);
        private final HBox chips = new HBox(6);
        private final HBox box;

        FeedCell() {
            title.getStyleClass().add("feed-title");
            title.setMinWidth(0);
            meta.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
            meta.setMinWidth(0);
            when.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
            when.setMinWidth(Region.USE_PREF_SIZE);
            replies.setGraphic(new FontIcon(Feather.MESSAGE_CIRCLE));
            replies.getStyleClass().add(Styles.TEXT_SMALL);
            replies.setMinWidth(Region.USE_PREF_SIZE);
            unread.getStyleClass().add("unread-count");
            unread.setMinWidth(Region.USE_PREF_SIZE);
            state.getStyleClass().add("state-chip");
            state.setMinWidth(Region.USE_PREF_SIZE);
            chips.setAlignment(Pos.CENTER_LEFT);
            HBox titleRow = new HBox(6, badges, title);
            titleRow.setAlignment(Pos.CENTER_LEFT);
            VBox text = new VBox(3, titleRow, meta, chips);
            text.setMinWidth(0);
            HBox.setHgrow(text, Priority.ALWAYS);
            HBox counts = new HBox(6, unread, replies);
            counts.setAlignment(Pos.CENTER_RIGHT);
            VBox right = new VBox(4, when, counts, state);
            right.setAlignment(Pos.TOP_RIGHT);
            box = new HBox(10, text, right);
            box.setPadding(new Insets(6, 4, 6, 4));
            setPrefWidth(0);
        }

        @Override
        protected void updateItem(FeedItem item, boolean empty) {
            super.updateItem(item, empty);
            getStyleClass().remove("marked");
            if (empty || item == null) {
                setGraphic(null);
                return;
            }
            var row = item.row();
            var thread = row.thread();
            title.setText(thread.title());
            String author = row.authorName() == null ? messages.get("overview.unknownAuthor") : row.authorName();
            meta.setText(String.join(" · ", nonNull(author, row.authorGroup(), thread.module())));
            Instant now = model.clock().instant();
            when.setText(time.relative(row.lastActivity(), now));
            replies.setText(numbers.format(row.replies()));
            unread.setText(messages.get("feed.unread", row.unread()));
            unread.setVisible(row.unread() > 0);
            unread.setManaged(row.unread() > 0);
            TriageState s = item.triage().state();
            state.setText(messages.get("state." + s.name()));
            state.getStyleClass().removeIf(c -> c.startsWith("state-") && !c.equals("state-chip"));
            state.getStyleClass().add("state-" + s.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'));
            badges.getChildren().clear();
            if (model.marked().contains(item.key())) {
                badges.getChildren().add(icon(Feather.CHECK_SQUARE, "accent"));
                getStyleClass().add("marked");
            }
            if (thread.pinned()) {
                badges.getChildren().add(icon(Feather.BOOKMARK, "accent"));
            }
            if (thread.locked()) {
                badges.getChildren().add(icon(Feather.LOCK, "warning"));
            }
            chips.getChildren().clear();
            for (Reason reason : item.triage().reasons()) {
                chips.getChildren().add(reasonChip(reason, item, now));
            }
            if (row.triage() != null && row.triage().assignee() != null) {
                Label who = new Label(messages.get("feed.assigned", assigneeName(row.thread().courseId(), row.triage().assignee())));
                who.getStyleClass().addAll("reason-chip", "assignee");
                who.setGraphic(new FontIcon(Feather.USER));
                chips.getChildren().add(who);
            }
            chips.setVisible(!chips.getChildren().isEmpty());
            chips.setManaged(!chips.getChildren().isEmpty());
            setGraphic(box);
        }

        private Label reasonChip(Reason reason, FeedItem item, Instant now) {
            String text = reason == Reason.UNANSWERED && item.triage().waitingSince() != null
                    ? messages.get("reason.UNANSWERED.for", hours(Duration.between(item.triage().waitingSince(), now)))
                    : reason == Reason.FLAGGED ? messages.get("reason.FLAGGED.count", item.row().flags())
                    : messages.get("reason." + reason.name());
            Label chip = new Label(text);
            chip.getStyleClass().addAll("reason-chip", "reason-" + reason.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'));
            return chip;
        }

        private FontIcon icon(Feather icon, String style) {
            FontIcon i = new FontIcon(icon);
            i.getStyleClass().add(style);
            return i;
        }
    }

    private String assigneeName(String courseId, String id) {
        return id.equals(model.me(courseId)) ? messages.get("feed.me") : id;
    }

    private static long hours(Duration d) {
        return Math.max(1, d.toHours());
    }

    private static String[] nonNull(String... parts) {
        return java.util.Arrays.stream(parts).filter(p -> p != null && !p.isBlank()).toArray(String[]::new);
    }

    /** Used by the shell to show a queue's name (e.g. in the window title). */
    public String labelOf(FeedQueue queue) {
        return queueLabel(queue);
    }

}
