package nl.sociallearning.workstation.store;

import nl.sociallearning.workstation.domain.Identities;
import nl.sociallearning.workstation.domain.UserIdentity;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every table keyed by course is decided for when a server is removed; and a cache from before V8 keeps who the
 * user is, on the primary server and on the servers added before.
 */
class CourseTablesTest {

    @TempDir
    Path data;

    private String url() {
        return "jdbc:h2:file:" + data.resolve("cache").toAbsolutePath() + ";DB_CLOSE_ON_EXIT=FALSE";
    }

    @Test
    void everyTableWithACourseColumnIsEitherDeletedWithTheCourseOrKeptOnPurpose() throws SQLException {
        try (Cache cache = Cache.open(data); Connection c = DriverManager.getConnection(url(), "workstation", "");
             Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT TABLE_NAME FROM INFORMATION_SCHEMA.COLUMNS WHERE TABLE_SCHEMA = 'PUBLIC'"
                     + " AND COLUMN_NAME = 'COURSE_ID'")) {
            List<String> courseKeyed = new ArrayList<>();
            while (r.next()) {
                courseKeyed.add(r.getString(1).toLowerCase(Locale.ROOT));
            }
            Set<String> decided = new HashSet<>(CourseTables.KEPT.keySet());
            CourseTables.DELETED_WITH_COURSE.forEach(t -> decided.add(t.name()));

            assertThat(courseKeyed).isNotEmpty().allSatisfy(table -> assertThat(decided)
                    .as("table %s has a course_id: add it to CourseTables.DELETED_WITH_COURSE or KEPT", table).contains(table));
            for (CourseTables.Table t : CourseTables.DELETED_WITH_COURSE) {
                try (ResultSet column = c.getMetaData().getColumns(null, "PUBLIC", t.name().toUpperCase(Locale.ROOT),
                        t.courseColumn().toUpperCase(Locale.ROOT))) {
                    assertThat(column.next()).as(t.toString()).isTrue();
                }
            }
        }
    }

    @Test
    void theIdentityOfACacheFromBeforeV8BecomesThePrimaryServersAndAnAddedServerKeepsItsUserId() throws SQLException {
        Flyway.configure().dataSource(url(), "workstation", "").locations("classpath:db/migration").target("6").load().migrate();
        try (Connection c = DriverManager.getConnection(url(), "workstation", ""); Statement s = c.createStatement()) {
            s.executeUpdate("INSERT INTO identity (id, display_name) VALUES ('mod-1', 'Marloes de Wit')");
            s.executeUpdate("INSERT INTO server (kind, base_url, name, user_id, secret_ref, added_at) VALUES"
                    + " ('MOODLE', 'https://moodle.example.nl', 'Moodle', '12879', 'file:x', CURRENT_TIMESTAMP)");
        }

        try (Cache cache = Cache.open(data)) {
            Identities me = cache.syncStates().identities();
            String prefix = cache.servers().all().get(0).coursePrefix();

            assertThat(cache.syncStates().identity()).contains(new UserIdentity("mod-1", "Marloes de Wit"));
            assertThat(me.idIn("kinderzorg")).isEqualTo("mod-1");
            assertThat(me.idIn(prefix + "4321")).isEqualTo("12879");
        }
    }
}
