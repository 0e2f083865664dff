package nl.sociallearning.workstation.feed;

import nl.sociallearning.workstation.domain.TriageRules;
import nl.sociallearning.workstation.store.FeedRow;

/**
 * A thread in the feed: what the cache holds of it and where it stands in triage now. The key ("course/thread")
 * is made once: lists of 10 000 threads compare keys all the time.
 */
public record FeedItem(FeedRow row, TriageRules.Assessment triage, String key) {

    public FeedItem(FeedRow row, TriageRules.Assessment triage) {
        this(row, triage, row.key());
    }

    public String courseId() {
        return row.thread().courseId();
    }

    public String threadId() {
        return row.thread().id();
    }
}
