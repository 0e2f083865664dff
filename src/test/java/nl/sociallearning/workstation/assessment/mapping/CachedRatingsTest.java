package nl.sociallearning.workstation.assessment.mapping;

import nl.sociallearning.workstation.assessment.agreement.BiasCheck;
import nl.sociallearning.workstation.assessment.agreement.BiasWarning;
import nl.sociallearning.workstation.assessment.agreement.Rating;
import nl.sociallearning.workstation.assessment.flow.AssessmentFlow;
import nl.sociallearning.workstation.assessment.flow.NewAssessment;
import nl.sociallearning.workstation.assessment.flow.TestClock;
import nl.sociallearning.workstation.assessment.framework.ExampleFrameworks;
import nl.sociallearning.workstation.domain.assessment.AssessmentContext;
import nl.sociallearning.workstation.domain.assessment.Assessor;
import nl.sociallearning.workstation.domain.assessment.AssessorRole;
import nl.sociallearning.workstation.domain.assessment.CriterionLevel;
import nl.sociallearning.workstation.domain.assessment.Mode;
import nl.sociallearning.workstation.domain.assessment.Note;
import nl.sociallearning.workstation.domain.assessment.Setting;
import nl.sociallearning.workstation.domain.assessment.Student;
import nl.sociallearning.workstation.store.Cache;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** What the agreement figures are computed from: each observer's own locked levels, with their times. */
class CachedRatingsTest {

    @TempDir
    Path dir;
    Cache cache;
    TestClock clock = new TestClock(Instant.parse("2026-11-30T07:00:00Z"));
    AssessmentFlow flow;

    @BeforeEach
    void open() throws Exception {
        cache = Cache.open(dir);
        FullAssessment.coursePost(dir);
        cache.frameworks().add(ExampleFrameworks.verzorgendeIg(), clock.instant());
        flow = new AssessmentFlow(cache, clock);
    }

    @AfterEach
    void close() {
        cache.close();
    }

    @Test
    void eachObserversLockedLevelsCountNotTheThirdAssessorsNorTheAgreedNorUnlockedOnes() {
        String id = FullAssessment.walk(flow, clock);
        // A second assessment in which only Ank has given (not locked) a level: it does not count yet.
        String open = flow.create(new NewAssessment("VIG-B1", new AssessmentContext(new Student("498877", "Lotte Meijer"),
                List.of("B1-K1-W3"), Setting.WORK_PLACEMENT, "Zonnehof", "Ochtendzorg", Mode.FORMATIVE, null),
                List.of(new Assessor("ank", "Ank de Vries", AssessorRole.ASSESSOR)))).id();
        flow.startObservation(open, "ank");
        Note n = flow.addNote(open, "ank", "Klopt aan en vraagt of ze mag helpen");
        flow.endObservation(open, "ank");
        flow.link(open, "ank", n.id(), "B1-K1-W3-C1");
        flow.setLevel(open, "ank", "B1-K1-W3-C1", "goed", "Vraagt toestemming");

        CachedRatings r = CachedRatings.read(cache);
        assertThat(r.assessments()).isEqualTo(1);
        assertThat(r.ratings()).hasSize(8).allMatch(x -> x.assessmentId().equals(id));
        assertThat(r.ratings()).extracting(Rating::assessorId).containsOnly("ank", "bram");
        Rating bramC3 = r.ratings().stream().filter(x -> x.assessorId().equals("bram") && x.criterionCode().equals(FullAssessment.C3))
                .findFirst().orElseThrow();
        // oefenen is the second of nooit / oefenen / voldoende / goed: Bram's own level, not the agreed voldoende.
        assertThat(bramC3.level()).isEqualTo(1);
        assertThat(bramC3.scaleSize()).isEqualTo(4);
        assertThat(bramC3.studentId()).isEqualTo("503112");
        assertThat(bramC3.enteredAt()).isAfter(bramC3.observationEndedAt());
        assertThat(r.name("bram")).isEqualTo("Bram Jansen");
        assertThat(r.assessors()).isEqualTo(2);
        assertThat(BiasCheck.check(r.ratings())).noneMatch(w -> w.kind() == BiasWarning.Kind.ENTERED_BEFORE_OBSERVATION_ENDED);
    }

    @Test
    void aLevelStoredWithATimeBeforeTheObservationEndedIsSignalled() {
        String id = FullAssessment.walk(flow, clock);
        // As a level from another laptop whose clock or assessor ran ahead would arrive: stored as it came.
        var ended = cache.assessments().dossier(id).orElseThrow().assessment().observationEndedAt();
        cache.assessments().putLevel(new CriterionLevel(id, "bram", FullAssessment.C1, "goed", "Noemde middel, dosis, tijd en route",
                ended.minus(Duration.ofMinutes(20))));
        List<BiasWarning> warnings = BiasCheck.check(CachedRatings.read(cache).ratings());
        assertThat(warnings).filteredOn(w -> w.kind() == BiasWarning.Kind.ENTERED_BEFORE_OBSERVATION_ENDED)
                .singleElement().satisfies(w -> assertThat(w.assessorId()).isEqualTo("bram"));
    }
}
