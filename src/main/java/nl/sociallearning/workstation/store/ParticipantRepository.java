package nl.sociallearning.workstation.store;

import nl.sociallearning.workstation.domain.Participant;
import nl.sociallearning.workstation.domain.ParticipantRole;

import java.util.Optional;

/** Participants in the cache. */
public final class ParticipantRepository {

    private final Jdbc jdbc;

    public ParticipantRepository(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<Participant> find(String courseId, String id) {
        return jdbc.read(c -> Jdbc.queryOne(c, "SELECT * FROM participant WHERE course_id = ? AND id = ?",
                ParticipantRepository::participant, courseId, id));
    }

    /** Some participants of a course, by id (those the cache does not know are missing from the map). */
    public java.util.Map<String, Participant> byIds(String courseId, java.util.Collection<String> ids) {
        if (ids.isEmpty()) {
            return java.util.Map.of();
        }
        java.util.Map<String, Participant> found = new java.util.HashMap<>();
        jdbc.read(c -> Jdbc.query(c, "SELECT * FROM participant WHERE course_id = ? AND id = ANY(?)",
                ParticipantRepository::participant, courseId, ids)).forEach(p -> found.put(p.id(), p));
        return found;
    }

    /** The course's moderators, by name. */
    public java.util.List<Participant> moderators(String courseId) {
        return jdbc.read(c -> Jdbc.query(c, "SELECT * FROM participant WHERE course_id = ? AND role = 'MODERATOR'"
                + " ORDER BY display_name", ParticipantRepository::participant, courseId));
    }

    static Participant participant(java.sql.ResultSet row) throws java.sql.SQLException {
        return new Participant(row.getString("course_id"), row.getString("id"), row.getString("display_name"),
                ParticipantRole.valueOf(row.getString("role")), row.getString("group_name"), Jdbc.instant(row, "enrolled_at"));
    }

    public long count(String courseId) {
        return jdbc.read(c -> Jdbc.count(c, "SELECT COUNT(*) FROM participant WHERE course_id = ?", courseId));
    }
}
