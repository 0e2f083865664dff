package nl.sociallearning.workstation.sync;

import nl.sociallearning.workstation.domain.ActionType;
import nl.sociallearning.workstation.domain.Course;
import nl.sociallearning.workstation.domain.EntityKind;
import nl.sociallearning.workstation.domain.ModerationAction;
import nl.sociallearning.workstation.domain.UserIdentity;
import nl.sociallearning.workstation.store.Cache;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Keeps the cache in step with one course server: a full pass per course, then incremental pages, then long
 * polls for live changes; and the outbox pushed in order. It is the only writer of server data into the cache,
 * and it tells listeners what changed so that open views refresh what they show.
 */
public final class SyncEngine implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SyncEngine.class);
    /** How long removing a server waits for each of its course loops to end (a cancelled transfer ends at once). */
    private static final Duration FORGET_WAIT = Duration.ofSeconds(10);

    private final CourseConnector connector;
    private final Cache cache;
    private final SyncSettings settings;
    private final PagePuller puller;
    private final PageWriter writer;
    private final OutboxPusher pusher;
    private final Listeners listeners = new Listeners();
    private final Map<String, CourseSync> courses = new ConcurrentHashMap<>();
    /** Courses whose live loop runs on a thread of its own. */
    private final Set<String> running = ConcurrentHashMap.newKeySet();
    private final Map<String, CourseSyncStatus> statuses = new ConcurrentHashMap<>();
    /** The live loop's thread of each course, so that a removed server's courses can be waited for. */
    private final Map<String, Thread> threads = new ConcurrentHashMap<>();
    /** Course-id prefixes of servers being removed: their courses are not listed, stored or synced again. */
    private final Set<String> forgotten = ConcurrentHashMap.newKeySet();
    private final Waker discoveryWaker = new Waker();
    private final java.util.concurrent.atomic.AtomicBoolean discovering = new java.util.concurrent.atomic.AtomicBoolean();
    private final java.util.concurrent.atomic.AtomicBoolean discoverAgain = new java.util.concurrent.atomic.AtomicBoolean();
    private volatile Connectivity connectivity = Connectivity.CONNECTING;
    private volatile boolean closed;
    private volatile boolean live;

    public SyncEngine(CourseConnector connector, Cache cache, SyncSettings settings) {
        this.connector = connector;
        this.cache = cache;
        this.settings = settings;
        this.writer = new PageWriter(cache);
        this.puller = new PagePuller(connector, cache, new CacheIndex() {
            @Override
            public Set<String> ids(String courseId, EntityKind kind) {
                return switch (kind) {
                    case POST -> new HashSet<>(cache.posts().ids(courseId));
                    case THREAD -> new HashSet<>(cache.threads().ids(courseId));
                    default -> Set.of();
                };
            }

            @Override
            public Set<String> postsOf(String courseId, String threadId) {
                return new HashSet<>(cache.posts().idsOf(courseId, threadId));
            }
        }, writer);
        this.pusher = new OutboxPusher(this, connector, cache, settings);
    }

    public void addListener(SyncListener listener) {
        listeners.add(listener);
    }

    public void removeListener(SyncListener listener) {
        listeners.remove(listener);
    }

    /** Starts syncing in the background and keeps the courses live until {@link #close()}. */
    public void start() {
        if (live) {
            return;
        }
        live = true;
        discoverInBackground();
        daemon("sync-outbox", pusher);
        outboxChanged();
    }

    /**
     * Reads the course list again and starts syncing the courses that are new in it (e.g. after the user added a
     * server). A live engine does it in the background; otherwise the next one-off sync will.
     */
    public void rediscover() {
        if (live && !closed) {
            discoverInBackground();
        }
    }

    /**
     * One discovery loop at a time: a request while it runs wakes it to read the list again at once, rather than
     * starting a second loop that would ask every server as often as the first.
     */
    private void discoverInBackground() {
        discoverAgain.set(true);
        if (!discovering.compareAndSet(false, true)) {
            discoveryWaker.wake();
            return;
        }
        daemon("sync-discovery", () -> {
            Backoff backoff = settings.newBackoff();
            while (!closed) {
                discoverAgain.set(false);
                try {
                    for (Course course : discoverCourses()) {
                        startLive(course.id());
                    }
                    if (!connector.coursesIncomplete()) {
                        discovering.set(false);
                        // A request that came while this pass ran found the loop busy: it is answered here.
                        if (discoverAgain.get() && discovering.compareAndSet(false, true)) {
                            continue;
                        }
                        return;
                    }
                    // A server was out of reach: its courses start when it answers again.
                    discoveryWaker.await(backoff.next(Optional.empty()));
                } catch (SyncException e) {
                    failedToReachServer(e);
                    problem(e.getMessage());
                    discoveryWaker.await(backoff.next(e.retryAfter()));
                }
            }
            discovering.set(false);
        });
    }

    private synchronized void startLive(String courseId) {
        if (!closed && !isForgotten(courseId) && running.add(courseId)) {
            threads.put(courseId, daemon("sync-" + courseId, courses.computeIfAbsent(courseId, this::newCourseSync)));
        }
    }

    private boolean isForgotten(String courseId) {
        return forgotten.stream().anyMatch(courseId::startsWith);
    }

    /**
     * Stops and forgets the courses of a server that is being removed (ids starting with {@code prefix}): their
     * transfers are cancelled, their loops waited for (so that no page of theirs is stored after this returns),
     * and they are not listed or started again. Returns their ids. {@link #serverRemoved} tells the views once the
     * cache is emptied; {@link #restoreServer} undoes this when the removal failed.
     */
    public Set<String> forgetServer(String prefix) {
        Set<String> ids = new HashSet<>();
        List<Thread> ending = new java.util.ArrayList<>();
        synchronized (this) {
            forgotten.add(prefix);
            for (String id : Set.copyOf(courses.keySet())) {
                if (id.startsWith(prefix)) {
                    ids.add(id);
                    CourseSync sync = courses.remove(id);
                    sync.stop();
                    connector.cancel(id);
                    running.remove(id);
                    Optional.ofNullable(threads.remove(id)).ifPresent(ending::add);
                }
            }
            statuses.keySet().stream().filter(id -> id.startsWith(prefix)).forEach(ids::add);
            ids.forEach(statuses::remove);
        }
        for (Thread t : ending) {
            try {
                t.join(FORGET_WAIT.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            if (t.isAlive()) {
                LOG.warn("Course sync {} did not end within {}", t.getName(), FORGET_WAIT);
            }
        }
        return ids;
    }

    /** The removal of a server failed: its courses are synced again. */
    public void restoreServer(String prefix) {
        forgotten.remove(prefix);
        rediscover();
    }

    /** A server's courses are gone from the cache: open views drop them. */
    public void serverRemoved(String prefix, Set<String> courseIds) {
        LOG.info("Removed the courses of server {}: {}", prefix, courseIds);
        listeners.fire(l -> l.coursesRemoved(Set.copyOf(courseIds)));
        for (String id : courseIds) {
            cacheChanged(new CacheChange(id, EnumSet.allOf(EntityKind.class)));
        }
        outboxChanged();
        pusher.wake();
    }

    /**
     * Syncs every course until it is caught up and pushes the outbox once, on the calling thread. For the
     * command line, tests and benchmarks; a failure that trying again cannot mend is thrown.
     */
    public SyncReport syncOnce() throws SyncException {
        requireNotLive();
        Instant start = Instant.now();
        long changes = 0;
        List<Course> list = discoverCoursesWithRetries();
        for (Course course : list) {
            if (isForgotten(course.id())) {
                continue;
            }
            changes += courses.computeIfAbsent(course.id(), this::newCourseSync).syncUntilCaughtUp();
        }
        try {
            pusher.pushAll();
        } catch (SyncException e) {
            failedToReachServer(e);
            throw e;
        } finally {
            outboxChanged();
        }
        return new SyncReport(list.size(), changes, Duration.between(start, Instant.now()));
    }

    /**
     * Brings one known course up to date on the calling thread and returns the number of changes; the course
     * list is not fetched again. For a "sync now" and for measuring an incremental sync.
     */
    public long syncCourse(String courseId) throws SyncException {
        requireNotLive();
        if (cache.syncStates().find(courseId).isEmpty()) {
            throw new IllegalArgumentException("unknown course " + courseId + ": sync the course list first");
        }
        return courses.computeIfAbsent(courseId, this::newCourseSync).syncUntilCaughtUp();
    }

    /** A one-off sync shares each course's state with its live loop: never both at once. */
    private void requireNotLive() {
        if (live) {
            throw new IllegalStateException("this engine syncs live; use retryNow to hurry it");
        }
    }

    private List<Course> discoverCoursesWithRetries() throws SyncException {
        Backoff backoff = settings.newBackoff();
        for (int attempt = 1; ; attempt++) {
            try {
                return discoverCourses();
            } catch (SyncException e) {
                failedToReachServer(e);
                if (attempt >= settings.maxAttempts() || !e.retryable()) {
                    throw e;
                }
                sleep(backoff.next(e.retryAfter()));
            }
        }
    }

    private static void sleep(Duration d) throws SyncException {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SyncException(SyncException.Kind.CANCELLED, "Interrupted.", null, e);
        }
    }

    private List<Course> discoverCourses() throws SyncException {
        Map<String, UserIdentity> identities = new java.util.HashMap<>(connector.identities());
        List<Course> list = connector.courses().stream().filter(c -> !isForgotten(c.id())).toList();
        reachedServer();
        identities.keySet().removeIf(prefix -> !prefix.isEmpty() && forgotten.contains(prefix));
        cache.changes().saveIdentities(identities);
        cache.changes().saveCourses(list);
        list.forEach(c -> statuses.putIfAbsent(c.id(), CourseSyncStatus.waiting(c.id())));
        return list;
    }

    private CourseSync newCourseSync(String courseId) {
        return new CourseSync(courseId, this, cache, puller, settings);
    }

    /**
     * Records a moderator's action: applied to the cache at once and queued for the server in one
     * transaction, then sent as soon as the server can be reached.
     */
    public ModerationAction submit(String courseId, ActionType type, String targetId, Integer baseVersion,
                                   Map<String, String> payload) {
        // The actor is the user on this course's server: an added server knows the moderator by its own id.
        UserIdentity me = cache.syncStates().identities().of(courseId)
                .orElseThrow(() -> new IllegalStateException("the user is not known yet on the server of " + courseId
                        + ": connect to it once"));
        ModerationAction action = ModerationAction.create(courseId, me.id(), type, targetId, baseVersion, payload, Instant.now());
        cache.outbox().enqueue(action);
        cacheChanged(new CacheChange(courseId, EnumSet.of(EntityKind.POST, EntityKind.THREAD)));
        outboxChanged();
        pusher.wake();
        return action;
    }

    /** Stops a course's sync, aborting a transfer in progress (the page is discarded, nothing half-stored). */
    public void pause(String courseId) {
        Optional.ofNullable(courses.get(courseId)).ifPresent(CourseSync::pause);
        connector.cancel(courseId);
    }

    /** Resumes a paused course, or retries a failing one now instead of after its backoff. */
    public void retryNow(String courseId) {
        Optional.ofNullable(courses.get(courseId)).ifPresent(CourseSync::retryNow);
        discoveryWaker.wake();
        pusher.wake();
    }

    public Connectivity connectivity() {
        return connectivity;
    }

    public Map<String, CourseSyncStatus> statuses() {
        return Map.copyOf(statuses);
    }

    public String serverName() {
        return connector.describe();
    }

    void reachedServer() {
        setConnectivity(Connectivity.ONLINE);
    }

    void failedToReachServer(SyncException e) {
        if (e.meansOffline()) {
            setConnectivity(Connectivity.OFFLINE);
        }
    }

    private void setConnectivity(Connectivity next) {
        if (connectivity != next) {
            connectivity = next;
            LOG.info("Server {} is {}", connector.describe(), next);
            listeners.fire(l -> l.connectivity(next));
            if (next == Connectivity.ONLINE) {
                pusher.wake();
            }
        }
    }

    void courseStatus(CourseSyncStatus status) {
        if (isForgotten(status.courseId())) {
            // A removed server's course loop saying its last word while it ends.
            return;
        }
        statuses.put(status.courseId(), status);
        listeners.fire(l -> l.courseStatus(status));
    }

    void cacheChanged(CacheChange change) {
        listeners.fire(l -> l.cacheChanged(change));
    }

    void outboxChanged() {
        long pending = cache.outbox().countPending();
        long attention = cache.outbox().countNeedingAttention();
        listeners.fire(l -> l.outbox(pending, attention));
    }

    void problem(String message) {
        listeners.fire(l -> l.problem(message));
    }

    private static Thread daemon(String name, Runnable work) {
        Thread t = new Thread(work, name);
        t.setDaemon(true);
        t.start();
        return t;
    }

    @Override
    public void close() {
        closed = true;
        courses.values().forEach(CourseSync::stop);
        pusher.stop();
        discoveryWaker.wake();
        courses.keySet().forEach(connector::cancel);
        // A course loop still ending its page may find the writer closed: it stops quietly (CourseSync.run).
        writer.close();
    }
}
