package nl.sociallearning.workstation.assessment.mapping;

import nl.sociallearning.workstation.assessment.DemoAssessments;
import nl.sociallearning.workstation.assessment.flow.AssessmentFlow;
import nl.sociallearning.workstation.assessment.flow.TestClock;
import nl.sociallearning.workstation.domain.assessment.Assessment;
import nl.sociallearning.workstation.domain.assessment.Dossier;
import nl.sociallearning.workstation.store.Cache;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every assessment read whole at once (for the agreement figures) is the same as reading them one by one, and
 * takes the same few queries however many assessments the cache holds.
 */
class AllDossiersTest {

    @TempDir
    Path dir;
    Cache cache;
    AssessmentFlow flow;
    TestClock clock = new TestClock(Instant.parse("2026-11-30T07:00:00Z"));

    @BeforeEach
    void open() throws Exception {
        cache = Cache.open(dir);
        FullAssessment.coursePost(dir);
        // The demo's seventeen assessments in every step, and one with course evidence, a third assessor and an addendum.
        DemoAssessments.seedIfEmpty(cache);
        flow = new AssessmentFlow(cache, clock);
        String full = FullAssessment.walk(flow, clock);
        flow.addAddendum(full, "ank", "Nagekomen: de student heeft het aftekenen per cliënt laten zien");
    }

    @AfterEach
    void close() {
        cache.close();
    }

    @Test
    void allAtOnceEqualsOneByOne() {
        List<Assessment> headers = cache.assessments().all();
        List<Dossier> all = cache.assessments().dossiers();

        assertThat(headers).hasSize(18);
        assertThat(all).map(Dossier::assessment).isEqualTo(headers);
        assertThat(all).isEqualTo(headers.stream().map(a -> cache.assessments().dossier(a.id()).orElseThrow()).toList());
        assertThat(headers).isEqualTo(headers.stream().map(a -> cache.assessments().header(a.id()).orElseThrow()).toList());
        // Every kind of record is there somewhere, so the comparison covers each of them.
        assertThat(all).anyMatch(d -> !d.notes().isEmpty() && !d.links().isEmpty() && !d.levels().isEmpty() && !d.locks().isEmpty()
                && !d.agreed().isEmpty() && d.report().isPresent() && !d.signatures().isEmpty() && !d.evidence().isEmpty()
                && !d.addenda().isEmpty());
        assertThat(all).anyMatch(d -> d.levels().isEmpty());
        // Records stay with their own assessment.
        assertThat(all).allMatch(d -> d.notes().stream().allMatch(n -> n.assessmentId().equals(d.assessment().id()))
                && d.levels().stream().allMatch(l -> l.assessmentId().equals(d.assessment().id())));
    }

    @Test
    void readingThemAllTakesAFixedNumberOfQueries() throws SQLException {
        int dossiers = queriesFor(() -> cache.assessments().dossiers());
        int ratings = queriesFor(() -> CachedRatings.read(cache));
        FullAssessment.walk(flow, clock);

        assertThat(cache.assessments().all()).hasSize(19);
        // The headers: assessments, scopes, assessors; then one query per kind of record.
        assertThat(queriesFor(() -> cache.assessments().all())).isEqualTo(3);
        assertThat(queriesFor(() -> cache.assessments().dossiers())).isEqualTo(dossiers).isEqualTo(3 + 9);
        // The agreement figures add only the framework (read once).
        assertThat(queriesFor(() -> CachedRatings.read(cache))).isEqualTo(ratings);
    }

    /** How many statements on the assessment tables the read ran, by H2's own statistics. */
    private int queriesFor(Runnable read) throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:h2:file:" + dir.resolve("cache").toAbsolutePath()
                + ";DB_CLOSE_ON_EXIT=FALSE", "workstation", "")) {
            c.createStatement().execute("SET QUERY_STATISTICS FALSE");
            c.createStatement().execute("SET QUERY_STATISTICS TRUE");
            read.run();
            try (var rows = c.createStatement().executeQuery("SELECT SUM(EXECUTION_COUNT) FROM INFORMATION_SCHEMA.QUERY_STATISTICS "
                    + "WHERE SQL_STATEMENT LIKE 'SELECT%FROM assessment%'")) {
                rows.next();
                int n = rows.getInt(1);
                c.createStatement().execute("SET QUERY_STATISTICS FALSE");
                return n;
            }
        }
    }
}
