package nl.sociallearning.workstation.sync;

import java.time.Instant;
import java.util.OptionalLong;

/**
 * The state of one course's sync for a progress display: items and bytes of the current pass, and the number
 * of changes still waiting on the server when it says so.
 */
public record CourseSyncStatus(
        String courseId,
        SyncPhase phase,
        long items,
        long bytes,
        OptionalLong remaining,
        Instant lastSyncAt,
        String error,
        Instant nextAttemptAt) {

    public static CourseSyncStatus waiting(String courseId) {
        return new CourseSyncStatus(courseId, SyncPhase.WAITING, 0, 0, OptionalLong.empty(), null, null, null);
    }

    /** Fraction of the pass done, when the server told how much remains; otherwise empty. */
    public java.util.OptionalDouble fractionDone() {
        if (remaining.isEmpty()) {
            return java.util.OptionalDouble.empty();
        }
        long total = items + remaining.getAsLong();
        return java.util.OptionalDouble.of(total == 0 ? 1.0 : (double) items / total);
    }
}
