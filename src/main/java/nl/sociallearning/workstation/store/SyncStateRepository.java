package nl.sociallearning.workstation.store;

import nl.sociallearning.workstation.domain.Identities;
import nl.sociallearning.workstation.domain.SavedServer;
import nl.sociallearning.workstation.domain.UserIdentity;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Reads the stored position of each course's change feed. */
public final class SyncStateRepository {

    private final Jdbc jdbc;

    public SyncStateRepository(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    /** The user as the primary server last described them. */
    public Optional<UserIdentity> identity() {
        return jdbc.read(c -> Jdbc.queryOne(c, "SELECT id, display_name FROM server_identity WHERE course_prefix = ''",
                row -> new UserIdentity(row.getString(1), row.getString(2))));
    }

    /** The user on every server, and the added servers' course prefixes (so a course finds its own server's user). */
    public Identities identities() {
        return jdbc.read(c -> {
            Map<String, UserIdentity> byPrefix = new HashMap<>();
            for (var row : Jdbc.query(c, "SELECT course_prefix, id, display_name FROM server_identity",
                    r -> Map.entry(r.getString(1), new UserIdentity(r.getString(2), r.getString(3))))) {
                byPrefix.put(row.getKey(), row.getValue());
            }
            Set<String> prefixes = new HashSet<>();
            for (SavedServer s : Jdbc.query(c, "SELECT * FROM server", ServerRepository::server)) {
                prefixes.add(s.coursePrefix());
            }
            return new Identities(byPrefix, prefixes);
        });
    }

    public Optional<SyncState> find(String courseId) {
        return jdbc.read(c -> Jdbc.queryOne(c, "SELECT * FROM sync_state WHERE course_id = ?",
                row -> new SyncState(row.getString("course_id"), row.getString("cursor"), row.getLong("generation"),
                        row.getBoolean("full_pass"), Jdbc.instant(row, "last_sync_at"), row.getString("last_error")),
                courseId));
    }
}
