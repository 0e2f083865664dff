package nl.sociallearning.workstation.store;

import nl.sociallearning.workstation.domain.DiscussionThread;
import nl.sociallearning.workstation.domain.ParticipantRole;
import nl.sociallearning.workstation.domain.Triage;
import nl.sociallearning.workstation.domain.TriageRules;

import java.time.Instant;

/**
 * One thread as the feed lists it: the thread, who opened it, its figures, the moderators' triage of it
 * (null when nobody triaged it) and how many posts the user has not read.
 */
public record FeedRow(
        DiscussionThread thread,
        String authorName,
        String authorGroup,
        ParticipantRole authorRole,
        int posts,
        int replies,
        int moderatorReplies,
        int peerReplies,
        Instant firstReplyAt,
        Instant lastPostAt,
        int flags,
        int held,
        int unread,
        TriageRules.Facts facts,
        Triage triage) {

    /** The feed's sort key for "last activity": the newest post, or the thread's own time. */
    public Instant lastActivity() {
        return lastPostAt != null && lastPostAt.isAfter(thread.lastActivityAt()) ? lastPostAt : thread.lastActivityAt();
    }

    public FeedRow withUnread(int count) {
        return new FeedRow(thread, authorName, authorGroup, authorRole, posts, replies, moderatorReplies, peerReplies,
                firstReplyAt, lastPostAt, flags, held, count, facts, triage);
    }

    public String key() {
        return thread.courseId() + "/" + thread.id();
    }
}
