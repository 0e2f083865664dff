package nl.sociallearning.workstation.store;

import nl.sociallearning.workstation.domain.Audience;
import nl.sociallearning.workstation.domain.Course;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

/** Courses in the cache, with their counts and sync state for overviews. */
public final class CourseRepository {

    private static final String OVERVIEW = "SELECT c.*, s.cursor, s.generation, s.full_pass, s.last_sync_at, s.last_error,"
            + " (SELECT COUNT(*) FROM participant p WHERE p.course_id = c.id) AS participants,"
            + " (SELECT COUNT(*) FROM thread t WHERE t.course_id = c.id) AS threads,"
            + " (SELECT COUNT(*) FROM post p WHERE p.course_id = c.id) AS posts"
            + " FROM course c JOIN sync_state s ON s.course_id = c.id";

    private final Jdbc jdbc;

    public CourseRepository(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    public List<Course> all() {
        return jdbc.read(c -> Jdbc.query(c, "SELECT * FROM course ORDER BY title", CourseRepository::course));
    }

    public Optional<Course> find(String id) {
        return jdbc.read(c -> Jdbc.queryOne(c, "SELECT * FROM course WHERE id = ?", CourseRepository::course, id));
    }

    public List<CourseOverview> overview() {
        return jdbc.read(c -> Jdbc.query(c, OVERVIEW + " ORDER BY c.participant_count DESC, c.title", row ->
                new CourseOverview(course(row), row.getLong("participants"), row.getLong("threads"), row.getLong("posts"),
                        new SyncState(row.getString("id"), row.getString("cursor"), row.getLong("generation"),
                                row.getBoolean("full_pass"), Jdbc.instant(row, "last_sync_at"), row.getString("last_error")))));
    }

    static Course course(ResultSet row) throws SQLException {
        return new Course(row.getString("id"), row.getString("title"), row.getString("organisation"),
                Audience.valueOf(row.getString("audience")), Jdbc.instant(row, "starts_at"), Jdbc.instant(row, "ends_at"),
                ZoneId.of(row.getString("time_zone")), row.getInt("participant_count"));
    }
}
