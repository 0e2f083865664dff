package nl.sociallearning.workstation.store;

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

    public void remove(long id) {
        jdbc.writeDurably(c -> Jdbc.update(c, "DELETE FROM server WHERE id = ?", id));
    }

    private static SavedServer server(ResultSet row) throws SQLException {
        return new SavedServer(row.getLong("id"), row.getString("kind"), row.getString("base_url"), row.getString("username"),
                row.getString("name"), row.getString("user_id"), row.getString("secret_ref"), Jdbc.instant(row, "added_at"));
    }
}
