package nl.sociallearning.workstation.app;

import javafx.application.Application;
import javafx.application.Platform;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.control.Alert;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.image.Image;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.util.Duration;
import nl.sociallearning.workstation.assessment.AssessmentsView;
import nl.sociallearning.workstation.assessment.AssessmentsViewModel;
import nl.sociallearning.workstation.courses.CourseOverviewViewModel;
import nl.sociallearning.workstation.domain.TriageRules;
import nl.sociallearning.workstation.feed.FeedQueue;
import nl.sociallearning.workstation.feed.FeedSnapshot;
import nl.sociallearning.workstation.feed.FeedViewModel;
import nl.sociallearning.workstation.feed.SearchIndex;
import nl.sociallearning.workstation.feed.html.PostView;
import nl.sociallearning.workstation.heatmap.HeatmapViewModel;
import nl.sociallearning.workstation.reports.ReportsView;
import nl.sociallearning.workstation.reports.ReportsViewModel;
import nl.sociallearning.workstation.servers.AddServerView;
import nl.sociallearning.workstation.servers.AddServerViewModel;
import nl.sociallearning.workstation.servers.ServersView;
import nl.sociallearning.workstation.servers.ServersViewModel;
import nl.sociallearning.workstation.ui.Messages;
import nl.sociallearning.workstation.ui.TaskRunner;
import nl.sociallearning.workstation.ui.TimeFormat;
import nl.sociallearning.workstation.ui.shell.ShellStyles;
import nl.sociallearning.workstation.ui.shell.ThemeSwitcher;
import org.controlsfx.control.Notifications;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Objects;

/** The desktop window. Opening the cache and the server happens in the background while a spinner shows. */
public final class WorkstationApp extends Application {

    private static final Logger LOG = LoggerFactory.getLogger(WorkstationApp.class);
    /** A thread unanswered this long needs the moderator. */
    private static Options options;

    private Workstation workstation;
    private TaskRunner runner;
    private WindowSettings settings;
    private Stage stage;
    private ShellView shell;
    private FeedViewModel feed;
    private HeatmapViewModel heatmap;
    private ThemeSwitcher theme;

    static void launchWith(Options given) {
        options = given;
        Application.launch(WorkstationApp.class);
    }

    /** Runs on the launcher thread, before the FX thread draws anything: the one place to read the settings file. */
    @Override
    public void init() {
        settings = WindowSettings.load(options.dataDirOrDefault());
    }

    @Override
    public void start(Stage primary) {
        stage = primary;
        Messages messages = new Messages(options.language() != null ? options.language() : Locale.getDefault());
        runner = new TaskRunner(Platform::runLater);
        stage.setTitle(messages.get("app.title"));
        for (int size : new int[] {16, 32, 64, 128, 256}) {
            stage.getIcons().add(new Image(Objects.requireNonNull(
                    WorkstationApp.class.getResourceAsStream("/nl/sociallearning/workstation/ui/icons/app-icon-" + size + ".png"))));
        }
        VBox loading = new VBox(16, new ProgressIndicator(), new Label(messages.get("app.opening")));
        loading.setAlignment(Pos.CENTER);
        Scene scene = new Scene(loading, settings.number("window.width", 1440), settings.number("window.height", 900));
        stylesheets(scene);
        theme = new ThemeSwitcher(loading, settings.flag("theme.dark", false));
        stage.setScene(scene);
        placeWindow();
        stage.show();
        runner.run(() -> {
            try {
                return Workstation.open(options);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }, opened -> {
            workstation = opened;
            showShell(scene, opened, messages);
            opened.engine().start();
        }, failure -> {
            Alert alert = new Alert(Alert.AlertType.ERROR, failure.getMessage());
            alert.setHeaderText(messages.get("error.title"));
            alert.showAndWait();
            Platform.exit();
        });
    }

    static void stylesheets(Scene scene) {
        scene.getStylesheets().addAll(
                Objects.requireNonNull(WorkstationApp.class.getResource("/nl/sociallearning/workstation/ui/workstation.css")).toExternalForm(),
                ShellStyles.STYLESHEET, PostView.STYLESHEET);
    }

    private void showShell(Scene scene, Workstation opened, Messages messages) {
        TimeFormat time = new TimeFormat(messages, ZoneId.systemDefault());
        CourseOverviewViewModel overview = new CourseOverviewViewModel(opened.cache(), runner, opened.engine());
        feed = new FeedViewModel(opened.cache(), runner, opened.engine(), TriageRules.STANDARD, Clock.systemUTC(),
                new SearchIndex());
        restoreFeedChoices();
        heatmap = new HeatmapViewModel(opened.cache(), runner, opened.engine(), Clock.systemUTC());
        shell = new ShellView(feed, overview, heatmap, messages, time, opened.engine().serverName());
        AssessmentsViewModel assessments = AssessmentsViewModel.create(opened.cache(), runner, Clock.systemUTC());
        assessments.useServer(opened.assessmentMailbox());
        shell.setPageView(ShellView.Page.ASSESSMENTS, new AssessmentsView(assessments, messages));
        installReports(opened, messages);
        theme = new ThemeSwitcher(shell, settings.flag("theme.dark", false));
        scene.setRoot(shell);
        AddServerViewModel addServerModel = new AddServerViewModel(opened.servers(), runner, messages);
        AddServerView addServer = new AddServerView(shell, addServerModel, messages);
        addServerModel.setOnAdded(added -> {
            addServer.hide();
            shell.toast().show(messages.get("servers.added", added.server().name(), added.courses().size()));
            shell.show(ShellView.Page.COURSES);
        });
        shell.coursesView().setOnAddServer(addServer::show);
        ServersViewModel serversModel = new ServersViewModel(opened.servers(), runner, messages);
        ServersView serversView = new ServersView(shell, serversModel, messages);
        serversModel.setOnRemoved(removed -> {
            serversView.hide();
            shell.toast().show(messages.get("servers.removed", removed.server().name(), removed.impact().courses()));
        });
        shell.coursesView().setOnManageServers(serversView::show);
        ShellCommands.install(scene, shell, feed, opened.engine(), messages, theme, addServer::show, serversView::show);
        feed.newlyFlaggedProperty().addListener((obs, old, item) -> {
            if (item != null) {
                notifyFlagged(messages, item.row().thread().title(), item.row().flags());
            }
        });
        double[] dividers = {settings.number("layout.divider0", 0.17), settings.number("layout.divider1", 0.52)};
        shell.feedView().split().setDividerPositions(dividers);
        overview.load();
        feed.load();
        heatmap.load();
        assessments.load();
    }

    /** The report page, following the course chosen at the top (when one is chosen). */
    private void installReports(Workstation opened, Messages messages) {
        ReportsViewModel reports = new ReportsViewModel(opened.cache(), runner, messages, Clock.systemUTC());
        reports.courseProperty().set(feed.courseScopeProperty().get());
        feed.courseScopeProperty().addListener((obs, old, now) -> {
            if (now != null) {
                reports.courseProperty().set(now);
            }
        });
        shell.setPageView(ShellView.Page.REPORTS, new ReportsView(reports, messages));
        opened.engine().addListener(new nl.sociallearning.workstation.sync.SyncListener() {
            @Override
            public void courseStatus(nl.sociallearning.workstation.sync.CourseSyncStatus status) {
                runner.onUi(() -> reports.courseStatus(status));
            }

            @Override
            public void coursesRemoved(java.util.Set<String> courseIds) {
                runner.onUi(() -> reports.coursesRemoved(courseIds));
            }
        });
        reports.load();
    }

    private void restoreFeedChoices() {
        feed.courseScopeProperty().set(settings.text("layout.course"));
        String kind = settings.text("layout.queue.kind");
        if (kind != null) {
            try {
                feed.queueProperty().set(new FeedQueue(FeedQueue.Kind.valueOf(kind), settings.text("layout.queue.value")));
            } catch (IllegalArgumentException e) {
                LOG.info("Saved queue {} unknown; showing the default", kind);
            }
        }
        String saved = settings.text("layout.savedSearches");
        if (saved != null && !saved.isBlank()) {
            feed.savedSearches().setAll(java.util.Arrays.asList(saved.split("\n")));
        }
        String sort = settings.text("layout.sort");
        if (sort != null) {
            try {
                feed.sortProperty().set(FeedSnapshot.Sort.valueOf(sort));
            } catch (IllegalArgumentException e) {
                LOG.info("Saved sort {} unknown", sort);
            }
        }
    }

    /** New flagged posts while the moderator looks elsewhere: a quiet notification in the corner. */
    private void notifyFlagged(Messages messages, String title, int flags) {
        try {
            Notifications.create().owner(stage).title(messages.get("notify.flagged.title"))
                    .text(messages.get("notify.flagged.text", title, flags)).hideAfter(Duration.seconds(8)).showWarning();
        } catch (RuntimeException e) {
            LOG.debug("Notification not shown", e);
        }
    }

    private void placeWindow() {
        double x = settings.number("window.x", Double.NaN);
        double y = settings.number("window.y", Double.NaN);
        boolean onScreen = !Double.isNaN(x) && !Double.isNaN(y) && javafx.stage.Screen.getScreensForRectangle(
                x, y, 100, 100).size() > 0;
        if (onScreen) {
            stage.setX(x);
            stage.setY(y);
        }
        stage.setMaximized(settings.flag("window.maximized", false));
    }

    private void saveSettings() {
        if (stage.isMaximized()) {
            settings.put("window.maximized", true);
        } else {
            settings.put("window.maximized", false);
            settings.put("window.x", stage.getX());
            settings.put("window.y", stage.getY());
            settings.put("window.width", stage.getWidth());
            settings.put("window.height", stage.getHeight());
        }
        if (theme != null) {
            settings.put("theme.dark", theme.isDark());
        }
        if (feed != null) {
            settings.put("layout.course", feed.courseScopeProperty().get());
            settings.put("layout.queue.kind", feed.queueProperty().get().kind());
            settings.put("layout.queue.value", feed.queueProperty().get().value());
            settings.put("layout.sort", feed.sortProperty().get());
            settings.put("layout.savedSearches", String.join("\n", feed.savedSearches()));
        }
        if (shell != null) {
            double[] d = shell.feedView().split().getDividerPositions();
            settings.put("layout.divider0", d[0]);
            settings.put("layout.divider1", d[1]);
        }
        // The window has closed: nothing waits for the FX thread while this small file is written.
        settings.save();
    }

    @Override
    public void stop() {
        saveSettings();
        try {
            if (feed != null) {
                feed.dispose();
            }
            if (heatmap != null) {
                heatmap.dispose();
            }
            if (workstation != null) {
                workstation.close();
            }
        } catch (RuntimeException e) {
            LOG.warn("Closing the workstation failed", e);
        }
        if (runner != null) {
            runner.close();
        }
    }
}
