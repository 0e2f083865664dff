package nl.sociallearning.workstation.sync;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Exponential backoff with full jitter (a random wait up to base·2^failures, capped), so that many
 * workstations coming back online do not hit the server in step. A server's {@code Retry-After} wins:
 * never ask again sooner than it said.
 */
public final class Backoff {

    private final Duration base;
    private final Duration cap;
    private int failures;

    public Backoff(Duration base, Duration cap) {
        this.base = base;
        this.cap = cap;
    }

    /** The wait before the next attempt, counting one more failure. */
    public Duration next(Optional<Duration> retryAfter) {
        long ceiling = Math.min(cap.toMillis(), base.toMillis() << Math.min(failures, 20));
        failures++;
        long jittered = ThreadLocalRandom.current().nextLong(ceiling / 2, ceiling + 1);
        return retryAfter.map(r -> r.plusMillis(ThreadLocalRandom.current().nextLong(0, 250)))
                .filter(r -> r.toMillis() >= jittered)
                .orElse(Duration.ofMillis(jittered));
    }

    public void reset() {
        failures = 0;
    }

    public int failures() {
        return failures;
    }
}
