package nl.sociallearning.workstation.store;

import java.time.Instant;

/** Where one course's change feed stands in the cache. A null cursor means: start from the beginning. */
public record SyncState(
        String courseId,
        String cursor,
        long generation,
        boolean fullPass,
        Instant lastSyncAt,
        String lastError) {
}
