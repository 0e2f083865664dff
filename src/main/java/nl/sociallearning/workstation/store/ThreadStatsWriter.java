package nl.sociallearning.workstation.store;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Recomputes the per-thread figures the feed sorts, filters and counts by (table {@code thread_stats}) from
 * the posts themselves, for some threads of a course or for all of them.
 */
final class ThreadStatsWriter {

    private static final int CHUNK = 1000;

    // Deleted posts do not count; "others" are people other than the thread's author.
    private static final String MERGE = """
            MERGE INTO thread_stats (course_id, thread_id, post_count, reply_count, replies_by_others, moderator_replies,
                peer_replies, first_reply_at, first_moderator_reply_at, last_post_at, last_participant_post_at,
                last_moderator_post_at, flag_count, pending_count, hidden_count, opener_question, author_first_post)
            KEY (course_id, thread_id)
            SELECT t.course_id, t.id,
                COUNT(p.id),
                COUNT(CASE WHEN p.parent_id IS NOT NULL THEN 1 END),
                COUNT(CASE WHEN p.parent_id IS NOT NULL AND p.author_id <> t.author_id THEN 1 END),
                COUNT(CASE WHEN p.parent_id IS NOT NULL AND a.role = 'MODERATOR' THEN 1 END),
                COUNT(CASE WHEN p.parent_id IS NOT NULL AND COALESCE(a.role, '') <> 'MODERATOR' THEN 1 END),
                MIN(CASE WHEN p.parent_id IS NOT NULL AND p.author_id <> t.author_id THEN p.created_at END),
                MIN(CASE WHEN p.parent_id IS NOT NULL AND a.role = 'MODERATOR' THEN p.created_at END),
                MAX(p.created_at),
                MAX(CASE WHEN COALESCE(a.role, '') <> 'MODERATOR' THEN p.created_at END),
                MAX(CASE WHEN a.role = 'MODERATOR' THEN p.created_at END),
                COALESCE(SUM(p.flag_count), 0),
                COUNT(CASE WHEN p.approval = 'PENDING' THEN 1 END),
                COUNT(CASE WHEN p.hidden THEN 1 END),
                POSITION('?' IN t.title) > 0
                    OR COALESCE(MAX(CASE WHEN p.parent_id IS NULL AND POSITION('?' IN p.body_html) > 0 THEN 1 END), 0) = 1,
                t.created_at <= COALESCE((SELECT MIN(f.created_at) FROM post f
                    WHERE f.course_id = t.course_id AND f.author_id = t.author_id AND NOT f.deleted), t.created_at)
            FROM thread t
            LEFT JOIN post p ON p.course_id = t.course_id AND p.thread_id = t.id AND NOT p.deleted
            LEFT JOIN participant a ON a.course_id = p.course_id AND a.id = p.author_id
            WHERE t.course_id = ? %s
            GROUP BY t.course_id, t.id, t.author_id, t.title, t.created_at
            """;

    private ThreadStatsWriter() {
    }

    static void refreshAll(Connection c, String courseId) throws SQLException {
        Jdbc.update(c, "DELETE FROM thread_stats WHERE course_id = ?", courseId);
        Jdbc.update(c, String.format(MERGE, ""), courseId);
    }

    static void refresh(Connection c, String courseId, Collection<String> threadIds) throws SQLException {
        if (threadIds.isEmpty()) {
            return;
        }
        List<String> ids = new ArrayList<>(threadIds);
        for (int from = 0; from < ids.size(); from += CHUNK) {
            Array chunk = c.createArrayOf("VARCHAR", ids.subList(from, Math.min(ids.size(), from + CHUNK)).toArray());
            try (PreparedStatement s = c.prepareStatement(String.format(MERGE, "AND t.id = ANY(?)"))) {
                s.setString(1, courseId);
                s.setArray(2, chunk);
                s.executeUpdate();
            }
            try (PreparedStatement s = c.prepareStatement(
                    "DELETE FROM thread_stats WHERE course_id = ? AND thread_id = ANY(?) AND NOT EXISTS"
                            + " (SELECT 1 FROM thread t WHERE t.course_id = thread_stats.course_id AND t.id = thread_stats.thread_id)")) {
                s.setString(1, courseId);
                s.setArray(2, chunk);
                s.executeUpdate();
            }
        }
    }
}
