package nl.sociallearning.workstation.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The few JDBC chores every repository needs: transactions, parameters, row mapping, time conversion. */
public final class Jdbc {

    @FunctionalInterface
    public interface Work<T> {
        T apply(Connection connection) throws SQLException;
    }

    @FunctionalInterface
    public interface RowMapper<T> {
        T map(ResultSet row) throws SQLException;
    }

    private final Database database;

    public Jdbc(Database database) {
        this.database = database;
    }

    /** Runs read-only work on a connection of its own. */
    public <T> T read(Work<T> work) {
        try (Connection c = database.connection()) {
            return work.apply(c);
        } catch (SQLException e) {
            throw failure(e);
        }
    }

    /** Runs work in one transaction: all of it commits, or none. */
    public <T> T write(Work<T> work) {
        try (Connection c = database.connection()) {
            c.setAutoCommit(false);
            try {
                T result = work.apply(c);
                c.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw failure(e);
        }
    }

    /**
     * Like {@link #write}, and the commit is on disk before this returns: for what the user did, and for each
     * synced page with its cursor, so that a killed process loses neither.
     */
    public <T> T writeDurably(Work<T> work) {
        T result = write(work);
        checkpoint();
        return result;
    }

    /** Writes everything committed so far to the file (H2 otherwise does so within about half a second). */
    void checkpoint() {
        read(c -> {
            try (var s = c.createStatement()) {
                s.execute("CHECKPOINT SYNC");
            }
            return null;
        });
    }

    public static <T> List<T> query(Connection c, String sql, RowMapper<T> mapper, Object... params) throws SQLException {
        try (PreparedStatement s = prepare(c, sql, params); ResultSet rs = s.executeQuery()) {
            List<T> rows = new ArrayList<>();
            while (rs.next()) {
                rows.add(mapper.map(rs));
            }
            return rows;
        }
    }

    public static <T> Optional<T> queryOne(Connection c, String sql, RowMapper<T> mapper, Object... params) throws SQLException {
        List<T> rows = query(c, sql, mapper, params);
        return rows.isEmpty() ? Optional.empty() : Optional.of(rows.get(0));
    }

    public static long count(Connection c, String sql, Object... params) throws SQLException {
        try (PreparedStatement s = prepare(c, sql, params); ResultSet rs = s.executeQuery()) {
            return rs.next() ? rs.getLong(1) : 0;
        }
    }

    public static int update(Connection c, String sql, Object... params) throws SQLException {
        try (PreparedStatement s = prepare(c, sql, params)) {
            return s.executeUpdate();
        }
    }

    public static PreparedStatement prepare(Connection c, String sql, Object... params) throws SQLException {
        PreparedStatement s = c.prepareStatement(sql);
        bind(s, params);
        return s;
    }

    public static void bind(PreparedStatement s, Object... params) throws SQLException {
        for (int i = 0; i < params.length; i++) {
            Object p = params[i];
            if (p instanceof Enum<?> e) {
                s.setString(i + 1, e.name());
            } else if (p instanceof java.util.Collection<?> values) {
                // For "column = ANY(?)": a list of ids as one SQL array.
                s.setArray(i + 1, s.getConnection().createArrayOf("VARCHAR", values.toArray()));
            } else {
                s.setObject(i + 1, p);
            }
        }
    }

    /** Instants go to TIMESTAMP WITH TIME ZONE columns as they are (H2 maps them, in UTC). */
    public static Instant instant(ResultSet row, String column) throws SQLException {
        return row.getObject(column, Instant.class);
    }

    /** Turns an SQL failure into a message a user can act on; a full disk is the likely one on a laptop. */
    static StoreException failure(SQLException e) {
        String message = String.valueOf(e.getMessage());
        if (message.contains("No space left") || message.contains("There is not enough space")) {
            return new StoreException("The disk is full: the cache cannot save. Free some space; nothing already saved is lost.", e);
        }
        return new StoreException("The cache could not be read or written: " + message, e);
    }
}
