package nl.sociallearning.workstation.sync;

import nl.sociallearning.workstation.domain.ActivityEvent;
import nl.sociallearning.workstation.domain.Change;
import nl.sociallearning.workstation.domain.Course;
import nl.sociallearning.workstation.domain.DiscussionThread;
import nl.sociallearning.workstation.domain.EntityKind;
import nl.sociallearning.workstation.domain.ModerationAction;
import nl.sociallearning.workstation.domain.Participant;
import nl.sociallearning.workstation.domain.Post;
import nl.sociallearning.workstation.domain.UserIdentity;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Several course servers seen by the engine as one: the primary server (the demo server or the command line's
 * {@code --server}) keeps its course ids; each added server's course ids get its own prefix (e.g.
 * {@code moodle-3:4321}), so that two servers never share an id in the cache. Every call goes to the server
 * whose course it is, with the server's own ids, and what comes back is given the prefixed ids.
 * <p>
 * An added server that cannot be reached while the course list is read is left out of that list (its cached
 * courses stay); the others sync on. The primary server's failures are the engine's to handle, as before.
 */
public final class ServerSet implements CourseConnector {

    private static final Logger LOG = LoggerFactory.getLogger(ServerSet.class);

    private final CourseConnector primary;
    private final Map<String, CourseConnector> added = new ConcurrentHashMap<>();
    private final Map<String, String> problems = new ConcurrentHashMap<>();
    /** Servers being removed: nothing is sent to them, and their courses are no one's (not the primary's either). */
    private final Set<String> withdrawn = ConcurrentHashMap.newKeySet();

    /** {@code primary} may be null: then the first added server says who the user is. */
    public ServerSet(CourseConnector primary) {
        this.primary = primary;
    }

    /** Adds a server whose course ids get {@code prefix}; replaces one added before under the same prefix. */
    public void add(String prefix, CourseConnector connector) {
        withdrawn.remove(prefix);
        CourseConnector old = added.put(prefix, connector);
        if (old != null) {
            old.close();
        }
    }

    public void remove(String prefix) {
        CourseConnector old = withdraw(prefix);
        if (old != null) {
            old.close();
        }
    }

    /**
     * Takes a server out while it is being removed: its connector (returned, still open) answers no more calls and
     * its course ids route nowhere, until {@link #restore} puts it back (the removal failed).
     */
    public CourseConnector withdraw(String prefix) {
        withdrawn.add(prefix);
        problems.remove(prefix);
        return added.remove(prefix);
    }

    /** Puts back a server whose removal failed. */
    public void restore(String prefix, CourseConnector connector) {
        if (connector != null) {
            add(prefix, connector);
        }
        withdrawn.remove(prefix);
    }

    /** Why an added server was left out of the last course list, by prefix; empty when all answered. */
    @Override
    public boolean coursesIncomplete() {
        return !problems.isEmpty();
    }

    public Map<String, String> problems() {
        return Map.copyOf(problems);
    }

    @Override
    public String describe() {
        String first = primary != null ? primary.describe() : "";
        return added.isEmpty() ? first : (first.isEmpty() ? "" : first + " + ") + added.size() + " added server(s)";
    }

    @Override
    public UserIdentity me() throws SyncException {
        if (primary != null) {
            return primary.me();
        }
        SyncException last = null;
        for (CourseConnector c : added.values()) {
            try {
                return c.me();
            } catch (SyncException e) {
                last = e;
            }
        }
        if (last != null) {
            throw last;
        }
        throw new SyncException(SyncException.Kind.NOT_FOUND, "No course server has been added yet.");
    }

    /** The primary server's user under {@code ""}, each added server's under its prefix; one that fails is left out. */
    @Override
    public Map<String, UserIdentity> identities() throws SyncException {
        Map<String, UserIdentity> all = new HashMap<>();
        if (primary != null) {
            all.put("", primary.me());
        } else if (added.isEmpty()) {
            return Map.of("", me());
        }
        SyncException last = null;
        for (Map.Entry<String, CourseConnector> e : added.entrySet()) {
            try {
                all.put(e.getKey(), e.getValue().me());
            } catch (SyncException failure) {
                LOG.warn("Server {} did not say who the user is: {}", e.getValue().describe(), failure.getMessage());
                last = failure;
            }
        }
        if (all.isEmpty() && last != null) {
            throw last;
        }
        return all;
    }

    @Override
    public List<Course> courses() throws SyncException {
        List<Course> all = new ArrayList<>(primary != null ? primary.courses() : List.of());
        SyncException onlyFailure = null;
        for (Map.Entry<String, CourseConnector> e : added.entrySet()) {
            try {
                for (Course c : e.getValue().courses()) {
                    all.add(new Course(e.getKey() + c.id(), c.title(), c.organisation(), c.audience(), c.startsAt(),
                            c.endsAt(), c.timeZone(), c.participantCount()));
                }
                problems.remove(e.getKey());
            } catch (SyncException failure) {
                LOG.warn("Server {} left out of the course list: {}", e.getValue().describe(), failure.getMessage());
                problems.put(e.getKey(), failure.getMessage());
                onlyFailure = failure;
            }
        }
        if (all.isEmpty() && onlyFailure != null && primary == null && problems.size() == added.size()) {
            throw onlyFailure;
        }
        return all;
    }

    private record Route(CourseConnector connector, String prefix, String courseId) {
        Change outward(Change change) {
            return prefix.isEmpty() ? change : ServerSet.withCourse(change, prefix + courseId);
        }
    }

    private Route route(String courseId) throws SyncException {
        for (String prefix : withdrawn) {
            if (courseId.startsWith(prefix)) {
                // Retryable, so that an action on its way waits where it is, should the removal fail.
                throw new SyncException(SyncException.Kind.SERVER_ERROR, "The server of course " + courseId
                        + " is being removed.");
            }
        }
        for (Map.Entry<String, CourseConnector> e : added.entrySet()) {
            if (courseId.startsWith(e.getKey())) {
                return new Route(e.getValue(), e.getKey(), courseId.substring(e.getKey().length()));
            }
        }
        if (primary == null) {
            throw new SyncException(SyncException.Kind.NOT_FOUND, "No server holds course " + courseId + " any more.");
        }
        return new Route(primary, "", courseId);
    }

    @Override
    public PullResult pull(PullRequest request, ChangeSink sink, TransferListener transfer) throws SyncException {
        Route route = route(request.courseId());
        if (route.prefix().isEmpty()) {
            return route.connector().pull(request, sink, transfer);
        }
        CacheIndex outer = request.cache();
        CacheIndex inner = outer == null ? null : new CacheIndex() {
            @Override
            public Set<String> ids(String courseId, EntityKind kind) {
                return outer.ids(route.prefix() + courseId, kind);
            }

            @Override
            public Set<String> postsOf(String courseId, String threadId) {
                return outer.postsOf(route.prefix() + courseId, threadId);
            }
        };
        return route.connector().pull(new PullRequest(route.courseId(), request.cursor(), request.limit(), request.longPoll(),
                inner), change -> sink.accept(route.outward(change)), transfer);
    }

    @Override
    public List<Change> thread(String courseId, String threadId) throws SyncException {
        Route route = route(courseId);
        return route.connector().thread(route.courseId(), threadId).stream().map(route::outward).toList();
    }

    @Override
    public ActionOutcome send(ModerationAction action) throws SyncException {
        Route route = route(action.courseId());
        if (route.prefix().isEmpty()) {
            return route.connector().send(action);
        }
        ActionOutcome outcome = route.connector().send(new ModerationAction(action.id(), route.courseId(), action.actorId(),
                action.type(), action.targetId(), action.baseVersion(), action.payload(), action.createdAt()));
        if (outcome instanceof ActionOutcome.Applied a) {
            return new ActionOutcome.Applied(a.serverState().stream().map(route::outward).toList(), a.duplicate());
        }
        if (outcome instanceof ActionOutcome.Conflict c) {
            return new ActionOutcome.Conflict(c.serverState().stream().map(route::outward).toList(), c.detail());
        }
        return outcome;
    }

    @Override
    public void cancel(String courseId) {
        try {
            Route route = route(courseId);
            route.connector().cancel(route.courseId());
        } catch (SyncException e) {
            // No server holds it: nothing to cancel.
        }
    }

    @Override
    public void close() {
        if (primary != null) {
            primary.close();
        }
        added.values().forEach(CourseConnector::close);
    }

    /** The same change for the course as the cache knows it. */
    static Change withCourse(Change change, String courseId) {
        if (change instanceof Change.ParticipantUpsert p) {
            Participant x = p.participant();
            return new Change.ParticipantUpsert(new Participant(courseId, x.id(), x.displayName(), x.role(), x.group(),
                    x.enrolledAt()));
        }
        if (change instanceof Change.ThreadUpsert t) {
            DiscussionThread x = t.thread();
            return new Change.ThreadUpsert(new DiscussionThread(courseId, x.id(), x.title(), x.module(), x.authorId(),
                    x.createdAt(), x.lastActivityAt(), x.locked(), x.pinned(), x.version()));
        }
        if (change instanceof Change.PostUpsert p) {
            Post x = p.post();
            return new Change.PostUpsert(new Post(courseId, x.id(), x.threadId(), x.parentId(), x.authorId(), x.createdAt(),
                    x.editedAt(), x.bodyHtml(), x.hidden(), x.deleted(), x.approval(), x.flagCount(), x.version()));
        }
        if (change instanceof Change.ActivityUpsert a) {
            ActivityEvent x = a.activity();
            return new Change.ActivityUpsert(new ActivityEvent(courseId, x.id(), x.participantId(), x.at(), x.type(),
                    x.threadId()));
        }
        return change;
    }
}
