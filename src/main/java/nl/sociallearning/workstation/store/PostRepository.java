package nl.sociallearning.workstation.store;

import nl.sociallearning.workstation.domain.Approval;
import nl.sociallearning.workstation.domain.Post;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/** Posts in the cache, and the earlier versions of edited ones. */
public final class PostRepository {

    private final Jdbc jdbc;

    public PostRepository(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    /** A thread's posts in the order they were written; {@code parentId} gives the reply tree. */
    public List<Post> inThread(String courseId, String threadId) {
        return jdbc.read(c -> Jdbc.query(c, "SELECT * FROM post WHERE course_id = ? AND thread_id = ? ORDER BY created_at, id",
                PostRepository::post, courseId, threadId));
    }

    public Optional<Post> find(String courseId, String id) {
        return jdbc.read(c -> Jdbc.queryOne(c, "SELECT * FROM post WHERE course_id = ? AND id = ?",
                PostRepository::post, courseId, id));
    }

    public long count(String courseId) {
        return jdbc.read(c -> Jdbc.count(c, "SELECT COUNT(*) FROM post WHERE course_id = ?", courseId));
    }

    /** The ids of a course's posts, for checking the cache against a server. */
    public List<String> ids(String courseId) {
        return jdbc.read(c -> Jdbc.query(c, "SELECT id FROM post WHERE course_id = ? ORDER BY id", row -> row.getString(1), courseId));
    }

    /** The ids of one thread's posts, for checking a thread the server sent whole against the cache. */
    public List<String> idsOf(String courseId, String threadId) {
        return jdbc.read(c -> Jdbc.query(c, "SELECT id FROM post WHERE course_id = ? AND thread_id = ? ORDER BY id",
                row -> row.getString(1), courseId, threadId));
    }

    /** The threads of some posts of a course, as feed keys ("course/thread"). */
    public java.util.Set<String> threadKeysOf(String courseId, java.util.Collection<String> postIds) {
        if (postIds.isEmpty()) {
            return java.util.Set.of();
        }
        return new java.util.HashSet<>(jdbc.read(c -> Jdbc.query(c, "SELECT DISTINCT thread_id FROM post"
                + " WHERE course_id = ? AND id = ANY(?)", row -> courseId + "/" + row.getString(1), courseId, postIds)));
    }

    /** Earlier bodies of an edited post, oldest first. */
    public List<String> revisions(String courseId, String postId) {
        return jdbc.read(c -> Jdbc.query(c, "SELECT COALESCE(body_overflow, body_html) FROM post_revision"
                + " WHERE course_id = ? AND post_id = ? ORDER BY version", row -> row.getString(1), courseId, postId));
    }

    private static String body(ResultSet row) throws SQLException {
        String overflow = row.getString("body_overflow");
        return overflow != null ? overflow : row.getString("body_html");
    }

    static Post post(ResultSet row) throws SQLException {
        return new Post(row.getString("course_id"), row.getString("id"), row.getString("thread_id"),
                row.getString("parent_id"), row.getString("author_id"), Jdbc.instant(row, "created_at"),
                Jdbc.instant(row, "edited_at"), body(row), row.getBoolean("hidden"),
                row.getBoolean("deleted"), Approval.valueOf(row.getString("approval")), row.getInt("flag_count"),
                row.getInt("version"));
    }
}
