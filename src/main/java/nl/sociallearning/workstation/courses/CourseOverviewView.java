package nl.sociallearning.workstation.courses;

import atlantafx.base.theme.Styles;
import atlantafx.base.theme.Tweaks;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.Duration;
import nl.sociallearning.workstation.store.ThreadSummary;
import nl.sociallearning.workstation.sync.Connectivity;
import nl.sociallearning.workstation.sync.CourseSyncStatus;
import nl.sociallearning.workstation.sync.SyncPhase;
import nl.sociallearning.workstation.ui.Messages;
import nl.sociallearning.workstation.ui.TimeFormat;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

import java.text.NumberFormat;
import java.time.Instant;
import java.util.function.Function;

/**
 * The courses page: the courses with their sync state and counts on the left (a course's sync can be paused
 * and resumed there), the newest threads of the selected course on the right. Binds to its view model only.
 */
public final class CourseOverviewView extends BorderPane {

    private final CourseOverviewViewModel model;
    private final Messages messages;
    private final TimeFormat time;
    private final NumberFormat numbers;
    private final TableView<CourseRow> courseTable = new TableView<>();
    private final ListView<ThreadSummary> threadList = new ListView<>();
    private final javafx.scene.control.Button addServer = new javafx.scene.control.Button();
    private final javafx.scene.control.Button manageServers = new javafx.scene.control.Button();

    public CourseOverviewView(CourseOverviewViewModel model, Messages messages, TimeFormat time, String serverName) {
        this.model = model;
        this.messages = messages;
        this.time = time;
        this.numbers = NumberFormat.getIntegerInstance(messages.locale());
        getStyleClass().add("course-overview");
        Label server = new Label(messages.get("overview.server", serverName));
        server.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
        addServer.setText(messages.get("overview.addServer"));
        addServer.setGraphic(new org.kordamp.ikonli.javafx.FontIcon(org.kordamp.ikonli.feather.Feather.PLUS));
        addServer.getStyleClass().addAll(Styles.SMALL, Styles.FLAT);
        javafx.scene.layout.Region gap = new javafx.scene.layout.Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        manageServers.setText(messages.get("overview.servers"));
        manageServers.setGraphic(new FontIcon(Feather.SERVER));
        manageServers.getStyleClass().addAll(Styles.SMALL, Styles.FLAT);
        HBox top = new HBox(8, server, gap, manageServers, addServer);
        top.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        BorderPane.setMargin(top, new Insets(10, 12, 0, 12));
        setTop(top);
        SplitPane split = new SplitPane(coursePane(), threadPane());
        split.setDividerPositions(0.6);
        setCenter(split);
        // Relative times ("3 min ago") age while the window is open.
        Timeline tick = new Timeline(new KeyFrame(Duration.seconds(30), e -> {
            courseTable.refresh();
            threadList.refresh();
        }));
        tick.setCycleCount(Timeline.INDEFINITE);
        tick.play();
    }

    /** What "Add server…" does; the shell opens the form (the courses page does not know it). */
    public void setOnAddServer(Runnable action) {
        addServer.setOnAction(e -> action.run());
    }

    /** What "Servers…" does: the shell shows the added servers, where one can be removed. */
    public void setOnManageServers(Runnable action) {
        manageServers.setOnAction(e -> action.run());
    }

    private VBox coursePane() {
        Label heading = new Label(messages.get("overview.courses"));
        heading.getStyleClass().add(Styles.TITLE_4);
        TableColumn<CourseRow, CourseRow> course = column("overview.column.course", r -> r);
        course.setCellFactory(c -> new CourseCell());
        course.setMinWidth(180);
        TableColumn<CourseRow, String> participants = column("overview.column.participants", r -> numbers.format(r.participants()));
        TableColumn<CourseRow, String> threadCount = column("overview.column.threads", r -> numbers.format(r.threads()));
        TableColumn<CourseRow, String> posts = column("overview.column.posts", r -> numbers.format(r.posts()));
        for (TableColumn<CourseRow, String> c : java.util.List.of(participants, threadCount, posts)) {
            c.setStyle("-fx-alignment: CENTER-RIGHT;");
            fixWidth(c, 96);
        }
        TableColumn<CourseRow, CourseRow> sync = column("overview.column.sync", r -> r);
        sync.setCellFactory(c -> new SyncCell());
        fixWidth(sync, 214);
        courseTable.getColumns().setAll(java.util.List.of(course, participants, threadCount, posts, sync));
        courseTable.setItems(model.courses());
        // The fixed-width columns keep their size; the course title takes what is left.
        courseTable.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_ALL_COLUMNS);
        courseTable.getStyleClass().addAll(Styles.STRIPED, Tweaks.EDGE_TO_EDGE);
        courseTable.setPlaceholder(new Label(messages.get("overview.noCourses")));
        courseTable.getSelectionModel().selectedItemProperty().addListener((obs, old, row) -> {
            if (row != null) {
                model.selectedCourseIdProperty().set(row.id());
            }
        });
        // The table's rows are replaced as sync progresses: keep the user's selection on the same course.
        model.courses().addListener((javafx.collections.ListChangeListener<CourseRow>) change -> reselect());
        model.selectedCourseIdProperty().addListener((obs, old, now) -> reselect());
        VBox.setVgrow(courseTable, Priority.ALWAYS);
        VBox box = new VBox(8, heading, courseTable);
        box.setPadding(new Insets(12));
        return box;
    }

    private void reselect() {
        String id = model.selectedCourseIdProperty().get();
        CourseRow selected = courseTable.getSelectionModel().getSelectedItem();
        if (id != null && (selected == null || !selected.id().equals(id))) {
            model.courses().stream().filter(r -> r.id().equals(id)).findFirst()
                    .ifPresent(r -> courseTable.getSelectionModel().select(r));
        }
    }

    private VBox threadPane() {
        Label heading = new Label();
        heading.getStyleClass().add(Styles.TITLE_4);
        heading.textProperty().bind(Bindings.createStringBinding(() -> {
            String id = model.selectedCourseIdProperty().get();
            String title = model.courses().stream().filter(r -> r.id().equals(id)).map(r -> r.course().title())
                    .findFirst().orElse("");
            return messages.get("overview.newestThreads", title);
        }, model.selectedCourseIdProperty(), model.courses()));
        heading.setWrapText(true);
        threadList.setItems(model.threads());
        threadList.setCellFactory(l -> new ThreadCell());
        threadList.setPlaceholder(new Label(messages.get("overview.noThreads")));
        threadList.getStyleClass().add(Tweaks.EDGE_TO_EDGE);
        VBox.setVgrow(threadList, Priority.ALWAYS);
        VBox box = new VBox(8, heading, threadList);
        box.setPadding(new Insets(12));
        return box;
    }

    private static void fixWidth(TableColumn<?, ?> column, double width) {
        column.setMinWidth(width);
        column.setPrefWidth(width);
        column.setMaxWidth(width);
    }

    private <T> TableColumn<CourseRow, T> column(String key, Function<CourseRow, T> value) {
        TableColumn<CourseRow, T> c = new TableColumn<>(messages.get(key));
        c.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(value.apply(cell.getValue())));
        c.setSortable(false);
        return c;
    }

    private String phaseText(CourseRow row) {
        CourseSyncStatus s = row.status();
        return switch (s.phase()) {
            case LIVE -> messages.get("sync.live", time.relative(row.lastSyncAt(), Instant.now()));
            case FULL_SYNC, CATCHING_UP -> messages.get("sync.phase." + s.phase().name(), numbers.format(s.items()),
                    humanBytes(s.bytes()));
            case RETRYING -> messages.get("sync.retrying", s.nextAttemptAt() == null ? 0
                    : Math.max(0, java.time.Duration.between(Instant.now(), s.nextAttemptAt()).toSeconds()));
            default -> messages.get("sync.phase." + s.phase().name());
        };
    }

    private String humanBytes(long bytes) {
        if (bytes < 1024 * 1024) {
            return messages.get("bytes.kb", Math.max(1, bytes / 1024));
        }
        return messages.get("bytes.mb", String.format(messages.locale(), "%.1f", bytes / (1024.0 * 1024)));
    }

    /** Course title with its organisation beneath. */
    private static final class CourseCell extends TableCell<CourseRow, CourseRow> {
        private final Label title = new Label();
        private final Label organisation = new Label();
        private final VBox box = new VBox(2, title, organisation);

        CourseCell() {
            title.getStyleClass().add(Styles.TEXT_BOLD);
            organisation.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
        }

        @Override
        protected void updateItem(CourseRow row, boolean empty) {
            super.updateItem(row, empty);
            if (empty || row == null) {
                setGraphic(null);
                return;
            }
            title.setText(row.course().title());
            organisation.setText(row.course().organisation());
            setTooltip(new javafx.scene.control.Tooltip(row.course().title() + "\n" + row.course().organisation()));
            setGraphic(box);
        }
    }

    /** Sync state in words, with a progress bar while a pass is running and the error when one failed. */
    private final class SyncCell extends TableCell<CourseRow, CourseRow> {
        private final Label state = new Label();
        private final ProgressBar progress = new ProgressBar();
        private final javafx.scene.control.Button pause = new javafx.scene.control.Button();
        private final VBox box = new VBox(4, new HBox(4, state, pause), progress);

        SyncCell() {
            pause.getStyleClass().addAll(Styles.BUTTON_ICON, Styles.FLAT, Styles.SMALL);
            progress.setMaxWidth(Double.MAX_VALUE);
            progress.getStyleClass().add(Styles.SMALL);
            state.getStyleClass().add(Styles.TEXT_SMALL);
        }

        @Override
        protected void updateItem(CourseRow row, boolean empty) {
            super.updateItem(row, empty);
            if (empty || row == null) {
                setGraphic(null);
                return;
            }
            SyncPhase phase = row.status().phase();
            state.setText(phaseText(row));
            state.getStyleClass().removeAll(Styles.DANGER, Styles.SUCCESS, Styles.WARNING);
            state.setGraphic(new FontIcon(switch (phase) {
                case LIVE -> Feather.CHECK_CIRCLE;
                case RETRYING, FAILED -> Feather.ALERT_TRIANGLE;
                case PAUSED -> Feather.PAUSE_CIRCLE;
                default -> Feather.REFRESH_CW;
            }));
            state.getStyleClass().add(phase == SyncPhase.LIVE ? Styles.SUCCESS
                    : phase == SyncPhase.FAILED || phase == SyncPhase.RETRYING ? Styles.DANGER : Styles.WARNING);
            boolean busy = phase == SyncPhase.FULL_SYNC || phase == SyncPhase.CATCHING_UP || phase == SyncPhase.WAITING;
            progress.setVisible(busy);
            progress.setManaged(busy);
            progress.setProgress(row.status().fractionDone().orElse(ProgressBar.INDETERMINATE_PROGRESS));
            setTooltip(row.lastError() == null ? null : new javafx.scene.control.Tooltip(row.lastError()));
            boolean paused = phase == SyncPhase.PAUSED;
            pause.setGraphic(new FontIcon(paused ? Feather.PLAY : Feather.PAUSE));
            pause.setTooltip(new javafx.scene.control.Tooltip(messages.get(paused ? "overview.resume" : "overview.pause")));
            pause.setAccessibleText(messages.get(paused ? "overview.resume" : "overview.pause"));
            pause.setOnAction(e -> {
                if (paused) {
                    model.resume(row.id());
                } else {
                    model.pause(row.id());
                }
            });
            setGraphic(box);
        }
    }

    /** A thread: title, who and where, and how busy it is. */
    private final class ThreadCell extends ListCell<ThreadSummary> {
        private final Label title = new Label();
        private final Label meta = new Label();
        private final Label replies = new Label();
        private final Label when = new Label();
        private final HBox badges = new HBox(6);
        private final HBox box;

        ThreadCell() {
            title.getStyleClass().add(Styles.TEXT_BOLD);
            title.setWrapText(false);
            meta.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
            when.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
            when.setMinWidth(Region.USE_PREF_SIZE);
            replies.setMinWidth(Region.USE_PREF_SIZE);
            replies.setGraphic(new FontIcon(Feather.MESSAGE_CIRCLE));
            replies.getStyleClass().add(Styles.TEXT_SMALL);
            VBox text = new VBox(3, new HBox(6, badges, title), meta);
            HBox.setHgrow(text, Priority.ALWAYS);
            VBox right = new VBox(3, when, replies);
            right.setAlignment(Pos.TOP_RIGHT);
            box = new HBox(10, text, right);
            box.setPadding(new Insets(4, 2, 4, 2));
            // Fit the list's width: long titles end in "…" instead of pushing the time out of view.
            setPrefWidth(0);
            box.setMinWidth(0);
            text.setMinWidth(0);
            title.setMinWidth(0);
        }

        @Override
        protected void updateItem(ThreadSummary t, boolean empty) {
            super.updateItem(t, empty);
            if (empty || t == null) {
                setGraphic(null);
                return;
            }
            title.setText(t.thread().title());
            String author = t.authorName() == null ? messages.get("overview.unknownAuthor") : t.authorName();
            String group = t.authorGroup() == null ? "" : " · " + t.authorGroup();
            String module = t.thread().module() == null ? "" : " · " + t.thread().module();
            meta.setText(author + group + module);
            when.setText(time.relative(t.thread().lastActivityAt(), Instant.now()));
            replies.setText(numbers.format(t.replies()));
            badges.getChildren().clear();
            if (t.thread().pinned()) {
                badges.getChildren().add(badge(Feather.BOOKMARK, "overview.pinned", Styles.ACCENT));
            }
            if (t.thread().locked()) {
                badges.getChildren().add(badge(Feather.LOCK, "overview.locked", Styles.WARNING));
            }
            if (t.flags() > 0) {
                badges.getChildren().add(badge(Feather.FLAG, "overview.flagged", Styles.DANGER));
            }
            setGraphic(box);
        }

        private FontIcon badge(Feather icon, String key, String style) {
            FontIcon i = new FontIcon(icon);
            i.getStyleClass().add(style);
            javafx.scene.control.Tooltip.install(i, new javafx.scene.control.Tooltip(messages.get(key)));
            return i;
        }
    }
}
