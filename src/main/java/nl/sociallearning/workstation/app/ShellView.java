package nl.sociallearning.workstation.app;

import atlantafx.base.theme.Styles;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Separator;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import nl.sociallearning.workstation.courses.CourseOverviewView;
import nl.sociallearning.workstation.courses.CourseOverviewViewModel;
import nl.sociallearning.workstation.courses.CourseRow;
import nl.sociallearning.workstation.feed.FeedView;
import nl.sociallearning.workstation.feed.FeedViewModel;
import nl.sociallearning.workstation.heatmap.HeatmapView;
import nl.sociallearning.workstation.heatmap.HeatmapViewModel;
import nl.sociallearning.workstation.heatmap.PostSelection;
import nl.sociallearning.workstation.sync.Connectivity;
import nl.sociallearning.workstation.sync.SyncPhase;
import nl.sociallearning.workstation.ui.Messages;
import nl.sociallearning.workstation.ui.TimeFormat;
import nl.sociallearning.workstation.ui.shell.Toast;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The main window's frame: a top bar (course picker, theme, help), a navigation rail between the views, the
 * current view, and a status bar (connection, outbox, last sync, sync progress). It is a stack, so that the
 * command palette, the shortcut help and toasts can lie over everything.
 */
public final class ShellView extends StackPane {

    /** The views of the rail, in order; those of later issues say they are coming. */
    public enum Page { FEED, COURSES, HEATMAP, ASSESSMENTS, REPORTS }

    private final Messages messages;
    private final FeedViewModel feed;
    private final CourseOverviewViewModel overview;
    private final FeedView feedView;
    private final CourseOverviewView coursesView;
    private final HeatmapView heatmapView;
    private final BorderPane frame = new BorderPane();
    private final ToggleGroup rail = new ToggleGroup();
    private final ComboBox<CourseChoice> coursePicker = new ComboBox<>();
    private final Toast toast;
    private final java.util.Map<Page, Node> pageViews = new java.util.EnumMap<>(Page.class);
    private Page page;

    /** A choice in the course picker: one course, or all of them (id null). */
    public record CourseChoice(String id, String title) { }

    public ShellView(FeedViewModel feed, CourseOverviewViewModel overview, HeatmapViewModel heatmap, Messages messages,
                     TimeFormat time, String serverName) {
        this.messages = messages;
        this.feed = feed;
        this.overview = overview;
        this.feedView = new FeedView(feed, messages, time);
        this.coursesView = new CourseOverviewView(overview, messages, time, serverName);
        this.heatmapView = new HeatmapView(heatmap, messages);
        // The heatmap shows the course chosen at the top; what is picked in it opens in the feed.
        heatmap.courseProperty().set(feed.courseScopeProperty().get());
        feed.courseScopeProperty().addListener((obs, old, now) -> heatmap.courseProperty().set(now));
        heatmapView.setOnChooseCourse(id -> feed.courseScopeProperty().set(id));
        heatmap.setOnOpenPosts(selection -> {
            feed.showPosts(selection.courseId(), () -> heatmap.postIds(selection), selectionLabel(selection));
            show(Page.FEED);
        });
        getStyleClass().add("shell");
        frame.setTop(topBar());
        frame.setLeft(navigationRail());
        frame.setBottom(statusBar(time));
        getChildren().add(frame);
        toast = new Toast(this);
        feed.onDone(done -> {
            String text = messages.get(done.messageKey(), done.count());
            if (done.undo() != null) {
                toast.show(text, messages.get("action.undo"), done.undo());
            } else {
                toast.show(text);
            }
        });
        show(Page.FEED);
    }

    public FeedView feedView() {
        return feedView;
    }

    public CourseOverviewView coursesView() {
        return coursesView;
    }

    public Toast toast() {
        return toast;
    }

    public Page page() {
        return page;
    }

    public ComboBox<CourseChoice> coursePicker() {
        return coursePicker;
    }

    public void show(Page next) {
        page = next;
        rail.getToggles().stream().filter(t -> t.getUserData() == next).findFirst().ifPresent(t -> t.setSelected(true));
        frame.setCenter(switch (next) {
            case FEED -> feedView;
            case COURSES -> coursesView;
            case HEATMAP -> heatmapView;
            default -> pageViews.containsKey(next) ? pageViews.get(next) : coming(next);
        });
        if (next == Page.FEED) {
            feedView.focusList();
        }
    }

    /** Puts a feature's view on a page of the rail (instead of "coming"); shown at once if that page is open. */
    public void setPageView(Page target, Node view) {
        pageViews.put(target, view);
        if (page == target) {
            show(target);
        }
    }

    private String selectionLabel(PostSelection s) {
        return messages.get("feed.selection", s.participantIds().size());
    }

    private Node coming(Page p) {
        Label title = new Label(messages.get("nav." + p.name()));
        title.getStyleClass().add(Styles.TITLE_2);
        Label text = new Label(messages.get("nav.coming"));
        text.getStyleClass().add(Styles.TEXT_MUTED);
        VBox box = new VBox(10, new FontIcon(icon(p)), title, text);
        box.setAlignment(Pos.CENTER);
        box.getStyleClass().add("coming-soon");
        return box;
    }

    // --- top bar ------------------------------------------------------------------------------------------------

    private HBox topBar() {
        FontIcon logo = new FontIcon(Feather.MESSAGE_SQUARE);
        logo.getStyleClass().add("app-logo");
        Label title = new Label(messages.get("app.title"));
        title.getStyleClass().add(Styles.TITLE_4);
        coursePicker.setCellFactory(l -> new ChoiceCell());
        coursePicker.setButtonCell(new ChoiceCell());
        coursePicker.setPrefWidth(340);
        coursePicker.setAccessibleText(messages.get("shell.course"));
        refreshCourseChoices();
        overview.courses().addListener((javafx.collections.ListChangeListener<CourseRow>) c -> refreshCourseChoices());
        coursePicker.valueProperty().addListener((obs, old, now) -> {
            if (now != null && !Objects.equals(now.id(), feed.courseScopeProperty().get())) {
                feed.courseScopeProperty().set(now.id());
            }
        });
        feed.courseScopeProperty().addListener((obs, old, now) -> selectCourse(now));
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        Label connection = new Label();
        connection.getStyleClass().add("connection-badge");
        connection.textProperty().bind(Bindings.createStringBinding(
                () -> messages.get("connectivity." + overview.connectivityProperty().get().name()), overview.connectivityProperty()));
        connection.graphicProperty().bind(Bindings.createObjectBinding(() -> new FontIcon(
                overview.connectivityProperty().get() == Connectivity.OFFLINE ? Feather.WIFI_OFF : Feather.WIFI),
                overview.connectivityProperty()));
        overview.connectivityProperty().addListener((obs, old, now) -> styleConnection(connection, now));
        styleConnection(connection, overview.connectivityProperty().get());
        HBox bar = new HBox(12, logo, title, new Separator(Orientation.VERTICAL), coursePicker, spacer, connection,
                themeButton = iconButton(Feather.MOON, "shell.theme"), helpButton = iconButton(Feather.HELP_CIRCLE, "shell.help"));
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(8, 14, 8, 14));
        bar.getStyleClass().add("app-header");
        return bar;
    }

    private Button themeButton;
    private Button helpButton;

    public Button themeButton() {
        return themeButton;
    }

    public Button helpButton() {
        return helpButton;
    }

    private Button iconButton(Feather icon, String key) {
        Button b = new Button(null, new FontIcon(icon));
        b.getStyleClass().addAll(Styles.BUTTON_ICON, Styles.FLAT);
        b.setTooltip(new Tooltip(messages.get(key)));
        b.setAccessibleText(messages.get(key));
        return b;
    }

    private void styleConnection(Label badge, Connectivity now) {
        badge.getStyleClass().removeAll(Styles.SUCCESS, Styles.DANGER, Styles.WARNING);
        badge.getStyleClass().add(now == Connectivity.ONLINE ? Styles.SUCCESS
                : now == Connectivity.OFFLINE ? Styles.DANGER : Styles.WARNING);
    }

    private void refreshCourseChoices() {
        List<CourseChoice> choices = new ArrayList<>();
        choices.add(new CourseChoice(null, messages.get("shell.allCourses")));
        for (CourseRow row : overview.courses()) {
            choices.add(new CourseChoice(row.id(), row.course().title()));
        }
        if (!choices.equals(coursePicker.getItems())) {
            coursePicker.getItems().setAll(choices);
            heatmapView.offerCourses(choices.stream().filter(c -> c.id() != null)
                    .map(c -> new HeatmapView.CourseOffer(c.id(), c.title())).toList());
            selectCourse(feed.courseScopeProperty().get());
        }
    }

    private void selectCourse(String id) {
        coursePicker.getItems().stream().filter(c -> Objects.equals(c.id(), id)).findFirst()
                .ifPresent(coursePicker::setValue);
    }

    private static final class ChoiceCell extends ListCell<CourseChoice> {
        @Override
        protected void updateItem(CourseChoice c, boolean empty) {
            super.updateItem(c, empty);
            setText(empty || c == null ? null : c.title());
        }
    }

    // --- navigation rail ------------------------------------------------------------------------------------------

    private VBox navigationRail() {
        VBox box = new VBox(4);
        for (Page p : Page.values()) {
            ToggleButton b = new ToggleButton(null, new FontIcon(icon(p)));
            b.setUserData(p);
            b.setToggleGroup(rail);
            b.getStyleClass().addAll(Styles.BUTTON_ICON, Styles.FLAT, "rail-button");
            b.setTooltip(new Tooltip(messages.get("nav." + p.name()) + "  (" + shortcutHint(p) + ")"));
            b.setAccessibleText(messages.get("nav." + p.name()));
            b.setOnAction(e -> show(p));
            box.getChildren().add(b);
        }
        rail.selectedToggleProperty().addListener((obs, old, now) -> {
            if (now == null && old != null) {
                old.setSelected(true);
            }
        });
        box.setPadding(new Insets(10, 6, 10, 6));
        box.getStyleClass().add("nav-rail");
        return box;
    }

    static String shortcutHint(Page p) {
        return (nl.sociallearning.workstation.ui.shell.Shortcut.MAC ? "⌘" : "Ctrl+") + (p.ordinal() + 1);
    }

    static Feather icon(Page p) {
        return switch (p) {
            case FEED -> Feather.INBOX;
            case COURSES -> Feather.LAYERS;
            case HEATMAP -> Feather.GRID;
            case ASSESSMENTS -> Feather.CLIPBOARD;
            case REPORTS -> Feather.BAR_CHART_2;
        };
    }

    // --- status bar ---------------------------------------------------------------------------------------------------

    private HBox statusBar(TimeFormat time) {
        Label sync = new Label();
        sync.getStyleClass().add(Styles.TEXT_SMALL);
        sync.textProperty().bind(Bindings.createStringBinding(() -> {
            Instant last = overview.courses().stream().map(CourseRow::lastSyncAt).filter(Objects::nonNull)
                    .max(Instant::compareTo).orElse(null);
            String problem = overview.problemProperty().get();
            String base = messages.get("status.lastSync", time.relative(last, Instant.now()));
            return problem == null ? base : base + " · " + problem;
        }, overview.courses(), overview.problemProperty()));
        ProgressBar progress = new ProgressBar();
        progress.getStyleClass().add(Styles.SMALL);
        progress.setPrefWidth(160);
        Label progressText = new Label();
        progressText.getStyleClass().add(Styles.TEXT_SMALL);
        overview.courses().addListener((javafx.collections.ListChangeListener<CourseRow>) c -> showProgress(progress, progressText));
        showProgress(progress, progressText);
        Label outbox = new Label();
        outbox.setGraphic(new FontIcon(Feather.SEND));
        outbox.getStyleClass().add(Styles.TEXT_SMALL);
        outbox.textProperty().bind(Bindings.createStringBinding(() -> {
            long pending = overview.outboxPendingProperty().get();
            long attention = overview.outboxAttentionProperty().get();
            String text = messages.get("status.outbox", pending);
            return attention > 0 ? text + " · " + messages.get("status.needsAttention", attention) : text;
        }, overview.outboxPendingProperty(), overview.outboxAttentionProperty()));
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox bar = new HBox(12, sync, spacer, progressText, progress, new Separator(Orientation.VERTICAL), outbox);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(4, 12, 4, 12));
        bar.getStyleClass().add("shell-status");
        return bar;
    }

    /** The sync's progress over all courses that are filling up; hidden when everything is live. */
    private void showProgress(ProgressBar bar, Label text) {
        long busy = overview.courses().stream().filter(r -> r.status().phase() == SyncPhase.FULL_SYNC
                || r.status().phase() == SyncPhase.CATCHING_UP).count();
        bar.setVisible(busy > 0);
        text.setVisible(busy > 0);
        if (busy == 0) {
            return;
        }
        long items = 0;
        long remaining = 0;
        boolean known = true;
        for (CourseRow r : overview.courses()) {
            if (r.status().phase() == SyncPhase.FULL_SYNC || r.status().phase() == SyncPhase.CATCHING_UP) {
                items += r.status().items();
                known &= r.status().remaining().isPresent();
                remaining += r.status().remaining().orElse(0);
            }
        }
        bar.setProgress(known && items + remaining > 0 ? (double) items / (items + remaining) : ProgressBar.INDETERMINATE_PROGRESS);
        text.setText(messages.get("status.syncing", busy, items));
    }
}
