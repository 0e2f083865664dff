package nl.sociallearning.workstation.store;

import nl.sociallearning.workstation.domain.Participant;
import nl.sociallearning.workstation.domain.ParticipantRole;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;

/**
 * What the activity heatmap reads: a course's participants, and its posts and reads as plain (who, when) pairs,
 * streamed in one query per source and counted in Java. H2's GROUP BY over the large course is far slower than
 * reading the rows. The post times come packed per author ({@code post_strip}, V7), the reads and the second
 * read from covering indexes ({@code post_by_author}, {@code activity_by_type}, V6), so the bodies stay on disk.
 */
public final class HeatmapRepository {

    /** Receives one event: who, and when (seconds since the epoch). */
    @FunctionalInterface
    public interface EventSink {
        void accept(String participantId, long epochSecond);
    }

    /** Receives one read: who, when (seconds since the epoch) and which thread. */
    @FunctionalInterface
    public interface ViewSink {
        void accept(String participantId, long epochSecond, String threadId);
    }

    /** Receives one post with what the reply network and the module columns need. */
    @FunctionalInterface
    public interface PostSink {
        void accept(String id, String authorId, String parentId, String threadId, long epochSecond);
    }

    /** A thread's module and when it was opened. */
    public record ThreadModule(String threadId, String module, Instant createdAt) { }

    private static final int FETCH = 5000;

    private final Jdbc jdbc;

    public HeatmapRepository(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    /** Everyone enrolled in a course (every role), in no particular order. */
    public List<Participant> participants(String courseId) {
        return jdbc.read(c -> Jdbc.query(c, "SELECT id, display_name, role, group_name, enrolled_at FROM participant"
                        + " WHERE course_id = ?",
                row -> new Participant(courseId, row.getString(1), row.getString(2),
                        ParticipantRole.valueOf(row.getString(3)), row.getString(4), Jdbc.instant(row, "enrolled_at")),
                courseId));
    }

    /**
     * Every post of a course as (author, time), soft-deleted and held ones included: they were written. Read from
     * the course's post strips ({@link PostStrips}, one row per author) while they are current, otherwise from the
     * author index; either way the bodies stay on disk, and an author's posts arrive together.
     */
    public void postTimes(String courseId, EventSink sink) {
        jdbc.read(c -> {
            if (PostStrips.current(c, courseId)) {
                PostStrips.read(c, courseId, (author, times, count) -> {
                    for (int i = 0; i < count; i++) {
                        sink.accept(author, times[i]);
                    }
                });
            } else {
                postTimesFromPosts(c, courseId, sink);
            }
            return null;
        });
    }

    /**
     * The same as {@link #postTimes}, always from the posts themselves: what the strips must match, and what the
     * benchmark compares them with.
     */
    public void postTimesFromPosts(String courseId, EventSink sink) {
        jdbc.read(c -> {
            postTimesFromPosts(c, courseId, sink);
            return null;
        });
    }

    /** Whether {@link #postTimes} reads the course's strips (true) or its posts. */
    boolean stripsCurrent(String courseId) {
        return jdbc.read(c -> PostStrips.current(c, courseId));
    }

    private void postTimesFromPosts(Connection c, String courseId, EventSink sink) throws SQLException {
        streamOn(c, "SELECT author_id, created_at FROM post USE INDEX (post_by_author) WHERE course_id = ?", courseId,
                r -> {
                    String author = r.getString(1);
                    if (author != null) {
                        sink.accept(author, epochSecond(r, 2));
                    }
                });
    }

    /** Every read (VIEW activity) of a course as (reader, time, thread). Logins are not reads. */
    public void views(String courseId, ViewSink sink) {
        stream("SELECT participant_id, at, thread_id FROM activity USE INDEX (activity_by_type)"
                        + " WHERE course_id = ? AND type = 'VIEW'", courseId,
                r -> sink.accept(r.getString(1), epochSecond(r, 2), r.getString(3)));
    }

    /** Every post of a course with its author, parent and thread: for replies, modules and the reply network. */
    public void posts(String courseId, PostSink sink) {
        stream("SELECT id, author_id, parent_id, thread_id, created_at FROM post USE INDEX (post_by_author)"
                        + " WHERE course_id = ?", courseId,
                r -> sink.accept(r.getString(1), r.getString(2), r.getString(3), r.getString(4), epochSecond(r, 5)));
    }

    /** Each thread's module (null when it has none) and opening time. */
    public List<ThreadModule> threadModules(String courseId) {
        return jdbc.read(c -> Jdbc.query(c, "SELECT id, module, created_at FROM thread WHERE course_id = ?",
                row -> new ThreadModule(row.getString(1), row.getString(2), Jdbc.instant(row, "created_at")), courseId));
    }

    /**
     * The ids of the posts that the given participants wrote in {@code [from, to)} (either end may be null: open),
     * oldest first. The same posts the heatmap counts: soft-deleted and held ones included.
     */
    public List<String> postIds(String courseId, Collection<String> authorIds, Instant from, Instant to) {
        if (authorIds.isEmpty()) {
            return List.of();
        }
        StringBuilder sql = new StringBuilder("SELECT id FROM post WHERE course_id = ? AND author_id = ANY(?)");
        if (from != null) {
            sql.append(" AND created_at >= ?");
        }
        if (to != null) {
            sql.append(" AND created_at < ?");
        }
        sql.append(" ORDER BY created_at, id");
        return jdbc.read(c -> {
            try (PreparedStatement s = c.prepareStatement(sql.toString())) {
                int i = 1;
                s.setString(i++, courseId);
                s.setArray(i++, c.createArrayOf("VARCHAR", authorIds.toArray()));
                if (from != null) {
                    s.setObject(i++, from);
                }
                if (to != null) {
                    s.setObject(i, to);
                }
                try (ResultSet r = s.executeQuery()) {
                    List<String> ids = new java.util.ArrayList<>();
                    while (r.next()) {
                        ids.add(r.getString(1));
                    }
                    return ids;
                }
            }
        });
    }

    @FunctionalInterface
    private interface RowReader {
        void read(ResultSet row) throws SQLException;
    }

    private void stream(String sql, String courseId, RowReader reader) {
        jdbc.read(c -> {
            streamOn(c, sql, courseId, reader);
            return null;
        });
    }

    private static void streamOn(Connection c, String sql, String courseId, RowReader reader) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, courseId);
            s.setFetchSize(FETCH);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    reader.read(r);
                }
            }
        }
    }

    private static long epochSecond(ResultSet r, int column) throws SQLException {
        OffsetDateTime t = r.getObject(column, OffsetDateTime.class);
        return t.toEpochSecond();
    }
}
