package nl.sociallearning.workstation.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import nl.sociallearning.workstation.domain.ActionType;
import nl.sociallearning.workstation.domain.Change;
import nl.sociallearning.workstation.domain.ModerationAction;
import nl.sociallearning.workstation.domain.OutboxEntry;
import nl.sociallearning.workstation.domain.OutboxState;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The user's actions, from the moment they are made until the server has answered, and after that as the
 * action log. An action and its local effect commit together: once {@link #enqueue} returns, it survives
 * a crash.
 */
public final class OutboxRepository {

    static final String SELECT = "SELECT seq, id, course_id, actor_id, type, target_id, base_version, payload, created_at,"
            + " state, attempts, detail, settled_at FROM outbox";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<Map<String, String>> PAYLOAD = new TypeReference<>() { };

    private final Jdbc jdbc;
    private final ChangeWriter changes;

    public OutboxRepository(Jdbc jdbc, ChangeWriter changes) {
        this.jdbc = jdbc;
        this.changes = changes;
    }

    public void enqueue(ModerationAction action) {
        jdbc.writeDurably(c -> {
            Jdbc.update(c, "INSERT INTO outbox (id, course_id, actor_id, type, target_id, base_version, payload, created_at,"
                            + " state, previous_state) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    action.id(), action.courseId(), action.actorId(), action.type(), action.targetId(),
                    action.baseVersion(), toJson(action.payload()), action.createdAt(), OutboxState.PENDING,
                    toJson(LocalEffects.capture(c, action)));
            LocalEffects.apply(c, action);
            ThreadStatsWriter.refresh(c, action.courseId(), LocalEffects.threadOf(c, action).stream().toList());
            PostStrips.afterLocalChange(c, action.courseId(), LocalEffects.authorsChanged(action));
            return null;
        });
    }

    /**
     * Takes back an action that has not been sent: its effect on the cache is undone and it is marked
     * {@link OutboxState#DISCARDED}. Returns false when it is being sent or was settled: then it cannot be.
     */
    public boolean discard(UUID id) {
        return jdbc.writeDurably(c -> {
            Optional<OutboxEntry> pending = Jdbc.queryOne(c, SELECT + " WHERE id = ? AND state = ?", OutboxRepository::map,
                    id, OutboxState.PENDING);
            if (pending.isEmpty()) {
                return false;
            }
            ModerationAction action = pending.get().action();
            Set<String> threads = new HashSet<>(LocalEffects.threadOf(c, action).stream().toList());
            String previous = Jdbc.queryOne(c, "SELECT previous_state FROM outbox WHERE id = ?", row -> row.getString(1), id)
                    .orElse(null);
            LocalEffects.revert(c, action, previous == null ? Map.of() : fromJson(previous));
            Jdbc.update(c, "UPDATE outbox SET state = ?, settled_at = ? WHERE id = ?", OutboxState.DISCARDED, Instant.now(), id);
            threads.addAll(LocalEffects.reapplyPending(c, action.courseId()));
            ThreadStatsWriter.refresh(c, action.courseId(), threads);
            PostStrips.afterLocalChange(c, action.courseId(), LocalEffects.authorsChanged(action));
            return true;
        });
    }

    /**
     * Sets a conflict or rejection aside once the user has seen it (it stays in the log as discarded). Returns
     * false when the action is not one that needs attention.
     */
    public boolean dismiss(UUID id) {
        return jdbc.writeDurably(c -> Jdbc.update(c, "UPDATE outbox SET state = ? WHERE id = ? AND state IN (?, ?)",
                OutboxState.DISCARDED, id, OutboxState.CONFLICT, OutboxState.REJECTED) == 1);
    }

    /**
     * Claims a pending action for sending, so that it can no longer be discarded. False when it is not pending
     * (the user took it back a moment ago).
     */
    public boolean claimForSending(UUID id) {
        return jdbc.write(c -> Jdbc.update(c, "UPDATE outbox SET state = ? WHERE id = ? AND state = ?", OutboxState.SENDING,
                id, OutboxState.PENDING) == 1);
    }

    /** An action whose sending failed goes back to waiting, in its place. */
    public void releaseAfterFailure(UUID id, String detail) {
        jdbc.write(c -> Jdbc.update(c, "UPDATE outbox SET state = ?, attempts = attempts + 1, detail = ? WHERE id = ?"
                + " AND state = ?", OutboxState.PENDING, detail, id, OutboxState.SENDING));
    }

    /** After a crash, actions caught while being sent wait again; their idempotency keys make resending safe. */
    public void recoverInterruptedSends() {
        jdbc.write(c -> Jdbc.update(c, "UPDATE outbox SET state = ? WHERE state = ?", OutboxState.PENDING, OutboxState.SENDING));
    }

    /** Unsent actions of all courses, oldest first: the order in which they must reach the server. */
    public List<OutboxEntry> pending() {
        return jdbc.read(c -> Jdbc.query(c, SELECT + " WHERE state IN (?, ?) ORDER BY seq", OutboxRepository::map,
                OutboxState.PENDING, OutboxState.SENDING));
    }

    public Optional<OutboxEntry> find(UUID id) {
        return jdbc.read(c -> Jdbc.queryOne(c, SELECT + " WHERE id = ?", OutboxRepository::map, id));
    }

    /** Every action of a course, newest first: the action log. */
    public List<OutboxEntry> log(String courseId) {
        return jdbc.read(c -> Jdbc.query(c, SELECT + " WHERE course_id = ? ORDER BY seq DESC", OutboxRepository::map, courseId));
    }

    public long countPending() {
        return jdbc.read(c -> Jdbc.count(c, "SELECT COUNT(*) FROM outbox WHERE state IN (?, ?)", OutboxState.PENDING,
                OutboxState.SENDING));
    }

    /** Conflicts and rejections waiting for the user: kept, never dropped. */
    /** The actions on some targets of a course (a thread and its posts), newest first: a thread's action log. */
    public List<OutboxEntry> logFor(String courseId, java.util.Collection<String> targetIds) {
        return jdbc.read(c -> Jdbc.query(c, SELECT + " WHERE course_id = ? AND target_id = ANY(?) ORDER BY seq DESC",
                OutboxRepository::map, courseId, targetIds));
    }

    public long countNeedingAttention() {
        return jdbc.read(c -> Jdbc.count(c, "SELECT COUNT(*) FROM outbox WHERE state IN (?, ?)", OutboxState.CONFLICT,
                OutboxState.REJECTED));
    }

    public List<OutboxEntry> needingAttention() {
        return jdbc.read(c -> Jdbc.query(c, SELECT + " WHERE state IN (?, ?) ORDER BY seq", OutboxRepository::map,
                OutboxState.CONFLICT, OutboxState.REJECTED));
    }

    /**
     * Records the server's answer and, in the same transaction, the server's state of what the action touched:
     * the applied entity, or the current one that made it conflict. A reply's local stand-in post gives way
     * to the server's post.
     */
    public void settle(ModerationAction action, OutboxState state, String detail, List<Change> serverState) {
        try (PageTransaction page = changes.beginPage(action.courseId())) {
            serverState.forEach(page::apply);
            page.commitWith(c -> {
                LocalEffects.threadOf(c, action).ifPresent(page::touchThread);
                LocalEffects.authorsChanged(action).forEach(page::touchAuthor);
                Jdbc.update(c, "UPDATE outbox SET state = ?, detail = ?, attempts = attempts + 1, settled_at = ?"
                        + " WHERE id = ?", state, detail, Instant.now(), action.id());
                if (action.type() == ActionType.REPLY && state != OutboxState.LOCAL_ONLY) {
                    Jdbc.update(c, "DELETE FROM post WHERE course_id = ? AND id = ?", action.courseId(),
                            LocalEffects.localPostId(action));
                }
                return null;
            });
        }
    }

    static OutboxEntry map(ResultSet row) throws SQLException {
        ModerationAction action = new ModerationAction(
                row.getObject("id", UUID.class),
                row.getString("course_id"),
                row.getString("actor_id"),
                ActionType.valueOf(row.getString("type")),
                row.getString("target_id"),
                (Integer) row.getObject("base_version"),
                fromJson(row.getString("payload")),
                Jdbc.instant(row, "created_at"));
        return new OutboxEntry(row.getLong("seq"), action, OutboxState.valueOf(row.getString("state")),
                row.getInt("attempts"), row.getString("detail"), Jdbc.instant(row, "settled_at"));
    }

    private static String toJson(Map<String, String> payload) {
        try {
            return JSON.writeValueAsString(payload);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("payload cannot be stored", e);
        }
    }

    private static Map<String, String> fromJson(String json) throws SQLException {
        try {
            return JSON.readValue(json, PAYLOAD);
        } catch (JsonProcessingException e) {
            throw new SQLException("stored payload is not readable: " + e.getMessage(), e);
        }
    }
}
