package nl.sociallearning.workstation.heatmap;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import nl.sociallearning.workstation.domain.Course;
import nl.sociallearning.workstation.domain.Participant;
import nl.sociallearning.workstation.domain.ParticipantRole;
import nl.sociallearning.workstation.store.Cache;
import nl.sociallearning.workstation.store.HeatmapRepository;
import nl.sociallearning.workstation.sync.CacheChange;
import nl.sociallearning.workstation.sync.SyncEngine;
import nl.sociallearning.workstation.sync.SyncListener;
import nl.sociallearning.workstation.ui.Refresher;
import nl.sociallearning.workstation.ui.TaskRunner;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;

/**
 * The heatmap's state: the course shown, what the cells count and how the columns and rows are chosen, the
 * picture to draw, the participation signals, the selected rows, and the way out to the feed. A course is read
 * from the cache once, in the background ({@link CourseActivity}: one query for the post times, one for the
 * reads; then the posts' parents for replies, modules and the reply network); its grids are kept per measure and
 * kind of column, so zooming, sorting, filtering and redrawing never ask the cache again. A change notice for the
 * course shown reads it again; notices for other courses only drop what was kept of them.
 */
public final class HeatmapViewModel implements SyncListener {

    /** What is kept of a course between pictures. */
    private static final class Kept {
        final CourseActivity data;
        volatile PostGraph graph;
        volatile ReplyNetwork network;
        final Map<String, Grid> grids = new java.util.concurrent.ConcurrentHashMap<>();

        Kept(CourseActivity data) {
            this.data = data;
        }
    }

    /** The choices a picture is made of, captured on the UI thread for the background. */
    private record Choices(String course, Measure measure, BinKind bins, RowSort sort, String group, ParticipantRole role,
                           int silentWeek, ColourScale.Palette palette, ColourScale.Kind scale) { }

    /** How many courses are kept in memory. */
    private static final int KEEP = 4;

    private final TaskRunner runner;
    private final SyncEngine engine;
    private final Clock clock;
    private final Cache cache;
    private volatile HeatmapRepository repository;

    private final ObjectProperty<String> course = new SimpleObjectProperty<>();
    private final ObjectProperty<Measure> measure = new SimpleObjectProperty<>(Measure.POSTS);
    private final ObjectProperty<BinKind> bins = new SimpleObjectProperty<>(BinKind.DAY);
    private final ObjectProperty<RowSort> sort = new SimpleObjectProperty<>(RowSort.LAST_ACTIVITY);
    private final ObjectProperty<String> group = new SimpleObjectProperty<>();
    private final ObjectProperty<ParticipantRole> role = new SimpleObjectProperty<>(ParticipantRole.PARTICIPANT);
    private final IntegerProperty silentWeek = new SimpleIntegerProperty(1);
    private final ObjectProperty<ColourScale.Palette> palette = new SimpleObjectProperty<>(ColourScale.Palette.VIRIDIS);
    private final ObjectProperty<ColourScale.Kind> scale = new SimpleObjectProperty<>(ColourScale.Kind.LOG);
    private final ReadOnlyObjectWrapper<HeatmapPicture> picture = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<NetworkPicture> network = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<ParticipationSignals.Signals> signals =
            new ReadOnlyObjectWrapper<>(ParticipationSignals.Signals.empty());
    private final ObservableList<String> groups = FXCollections.observableArrayList();
    private final ObservableList<String> selectedRows = FXCollections.observableArrayList();
    private final BooleanProperty loading = new SimpleBooleanProperty();
    private final BooleanProperty detailsLoading = new SimpleBooleanProperty();
    private final StringProperty problem = new SimpleStringProperty();
    private final IntegerProperty currentWeek = new SimpleIntegerProperty(1);
    private final ObjectProperty<Consumer<PostSelection>> onOpenPosts = new SimpleObjectProperty<>();

    private final Map<String, Kept> kept = java.util.Collections.synchronizedMap(new LinkedHashMap<>(8, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Kept> eldest) {
            return size() > KEEP;
        }
    });
    private final Refresher<Kept> dataRefresher;
    private final Refresher<Kept> graphRefresher;
    private final Refresher<HeatmapPicture> pictureRefresher;
    private final Refresher<ParticipationSignals.Signals> signalsRefresher;
    private final Refresher<NetworkPicture> networkRefresher;
    private volatile Choices choices;
    private volatile boolean disposed;
    private boolean weekChosen;
    private boolean settingWeek;

    public HeatmapViewModel(Cache cache, TaskRunner runner, SyncEngine engine, Clock clock) {
        this.cache = cache;
        this.runner = runner;
        this.engine = engine;
        this.clock = clock;
        this.dataRefresher = new Refresher<>(runner, this::loadCourse, this::showCourse, this::showProblem);
        this.graphRefresher = new Refresher<>(runner, this::loadGraph, this::showGraph, this::showProblem);
        this.pictureRefresher = new Refresher<>(runner, this::makePicture, this::showPicture, this::showProblem);
        this.signalsRefresher = new Refresher<>(runner, this::makeSignals, signals::set, this::showProblem);
        this.networkRefresher = new Refresher<>(runner, this::makeNetwork, network::set, this::showProblem);
        capture();
        course.addListener((obs, old, now) -> {
            if (!Objects.equals(old, now)) {
                selectedRows.clear();
                weekChosen = false;
                group.set(null);
                capture();
                courseChosen();
            }
        });
        measure.addListener((obs, old, now) -> choicesChanged(false));
        bins.addListener((obs, old, now) -> choicesChanged(false));
        sort.addListener((obs, old, now) -> choicesChanged(false));
        palette.addListener((obs, old, now) -> choicesChanged(false));
        scale.addListener((obs, old, now) -> choicesChanged(false));
        group.addListener((obs, old, now) -> choicesChanged(true));
        role.addListener((obs, old, now) -> choicesChanged(true));
        silentWeek.addListener((obs, old, now) -> {
            if (!settingWeek) {
                weekChosen = true;
            }
            choicesChanged(true);
        });
    }

    /** Starts following the engine and shows the chosen course, if any. */
    public void load() {
        engine.addListener(this);
        courseChosen();
    }

    /** Stops following the engine; work still queued is skipped. */
    public void dispose() {
        disposed = true;
        engine.removeListener(this);
    }

    // --- choices (UI thread) --------------------------------------------------------------------------------

    private void capture() {
        choices = new Choices(course.get(), measure.get(), bins.get(), sort.get(), group.get(), role.get(),
                Math.max(1, silentWeek.get()), palette.get(), scale.get());
    }

    private void courseChosen() {
        String id = course.get();
        if (id == null) {
            picture.set(null);
            signals.set(ParticipationSignals.Signals.empty());
            network.set(null);
            groups.clear();
            loading.set(false);
            return;
        }
        Kept k = kept.get(id);
        if (k != null) {
            showCourse(k);
        } else {
            picture.set(null);
            signals.set(ParticipationSignals.Signals.empty());
            network.set(null);
            loading.set(true);
            dataRefresher.request();
        }
    }

    private void choicesChanged(boolean signalsToo) {
        capture();
        if (course.get() == null || kept.get(course.get()) == null) {
            return;
        }
        pictureRefresher.request();
        if (signalsToo) {
            refreshSignals();
        }
    }

    // --- loading (background) --------------------------------------------------------------------------------

    private HeatmapRepository repository() {
        if (repository == null) {
            repository = cache.heatmap();
        }
        return repository;
    }

    private Kept loadCourse() {
        String id = choices.course();
        if (disposed || id == null) {
            return null;
        }
        Course c = cache.courses().find(id).orElse(null);
        if (c == null) {
            return null;
        }
        Kept k = new Kept(CourseActivity.load(repository(), c));
        kept.put(id, k);
        return k;
    }

    private void showCourse(Kept k) {
        if (k == null || !k.data.course().id().equals(course.get())) {
            if (course.get() != null && kept.get(course.get()) == null) {
                dataRefresher.request();
            } else {
                loading.set(false);
            }
            return;
        }
        Set<String> names = new TreeSet<>(java.text.Collator.getInstance(java.util.Locale.forLanguageTag("nl")));
        for (Participant p : k.data.participants()) {
            if (p.group() != null) {
                names.add(p.group());
            }
        }
        if (!groups.equals(new ArrayList<>(names))) {
            groups.setAll(names);
        }
        Axis weeks = Axis.build(BinKind.WEEK, k.data.course(), List.of(), (Events) null, clock.instant());
        int week = Math.max(1, weeks.week(clock.instant().atZone(weeks.zone()).toLocalDate()));
        currentWeek.set(week);
        if (!weekChosen) {
            settingWeek = true;
            silentWeek.set(Math.max(1, week - 1));
            settingWeek = false;
        }
        capture();
        pictureRefresher.request();
        if (k.graph == null) {
            detailsLoading.set(true);
            graphRefresher.request();
        } else {
            refreshSignals();
        }
    }

    private Kept loadGraph() {
        String id = choices.course();
        Kept k = id == null ? null : kept.get(id);
        if (disposed || k == null) {
            return null;
        }
        if (k.graph == null) {
            PostGraph g = k.data.loadGraph(repository());
            k.network = ReplyNetwork.of(k.data, g);
            k.graph = g;
        }
        return k;
    }

    private void showGraph(Kept k) {
        detailsLoading.set(false);
        if (k == null || !k.data.course().id().equals(course.get())) {
            return;
        }
        refreshSignals();
        Choices c = choices;
        if (c.measure() == Measure.REPLIES || c.bins() == BinKind.MODULE) {
            pictureRefresher.request();
        }
    }

    /** The grid of a course for a measure and kind of column, kept once made; null until its data is read. */
    private Grid grid(Kept k, Measure m, BinKind b) {
        boolean needsGraph = m == Measure.REPLIES || m == Measure.POSTS && b == BinKind.MODULE;
        if (needsGraph && k.graph == null) {
            return null;
        }
        return k.grids.computeIfAbsent(m + "/" + b, key -> {
            Events events = switch (m) {
                case POSTS -> b == BinKind.MODULE ? k.graph.postEvents() : k.data.postTimes();
                case REPLIES -> k.graph.replyEvents();
                case READS -> k.data.views();
            };
            Axis axis = Axis.build(b, k.data.course(), k.data.modules(), events, clock.instant());
            return Grid.count(axis, events, k.data.participants().size());
        });
    }

    private HeatmapPicture makePicture() {
        Choices c = choices;
        Kept k = c.course() == null ? null : kept.get(c.course());
        if (disposed || k == null) {
            return null;
        }
        Grid g = grid(k, c.measure(), c.bins());
        if (g == null) {
            return null; // waits for the posts' parents and threads
        }
        return HeatmapPicture.build(k.data, g, c.measure(), c.sort(), c.group(), c.role(), c.silentWeek(), c.palette(),
                c.scale(), clock.instant());
    }

    private void showPicture(HeatmapPicture p) {
        if (p != null && !p.courseId().equals(course.get())) {
            return;
        }
        if (p == null && course.get() != null && kept.get(course.get()) != null) {
            // Waiting for the details of a measure that needs them: keep the old picture until then.
            loading.set(detailsLoading.get());
            return;
        }
        picture.set(p);
        loading.set(false);
    }

    private ParticipationSignals.Signals makeSignals() {
        Choices c = choices;
        Kept k = c.course() == null ? null : kept.get(c.course());
        if (disposed || k == null || k.graph == null) {
            return ParticipationSignals.Signals.empty();
        }
        List<Participant> people = k.data.participants();
        Axis weeks = Axis.build(BinKind.WEEK, k.data.course(), List.of(), (Events) null, clock.instant());
        return ParticipationSignals.compute(k.data, k.graph, k.network, r -> shown(people.get(r), c), c.silentWeek(),
                weeks.weekStart(c.silentWeek()));
    }

    private NetworkPicture makeNetwork() {
        Choices c = choices;
        Kept k = c.course() == null ? null : kept.get(c.course());
        if (disposed || k == null || k.graph == null) {
            return null;
        }
        List<Participant> people = k.data.participants();
        return NetworkPicture.build(k.data, k.network, r -> shown(people.get(r), c));
    }

    /** The lists beside the picture and the reply network: both follow the group and role shown. */
    private void refreshSignals() {
        signalsRefresher.request();
        networkRefresher.request();
    }

    private static boolean shown(Participant p, Choices c) {
        return (c.group() == null || Objects.equals(c.group(), p.group())) && (c.role() == null || p.role() == c.role());
    }

    // --- what the sync engine says (its threads) ---------------------------------------------------------------

    @Override
    public void cacheChanged(CacheChange change) {
        runner.onUi(() -> {
            if (change.courseId() == null) {
                kept.clear();
            } else {
                kept.remove(change.courseId());
            }
            if (course.get() != null && (change.courseId() == null || course.get().equals(change.courseId()))) {
                dataRefresher.request();
            }
        });
    }

    // --- to the feed -------------------------------------------------------------------------------------------

    /** Hands a selection to the feed (through {@link #onOpenPostsProperty()}); nothing when no one listens. */
    public void open(PostSelection selection) {
        Consumer<PostSelection> target = onOpenPosts.get();
        if (selection != null && target != null) {
            target.accept(selection);
        }
    }

    /** Opens the selected rows in the feed: all their posts. */
    public void openSelectedRows() {
        HeatmapPicture p = picture.get();
        if (p != null && !selectedRows.isEmpty()) {
            open(p.selectionOf(new ArrayList<>(selectedRows)));
        }
    }

    /** The ids of the posts a selection stands for, oldest first, read from the cache (call off the UI thread). */
    public List<String> postIds(PostSelection selection) {
        return repository().postIds(selection.courseId(), selection.participantIds(), selection.from(), selection.to());
    }

    // --- rows ------------------------------------------------------------------------------------------------------

    /**
     * Writes the selected rows (or, with none selected, every row shown) as CSV: name, group, role, posts,
     * replies, reads, and the first and last post. Reads what it lacks from the cache: call it off the UI thread.
     */
    public void exportRows(Path file) throws IOException {
        HeatmapPicture p = picture.get();
        if (p == null) {
            throw new IllegalStateException("no course shown");
        }
        exportRows(file, p.courseId(), rowsToExport(p));
    }

    /**
     * As {@link #exportRows(Path)}, with the file written in the background: the rows are taken here, on the UI
     * thread that owns the selection.
     */
    public void exportRowsInBackground(Path file, Consumer<Path> onDone, Consumer<Throwable> onFailure) {
        HeatmapPicture p = picture.get();
        if (p == null) {
            onFailure.accept(new IllegalStateException("no course shown"));
            return;
        }
        List<String> ids = rowsToExport(p);
        runner.run(() -> {
            try {
                exportRows(file, p.courseId(), ids);
                return file;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }, onDone, onFailure);
    }

    /** The participants shown, in their order; only the selected ones when there is a selection. */
    private List<String> rowsToExport(HeatmapPicture p) {
        List<String> ids = new ArrayList<>();
        Set<String> chosen = new HashSet<>(selectedRows);
        for (HeatmapPicture.Row r : p.rows()) {
            if (chosen.isEmpty() || chosen.contains(r.participant().id())) {
                ids.add(r.participant().id());
            }
        }
        return ids;
    }

    /** Writes the given participants of a course as CSV (see {@link #exportRows(Path)}), in the order given. */
    public void exportRows(Path file, String courseId, List<String> participantIds) throws IOException {
        Kept k = kept.get(courseId);
        if (k == null) {
            Course c = cache.courses().find(courseId).orElseThrow(() -> new IllegalArgumentException(courseId));
            k = new Kept(CourseActivity.load(repository(), c));
        }
        if (k.graph == null) {
            PostGraph g = k.data.loadGraph(repository());
            k.network = ReplyNetwork.of(k.data, g);
            k.graph = g;
        }
        RowsCsv.write(file, k.data, k.graph, participantIds);
    }

    private void showProblem(Throwable failure) {
        loading.set(false);
        detailsLoading.set(false);
        problem.set(failure.getMessage());
    }

    // --- properties ---------------------------------------------------------------------------------------------

    /** The course shown (an id; the shell's course picker sets it); null: none, the view asks to choose one. */
    public ObjectProperty<String> courseProperty() { return course; }

    public ObjectProperty<Measure> measureProperty() { return measure; }

    public ObjectProperty<BinKind> binsProperty() { return bins; }

    public ObjectProperty<RowSort> sortProperty() { return sort; }

    /** Only this group (null: every group). */
    public ObjectProperty<String> groupProperty() { return group; }

    /** Only this role (null: every role); participants by default. */
    public ObjectProperty<ParticipantRole> roleProperty() { return role; }

    /** The N of "silent since week N"; the current week − 1 until the user chooses. */
    public IntegerProperty silentWeekProperty() { return silentWeek; }

    /** The course week "now" is in. */
    public IntegerProperty currentWeekProperty() { return currentWeek; }

    public ObjectProperty<ColourScale.Palette> paletteProperty() { return palette; }

    public ObjectProperty<ColourScale.Kind> scaleProperty() { return scale; }

    /** The picture to draw; null while nothing is shown. */
    public ReadOnlyObjectProperty<HeatmapPicture> pictureProperty() { return picture.getReadOnlyProperty(); }

    public ReadOnlyObjectProperty<ParticipationSignals.Signals> signalsProperty() { return signals.getReadOnlyProperty(); }

    /** The reply network of the people shown, laid out; null until the posts' parents are read. */
    public ReadOnlyObjectProperty<NetworkPicture> networkProperty() { return network.getReadOnlyProperty(); }

    /** The course's groups, for the filter. */
    public ObservableList<String> groups() { return groups; }

    /** The participant ids of the selected rows. */
    public ObservableList<String> selectedRows() { return selectedRows; }

    public BooleanProperty loadingProperty() { return loading; }

    /** Whether the posts' parents and threads (replies, modules, signals) are still being read. */
    public BooleanProperty detailsLoadingProperty() { return detailsLoading; }

    public StringProperty problemProperty() { return problem; }

    /** Where "open these posts in the feed" goes; the shell wires it to the feed. */
    public ObjectProperty<Consumer<PostSelection>> onOpenPostsProperty() { return onOpenPosts; }

    public void setOnOpenPosts(Consumer<PostSelection> target) { onOpenPosts.set(target); }

    public Clock clock() { return clock; }

    /** When the picture shown was made (for the status line). */
    public Instant now() { return clock.instant(); }
}
