package nl.sociallearning.workstation.sync;

import nl.sociallearning.workstation.store.Cache;
import nl.sociallearning.workstation.store.StoreException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The sync of one course: pages until caught up, then long polls for what is new. Failures back off and
 * try again; an expired cursor starts a new full pass. Runs on its own thread when live, or on the
 * caller's thread for a one-off sync.
 */
final class CourseSync implements Runnable {

    private static final Logger LOG = LoggerFactory.getLogger(CourseSync.class);
    private static final Duration PROGRESS_INTERVAL = Duration.ofMillis(150);

    private final String courseId;
    private final SyncEngine engine;
    private final Cache cache;
    private final PagePuller puller;
    private final SyncSettings settings;
    private final Backoff backoff;
    private final Waker waker = new Waker();
    private volatile boolean stopped;
    private volatile boolean paused;
    private boolean caughtUp;
    private long passItems;
    private long totalItems;
    private long passBytes;
    private OptionalLong remaining = OptionalLong.empty();
    private Instant lastSyncAt;

    CourseSync(String courseId, SyncEngine engine, Cache cache, PagePuller puller, SyncSettings settings) {
        this.courseId = courseId;
        this.engine = engine;
        this.cache = cache;
        this.puller = puller;
        this.settings = settings;
        this.backoff = settings.newBackoff();
        this.lastSyncAt = cache.syncStates().find(courseId).map(s -> s.lastSyncAt()).orElse(null);
    }

    /** Live: runs until stopped. */
    @Override
    public void run() {
        while (!stopped) {
            if (paused) {
                publish(SyncPhase.PAUSED, null, null);
                waker.await(Duration.ofMinutes(10));
                continue;
            }
            try {
                step(caughtUp ? settings.longPoll() : Duration.ZERO);
            } catch (SyncException e) {
                if (!stopped && !(paused && e.kind() == SyncException.Kind.CANCELLED)) {
                    waitAfter(e);
                }
            } catch (RuntimeException e) {
                if (stopped) {
                    // The engine is closing: its cache writer may already refuse the page's last word. Nothing
                    // of an unfinished page was committed.
                    return;
                }
                throw e;
            }
        }
    }

    /** One-off: pulls until caught up, trying again at most {@code maxAttempts} times in a row. */
    long syncUntilCaughtUp() throws SyncException {
        caughtUp = false;
        long before = totalItems;
        int failures = 0;
        while (!caughtUp) {
            try {
                step(Duration.ZERO);
                failures = 0;
            } catch (SyncException e) {
                if (++failures >= settings.maxAttempts() || !e.retryable()) {
                    recordFailure(e);
                    publish(SyncPhase.FAILED, e.getMessage(), null);
                    throw e;
                }
                waitAfter(e);
            }
        }
        return totalItems - before;
    }

    private void step(Duration wait) throws SyncException {
        SyncPhase phase = cache.syncStates().find(courseId).map(s -> s.fullPass()).orElse(true)
                ? SyncPhase.FULL_SYNC : caughtUp ? SyncPhase.LIVE : SyncPhase.CATCHING_UP;
        if (phase != SyncPhase.LIVE) {
            publish(phase, null, null);
        }
        PagePuller.Outcome outcome;
        try {
            outcome = puller.pull(courseId, settings.pageSize(), wait, new ProgressReporter(phase));
        } catch (SyncException e) {
            if (e.kind() == SyncException.Kind.CURSOR_EXPIRED) {
                LOG.info("Course {}: the server no longer knows our cursor; starting a full pass", courseId);
                cache.changes().restartFullPass(courseId);
                caughtUp = false;
                return;
            }
            throw e;
        } catch (StoreException e) {
            throw new SyncException(SyncException.Kind.CACHE, e.getMessage(), null, e);
        }
        engine.reachedServer();
        backoff.reset();
        passItems += outcome.changes();
        totalItems += outcome.changes();
        remaining = outcome.result().remaining();
        caughtUp = !outcome.result().hasMore();
        if (outcome.changes() > 0) {
            engine.cacheChanged(new CacheChange(courseId, outcome.kinds()));
        }
        if (caughtUp) {
            lastSyncAt = Instant.now();
            publish(SyncPhase.LIVE, null, null);
            passItems = 0;
            passBytes = 0;
        } else {
            publish(outcome.fullPass() ? SyncPhase.FULL_SYNC : SyncPhase.CATCHING_UP, null, null);
        }
    }

    private void recordFailure(SyncException e) {
        engine.failedToReachServer(e);
        LOG.warn("Course {}: {}", courseId, e.getMessage());
        try {
            cache.changes().recordError(courseId, e.getMessage());
        } catch (StoreException ignored) {
            // The cache itself may be the problem (a full disk); the error is still shown and logged.
        }
    }

    private void waitAfter(SyncException e) {
        recordFailure(e);
        Duration delay = e.retryable() ? backoff.next(e.retryAfter()) : settings.backoffCap();
        publish(e.retryable() ? SyncPhase.RETRYING : SyncPhase.FAILED, e.getMessage(), Instant.now().plus(delay));
        waker.await(delay);
    }

    private void publish(SyncPhase phase, String error, Instant nextAttemptAt) {
        engine.courseStatus(new CourseSyncStatus(courseId, phase, passItems, passBytes, remaining, lastSyncAt, error,
                nextAttemptAt));
    }

    /** Tries again now (after a failure or a pause). */
    void retryNow() {
        paused = false;
        waker.wake();
    }

    void pause() {
        paused = true;
        waker.wake();
    }

    boolean paused() {
        return paused;
    }

    void stop() {
        stopped = true;
        waker.wake();
    }

    /** Reports bytes as they arrive, at most a few times a second. */
    private final class ProgressReporter implements TransferListener {
        private final SyncPhase phase;
        private final long bytesBefore = passBytes;
        private final AtomicLong lastReport = new AtomicLong();

        ProgressReporter(SyncPhase phase) {
            this.phase = phase;
        }

        @Override
        public void bytesRead(long total) {
            passBytes = bytesBefore + total;
            long now = System.nanoTime();
            long last = lastReport.get();
            if (phase != SyncPhase.LIVE && now - last > PROGRESS_INTERVAL.toNanos() && lastReport.compareAndSet(last, now)) {
                publish(phase, null, null);
            }
        }
    }
}
