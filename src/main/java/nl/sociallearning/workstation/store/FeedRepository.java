package nl.sociallearning.workstation.store;

import nl.sociallearning.workstation.domain.ModeratorNote;
import nl.sociallearning.workstation.domain.ParticipantRole;
import nl.sociallearning.workstation.domain.Post;
import nl.sociallearning.workstation.domain.Triage;
import nl.sociallearning.workstation.domain.TriageRules;
import nl.sociallearning.workstation.domain.TriageState;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

/** What the feed reads: every thread with its figures, search, authors' history, notes, read marks. */
public final class FeedRepository {

    private static final String ROWS = """
            SELECT t.*, a.display_name AS author_name, a.group_name AS author_group, a.role AS author_role,
                COALESCE(s.post_count, 0) AS post_count, COALESCE(s.reply_count, 0) AS reply_count,
                COALESCE(s.replies_by_others, 0) AS replies_by_others, COALESCE(s.moderator_replies, 0) AS moderator_replies,
                COALESCE(s.peer_replies, 0) AS peer_replies, s.first_reply_at, s.last_post_at,
                s.last_participant_post_at, s.last_moderator_post_at, COALESCE(s.flag_count, 0) AS flag_count,
                COALESCE(s.pending_count, 0) AS pending_count, COALESCE(s.opener_question, FALSE) AS opener_question,
                COALESCE(s.author_first_post, FALSE) AS author_first_post,
                tr.state AS triage_state, tr.assignee, tr.snoozed_until, tr.updated_at AS triage_updated_at,
                CASE WHEN COALESCE(r.read_up_to, ss.read_baseline) IS NULL THEN COALESCE(s.post_count, 0)
                     WHEN s.last_post_at IS NULL OR s.last_post_at <= COALESCE(r.read_up_to, ss.read_baseline) THEN 0
                     ELSE (SELECT COUNT(*) FROM post u WHERE u.course_id = t.course_id AND u.thread_id = t.id
                           AND NOT u.deleted AND u.created_at > COALESCE(r.read_up_to, ss.read_baseline)) END AS unread
            FROM thread t
            JOIN sync_state ss ON ss.course_id = t.course_id
            LEFT JOIN thread_stats s ON s.course_id = t.course_id AND s.thread_id = t.id
            LEFT JOIN participant a ON a.course_id = t.course_id AND a.id = t.author_id
            LEFT JOIN triage tr ON tr.course_id = t.course_id AND tr.thread_id = t.id
            LEFT JOIN thread_read r ON r.course_id = t.course_id AND r.thread_id = t.id
            """;

    private final Jdbc jdbc;

    public FeedRepository(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    /** Every thread of a course, or of all courses when {@code courseId} is null. */
    public List<FeedRow> rows(String courseId) {
        return jdbc.read(c -> courseId == null
                ? Jdbc.query(c, ROWS, FeedRepository::row)
                : Jdbc.query(c, ROWS + " WHERE t.course_id = ?", FeedRepository::row, courseId));
    }

    public java.util.Optional<FeedRow> row(String courseId, String threadId) {
        return jdbc.read(c -> Jdbc.queryOne(c, ROWS + " WHERE t.course_id = ? AND t.id = ?", FeedRepository::row,
                courseId, threadId));
    }

    /**
     * Threads whose title or posts contain the text (case-insensitive), as {@link FeedRow#key()}s. Posts are
     * matched on their HTML, so a word inside a tag name could match; the feed shows the thread, not a snippet.
     */
    public Set<String> search(String courseId, String text) {
        String escaped = text.toLowerCase(Locale.ROOT).replace("!", "!!").replace("%", "!%").replace("_", "!_");
        String pattern = "%" + escaped + "%";
        String scope = courseId == null ? "" : " AND course_id = ?";
        Object[] params = courseId == null ? new Object[] {pattern, pattern} : new Object[] {pattern, courseId, pattern, courseId};
        return jdbc.read(c -> new HashSet<>(Jdbc.query(c,
                "SELECT course_id || '/' || id FROM thread WHERE LOWER(title) LIKE ? ESCAPE '!'" + scope
                        + " UNION SELECT DISTINCT course_id || '/' || thread_id FROM post WHERE LOWER(body_html) LIKE ? ESCAPE '!'"
                        + scope, row -> row.getString(1), params)));
    }

    /** Receives a thread's title and the bodies of its posts. */
    @FunctionalInterface
    public interface ThreadText {
        void accept(String threadKey, String title, List<String> bodies);
    }

    /**
     * Streams the titles and post bodies of a course's threads (all, or those named), one thread at a time: the
     * search index reads a course of 100 000 posts in one query instead of one per thread.
     */
    public void threadTexts(String courseId, java.util.Collection<String> threadIds, ThreadText sink) {
        String filter = threadIds == null ? "" : " AND t.id = ANY(?)";
        jdbc.read(c -> {
            try (var s = c.prepareStatement("SELECT t.id, t.title, p.body_html FROM thread t LEFT JOIN post p"
                    + " ON p.course_id = t.course_id AND p.thread_id = t.id WHERE t.course_id = ?" + filter
                    + " ORDER BY t.id")) {
                s.setString(1, courseId);
                if (threadIds != null) {
                    s.setArray(2, c.createArrayOf("VARCHAR", threadIds.toArray()));
                }
                s.setFetchSize(2000);
                try (ResultSet r = s.executeQuery()) {
                    String current = null;
                    String title = null;
                    List<String> bodies = new java.util.ArrayList<>();
                    while (r.next()) {
                        String id = r.getString(1);
                        if (!id.equals(current)) {
                            if (current != null) {
                                sink.accept(courseId + "/" + current, title, bodies);
                            }
                            current = id;
                            title = r.getString(2);
                            bodies = new java.util.ArrayList<>();
                        }
                        String body = r.getString(3);
                        if (body != null) {
                            bodies.add(body);
                        }
                    }
                    if (current != null) {
                        sink.accept(courseId + "/" + current, title, bodies);
                    }
                }
            }
            return null;
        });
    }

    /** The posts an author wrote in a course, newest first, with the thread titles. */
    public List<AuthorPost> history(String courseId, String authorId, int limit) {
        return jdbc.read(c -> Jdbc.query(c, "SELECT p.*, t.title FROM post p JOIN thread t ON t.course_id = p.course_id"
                        + " AND t.id = p.thread_id WHERE p.course_id = ? AND p.author_id = ? ORDER BY p.created_at DESC LIMIT ?",
                row -> new AuthorPost(PostRepository.post(row), row.getString("title")), courseId, authorId, limit));
    }

    public long postCount(String courseId, String authorId) {
        return jdbc.read(c -> Jdbc.count(c, "SELECT COUNT(*) FROM post WHERE course_id = ? AND author_id = ?", courseId, authorId));
    }

    public List<ModeratorNote> notes(String courseId, String targetId) {
        return jdbc.read(c -> Jdbc.query(c, "SELECT * FROM moderator_note WHERE course_id = ? AND target_id = ?"
                        + " ORDER BY created_at", row -> new ModeratorNote(row.getObject("id", UUID.class),
                        row.getString("course_id"), row.getString("target_id"), row.getString("text"),
                        Jdbc.instant(row, "created_at")),
                courseId, targetId));
    }

    /** Marks a thread read up to a moment (usually its newest post, when the moderator opens it). */
    public void markRead(String courseId, String threadId, Instant upTo) {
        jdbc.write(c -> Jdbc.update(c, "MERGE INTO thread_read (course_id, thread_id, read_up_to) KEY (course_id, thread_id)"
                + " VALUES (?, ?, ?)", courseId, threadId, upTo));
    }

    /** A post by an author, with the title of its thread. */
    public record AuthorPost(Post post, String threadTitle) { }

    private static FeedRow row(ResultSet r) throws SQLException {
        Instant created = Jdbc.instant(r, "created_at");
        TriageRules.Facts facts = new TriageRules.Facts(created, "MODERATOR".equals(r.getString("author_role")),
                r.getInt("replies_by_others") > 0,
                r.getBoolean("opener_question"), r.getBoolean("author_first_post"), r.getInt("flag_count"),
                r.getInt("pending_count"), Jdbc.instant(r, "last_participant_post_at"), Jdbc.instant(r, "last_moderator_post_at"));
        String state = r.getString("triage_state");
        Triage triage = state == null ? null : new Triage(r.getString("course_id"), r.getString("id"),
                TriageState.valueOf(state), r.getString("assignee"), Jdbc.instant(r, "snoozed_until"),
                Jdbc.instant(r, "triage_updated_at"));
        String role = r.getString("author_role");
        return new FeedRow(ThreadRepository.thread(r), r.getString("author_name"), r.getString("author_group"),
                role == null ? null : ParticipantRole.valueOf(role), r.getInt("post_count"), r.getInt("reply_count"),
                r.getInt("moderator_replies"), r.getInt("peer_replies"), Jdbc.instant(r, "first_reply_at"),
                Jdbc.instant(r, "last_post_at"), r.getInt("flag_count"), r.getInt("pending_count"), r.getInt("unread"),
                facts, triage);
    }
}
