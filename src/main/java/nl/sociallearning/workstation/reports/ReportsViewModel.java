package nl.sociallearning.workstation.reports;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.LongProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleLongProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import nl.sociallearning.workstation.domain.Course;
import nl.sociallearning.workstation.store.Cache;
import nl.sociallearning.workstation.store.ReportRepository;
import nl.sociallearning.workstation.ui.Messages;
import nl.sociallearning.workstation.sync.CourseSyncStatus;
import nl.sociallearning.workstation.sync.SyncPhase;
import nl.sociallearning.workstation.ui.Refresher;
import nl.sociallearning.workstation.ui.TaskRunner;

import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * The report page: what to export (course, preset, format, privacy mode, period, purpose), a preview of exactly
 * what will be written in that mode, the export itself with its progress, and the course's retention period with
 * the purge. Everything that reads or writes runs on the {@link TaskRunner}; properties change on the UI thread.
 */
public final class ReportsViewModel {

    private final Cache cache;
    private final TaskRunner runner;
    private final ReportExporter exporter;
    private final Retention retention;
    private final Messages messages;

    private final ObservableList<Course> courses = FXCollections.observableArrayList();
    private final ObjectProperty<String> course = new SimpleObjectProperty<>();
    private final ObjectProperty<ReportPreset> preset = new SimpleObjectProperty<>(ReportPreset.SUMMARY);
    private final ObjectProperty<ReportFormat> format = new SimpleObjectProperty<>(ReportFormat.PDF);
    private final ObjectProperty<PrivacyMode> mode = new SimpleObjectProperty<>(PrivacyMode.AGGREGATE);
    private final ObjectProperty<PrivacyMode> defaultMode = new SimpleObjectProperty<>(PrivacyMode.AGGREGATE);
    private final ObjectProperty<LocalDate> from = new SimpleObjectProperty<>();
    private final ObjectProperty<LocalDate> to = new SimpleObjectProperty<>();
    private final StringProperty purpose = new SimpleStringProperty("");
    private final ObjectProperty<Report> preview = new SimpleObjectProperty<>();
    private final BooleanProperty previewing = new SimpleBooleanProperty();
    private final BooleanProperty exporting = new SimpleBooleanProperty();
    private final DoubleProperty progress = new SimpleDoubleProperty();
    private final StringProperty status = new SimpleStringProperty("");
    private final StringProperty error = new SimpleStringProperty("");
    private final ObjectProperty<Integer> retentionDays = new SimpleObjectProperty<>();
    private final LongProperty toPurge = new SimpleLongProperty();
    private final Refresher<Report> previewRefresher;
    private final Refresher<List<Course>> courseLister;
    private final ObservableList<ReportRepository.ExportEntry> exports = FXCollections.observableArrayList();
    private final Refresher<List<ReportRepository.ExportEntry>> exportLister;

    private volatile ReportRequest pending;
    private volatile CourseData data;
    /** The course whose export log is read (set on the UI thread, read by the background read). */
    private volatile String exportsOf;
    private boolean settingCourse;
    /** The chosen course was being filled by its first sync when last heard of. */
    private boolean filling;

    public ReportsViewModel(Cache cache, TaskRunner runner, Messages messages, Clock clock) {
        this.cache = cache;
        this.runner = runner;
        this.messages = messages;
        this.exporter = new ReportExporter(cache, Pseudonyms.in(cache.directory()), messages, clock);
        this.retention = new Retention(cache, clock);
        this.previewRefresher = new Refresher<>(runner, this::makePreview, this::showPreview, this::showProblem);
        this.courseLister = new Refresher<>(runner, () -> cache.courses().all(), this::showCourses, this::showProblem);
        // The log of what was exported from the chosen course, and why: read with the course, and after each export.
        this.exportLister = new Refresher<>(runner, () -> exportsOf == null ? List.of() : cache.reports().exports(exportsOf),
                exports::setAll, this::showProblem);
        course.addListener((obs, old, now) -> {
            exportsOf = now;
            exportLister.request();
        });
        course.addListener((obs, old, now) -> courseChosen(now));
        preset.addListener((obs, old, now) -> refreshPreview());
        mode.addListener((obs, old, now) -> refreshPreview());
        from.addListener((obs, old, now) -> refreshPreview());
        to.addListener((obs, old, now) -> refreshPreview());
        purpose.addListener((obs, old, now) -> error.set(""));
    }

    /**
     * Reads the courses of the cache (in the background); again whenever a course appears that the list does not
     * hold yet (the first sync of a fresh install, a server added). Without a course chosen, the first is.
     */
    public void load() {
        courseLister.request();
    }

    /**
     * Shows a new list of courses. The course chosen is set up (defaults, period, data) only when it is new to the
     * list: a reload for another course must not undo the user's choices.
     */
    private void showCourses(List<Course> list) {
        String chosen = course.get();
        boolean known = chosen != null && courses.stream().anyMatch(c -> c.id().equals(chosen));
        courses.setAll(list);
        if (chosen == null) {
            if (!list.isEmpty()) {
                course.set(list.get(0).id());
            }
        } else if (!known) {
            courseChosen(chosen);
        }
    }

    /** A server was removed (on the UI thread): its courses leave the list; if the chosen one was among them, the first is chosen. */
    public void coursesRemoved(java.util.Set<String> ids) {
        if (course.get() != null && ids.contains(course.get())) {
            course.set(null);
        }
        courseLister.request();
    }

    /**
     * What the sync says of a course (on the UI thread): a course new to the list reads the list again, and when the
     * chosen course's first fill ends, its figures are read again: a preview made while it filled showed part of it.
     */
    public void courseStatus(CourseSyncStatus status) {
        String id = status.courseId();
        if (courses.stream().noneMatch(c -> c.id().equals(id))) {
            courseLister.request();
        }
        if (!id.equals(course.get())) {
            return;
        }
        if (status.phase() == SyncPhase.FULL_SYNC) {
            filling = true;
        } else if (filling && status.phase() != SyncPhase.WAITING) {
            filling = false;
            reload();
        }
    }

    private void courseChosen(String id) {
        data = null;
        filling = false;
        preview.set(null);
        Course c = courses.stream().filter(x -> x.id().equals(id)).findFirst().orElse(null);
        if (c == null) {
            return;
        }
        settingCourse = true;
        try {
            defaultMode.set(PrivacyMode.defaultFor(c));
            mode.set(PrivacyMode.defaultFor(c));
            ReportPeriod period = exporter.defaultPeriod(c);
            from.set(period.from());
            to.set(period.to());
        } finally {
            settingCourse = false;
        }
        runner.run(() -> new Object[] {retention.days(id), retention.toPurge(id)}, r -> {
            java.util.OptionalInt days = (java.util.OptionalInt) r[0];
            retentionDays.set(days.isPresent() ? days.getAsInt() : null);
            toPurge.set((Long) r[1]);
        }, this::showProblem);
        refreshPreview();
    }

    /** Builds the preview again (in the background) from the current choices. */
    public void refreshPreview() {
        if (settingCourse || course.get() == null || from.get() == null || to.get() == null) {
            return;
        }
        if (to.get().isBefore(from.get())) {
            error.set(messages.get("reports.error.period"));
            return;
        }
        error.set("");
        pending = request(null);
        previewing.set(true);
        previewRefresher.request();
    }

    /** Reads the course again from the cache (new posts synced since), then the preview. */
    public void reload() {
        data = null;
        refreshPreview();
    }

    private ReportRequest request(Path file) {
        return new ReportRequest(course.get(), preset.get(), format.get(), mode.get(), new ReportPeriod(from.get(), to.get()),
                purpose.get(), file);
    }

    private Report makePreview() {
        ReportRequest r = pending;
        return exporter.build(dataFor(r.courseId()), r);
    }

    private CourseData dataFor(String courseId) {
        CourseData d = data;
        if (d == null || !d.course.id().equals(courseId)) {
            d = exporter.load(courseId);
            data = d;
        }
        return d;
    }

    private void showPreview(Report report) {
        previewing.set(false);
        if (Objects.equals(report.course().id(), course.get())) {
            preview.set(report);
        }
    }

    /** A file name to suggest: course, preset, mode and period, e.g. {@code kinderzorg-groepen-2026-09-01.xlsx}. */
    public String suggestedFileName() {
        return course.get() + "-" + preset.get().cliName() + "-" + mode.get().cliName() + "-" + from.get() + "-" + to.get()
                + "." + format.get().extension();
    }

    /** Whether an export can start: a course, a period and a purpose, and no export running. */
    public boolean canExport() {
        return course.get() != null && from.get() != null && to.get() != null && !to.get().isBefore(from.get())
                && purpose.get() != null && !purpose.get().isBlank() && !exporting.get();
    }

    /** Writes the report to a file in the background: the same figures as the preview, in the chosen format. */
    public void export(Path file) {
        if (purpose.get() == null || purpose.get().isBlank()) {
            error.set(messages.get("report.error.purpose"));
            return;
        }
        ReportRequest r = request(file);
        exporting.set(true);
        progress.set(0);
        error.set("");
        status.set(messages.get("reports.status.writing"));
        runner.run(() -> {
            Report report = exporter.build(dataFor(r.courseId()), r);
            return exporter.write(report, r, (fraction, stage) -> runner.onUi(() -> progress.set(fraction)));
        }, report -> {
            exporting.set(false);
            progress.set(1);
            status.set(messages.get("reports.status.written", file.getFileName().toString(), report.rowCount()));
            exportLister.request();
        }, failure -> {
            exporting.set(false);
            progress.set(0);
            status.set("");
            error.set(failure.getMessage());
        });
    }

    /** A new pseudonym key: every pseudonym changes from now on. */
    public void rotateKey() {
        runner.run(() -> {
            exporter.pseudonyms().rotate();
            return true;
        }, done -> {
            status.set(messages.get("reports.status.rotated"));
            refreshPreview();
        }, this::showProblem);
    }

    /** Stores the retention period of the chosen course (null: keep everything). */
    public void saveRetention(Integer days) {
        String id = course.get();
        if (id == null) {
            return;
        }
        runner.run(() -> {
            retention.setDays(id, days);
            return retention.toPurge(id);
        }, count -> {
            retentionDays.set(days);
            toPurge.set(count);
            status.set(days == null ? messages.get("reports.status.retentionOff") : messages.get("reports.status.retention", days));
        }, this::showProblem);
    }

    /** Deletes the chosen course's activity older than its retention period (after the user confirmed). */
    public void purge() {
        String id = course.get();
        if (id == null) {
            return;
        }
        runner.run(() -> retention.purge(id), count -> {
            toPurge.set(0);
            status.set(messages.get("reports.status.purged", count));
            reload();
        }, this::showProblem);
    }

    private void showProblem(Throwable failure) {
        previewing.set(false);
        error.set(String.valueOf(failure.getMessage()));
    }

    public ObservableList<Course> courses() { return courses; }

    /** The exports of the chosen course, newest first: when, what, in which mode, to which file, and why. */
    public ObservableList<ReportRepository.ExportEntry> exports() { return exports; }

    public ObjectProperty<String> courseProperty() { return course; }

    public ObjectProperty<ReportPreset> presetProperty() { return preset; }

    public ObjectProperty<ReportFormat> formatProperty() { return format; }

    public ObjectProperty<PrivacyMode> modeProperty() { return mode; }

    /** The mode a new export of this course starts with (aggregate for an employer's course). */
    public ObjectProperty<PrivacyMode> defaultModeProperty() { return defaultMode; }

    public ObjectProperty<LocalDate> fromProperty() { return from; }

    public ObjectProperty<LocalDate> toProperty() { return to; }

    public StringProperty purposeProperty() { return purpose; }

    public ObjectProperty<Report> previewProperty() { return preview; }

    public BooleanProperty previewingProperty() { return previewing; }

    public BooleanProperty exportingProperty() { return exporting; }

    public DoubleProperty progressProperty() { return progress; }

    public StringProperty statusProperty() { return status; }

    public StringProperty errorProperty() { return error; }

    public ObjectProperty<Integer> retentionDaysProperty() { return retentionDays; }

    public LongProperty toPurgeProperty() { return toPurge; }
}
