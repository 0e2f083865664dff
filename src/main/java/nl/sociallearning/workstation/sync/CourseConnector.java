package nl.sociallearning.workstation.sync;

import nl.sociallearning.workstation.domain.Change;
import nl.sociallearning.workstation.domain.Course;
import nl.sociallearning.workstation.domain.ModerationAction;
import nl.sociallearning.workstation.domain.UserIdentity;

import java.util.List;
import java.util.Map;

/**
 * One course server, whatever its API. The engine sees every server as a change feed per course: pull pages
 * of changes after a cursor until there are no more, then long-poll for new ones. Servers with a feed (the
 * Course Sync API) pass their own cursor through; platforms without one (Moodle, Discourse, …) emulate it:
 * their cursor is their own watermark (e.g. the last activity time seen), they list by activity down to it,
 * and they find deletions by comparing the server's id sets with {@link PullRequest#cache()}.
 */
public interface CourseConnector extends AutoCloseable {

    /** The server, as the user should see it named. */
    String describe();

    UserIdentity me() throws SyncException;

    List<Course> courses() throws SyncException;

    /**
     * Who the user is on each server behind this connector, by the prefix of that server's course ids; one server
     * whose course ids are its own answers {@code "" → me()}.
     */
    default Map<String, UserIdentity> identities() throws SyncException {
        return Map.of("", me());
    }

    /**
     * Whether the last {@link #courses()} left out courses it could not list (one of several servers was out of
     * reach): the engine then asks again later, so those courses start syncing once their server is back.
     */
    default boolean coursesIncomplete() {
        return false;
    }

    /**
     * Streams one page of changes into {@code sink}, in the server's order. The page counts only once the
     * caller has stored it with the returned cursor; a failure half-way leaves the caller to discard the page.
     */
    PullResult pull(PullRequest request, ChangeSink sink, TransferListener transfer) throws SyncException;

    /** One thread with all its posts and their authors, to repair the cache after a conflict or rejection. */
    List<Change> thread(String courseId, String threadId) throws SyncException;

    /** Sends one action; the action's id is its idempotency key, so sending it again is always safe. */
    ActionOutcome send(ModerationAction action) throws SyncException;

    /** Aborts any transfer in progress for a course (the pull then fails with {@link SyncException.Kind#CANCELLED}). */
    void cancel(String courseId);

    @Override
    void close();
}
