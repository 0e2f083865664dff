package nl.sociallearning.workstation.reports;

import nl.sociallearning.workstation.store.Cache;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.OptionalInt;

/**
 * How long the cache keeps a course's activity data (reads and logins: who looked at what, when), and the purge
 * that deletes what is older. Posts are the course's content, not monitoring data, and stay. Once a period is
 * set the sync takes in no older activity ({@code ChangeWriter.beginPage}), so a purge stays a purge.
 */
public final class Retention {

    private final Cache cache;
    private final Clock clock;

    public Retention(Cache cache, Clock clock) {
        this.cache = cache;
        this.clock = clock;
    }

    public OptionalInt days(String courseId) {
        return cache.reports().retentionDays(courseId);
    }

    /** Sets the retention period in days (at least 1), or none (keep as long as synced) when null. */
    public void setDays(String courseId, Integer days) {
        cache.reports().setRetentionDays(courseId, days);
    }

    /** The moment before which activity is purged; null when the course keeps everything. */
    public Instant cutoff(String courseId) {
        OptionalInt days = days(courseId);
        return days.isPresent() ? clock.instant().minus(Duration.ofDays(days.getAsInt())) : null;
    }

    /** How many activity records a purge would delete now: for the confirmation. */
    public long toPurge(String courseId) {
        Instant cutoff = cutoff(courseId);
        return cutoff == null ? 0 : cache.reports().activityBefore(courseId, cutoff);
    }

    /** Deletes the activity older than the retention period; returns how many records went. */
    public int purge(String courseId) {
        Instant cutoff = cutoff(courseId);
        return cutoff == null ? 0 : cache.reports().purgeActivityBefore(courseId, cutoff);
    }
}
