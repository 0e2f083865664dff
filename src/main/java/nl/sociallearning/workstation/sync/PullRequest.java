package nl.sociallearning.workstation.sync;

import java.time.Duration;

/**
 * One pull of a course's changes: at most {@code limit} after {@code cursor} (null for a full pass).
 * {@code longPoll} above zero makes it a long poll. {@code cache} lets connectors without a change feed see what
 * the cache holds (to find deletions by comparing id sets); the Course Sync API connector does not need it.
 */
public record PullRequest(String courseId, String cursor, int limit, Duration longPoll, CacheIndex cache) {
}
