package nl.sociallearning.workstation.store;

import nl.sociallearning.workstation.domain.ActionType;
import nl.sociallearning.workstation.domain.EntityKind;
import nl.sociallearning.workstation.domain.ModerationAction;
import nl.sociallearning.workstation.domain.OutboxState;
import nl.sociallearning.workstation.domain.TriageState;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What an action does to the cache before the server has it, so the user sees their work at once.
 * Every effect sets a value rather than adding to one, so laying pending actions over fresh server data
 * again (after each synced page) changes nothing twice.
 */
final class LocalEffects {

    /** Local replies live under this id prefix until the server gives them their own id. */
    static final String LOCAL_POST_PREFIX = "local-";

    private LocalEffects() {
    }

    static void apply(Connection c, ModerationAction a) throws SQLException {
        String course = a.courseId();
        String target = a.targetId();
        switch (a.type()) {
            case HIDE, UNHIDE -> setPost(c, "hidden", a.type() == ActionType.HIDE, course, target);
            case DELETE, RESTORE -> setPost(c, "deleted", a.type() == ActionType.DELETE, course, target);
            case APPROVE -> Jdbc.update(c, "UPDATE post SET approval = 'APPROVED' WHERE course_id = ? AND id = ?", course, target);
            case REJECT -> Jdbc.update(c, "UPDATE post SET approval = 'REJECTED' WHERE course_id = ? AND id = ?", course, target);
            case LOCK, UNLOCK -> setThread(c, "locked", a.type() == ActionType.LOCK, course, target);
            case PIN, UNPIN -> setThread(c, "pinned", a.type() == ActionType.PIN, course, target);
            case REPLY -> reply(c, a);
            case SET_TRIAGE -> triage(c, a);
            case NOTE -> Jdbc.update(c, "MERGE INTO moderator_note (id, course_id, target_id, text, created_at) KEY (id)"
                    + " VALUES (?, ?, ?, ?, ?)", a.id(), course, target, a.payload().getOrDefault("text", ""), a.createdAt());
            case FLAG -> {
                // The server counts flags; a pending flag shows from the outbox, so the count is not touched here.
            }
        }
    }

    /**
     * What the action is about to change, as it is now: enough for {@link #revert} to put it back. Replies and
     * notes add rows of their own (reverting removes them); a flag changes nothing locally.
     */
    static Map<String, String> capture(Connection c, ModerationAction a) throws SQLException {
        String course = a.courseId();
        String target = a.targetId();
        return switch (a.type()) {
            case HIDE, UNHIDE, DELETE, RESTORE, APPROVE, REJECT -> Jdbc.queryOne(c,
                    "SELECT hidden, deleted, approval FROM post WHERE course_id = ? AND id = ?",
                    row -> Map.of("hidden", row.getString(1), "deleted", row.getString(2), "approval", row.getString(3)),
                    course, target).orElse(Map.of());
            case LOCK, UNLOCK, PIN, UNPIN -> Jdbc.queryOne(c, "SELECT locked, pinned FROM thread WHERE course_id = ? AND id = ?",
                    row -> Map.of("locked", row.getString(1), "pinned", row.getString(2)), course, target).orElse(Map.of());
            case SET_TRIAGE -> Jdbc.queryOne(c, "SELECT state, assignee, snoozed_until, updated_at FROM triage"
                            + " WHERE course_id = ? AND thread_id = ?", row -> {
                        Map<String, String> m = new java.util.HashMap<>();
                        m.put("state", row.getString(1));
                        m.put("assignee", row.getString(2));
                        m.put("snoozedUntil", row.getObject(3, Instant.class) == null ? null : row.getObject(3, Instant.class).toString());
                        m.put("updatedAt", row.getObject(4, Instant.class).toString());
                        return m;
                    }, course, target).orElse(Map.of());
            case REPLY, NOTE, FLAG -> Map.of();
        };
    }

    /** Takes back an unsent action's effect, using what {@link #capture} saw before it. */
    static void revert(Connection c, ModerationAction a, Map<String, String> previous) throws SQLException {
        String course = a.courseId();
        String target = a.targetId();
        switch (a.type()) {
            case HIDE, UNHIDE, DELETE, RESTORE, APPROVE, REJECT -> {
                if (!previous.isEmpty()) {
                    Jdbc.update(c, "UPDATE post SET hidden = ?, deleted = ?, approval = ? WHERE course_id = ? AND id = ?",
                            Boolean.parseBoolean(previous.get("hidden")), Boolean.parseBoolean(previous.get("deleted")),
                            previous.get("approval"), course, target);
                }
            }
            case LOCK, UNLOCK, PIN, UNPIN -> {
                if (!previous.isEmpty()) {
                    Jdbc.update(c, "UPDATE thread SET locked = ?, pinned = ? WHERE course_id = ? AND id = ?",
                            Boolean.parseBoolean(previous.get("locked")), Boolean.parseBoolean(previous.get("pinned")),
                            course, target);
                }
            }
            case SET_TRIAGE -> {
                if (previous.isEmpty()) {
                    Jdbc.update(c, "DELETE FROM triage WHERE course_id = ? AND thread_id = ?", course, target);
                } else {
                    String until = previous.get("snoozedUntil");
                    Jdbc.update(c, "MERGE INTO triage (course_id, thread_id, state, assignee, snoozed_until, updated_at)"
                                    + " KEY (course_id, thread_id) VALUES (?, ?, ?, ?, ?, ?)", course, target,
                            previous.get("state"), previous.get("assignee"), until == null ? null : Instant.parse(until),
                            Instant.parse(previous.get("updatedAt")));
                }
            }
            case REPLY -> Jdbc.update(c, "DELETE FROM post WHERE course_id = ? AND id = ?", course, localPostId(a));
            case NOTE -> Jdbc.update(c, "DELETE FROM moderator_note WHERE id = ?", a.id());
            case FLAG -> {
                // nothing was changed locally
            }
        }
    }

    /**
     * Lays the course's unsent actions over the cache again, in the order they were made; returns their threads.
     * Local-only actions (the platform cannot do them) are laid over for good, or the next sync would undo them.
     */
    static Set<String> reapplyPending(Connection c, String courseId) throws SQLException {
        List<ModerationAction> pendingActions = Jdbc.query(c, OutboxRepository.SELECT + " WHERE course_id = ? AND state IN (?, ?, ?)"
                + " ORDER BY seq", row -> OutboxRepository.map(row).action(), courseId, OutboxState.PENDING, OutboxState.SENDING,
                OutboxState.LOCAL_ONLY);
        Set<String> threads = new HashSet<>();
        for (ModerationAction a : pendingActions) {
            apply(c, a);
            threadOf(c, a).ifPresent(threads::add);
        }
        return threads;
    }

    /** The thread an action is about: its target, or the thread of the post it targets. */
    static Optional<String> threadOf(Connection c, ModerationAction a) throws SQLException {
        if (a.type().target() == EntityKind.THREAD) {
            return Optional.of(a.targetId());
        }
        return Jdbc.queryOne(c, "SELECT thread_id FROM post WHERE course_id = ? AND id = ?", row -> row.getString(1),
                a.courseId(), a.targetId());
    }

    /** Whose posts an action adds or removes locally: a reply's author; no other action adds or removes a post. */
    static List<String> authorsChanged(ModerationAction a) {
        return a.type() == ActionType.REPLY && a.actorId() != null ? List.of(a.actorId()) : List.of();
    }

    static String localPostId(ModerationAction reply) {
        return LOCAL_POST_PREFIX + reply.id();
    }

    private static void setPost(Connection c, String column, boolean value, String course, String id) throws SQLException {
        Jdbc.update(c, "UPDATE post SET " + column + " = ? WHERE course_id = ? AND id = ?", value, course, id);
    }

    private static void setThread(Connection c, String column, boolean value, String course, String id) throws SQLException {
        Jdbc.update(c, "UPDATE thread SET " + column + " = ? WHERE course_id = ? AND id = ?", value, course, id);
    }

    private static void reply(Connection c, ModerationAction a) throws SQLException {
        // Copies thread and course from the post replied to; if that post is gone, the server will refuse the reply.
        String body = a.payload().getOrDefault("bodyHtml", "");
        boolean inline = body.length() <= PageTransaction.INLINE_BODY;
        Jdbc.update(c, "MERGE INTO post (course_id, id, thread_id, parent_id, author_id, created_at, edited_at, body_html,"
                        + " body_overflow, hidden, deleted, approval, flag_count, version, generation) KEY (course_id, id)"
                        + " SELECT course_id, ?, thread_id, id, ?, ?, NULL, ?, ?, FALSE, FALSE, 'APPROVED', 0, 0, generation"
                        + " FROM post WHERE course_id = ? AND id = ?",
                localPostId(a), a.actorId(), a.createdAt(), inline ? body : "", inline ? null : body, a.courseId(),
                a.targetId());
    }

    private static void triage(Connection c, ModerationAction a) throws SQLException {
        String until = a.payload().get("snoozedUntil");
        Jdbc.update(c, "MERGE INTO triage (course_id, thread_id, state, assignee, snoozed_until, updated_at)"
                        + " KEY (course_id, thread_id) VALUES (?, ?, ?, ?, ?, ?)",
                a.courseId(), a.targetId(), TriageState.valueOf(a.payload().getOrDefault("state", "NEW")),
                a.payload().get("assignee"), until == null ? null : Instant.parse(until), a.createdAt());
    }
}
