package nl.sociallearning.workstation.sync.contract;

import nl.sociallearning.workstation.domain.ActionType;
import nl.sociallearning.workstation.sync.CourseConnector;

import java.util.Map;
import java.util.Set;

/**
 * A course server a connector is tested against, usually a MockWebServer replaying a platform's real responses,
 * that a test can change the way people change a forum: a new reply, an edit, a deletion; and that can misbehave
 * the way servers do: throttle, send a broken body. Ids are the connector's ids (what ends up in the cache).
 */
public interface PlatformFixture extends AutoCloseable {

    /** A connector to this server with the right token. */
    CourseConnector connect() throws Exception;

    /** A connector to this server with a token the server does not accept. */
    CourseConnector connectWithWrongToken() throws Exception;

    /** The course the contract syncs. */
    String courseId();

    /** The ids of the posts the server holds for the course now (visible, soft-deleted or waiting for approval). */
    Set<String> postIds();

    /** The ids of the course's threads on the server now. */
    Set<String> threadIds();

    /** Someone replies in an existing thread; returns the new post's id. */
    String addReply();

    /** Someone edits a post; returns its id. The edited body contains {@link #EDIT_MARK}. */
    String editPost();

    /** A post is deleted on the server (soft or for good, as the platform does it); returns its id. */
    String deletePost();

    /** The next request is throttled the platform's way (429 + Retry-After, Canvas' 403 …). */
    void throttleNextRequest();

    /** The next request gets a complete answer whose body is not what the platform sends (cut-off JSON). */
    void breakNextBody();

    /** How many write requests (actions) the server has received so far. */
    int writesReceived();

    /** What to act on for an action type, with its payload; null if the fixture has no fitting target. */
    Target target(ActionType type);

    /**
     * The action types this platform cannot do, each with the reason documented in docs/platforms.md: the
     * connector answers them "local only, not sent" without any request.
     */
    Map<ActionType, String> localOnly();

    /** The actions this connector supports are all those not {@linkplain #localOnly() local only}. */
    default Set<ActionType> sent() {
        Set<ActionType> sent = new java.util.TreeSet<>(Set.of(ActionType.values()));
        sent.removeAll(localOnly().keySet());
        return sent;
    }

    record Target(String targetId, Integer baseVersion, Map<String, String> payload) {
        public static Target of(String targetId) {
            return new Target(targetId, null, Map.of());
        }
    }

    String EDIT_MARK = "edited in the contract test";

    @Override
    void close() throws Exception;
}
