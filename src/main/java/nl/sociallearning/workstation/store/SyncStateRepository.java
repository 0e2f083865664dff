package nl.sociallearning.workstation.store;

import nl.sociallearning.workstation.domain.UserIdentity;

import java.util.Optional;

/** Reads the stored position of each course's change feed. */
public final class SyncStateRepository {

    private final Jdbc jdbc;

    public SyncStateRepository(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    /** The user as the server last described them. */
    public Optional<UserIdentity> identity() {
        return jdbc.read(c -> Jdbc.queryOne(c, "SELECT id, display_name FROM identity",
                row -> new UserIdentity(row.getString(1), row.getString(2))));
    }

    public Optional<SyncState> find(String courseId) {
        return jdbc.read(c -> Jdbc.queryOne(c, "SELECT * FROM sync_state WHERE course_id = ?",
                row -> new SyncState(row.getString("course_id"), row.getString("cursor"), row.getLong("generation"),
                        row.getBoolean("full_pass"), Jdbc.instant(row, "last_sync_at"), row.getString("last_error")),
                courseId));
    }
}
