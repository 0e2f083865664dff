package nl.sociallearning.workstation.assessment.flow;

import nl.sociallearning.workstation.assessment.audit.AuditChain;
import nl.sociallearning.workstation.assessment.framework.ExampleFrameworks;
import nl.sociallearning.workstation.domain.assessment.Assessment;
import nl.sociallearning.workstation.domain.assessment.AssessmentContext;
import nl.sociallearning.workstation.domain.assessment.Assessor;
import nl.sociallearning.workstation.domain.assessment.AssessorRole;
import nl.sociallearning.workstation.domain.assessment.CriterionLevel;
import nl.sociallearning.workstation.domain.assessment.Mode;
import nl.sociallearning.workstation.domain.assessment.Note;
import nl.sociallearning.workstation.domain.assessment.Setting;
import nl.sociallearning.workstation.domain.assessment.SignerRole;
import nl.sociallearning.workstation.domain.assessment.Step;
import nl.sociallearning.workstation.domain.assessment.Student;
import nl.sociallearning.workstation.store.Cache;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Two assessors observe one student giving medication (B1-K1-W4) and walk the six steps: the order is enforced,
 * each scores blind, they disagree on one criterion, a third assessor is called in, the report is signed and
 * locks, and a change made behind the program's back shows in the audit chain.
 */
class TwoAssessorsTest {

    static final String C1 = "B1-K1-W4-C1";
    static final String C2 = "B1-K1-W4-C2";
    static final String C3 = "B1-K1-W4-C3";
    static final String C4 = "B1-K1-W4-C4";

    @TempDir
    Path dir;
    Cache cache;
    TestClock clock = new TestClock(Instant.parse("2026-11-30T08:00:00Z"));
    AssessmentFlow flow;

    @BeforeEach
    void open() {
        cache = Cache.open(dir);
        cache.frameworks().add(ExampleFrameworks.verzorgendeIg(), clock.instant());
        flow = new AssessmentFlow(cache, clock);
    }

    @AfterEach
    void close() {
        cache.close();
    }

    Assessment newAssessment() {
        return flow.create(new NewAssessment("VIG-B1", new AssessmentContext(new Student("503112", "Sanne Bakker"),
                List.of("B1-K1-W4"), Setting.EXAM, "Afdeling Geriatrie, De Linde", "Medicatieronde 08:00, vier cliënten",
                Mode.SUMMATIVE, null), List.of(new Assessor("ank", "Ank de Vries", AssessorRole.ASSESSOR),
                new Assessor("bram", "Bram Jansen", AssessorRole.ASSESSOR))));
    }

    static void refused(Refusal refusal, ThrowingCallable call) {
        assertThatThrownBy(call).isInstanceOfSatisfying(FlowException.class, e -> assertThat(e.refusal()).isEqualTo(refusal));
    }

    @Test
    void twoAssessorsWalkAllSixStepsBlindThenAgree() throws Exception {
        String id = newAssessment().id();
        assertThat(flow.view(id, "ank").progress().current()).isEqualTo(Step.WAARNEMEN);

        // W: nothing is written before the observation starts; the summative exam's start is recorded with it.
        refused(Refusal.OBSERVATION_NOT_STARTED, () -> flow.addNote(id, "ank", "Pakt de medicijnlijst"));
        flow.startObservation(id, "ank");
        assertThat(flow.view(id, "ank").dossier().assessment().context().examStartsAt()).isEqualTo(clock.instant());
        assertThat(flow.view(id, "bram").progress().current()).isEqualTo(Step.AANTEKENINGEN);

        // A: each assessor's own time-stamped notes.
        clock.advance(Duration.ofMinutes(2));
        Note a1 = flow.addNote(id, "ank", "Leest naam en geboortedatum voor van polsbandje, vergelijkt met de toedienlijst");
        clock.advance(Duration.ofMinutes(1));
        Note a2 = flow.addNote(id, "ank", "Telt de tabletten hardop: 'paracetamol 500, twee stuks, oraal, 08:00'");
        Note a3 = flow.addNote(id, "ank", "Trekt handschoenen aan na handen wassen, 20 seconden");
        clock.advance(Duration.ofMinutes(4));
        Note a4 = flow.addNote(id, "ank", "Tekent af in het toedienregistratiesysteem direct na inname");
        Note a5 = flow.addNote(id, "ank", "Vraagt collega Jeroen: 'wil je de insuline dubbel checken?'");
        Note b1 = flow.addNote(id, "bram", "Controleert polsbandje en lijst, noemt middel, dosis, tijd en route");
        Note b2 = flow.addNote(id, "bram", "Opent steriele naald pas na desinfectie van de huid");
        Note b3 = flow.addNote(id, "bram", "Tekent na de ronde voor drie cliënten tegelijk af, om 08:40");
        Note b4 = flow.addNote(id, "bram", "Laat insuline door collega controleren vóór toediening");
        assertThat(JudgingWords.check("Ze lijkt zenuwachtig, deed het netjes")).extracting(JudgingWords.Flag::word)
                .containsExactly("lijkt", "zenuwachtig", "netjes");
        refused(Refusal.OBSERVATION_NOT_ENDED, () -> flow.link(id, "ank", a1.id(), C1));

        // C: opens when the observation has ended; notes are closed then.
        flow.endObservation(id, "bram");
        refused(Refusal.OBSERVATION_ENDED, () -> flow.addNote(id, "ank", "Nog iets"));
        assertThat(flow.view(id, "ank").progress().current()).isEqualTo(Step.CLASSIFICEREN);
        assertThat(flow.view(id, "ank").withoutEvidence()).hasSize(4);
        flow.link(id, "ank", a1.id(), C1);
        flow.link(id, "ank", a2.id(), C1);
        flow.link(id, "ank", a3.id(), C2);
        flow.link(id, "ank", a2.id(), C2);       // one note may support several criteria
        flow.link(id, "ank", a4.id(), C3);
        refused(Refusal.NOT_YOUR_NOTE, () -> flow.link(id, "ank", b1.id(), C1));
        assertThat(flow.view(id, "ank").withoutEvidence()).extracting(c -> c.code()).containsExactly(C4);
        flow.link(id, "ank", a5.id(), C4);
        flow.link(id, "bram", b1.id(), C1);
        flow.link(id, "bram", b2.id(), C2);
        flow.link(id, "bram", b3.id(), C3);
        flow.link(id, "bram", b4.id(), C4);

        // K: no evidence, no score; a justification is required; each assessor locks their own levels.
        refused(Refusal.NO_JUSTIFICATION, () -> flow.setLevel(id, "ank", C1, "goed", " "));
        refused(Refusal.UNKNOWN_LEVEL, () -> flow.setLevel(id, "ank", C1, "uitstekend", "x"));
        refused(Refusal.NOT_IN_SCOPE, () -> flow.setLevel(id, "ank", "B1-K1-W3-C1", "goed", "buiten dit werkproces"));
        flow.setLevel(id, "ank", C1, "goed", "Vijf juisten hardop gecontroleerd (08:02, 08:03)");
        flow.setLevel(id, "ank", C2, "voldoende", "Handhygiëne en handschoenen volgens protocol");
        flow.setLevel(id, "ank", C3, "goed", "Direct na inname afgetekend");
        refused(Refusal.LEVELS_INCOMPLETE, () -> flow.lockLevels(id, "ank"));
        flow.setLevel(id, "ank", C4, "voldoende", "Vroeg zelf om dubbele controle");
        flow.lockLevels(id, "ank");
        refused(Refusal.LEVELS_LOCKED, () -> flow.setLevel(id, "ank", C3, "voldoende", "toch"));
        refused(Refusal.LEVELS_LOCKED, () -> flow.link(id, "ank", a5.id(), C3));

        flow.setLevel(id, "bram", C1, "goed", "Noemde middel, dosis, tijd en route");
        flow.setLevel(id, "bram", C2, "voldoende", "Steriel gewerkt");
        flow.setLevel(id, "bram", C3, "oefenen", "Pas na de ronde afgetekend, drie tegelijk");

        // The blind rule, in the API: Ank has locked, Bram has not; neither sees the other's levels.
        AssessorView ankSees = flow.view(id, "ank");
        assertThat(ankSees.dossier().levels()).allMatch(l -> l.assessorId().equals("ank")).hasSize(4);
        assertThat(flow.view(id, "bram").dossier().levels()).allMatch(l -> l.assessorId().equals("bram")).hasSize(3);
        refused(Refusal.BLIND, () -> flow.levelsOf(id, "ank", "bram"));
        refused(Refusal.BLIND, () -> flow.levelsOf(id, "bram", "ank"));
        refused(Refusal.EVALUATION_NOT_OPEN, () -> flow.evaluation(id, "ank"));
        assertThat(ankSees.progress().current()).isEqualTo(Step.EVALUEREN);
        assertThat(ankSees.progress().isOpen(Step.EVALUEREN)).isFalse();

        flow.setLevel(id, "bram", C4, "voldoende", "Liet insuline controleren");
        flow.lockLevels(id, "bram");

        // E: side by side, the disagreement on C3, the agreed level with its rationale; originals stay.
        assertThat(flow.levelsOf(id, "ank", "bram")).hasSize(4);
        List<EvaluationRow> rows = flow.evaluation(id, "ank");
        assertThat(rows).filteredOn(EvaluationRow::disagreement).extracting(r -> r.criterion().code()).containsExactly(C3);
        EvaluationRow c3 = rows.stream().filter(r -> r.criterion().code().equals(C3)).findFirst().orElseThrow();
        assertThat(c3.levels()).extracting(CriterionLevel::level).containsExactly("goed", "oefenen");
        assertThat(c3.notes()).extracting(Note::id).containsExactlyInAnyOrder(a4.id(), b3.id());
        refused(Refusal.REPORT_NOT_OPEN, () -> flow.writeReport(id, "ank", "s", "n", "d", "r"));
        assertThat(flow.agreeWhereUnanimous(id, "ank")).isEqualTo(3);
        refused(Refusal.RATIONALE_NEEDED, () -> flow.agree(id, "ank", C3, "voldoende", ""));
        refused(Refusal.NOT_IN_SCOPE, () -> flow.agree(id, "ank", "B1-K1-W3-C1", "goed", "buiten dit werkproces"));

        flow.addThirdAssessor(id, "ank", new Assessor("carla", "Carla Smit", AssessorRole.THIRD));
        flow.setLevel(id, "carla", C3, "voldoende", "Afgetekend, maar niet direct: B3 08:40");
        assertThat(flow.evaluation(id, "carla").stream().filter(r -> r.criterion().code().equals(C3)).findFirst().orElseThrow()
                .levels()).extracting(CriterionLevel::assessorId).containsExactly("ank", "bram", "carla");
        flow.agree(id, "ank", C3, "voldoende", "Afgetekend in dezelfde dienst, niet direct; derde beoordelaar gehoord");
        assertThat(flow.levelsOf(id, "bram", "ank")).filteredOn(l -> l.criterionCode().equals(C3))
                .extracting(CriterionLevel::level).containsExactly("goed");
        assertThat(flow.levelsOf(id, "ank", "bram")).filteredOn(l -> l.criterionCode().equals(C3))
                .extracting(CriterionLevel::level).containsExactly("oefenen");

        // R: the framework's rules give the result; signatures lock the assessment.
        assertThat(flow.view(id, "bram").progress().current()).isEqualTo(Step.RAPPORTEREN);
        ResultRules.Result result = flow.result(id);
        assertThat(result.outcome()).isEqualTo(Outcome.PASSED);
        assertThat(result.workProcesses().get(0).sufficient()).isEqualTo(4);
        refused(Refusal.REPORT_INCOMPLETE, () -> flow.sign(id, "ank", SignerRole.ASSESSOR, "Ank de Vries"));
        flow.writeReport(id, "ank", "Controleert de vijf juisten hardop", "Direct aftekenen, per cliënt",
                "Besproken om 09:15 op de afdeling", "Herkent het aftekenen; gaat per cliënt aftekenen");
        flow.sign(id, "ank", SignerRole.ASSESSOR, "Ank de Vries");
        refused(Refusal.SIGNED, () -> flow.agree(id, "bram", C1, "voldoende", "later"));
        flow.sign(id, "bram", SignerRole.ASSESSOR, "Bram Jansen");
        flow.sign(id, "carla", SignerRole.ASSESSOR, "Carla Smit");
        assertThat(flow.view(id, "ank").dossier().assessment().locked()).isFalse();
        flow.sign(id, null, SignerRole.STUDENT, "Sanne Bakker");
        assertThat(flow.view(id, "ank").dossier().assessment().locked()).isTrue();
        assertThat(flow.view(id, "ank").progress().done()).containsExactlyInAnyOrder(Step.values());
        refused(Refusal.ASSESSMENT_LOCKED, () -> flow.agree(id, "ank", C1, "voldoende", "na afloop"));

        // After locking only additions, each chained in the audit log; the chain verifies.
        assertThat(flow.verify(id).intact()).isTrue();
        flow.addAddendum(id, AssessmentFlow.STUDENT, "Ik wil graag nog een keer met insuline oefenen.");
        assertThat(cache.assessments().audit(id)).hasSize(2);
        assertThat(flow.verify(id).status()).isEqualTo(AuditChain.Status.INTACT);

        // A level edited in the database directly: the chain reports that the assessment is not what was signed.
        try (Connection c = DriverManager.getConnection("jdbc:h2:file:" + dir.resolve("cache").toAbsolutePath()
                + ";DB_CLOSE_ON_EXIT=FALSE", "workstation", "")) {
            c.createStatement().executeUpdate("UPDATE assessment_level SET level = 'goed' "
                    + "WHERE assessor_id = 'bram' AND criterion_code = '" + C3 + "'");
        }
        assertThat(flow.verify(id).status()).isEqualTo(AuditChain.Status.STATE_CHANGED);
    }

    @Test
    void anAuditEntryEditedInTheDatabaseBreaksTheChainAtThatEntry() throws Exception {
        String id = LockedAssessments.walk(flow, clock, newAssessment().id());
        flow.addAddendum(id, "ank", "Correctie: ronde was om 08:00, niet 08:30.");
        flow.addAddendum(id, "bram", "Akkoord met de correctie.");
        assertThat(flow.verify(id).intact()).isTrue();
        try (Connection c = DriverManager.getConnection("jdbc:h2:file:" + dir.resolve("cache").toAbsolutePath()
                + ";DB_CLOSE_ON_EXIT=FALSE", "workstation", "")) {
            c.createStatement().executeUpdate("UPDATE assessment_audit SET content = REPLACE(content, '08:00', '07:00') "
                    + "WHERE assessment_id = '" + id + "' AND seq = 2");
        }
        AuditChain.Verification v = flow.verify(id);
        assertThat(v.status()).isEqualTo(AuditChain.Status.ENTRY_CHANGED);
        assertThat(v.seq()).isEqualTo(2);
    }

    @Test
    void aDeletedAuditEntryBreaksTheChain() throws Exception {
        String id = LockedAssessments.walk(flow, clock, newAssessment().id());
        flow.addAddendum(id, "ank", "Eerste");
        flow.addAddendum(id, "ank", "Tweede");
        try (Connection c = DriverManager.getConnection("jdbc:h2:file:" + dir.resolve("cache").toAbsolutePath()
                + ";DB_CLOSE_ON_EXIT=FALSE", "workstation", "")) {
            c.createStatement().executeUpdate("DELETE FROM assessment_audit WHERE assessment_id = '" + id + "' AND seq = 2");
        }
        assertThat(flow.verify(id).status()).isEqualTo(AuditChain.Status.CHAIN_BROKEN);
    }

    @Test
    void aCriticalCriterionAtTheLowestLevelFailsTheWorkProcessWhateverTheRest() {
        var f = ExampleFrameworks.verzorgendeIg();
        var result = ResultRules.apply(f, List.of("B1-K1-W4"), java.util.Map.of(C1, "nooit", C2, "goed", C3, "goed", C4, "goed"));
        assertThat(result.outcome()).isEqualTo(Outcome.FAILED);
        assertThat(result.workProcesses().get(0).criticalFailures()).containsExactly(C1);
        // 75 % of four criteria is three: two sufficient is not enough, three is.
        assertThat(ResultRules.apply(f, List.of("B1-K1-W4"), java.util.Map.of(C1, "voldoende", C2, "voldoende", C3, "oefenen",
                C4, "oefenen")).outcome()).isEqualTo(Outcome.FAILED);
        assertThat(ResultRules.apply(f, List.of("B1-K1-W4"), java.util.Map.of(C1, "voldoende", C2, "voldoende", C3, "goed",
                C4, "oefenen")).outcome()).isEqualTo(Outcome.PASSED);
        assertThat(ResultRules.apply(f, List.of("B1-K1-W4"), java.util.Map.of(C1, "voldoende")).outcome())
                .isEqualTo(Outcome.INCOMPLETE);
    }
}
