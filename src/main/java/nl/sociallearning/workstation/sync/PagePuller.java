package nl.sociallearning.workstation.sync;

import nl.sociallearning.workstation.domain.EntityKind;
import nl.sociallearning.workstation.store.Cache;
import nl.sociallearning.workstation.store.SyncState;

import java.time.Duration;
import java.util.Objects;
import java.util.Set;

/**
 * Pulls one page of a course's changes into the cache and commits it with its cursor. Nothing is written
 * for a long poll that brings nothing.
 */
final class PagePuller {

    record Outcome(PullResult result, int changes, Set<EntityKind> kinds, boolean fullPass) { }

    private final CourseConnector connector;
    private final Cache cache;
    private final CacheIndex index;
    private final PageWriter writer;

    PagePuller(CourseConnector connector, Cache cache, CacheIndex index, PageWriter writer) {
        this.connector = connector;
        this.cache = cache;
        this.index = index;
        this.writer = writer;
    }

    Outcome pull(String courseId, int limit, Duration wait, TransferListener transfer) throws SyncException {
        SyncState state = cache.syncStates().find(courseId)
                .orElseThrow(() -> new IllegalStateException("course not in the cache: " + courseId));
        try (PageWriter.Page page = writer.open(courseId)) {
            PullResult result = connector.pull(new PullRequest(courseId, state.cursor(), limit, wait, index), page, transfer);
            boolean endsFullPass = state.fullPass() && !result.hasMore();
            if (page.count() > 0 || endsFullPass || !Objects.equals(result.cursor(), state.cursor())) {
                page.commit(result.cursor(), !result.hasMore());
            }
            return new Outcome(result, page.count(), page.kinds(), state.fullPass());
        }
    }
}
