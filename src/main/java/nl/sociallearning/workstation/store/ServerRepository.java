package nl.sociallearning.workstation.store;

import nl.sociallearning.workstation.domain.OutboxState;
import nl.sociallearning.workstation.domain.SavedServer;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/** The course servers the user added (V5__servers.sql), saved durably: adding one is a deliberate act. */
public final class ServerRepository {

    private final Jdbc jdbc;

    public ServerRepository(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    /** Saves a new server and returns it with its id; a server of the same kind, address and user is refused. */
    public SavedServer add(SavedServer server) {
        return jdbc.writeDurably(c -> {
            if (Jdbc.count(c, "SELECT COUNT(*) FROM server WHERE kind = ? AND base_url = ? AND username IS NOT DISTINCT FROM ?",
                    server.kind(), server.baseUrl(), server.username()) > 0) {
                throw new StoreException("This server has been added already: " + server.baseUrl(), null);
            }
            try (PreparedStatement s = c.prepareStatement("INSERT INTO server (kind, base_url, username, name, user_id,"
                    + " secret_ref, added_at) VALUES (?, ?, ?, ?, ?, ?, ?)", Statement.RETURN_GENERATED_KEYS)) {
                Jdbc.bind(s, server.kind(), server.baseUrl(), server.username(), server.name(), server.userId(),
                        server.secretRef(), server.addedAt());
                s.executeUpdate();
                try (ResultSet keys = s.getGeneratedKeys()) {
                    keys.next();
                    return new SavedServer(keys.getLong(1), server.kind(), server.baseUrl(), server.username(),
                            server.name(), server.userId(), server.secretRef(), server.addedAt());
                }
            }
        });
    }

    public List<SavedServer> all() {
        return jdbc.read(c -> Jdbc.query(c, "SELECT * FROM server ORDER BY id", ServerRepository::server));
    }

    /** What removing a server deletes from this computer: its courses, their posts, and actions not yet applied. */
    public record RemovalImpact(long courses, long posts, long unsentActions) { }

    /** The outbox states of actions the server has not applied: waiting, being sent, or refused and kept to resolve. */
    private static final List<OutboxState> UNSENT = List.of(OutboxState.PENDING, OutboxState.SENDING,
            OutboxState.CONFLICT, OutboxState.REJECTED);

    public RemovalImpact impactOfRemoving(SavedServer server) {
        String[] range = range(server.coursePrefix());
        return jdbc.read(c -> new RemovalImpact(
                Jdbc.count(c, "SELECT COUNT(*) FROM course WHERE id >= ? AND id < ?", range[0], range[1]),
                Jdbc.count(c, "SELECT COUNT(*) FROM post WHERE course_id >= ? AND course_id < ?", range[0], range[1]),
                Jdbc.count(c, "SELECT COUNT(*) FROM outbox WHERE course_id >= ? AND course_id < ? AND state IN (?, ?, ?, ?)",
                        range[0], range[1], UNSENT.get(0), UNSENT.get(1), UNSENT.get(2), UNSENT.get(3))));
    }

    /**
     * Removes the server and every cached row of its courses ({@link CourseTables#DELETED_WITH_COURSE}) and its
     * identity, in one transaction on disk: all of it, or, when it fails, none.
     */
    public void removeWithCourses(SavedServer server) {
        String[] range = range(server.coursePrefix());
        jdbc.writeDurably(c -> {
            for (CourseTables.Table t : CourseTables.DELETED_WITH_COURSE) {
                Jdbc.update(c, "DELETE FROM " + t.name() + " WHERE " + t.courseColumn() + " >= ? AND " + t.courseColumn()
                        + " < ?", range[0], range[1]);
            }
            Jdbc.update(c, "DELETE FROM server_identity WHERE course_prefix = ?", server.coursePrefix());
            if (Jdbc.update(c, "DELETE FROM server WHERE id = ?", server.id()) != 1) {
                throw new StoreException("The server " + server.name() + " is not in the cache (removed already?).", null);
            }
            return null;
        });
    }

    /**
     * The ids starting with {@code prefix} as a range, [prefix, prefix with its last character one higher): exactly
     * those ids, and a range the course-keyed indexes can seek (a LIKE would also treat '_' in a kind as a wildcard).
     */
    static String[] range(String prefix) {
        if (prefix.isEmpty()) {
            throw new IllegalArgumentException("an added server's course ids have a prefix");
        }
        char last = prefix.charAt(prefix.length() - 1);
        return new String[]{prefix, prefix.substring(0, prefix.length() - 1) + (char) (last + 1)};
    }

    static SavedServer server(ResultSet row) throws SQLException {
        return new SavedServer(row.getLong("id"), row.getString("kind"), row.getString("base_url"), row.getString("username"),
                row.getString("name"), row.getString("user_id"), row.getString("secret_ref"), Jdbc.instant(row, "added_at"));
    }
}
