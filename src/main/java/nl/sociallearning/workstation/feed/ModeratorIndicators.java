package nl.sociallearning.workstation.feed;

import java.time.Duration;
import java.util.Map;

/**
 * How the moderation is doing, for the feed's header: time to first reply (median and 90th percentile, over
 * threads that got one), the threads waiting for a reply by how long they have waited, and replies by
 * moderators versus replies by peers.
 */
public record ModeratorIndicators(
        Duration medianFirstReply,
        Duration p90FirstReply,
        Map<WaitBucket, Integer> openByAge,
        long moderatorReplies,
        long peerReplies) {

    /** How long a thread has waited for a reply. */
    public enum WaitBucket {
        UNDER_4_HOURS(Duration.ofHours(4)),
        UNDER_1_DAY(Duration.ofDays(1)),
        UNDER_3_DAYS(Duration.ofDays(3)),
        LONGER(null);

        private final Duration limit;

        WaitBucket(Duration limit) {
            this.limit = limit;
        }

        static WaitBucket of(Duration waited) {
            for (WaitBucket b : values()) {
                if (b.limit == null || waited.compareTo(b.limit) < 0) {
                    return b;
                }
            }
            return LONGER;
        }
    }

    public long openTotal() {
        return openByAge.values().stream().mapToLong(Integer::longValue).sum();
    }

    /** Share of replies written by moderators, 0..1. */
    public double moderatorShare() {
        long all = moderatorReplies + peerReplies;
        return all == 0 ? 0 : (double) moderatorReplies / all;
    }
}
