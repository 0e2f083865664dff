package nl.sociallearning.workstation.store;

import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcConnectionPool;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * The H2 file database behind the cache, migrated by Flyway on open. H2 writes commits to the file within
 * about half a second; a killed process can lose that last half second, always whole transactions, never half
 * of one. Synced pages lost that way are fetched again from the cursor that was stored with them; what the user
 * did is forced to disk at once ({@link Jdbc#writeDurably}).
 */
public final class Database implements AutoCloseable {

    private static final String FILE_NAME = "cache";

    private static final String USER = "workstation";

    private final JdbcConnectionPool pool;
    private final Path directory;
    private final String url;

    private Database(Path directory, String url, JdbcConnectionPool pool) {
        this.directory = directory;
        this.url = url;
        this.pool = pool;
    }

    public static Database open(Path directory) {
        try {
            Files.createDirectories(directory);
        } catch (java.io.IOException e) {
            throw new StoreException("Cannot create the cache folder " + directory + ": " + e.getMessage(), e);
        }
        String url = "jdbc:h2:file:" + directory.resolve(FILE_NAME).toAbsolutePath()
                + ";DB_CLOSE_ON_EXIT=FALSE";
        JdbcConnectionPool pool = JdbcConnectionPool.create(url, USER, "");
        pool.setMaxConnections(16);
        try {
            Flyway.configure()
                    .dataSource(pool)
                    .locations("classpath:db/migration")
                    .load()
                    .migrate();
        } catch (RuntimeException e) {
            pool.dispose();
            throw new StoreException(openFailure(directory, e), e);
        }
        return new Database(directory, url, pool);
    }

    private static String openFailure(Path directory, RuntimeException e) {
        String message = String.valueOf(e.getMessage());
        if (message.contains("Database may be already in use") || message.contains("locked")) {
            return "The cache in " + directory + " is in use by another running workstation.";
        }
        return "Cannot open the cache in " + directory + ": " + message;
    }

    public Path directory() {
        return directory;
    }

    public Connection connection() throws SQLException {
        return pool.getConnection();
    }

    @Override
    public void close() {
        // A connection of its own keeps the database open while the pool hands back its connections (each
        // rolled back on a live database), and then shuts it down. Shutting down first would leave the pooled
        // connections to roll back on a closed database, which H2 writes to a trace file in the data folder.
        try (Connection c = java.sql.DriverManager.getConnection(url, USER, ""); var s = c.createStatement()) {
            pool.dispose();
            s.execute("SHUTDOWN");
        } catch (SQLException e) {
            // Already closed or never fully opened: disposing the pool is all that is left to do.
            pool.dispose();
        }
    }
}
