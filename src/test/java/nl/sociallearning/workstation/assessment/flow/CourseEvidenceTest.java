package nl.sociallearning.workstation.assessment.flow;

import nl.sociallearning.workstation.assessment.framework.ExampleFrameworks;
import nl.sociallearning.workstation.domain.assessment.AssessmentContext;
import nl.sociallearning.workstation.domain.assessment.Assessor;
import nl.sociallearning.workstation.domain.assessment.AssessorRole;
import nl.sociallearning.workstation.domain.assessment.CourseEvidence;
import nl.sociallearning.workstation.domain.assessment.Mode;
import nl.sociallearning.workstation.domain.assessment.Setting;
import nl.sociallearning.workstation.domain.assessment.Student;
import nl.sociallearning.workstation.store.Cache;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A course post linked to a criterion keeps the post's id and a quote of it, found by searching the cache. */
class CourseEvidenceTest {

    @TempDir
    Path dir;
    Cache cache;
    AssessmentFlow flow;
    final TestClock clock = new TestClock(Instant.parse("2026-11-30T08:00:00Z"));

    @BeforeEach
    void open() throws Exception {
        cache = Cache.open(dir);
        cache.frameworks().add(ExampleFrameworks.verzorgendeIg(), clock.instant());
        flow = new AssessmentFlow(cache, clock);
        try (Connection c = DriverManager.getConnection("jdbc:h2:file:" + dir.resolve("cache").toAbsolutePath()
                + ";DB_CLOSE_ON_EXIT=FALSE", "workstation", "")) {
            c.createStatement().executeUpdate("INSERT INTO participant VALUES ('beoordelen', 'p7', 'Sanne Bakker', 'PARTICIPANT', "
                    + "NULL, NULL, 1)");
            PreparedStatement p = c.prepareStatement("INSERT INTO post (course_id, id, thread_id, author_id, created_at, body_html, "
                    + "hidden, deleted, approval, flag_count, version, generation) VALUES ('beoordelen', 'post-41', 't-3', 'p7', ?, ?, "
                    + "FALSE, FALSE, 'APPROVED', 0, 1, 1)");
            p.setObject(1, Instant.parse("2026-11-20T10:00:00Z"));
            p.setString(2, "<p>Bij de medicatieronde controleer ik altijd eerst de <b>vijf juisten</b>: cliënt, middel, dosis, "
                    + "tijd en toedieningsweg.</p>");
            p.executeUpdate();
        }
    }

    @AfterEach
    void close() {
        cache.close();
    }

    @Test
    void aPostFoundInTheCacheIsLinkedWithItsIdAndAQuote() {
        String id = flow.create(new NewAssessment("VIG-B1", new AssessmentContext(new Student("503112", "Sanne Bakker"),
                List.of("B1-K1-W4"), Setting.WORK_PLACEMENT, "De Linde", "Medicatieronde", Mode.FORMATIVE, null),
                List.of(new Assessor("ank", "Ank de Vries", AssessorRole.ASSESSOR)))).id();
        flow.startObservation(id, "ank");
        flow.addNote(id, "ank", "Leest polsbandje voor");
        refused(() -> flow.linkPost(id, "ank", "B1-K1-W4-C1", "beoordelen", "post-41", null), Refusal.OBSERVATION_NOT_ENDED);
        flow.endObservation(id, "ank");

        var found = flow.posts("VIJF JUISTEN");
        assertThat(found).extracting(p -> p.postId()).containsExactly("post-41");
        assertThat(found.get(0).authorName()).isEqualTo("Sanne Bakker");

        CourseEvidence e = flow.linkPost(id, "ank", "B1-K1-W4-C1", "beoordelen", "post-41", null);
        assertThat(e.excerpt()).startsWith("Bij de medicatieronde controleer ik altijd eerst de vijf juisten").doesNotContain("<b>");
        assertThat(cache.assessments().dossier(id).orElseThrow().evidence()).containsExactly(e);
        refused(() -> flow.linkPost(id, "ank", "B1-K1-W4-C1", "beoordelen", "post-404", null), Refusal.NO_EVIDENCE);
        refused(() -> flow.linkPost(id, "ank", "B1-K3-W2-C1", "beoordelen", "post-41", null), Refusal.NOT_IN_SCOPE);
    }

    static void refused(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, Refusal r) {
        assertThatThrownBy(call).isInstanceOfSatisfying(FlowException.class, e -> assertThat(e.refusal()).isEqualTo(r));
    }
}
