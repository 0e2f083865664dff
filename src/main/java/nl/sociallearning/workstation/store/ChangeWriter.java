package nl.sociallearning.workstation.store;

import nl.sociallearning.workstation.domain.Course;
import nl.sociallearning.workstation.domain.UserIdentity;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** The sync engine's way into the cache: course lists, pages of changes, and where each course's feed stands. */
public final class ChangeWriter {

    private final Database database;
    private final Jdbc jdbc;

    public ChangeWriter(Database database) {
        this.database = database;
        this.jdbc = new Jdbc(database);
    }

    /**
     * Remembers who each server says the user is, by the prefix of its course ids ({@code ""}: the primary server),
     * so that actions can be made offline, with the right user as actor, and the user's own work is recognised.
     */
    public void saveIdentities(Map<String, UserIdentity> byPrefix) {
        if (byPrefix.isEmpty()) {
            return;
        }
        jdbc.write(c -> {
            for (Map.Entry<String, UserIdentity> e : byPrefix.entrySet()) {
                Jdbc.update(c, "MERGE INTO server_identity (course_prefix, id, display_name) KEY (course_prefix)"
                        + " VALUES (?, ?, ?)", e.getKey(), e.getValue().id(), e.getValue().displayName());
            }
            return null;
        });
    }

    /** Stores the server's course list; a course that is new to the cache starts with a full pass. */
    public void saveCourses(List<Course> courses) {
        jdbc.write(c -> {
            for (Course course : courses) {
                Jdbc.update(c, "MERGE INTO course (id, title, organisation, audience, starts_at, ends_at, time_zone,"
                                + " participant_count) KEY (id) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                        course.id(), course.title(), course.organisation(), course.audience(), course.startsAt(),
                        course.endsAt(), course.timeZone().getId(), course.participantCount());
                Jdbc.update(c, "MERGE INTO sync_state (course_id) KEY (course_id) SELECT ? WHERE NOT EXISTS"
                        + " (SELECT 1 FROM sync_state WHERE course_id = ?)", course.id(), course.id());
            }
            return null;
        });
    }

    /** Opens the transaction of one page of changes for a course. The caller must close it. */
    public PageTransaction beginPage(String courseId) {
        try {
            Connection c = database.connection();
            try {
                c.setAutoCommit(false);
                // A course with a retention period does not take in activity older than it: a purge stays a purge.
                return Jdbc.queryOne(c, "SELECT s.generation, s.full_pass, r.retention_days FROM sync_state s"
                                        + " LEFT JOIN course_retention r ON r.course_id = s.course_id WHERE s.course_id = ?",
                                row -> new PageTransaction(c, courseId, row.getLong(1), row.getBoolean(2),
                                        row.getObject(3) == null ? null
                                                : Instant.now().minus(Duration.ofDays(row.getInt(3)))), courseId)
                        .orElseThrow(() -> new IllegalStateException("unknown course " + courseId));
            } catch (SQLException | RuntimeException e) {
                c.close();
                throw e;
            }
        } catch (SQLException e) {
            throw Jdbc.failure(e);
        }
    }

    /**
     * The server no longer knows the stored cursor (it restarted or compacted its history): start a new full
     * pass. Rows stay visible until the pass has ended and says which of them are gone.
     */
    public void restartFullPass(String courseId) {
        jdbc.write(c -> Jdbc.update(c, "UPDATE sync_state SET cursor = NULL, full_pass = TRUE, generation = generation + 1"
                + " WHERE course_id = ?", courseId));
    }

    public void recordError(String courseId, String message) {
        jdbc.write(c -> Jdbc.update(c, "UPDATE sync_state SET last_error = ? WHERE course_id = ?", message, courseId));
    }
}
