package nl.sociallearning.workstation.feed;

import nl.sociallearning.workstation.domain.TriageRules;
import nl.sociallearning.workstation.store.FeedRow;

/** A thread in the feed: what the cache holds of it and where it stands in triage now. */
public record FeedItem(FeedRow row, TriageRules.Assessment triage) {

    public String key() {
        return row.key();
    }

    public String courseId() {
        return row.thread().courseId();
    }

    public String threadId() {
        return row.thread().id();
    }
}
