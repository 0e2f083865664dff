package nl.sociallearning.workstation.sync.platform;

import nl.sociallearning.workstation.sync.SyncException;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A platform without long polling is polled instead: when the engine asks for a long poll (it has caught up),
 * the connector first waits the poll interval, so a caught-up course costs a few requests a minute, not a
 * stream of them. {@link #cancel} ends the wait at once (pausing a course, closing the program).
 */
public final class PollPacer {

    private final Duration interval;
    private final Map<String, long[]> generations = new ConcurrentHashMap<>();

    public PollPacer(Duration interval) {
        this.interval = interval;
    }

    /** Waits before a poll if {@code longPoll} asks for one: the shorter of it and the interval. */
    public void pace(String courseId, Duration longPoll) throws SyncException {
        if (longPoll.isZero() || longPoll.isNegative() || interval.isZero()) {
            return;
        }
        sleep(courseId, longPoll.compareTo(interval) < 0 ? longPoll : interval);
    }

    /** Waits {@code wait} (e.g. for a request budget to refill); {@link #cancel} ends it with CANCELLED. */
    public void sleep(String courseId, Duration wait) throws SyncException {
        long[] generation = generations.computeIfAbsent(courseId, k -> new long[1]);
        long deadline = System.nanoTime() + wait.toNanos();
        synchronized (generation) {
            long start = generation[0];
            long left;
            while ((left = deadline - System.nanoTime()) > 0) {
                try {
                    generation.wait(Math.max(1, left / 1_000_000));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new SyncException(SyncException.Kind.CANCELLED, "Stopped.", null, e);
                }
                if (generation[0] != start) {
                    throw new SyncException(SyncException.Kind.CANCELLED, "Stopped by the user.");
                }
            }
        }
    }

    public void cancel(String courseId) {
        long[] generation = generations.computeIfAbsent(courseId, k -> new long[1]);
        synchronized (generation) {
            generation[0]++;
            generation.notifyAll();
        }
    }

    public void cancelAll() {
        generations.keySet().forEach(this::cancel);
    }
}
