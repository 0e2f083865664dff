package nl.sociallearning.workstation.feed;

import nl.sociallearning.workstation.domain.Identities;
import nl.sociallearning.workstation.domain.TriageRules.Reason;
import nl.sociallearning.workstation.domain.TriageState;

import java.util.function.Predicate;

/**
 * A saved filter of the feed: a queue with a live count. Fixed ones (needs reply, unanswered too long, first
 * posts, flagged, mine, each triage state), one per function group and per module of the courses shown, and the
 * searches the moderator saved.
 */
public record FeedQueue(Kind kind, String value) {

    public enum Kind { ALL, NEEDS_REPLY, UNANSWERED, FIRST_POSTS, FLAGGED, MINE, STATE, GROUP, MODULE, SEARCH, SELECTION }

    public static final FeedQueue ALL = new FeedQueue(Kind.ALL, null);
    public static final FeedQueue NEEDS_REPLY = new FeedQueue(Kind.NEEDS_REPLY, null);
    public static final FeedQueue UNANSWERED = new FeedQueue(Kind.UNANSWERED, null);
    public static final FeedQueue FIRST_POSTS = new FeedQueue(Kind.FIRST_POSTS, null);
    public static final FeedQueue FLAGGED = new FeedQueue(Kind.FLAGGED, null);
    public static final FeedQueue MINE = new FeedQueue(Kind.MINE, null);

    public static FeedQueue state(TriageState state) {
        return new FeedQueue(Kind.STATE, state.name());
    }

    public static FeedQueue group(String group) {
        return new FeedQueue(Kind.GROUP, group);
    }

    public static FeedQueue module(String module) {
        return new FeedQueue(Kind.MODULE, module);
    }

    /** Threads picked elsewhere (posts chosen in the activity heatmap), under a label saying what was picked. */
    public static FeedQueue selection(String label) {
        return new FeedQueue(Kind.SELECTION, label);
    }

    /** A search the moderator saved as a queue; its threads are the search's hits. */
    public static FeedQueue search(String query) {
        return new FeedQueue(Kind.SEARCH, query);
    }

    /** Whether a thread belongs in this queue; "mine" compares with the user on the thread's own server. */
    public Predicate<FeedItem> filter(Identities me) {
        return switch (kind) {
            case ALL -> item -> true;
            // Snoozed and done threads leave the working queues; they have queues of their own.
            case NEEDS_REPLY -> item -> item.triage().state() == TriageState.NEEDS_REPLY;
            case UNANSWERED -> item -> item.triage().reasons().contains(Reason.UNANSWERED) && awake(item);
            case FIRST_POSTS -> item -> item.triage().reasons().contains(Reason.FIRST_POST) && awake(item);
            case FLAGGED -> item -> (item.triage().reasons().contains(Reason.FLAGGED)
                    || item.triage().reasons().contains(Reason.HELD_FOR_APPROVAL));
            case MINE -> item -> item.row().triage() != null && item.row().triage().assignee() != null
                    && item.row().triage().assignee().equals(me.idIn(item.courseId()))
                    && item.triage().state() != TriageState.DONE;
            case STATE -> item -> item.triage().state().name().equals(value);
            case GROUP -> item -> value.equals(item.row().authorGroup());
            case MODULE -> item -> value.equals(item.row().thread().module());
            // The search index, or the picked posts, decide; the view model passes the threads along.
            case SEARCH, SELECTION -> item -> true;
        };
    }

    private static boolean awake(FeedItem item) {
        return item.triage().state() != TriageState.SNOOZED && item.triage().state() != TriageState.DONE;
    }
}
