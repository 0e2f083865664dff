package nl.sociallearning.workstation.sync.platform;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Stands in for a long poll on platforms that have none: a caught-up course waits here before it asks the
 * platform again, so a live course costs one cheap request per wait instead of a busy loop. {@link #cancel}
 * ends a wait at once (the engine's pause and shutdown).
 */
public final class PollPacer {

    private final Map<String, CountDownLatch> waits = new ConcurrentHashMap<>();

    /** Waits up to {@code wait}; returns false if the wait was cancelled (or the thread interrupted). */
    public boolean await(String courseId, Duration wait) {
        if (wait.isZero() || wait.isNegative()) {
            return true;
        }
        CountDownLatch latch = new CountDownLatch(1);
        waits.put(courseId, latch);
        try {
            return !latch.await(wait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } finally {
            waits.remove(courseId, latch);
        }
    }

    public void cancel(String courseId) {
        CountDownLatch latch = waits.get(courseId);
        if (latch != null) {
            latch.countDown();
        }
    }

    public void cancelAll() {
        waits.values().forEach(CountDownLatch::countDown);
    }
}
