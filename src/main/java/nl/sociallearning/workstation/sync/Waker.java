package nl.sociallearning.workstation.sync;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/** A pause that another thread can cut short: backoff waits end early when the user retries or the engine stops. */
final class Waker {

    private final Semaphore signal = new Semaphore(0);

    /** Waits up to {@code duration}; returns early when woken. */
    void await(Duration duration) {
        try {
            if (signal.tryAcquire(Math.max(0, duration.toMillis()), TimeUnit.MILLISECONDS)) {
                signal.drainPermits();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    void wake() {
        signal.release();
    }
}
