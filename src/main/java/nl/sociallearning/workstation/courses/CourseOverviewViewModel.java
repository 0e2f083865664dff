package nl.sociallearning.workstation.courses;

import javafx.beans.property.LongProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleLongProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import nl.sociallearning.workstation.domain.EntityKind;
import nl.sociallearning.workstation.store.Cache;
import nl.sociallearning.workstation.store.CourseOverview;
import nl.sociallearning.workstation.store.ThreadSummary;
import nl.sociallearning.workstation.sync.CacheChange;
import nl.sociallearning.workstation.sync.Connectivity;
import nl.sociallearning.workstation.sync.CourseSyncStatus;
import nl.sociallearning.workstation.sync.SyncEngine;
import nl.sociallearning.workstation.sync.SyncListener;
import nl.sociallearning.workstation.ui.Refresher;
import nl.sociallearning.workstation.ui.TaskRunner;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The first window's state: the courses with their sync state and counts, and the newest threads of the
 * selected course, kept current from the sync engine's notices. Data is read from the cache in the background;
 * properties change on the UI thread only.
 */
public final class CourseOverviewViewModel implements SyncListener {

    static final int NEWEST_THREADS = 200;

    private final Cache cache;
    private final TaskRunner runner;
    private final SyncEngine engine;
    private final ObservableList<CourseRow> courses = FXCollections.observableArrayList();
    private final ObservableList<ThreadSummary> threads = FXCollections.observableArrayList();
    private final ObjectProperty<String> selectedCourseId = new SimpleObjectProperty<>();
    private final ObjectProperty<Connectivity> connectivity = new SimpleObjectProperty<>(Connectivity.CONNECTING);
    private final LongProperty outboxPending = new SimpleLongProperty();
    private final LongProperty outboxAttention = new SimpleLongProperty();
    private final StringProperty problem = new SimpleStringProperty();
    private final Refresher<List<CourseOverview>> courseRefresher;
    private final Refresher<List<ThreadSummary>> threadRefresher;

    /** Listens to the engine from the start; call {@link #load()} once the view is up. */
    public CourseOverviewViewModel(Cache cache, TaskRunner runner, SyncEngine engine) {
        this.cache = cache;
        this.runner = runner;
        this.engine = engine;
        this.courseRefresher = new Refresher<>(runner, cache.courses()::overview, this::showCourses, this::showProblem);
        this.threadRefresher = new Refresher<>(runner, this::loadThreads, threads::setAll, this::showProblem);
        selectedCourseId.addListener((obs, old, now) -> {
            if (!Objects.equals(old, now)) {
                threads.clear();
                threadRefresher.request();
            }
        });
    }

    /** Loads what the cache holds now and starts following the engine. */
    public void load() {
        engine.addListener(this);
        connectivity.set(engine.connectivity());
        courseRefresher.request();
    }

    /** Stops a course's sync (a transfer in progress is dropped, nothing half-stored); resume picks it up. */
    public void pause(String courseId) {
        runner.run(() -> {
            engine.pause(courseId);
            return true;
        }, done -> { }, this::showProblem);
    }

    public void resume(String courseId) {
        runner.run(() -> {
            engine.retryNow(courseId);
            return true;
        }, done -> { }, this::showProblem);
    }

    /** Stops following the engine (the view is closed). */
    public void dispose() {
        engine.removeListener(this);
    }

    private void showCourses(List<CourseOverview> overviews) {
        Map<String, CourseSyncStatus> now = engine.statuses();
        courses.setAll(overviews.stream()
                .map(o -> CourseRow.of(o, now.getOrDefault(o.course().id(), CourseSyncStatus.waiting(o.course().id()))))
                .toList());
        if (selectedCourseId.get() == null && !courses.isEmpty()) {
            selectedCourseId.set(courses.get(0).id());
        }
    }

    private List<ThreadSummary> loadThreads() {
        String courseId = selectedCourseId.get();
        return courseId == null ? List.of() : cache.threads().newest(courseId, NEWEST_THREADS);
    }

    private void showProblem(Throwable failure) {
        problem.set(failure.getMessage());
    }

    // --- what the sync engine says (on its threads) -------------------------------------------------------

    @Override
    public void courseStatus(CourseSyncStatus status) {
        runner.onUi(() -> {
            for (int i = 0; i < courses.size(); i++) {
                if (courses.get(i).id().equals(status.courseId())) {
                    courses.set(i, courses.get(i).withStatus(status));
                    return;
                }
            }
            courseRefresher.request();
        });
    }

    @Override
    public void cacheChanged(CacheChange change) {
        runner.onUi(() -> {
            courseRefresher.request();
            if (change.courseId().equals(selectedCourseId.get())
                    && (change.kinds().contains(EntityKind.THREAD) || change.kinds().contains(EntityKind.POST))) {
                threadRefresher.request();
            }
        });
    }

    @Override
    public void connectivity(Connectivity value) {
        runner.onUi(() -> connectivity.set(value));
    }

    @Override
    public void outbox(long pending, long needingAttention) {
        runner.onUi(() -> {
            outboxPending.set(pending);
            outboxAttention.set(needingAttention);
        });
    }

    @Override
    public void problem(String message) {
        runner.onUi(() -> problem.set(message));
    }

    // --- properties ---------------------------------------------------------------------------------------

    public ObservableList<CourseRow> courses() {
        return courses;
    }

    public ObservableList<ThreadSummary> threads() {
        return threads;
    }

    public ObjectProperty<String> selectedCourseIdProperty() {
        return selectedCourseId;
    }

    public ObjectProperty<Connectivity> connectivityProperty() {
        return connectivity;
    }

    public LongProperty outboxPendingProperty() {
        return outboxPending;
    }

    public LongProperty outboxAttentionProperty() {
        return outboxAttention;
    }

    public StringProperty problemProperty() {
        return problem;
    }
}
