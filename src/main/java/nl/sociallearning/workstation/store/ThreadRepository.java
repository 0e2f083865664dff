package nl.sociallearning.workstation.store;

import nl.sociallearning.workstation.domain.DiscussionThread;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/** Threads in the cache. */
public final class ThreadRepository {

    private static final String SUMMARY = "SELECT t.*, a.display_name AS author_name, a.group_name AS author_group,"
            + " (SELECT COUNT(*) FROM post p WHERE p.course_id = t.course_id AND p.thread_id = t.id AND p.parent_id IS NOT NULL) AS replies,"
            + " (SELECT COALESCE(SUM(p.flag_count), 0) FROM post p WHERE p.course_id = t.course_id AND p.thread_id = t.id) AS flags"
            + " FROM thread t LEFT JOIN participant a ON a.course_id = t.course_id AND a.id = t.author_id";

    private final Jdbc jdbc;

    public ThreadRepository(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    /** The threads with the most recent activity first. */
    public List<ThreadSummary> newest(String courseId, int limit) {
        return jdbc.read(c -> Jdbc.query(c, SUMMARY + " WHERE t.course_id = ? ORDER BY t.last_activity_at DESC LIMIT ?",
                row -> new ThreadSummary(thread(row), row.getString("author_name"), row.getString("author_group"),
                        row.getInt("replies"), row.getInt("flags")),
                courseId, limit));
    }

    public Optional<DiscussionThread> find(String courseId, String id) {
        return jdbc.read(c -> Jdbc.queryOne(c, "SELECT * FROM thread WHERE course_id = ? AND id = ?",
                ThreadRepository::thread, courseId, id));
    }

    /** The ids of a course's threads, for checking the cache against a server. */
    public List<String> ids(String courseId) {
        return jdbc.read(c -> Jdbc.query(c, "SELECT id FROM thread WHERE course_id = ? ORDER BY id", row -> row.getString(1), courseId));
    }

    public long count(String courseId) {
        return jdbc.read(c -> Jdbc.count(c, "SELECT COUNT(*) FROM thread WHERE course_id = ?", courseId));
    }

    static DiscussionThread thread(ResultSet row) throws SQLException {
        return new DiscussionThread(row.getString("course_id"), row.getString("id"), row.getString("title"),
                row.getString("module"), row.getString("author_id"), Jdbc.instant(row, "created_at"),
                Jdbc.instant(row, "last_activity_at"), row.getBoolean("locked"), row.getBoolean("pinned"),
                row.getInt("version"));
    }
}
