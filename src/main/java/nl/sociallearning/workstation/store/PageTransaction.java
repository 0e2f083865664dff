package nl.sociallearning.workstation.store;

import nl.sociallearning.workstation.domain.ActivityEvent;
import nl.sociallearning.workstation.domain.Change;
import nl.sociallearning.workstation.domain.DiscussionThread;
import nl.sociallearning.workstation.domain.EntityKind;
import nl.sociallearning.workstation.domain.Participant;
import nl.sociallearning.workstation.domain.Post;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * One page of a course's change feed, written in a single transaction: the changes stream in one by one
 * (memory stays flat however large the page), and {@link #commit} stores the page's cursor with them.
 * Closing without committing rolls the whole page back, so a broken download leaves no trace.
 */
public final class PageTransaction implements AutoCloseable {

    private static final int BATCH = 500;

    private static final String MERGE_PARTICIPANT = "MERGE INTO participant (course_id, id, display_name, role, group_name,"
            + " enrolled_at, generation) KEY (course_id, id) VALUES (?, ?, ?, ?, ?, ?, ?)";
    private static final String MERGE_THREAD = "MERGE INTO thread (course_id, id, title, module, author_id, created_at,"
            + " last_activity_at, locked, pinned, version, generation) KEY (course_id, id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    private static final String MERGE_POST = "MERGE INTO post (course_id, id, thread_id, parent_id, author_id, created_at,"
            + " edited_at, body_html, body_overflow, hidden, deleted, approval, flag_count, version, generation)"
            + " KEY (course_id, id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    // An edit replaces the body: keep the one it replaces.
    private static final String KEEP_REVISION = "MERGE INTO post_revision (course_id, post_id, version, edited_at, body_html,"
            + " body_overflow) KEY (course_id, post_id, version) SELECT course_id, id, version, edited_at, body_html,"
            + " body_overflow FROM post WHERE course_id = ? AND id = ? AND version < ?";
    /** The longest body kept inline; longer ones go to the overflow column. */
    static final int INLINE_BODY = 1_000_000;
    private static final String MERGE_ACTIVITY = "MERGE INTO activity (course_id, id, participant_id, at, type, thread_id,"
            + " generation) KEY (course_id, id) VALUES (?, ?, ?, ?, ?, ?, ?)";

    private final Connection connection;
    private final String courseId;
    private final long generation;
    private final boolean fullPass;
    /** Activity before this is not stored (the course's retention period), or null: all is kept. */
    private final Instant keepActivityFrom;
    private final Map<Statement, PreparedStatement> statements = new EnumMap<>(Statement.class);
    private final Map<Statement, Integer> pending = new EnumMap<>(Statement.class);
    private final Set<String> touchedThreads = new HashSet<>();
    private final Set<String> touchedAuthors = new HashSet<>();
    private boolean passEnded;
    private boolean finished;

    private enum Statement { PARTICIPANT, THREAD, REVISION, POST, ACTIVITY }

    PageTransaction(Connection connection, String courseId, long generation, boolean fullPass, Instant keepActivityFrom) {
        this.connection = connection;
        this.courseId = courseId;
        this.generation = generation;
        this.fullPass = fullPass;
        this.keepActivityFrom = keepActivityFrom;
    }

    /** Marks a thread whose figures must be recomputed at commit (e.g. the target of a settled action). */
    void touchThread(String threadId) {
        if (threadId != null) {
            touchedThreads.add(threadId);
        }
    }

    /** Marks an author whose posts changed outside the page (e.g. a local reply given way to the server's). */
    void touchAuthor(String authorId) {
        if (authorId != null) {
            touchedAuthors.add(authorId);
        }
    }

    public void apply(Change change) {
        try {
            if (change instanceof Change.ParticipantUpsert u) {
                participant(u.participant());
            } else if (change instanceof Change.ThreadUpsert u) {
                thread(u.thread());
            } else if (change instanceof Change.PostUpsert u) {
                post(u.post());
            } else if (change instanceof Change.ActivityUpsert u) {
                activity(u.activity());
            } else {
                removal((Change.Removal) change);
            }
        } catch (SQLException e) {
            throw Jdbc.failure(e);
        }
    }

    private void participant(Participant p) throws SQLException {
        add(Statement.PARTICIPANT, MERGE_PARTICIPANT, courseId, p.id(), p.displayName(), p.role().name(), p.group(),
                p.enrolledAt(), generation);
    }

    private void thread(DiscussionThread t) throws SQLException {
        touchedThreads.add(t.id());
        add(Statement.THREAD, MERGE_THREAD, courseId, t.id(), t.title(), t.module(), t.authorId(), t.createdAt(),
                t.lastActivityAt(), t.locked(), t.pinned(), t.version(), generation);
    }

    private void post(Post p) throws SQLException {
        touchedThreads.add(p.threadId());
        touchAuthor(p.authorId());
        // Before the first full pass has ended the cache holds no earlier version to keep.
        if (p.version() > 1 && !(fullPass && generation == 1)) {
            // The revision must be copied before the new version replaces it: flush queued posts first.
            flush(Statement.POST);
            if (!fullPass) {
                // An edit could name another author: the one it had must lose the post from their strip.
                Jdbc.queryOne(connection, "SELECT author_id FROM post WHERE course_id = ? AND id = ?",
                        row -> row.getString(1), courseId, p.id()).ifPresent(this::touchAuthor);
            }
            add(Statement.REVISION, KEEP_REVISION, courseId, p.id(), p.version());
            flush(Statement.REVISION);
        }
        boolean inline = p.bodyHtml().length() <= INLINE_BODY;
        add(Statement.POST, MERGE_POST, courseId, p.id(), p.threadId(), p.parentId(), p.authorId(), p.createdAt(),
                p.editedAt(), inline ? p.bodyHtml() : "", inline ? null : p.bodyHtml(), p.hidden(), p.deleted(),
                p.approval().name(), p.flagCount(), p.version(), generation);
    }

    private void activity(ActivityEvent a) throws SQLException {
        if (keepActivityFrom != null && a.at().isBefore(keepActivityFrom)) {
            return;
        }
        add(Statement.ACTIVITY, MERGE_ACTIVITY, courseId, a.id(), a.participantId(), a.at(), a.type().name(),
                a.threadId(), generation);
    }

    private void removal(Change.Removal r) throws SQLException {
        flushAll();
        String id = r.entityId();
        switch (r.kind()) {
            case PARTICIPANT -> Jdbc.update(connection, "DELETE FROM participant WHERE course_id = ? AND id = ?", courseId, id);
            case THREAD -> {
                touchedThreads.add(id);
                Jdbc.query(connection, "SELECT DISTINCT author_id FROM post WHERE course_id = ? AND thread_id = ?",
                        row -> row.getString(1), courseId, id).forEach(this::touchAuthor);
                Jdbc.update(connection, "DELETE FROM post_revision WHERE course_id = ? AND post_id IN"
                        + " (SELECT id FROM post WHERE course_id = ? AND thread_id = ?)", courseId, courseId, id);
                Jdbc.update(connection, "DELETE FROM post WHERE course_id = ? AND thread_id = ?", courseId, id);
                Jdbc.update(connection, "DELETE FROM thread WHERE course_id = ? AND id = ?", courseId, id);
            }
            case POST -> {
                Jdbc.queryOne(connection, "SELECT thread_id, author_id FROM post WHERE course_id = ? AND id = ?",
                        row -> new String[] {row.getString(1), row.getString(2)}, courseId, id).ifPresent(found -> {
                            touchedThreads.add(found[0]);
                            touchAuthor(found[1]);
                        });
                Jdbc.update(connection, "DELETE FROM post_revision WHERE course_id = ? AND post_id = ?", courseId, id);
                Jdbc.update(connection, "DELETE FROM post WHERE course_id = ? AND id = ?", courseId, id);
            }
            case ACTIVITY -> Jdbc.update(connection, "DELETE FROM activity WHERE course_id = ? AND id = ?", courseId, id);
        }
    }

    private void add(Statement kind, String sql, Object... params) throws SQLException {
        PreparedStatement s = statements.get(kind);
        if (s == null) {
            s = connection.prepareStatement(sql);
            statements.put(kind, s);
        }
        Jdbc.bind(s, params);
        s.addBatch();
        int n = pending.merge(kind, 1, Integer::sum);
        if (n >= BATCH) {
            flush(kind);
        }
    }

    private void flush(Statement kind) throws SQLException {
        Integer n = pending.get(kind);
        if (n != null && n > 0) {
            statements.get(kind).executeBatch();
            pending.put(kind, 0);
        }
    }

    private void flushAll() throws SQLException {
        for (Statement kind : Statement.values()) {
            flush(kind);
        }
    }

    /**
     * Stores the page and its cursor together. When the page ends a full pass, every row the pass did not
     * write is removed: the server no longer has it. Pending outbox actions are laid over the new server state
     * again, so that what the user did stays visible until the server has it.
     */
    public void commit(String cursor, boolean endOfFeed) {
        passEnded = fullPass && endOfFeed;
        commitWith(c -> {
            if (fullPass && endOfFeed) {
                removeStaleRows();
            }
            Jdbc.update(c, "UPDATE sync_state SET cursor = ?, full_pass = ?, last_sync_at = CURRENT_TIMESTAMP,"
                    + " last_error = NULL, read_baseline = CASE WHEN ? THEN COALESCE(read_baseline, CURRENT_TIMESTAMP)"
                    + " ELSE read_baseline END WHERE course_id = ?", cursor, fullPass && !endOfFeed, endOfFeed, courseId);
            return null;
        });
    }

    /**
     * Commits the changes together with other work on the same connection (e.g. settling an outbox action), and
     * brings the feed's per-thread figures and the heatmap's post strips up to date: for the threads and authors
     * touched, or for the whole course when a full pass ends (during a full pass they wait for its end: threads
     * and authors are touched many times over).
     */
    void commitWith(Jdbc.Work<?> alongside) {
        try {
            flushAll();
            alongside.apply(connection);
            touchedThreads.addAll(LocalEffects.reapplyPending(connection, courseId));
            // Thread by thread costs a few milliseconds each; past a few hundred threads one pass over the course wins.
            if (passEnded || (!fullPass && touchedThreads.size() > 300)) {
                ThreadStatsWriter.refreshAll(connection, courseId);
            } else if (!fullPass) {
                ThreadStatsWriter.refresh(connection, courseId, touchedThreads);
            }
            PostStrips.afterPage(connection, courseId, touchedAuthors, fullPass, passEnded);
            connection.commit();
            finished = true;
        } catch (SQLException e) {
            throw Jdbc.failure(e);
        }
    }

    private void removeStaleRows() throws SQLException {
        for (String table : new String[] {"participant", "thread", "post", "activity"}) {
            Jdbc.update(connection, "DELETE FROM " + table + " WHERE course_id = ? AND generation < ?", courseId, generation);
        }
        Jdbc.update(connection, "DELETE FROM post_revision r WHERE course_id = ? AND NOT EXISTS"
                + " (SELECT 1 FROM post p WHERE p.course_id = r.course_id AND p.id = r.post_id)", courseId);
    }

    @Override
    public void close() {
        try {
            if (!finished) {
                connection.rollback();
            }
            for (PreparedStatement s : statements.values()) {
                s.close();
            }
            connection.setAutoCommit(true);
        } catch (SQLException e) {
            // The connection is going back to the pool or is already broken; nothing was committed.
        } finally {
            try {
                connection.close();
            } catch (SQLException ignored) {
                // see above
            }
        }
    }
}
