package nl.sociallearning.workstation.store;

import nl.sociallearning.workstation.domain.ActionType;
import nl.sociallearning.workstation.domain.ModerationAction;
import nl.sociallearning.workstation.domain.OutboxState;
import nl.sociallearning.workstation.domain.TriageState;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;

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

    /** Lays the course's unsent actions over the cache again, in the order they were made. */
    static void reapplyPending(Connection c, String courseId) throws SQLException {
        List<ModerationAction> pendingActions = Jdbc.query(c, OutboxRepository.SELECT + " WHERE course_id = ? AND state = ?"
                + " ORDER BY seq", row -> OutboxRepository.map(row).action(), courseId, OutboxState.PENDING);
        for (ModerationAction a : pendingActions) {
            apply(c, a);
        }
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
