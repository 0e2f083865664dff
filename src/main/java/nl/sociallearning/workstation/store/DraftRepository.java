package nl.sociallearning.workstation.store;

import nl.sociallearning.workstation.domain.Draft;

import java.util.List;
import java.util.Optional;

/** Replies being typed. Saved durably: a crash right after a keystroke loses nothing typed before it. */
public final class DraftRepository {

    private final Jdbc jdbc;

    public DraftRepository(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    public void save(Draft draft) {
        jdbc.writeDurably(c -> Jdbc.update(c, "MERGE INTO draft (course_id, parent_post_id, thread_id, body, updated_at)"
                        + " KEY (course_id, parent_post_id) VALUES (?, ?, ?, ?, ?)", draft.courseId(), draft.parentPostId(),
                draft.threadId(), draft.body(), draft.updatedAt()));
    }

    public Optional<Draft> find(String courseId, String parentPostId) {
        return jdbc.read(c -> Jdbc.queryOne(c, "SELECT * FROM draft WHERE course_id = ? AND parent_post_id = ?",
                DraftRepository::draft, courseId, parentPostId));
    }

    /** Drafts of a thread, newest first (a reply may be half-written to several of its posts). */
    public List<Draft> inThread(String courseId, String threadId) {
        return jdbc.read(c -> Jdbc.query(c, "SELECT * FROM draft WHERE course_id = ? AND thread_id = ? ORDER BY updated_at DESC",
                DraftRepository::draft, courseId, threadId));
    }

    public void delete(String courseId, String parentPostId) {
        jdbc.writeDurably(c -> Jdbc.update(c, "DELETE FROM draft WHERE course_id = ? AND parent_post_id = ?", courseId,
                parentPostId));
    }

    private static Draft draft(java.sql.ResultSet row) throws java.sql.SQLException {
        return new Draft(row.getString("course_id"), row.getString("thread_id"), row.getString("parent_post_id"),
                row.getString("body"), Jdbc.instant(row, "updated_at"));
    }
}
