package nl.sociallearning.workstation.sync;

import java.time.Duration;

/**
 * How the engine syncs. {@code longPoll} is how long a live request waits on the server for news;
 * {@code maxAttempts} bounds the retries of a one-off sync (a live engine retries for ever); {@code sendDelay} is
 * how long an action waits before it is sent, the time in which the user can still undo it.
 */
public record SyncSettings(int pageSize, Duration longPoll, Duration backoffBase, Duration backoffCap, int maxAttempts,
                           Duration sendDelay) {

    /** For a live engine: waits grow to a minute between attempts. */
    public static SyncSettings defaults() {
        return new SyncSettings(5000, Duration.ofSeconds(25), Duration.ofMillis(500), Duration.ofSeconds(60), 8,
                Duration.ofSeconds(5));
    }

    /** For a one-off sync someone is waiting for: gives up after about ten seconds of failures. */
    public static SyncSettings oneOff() {
        return new SyncSettings(5000, Duration.ofSeconds(25), Duration.ofMillis(500), Duration.ofSeconds(4), 5, Duration.ZERO);
    }

    public SyncSettings withBackoff(Duration base, Duration cap) {
        return new SyncSettings(pageSize, longPoll, base, cap, maxAttempts, sendDelay);
    }

    public SyncSettings withLongPoll(Duration wait) {
        return new SyncSettings(pageSize, wait, backoffBase, backoffCap, maxAttempts, sendDelay);
    }

    public SyncSettings withMaxAttempts(int attempts) {
        return new SyncSettings(pageSize, longPoll, backoffBase, backoffCap, attempts, sendDelay);
    }

    public SyncSettings withPageSize(int size) {
        return new SyncSettings(size, longPoll, backoffBase, backoffCap, maxAttempts, sendDelay);
    }

    public SyncSettings withSendDelay(Duration delay) {
        return new SyncSettings(pageSize, longPoll, backoffBase, backoffCap, maxAttempts, delay);
    }

    Backoff newBackoff() {
        return new Backoff(backoffBase, backoffCap);
    }
}
