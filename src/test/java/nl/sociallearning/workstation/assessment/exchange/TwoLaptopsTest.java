package nl.sociallearning.workstation.assessment.exchange;

import nl.sociallearning.workstation.assessment.exchange.ExchangeException.Problem;
import nl.sociallearning.workstation.assessment.flow.AssessmentFlow;
import nl.sociallearning.workstation.assessment.flow.AssessorView;
import nl.sociallearning.workstation.assessment.flow.EvaluationRow;
import nl.sociallearning.workstation.assessment.flow.NewAssessment;
import nl.sociallearning.workstation.assessment.flow.TestClock;
import nl.sociallearning.workstation.assessment.framework.ExampleFrameworks;
import nl.sociallearning.workstation.domain.assessment.AssessmentContext;
import nl.sociallearning.workstation.domain.assessment.Assessor;
import nl.sociallearning.workstation.domain.assessment.AssessorRole;
import nl.sociallearning.workstation.domain.assessment.Criterion;
import nl.sociallearning.workstation.domain.assessment.Mode;
import nl.sociallearning.workstation.domain.assessment.Note;
import nl.sociallearning.workstation.domain.assessment.Setting;
import nl.sociallearning.workstation.domain.assessment.Student;
import nl.sociallearning.workstation.store.Cache;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Two assessors, two laptops, no network: each keeps their own records and they meet through signed files.
 * Import adds the other's records and never overwrites; a file changed after signing is refused whole.
 */
class TwoLaptopsTest {

    @TempDir
    Path dir;
    Laptop a;
    Laptop b;
    final TestClock clock = new TestClock(Instant.parse("2026-11-30T08:00:00Z"));

    final class Laptop implements AutoCloseable {
        final Path data;
        final Cache cache;
        final AssessmentFlow flow;
        final ExchangeFile exchange;

        Laptop(String name) {
            data = dir.resolve(name);
            cache = Cache.open(data);
            cache.frameworks().add(ExampleFrameworks.verzorgendeIg(), clock.instant());
            flow = new AssessmentFlow(cache, clock);
            exchange = new ExchangeFile(cache, SigningKey.inDataDirectory(data), clock);
        }

        /** Observes with one note per criterion, classifies, scores every criterion at {@code level}, locks. */
        void assess(String id, String who, String level) {
            flow.startObservation(id, who);
            List<Criterion> criteria = flow.view(id, who).criteria();
            List<Note> notes = criteria.stream().map(c -> {
                clock.advance(Duration.ofSeconds(30));
                return flow.addNote(id, who, who + " zag: " + c.text());
            }).toList();
            flow.endObservation(id, who);
            for (int i = 0; i < criteria.size(); i++) {
                flow.link(id, who, notes.get(i).id(), criteria.get(i).code());
                flow.setLevel(id, who, criteria.get(i).code(), i == 0 ? level : "voldoende", "Zie notitie " + (i + 1));
            }
            flow.lockLevels(id, who);
        }

        @Override
        public void close() {
            cache.close();
        }
    }

    @BeforeEach
    void laptops() {
        a = new Laptop("ank");
        b = new Laptop("bram");
    }

    @AfterEach
    void close() {
        a.close();
        b.close();
    }

    String createOnA() {
        return a.flow.create(new NewAssessment("VIG-B1", new AssessmentContext(new Student("503112", "Sanne Bakker"),
                List.of("B1-K1-W4"), Setting.WORK_PLACEMENT, "De Linde", "Medicatieronde", Mode.FORMATIVE, null),
                List.of(new Assessor("ank", "Ank de Vries", AssessorRole.ASSESSOR),
                        new Assessor("bram", "Bram Jansen", AssessorRole.ASSESSOR)))).id();
    }

    @Test
    void eachAssessorsRecordsTravelSignedAndAreAddedBesideTheOthers() {
        String id = createOnA();
        ExchangeFile.Imported first = b.exchange.importFile(a.exchange.export(id, "ank"));
        assertThat(first.created()).isTrue();
        assertThat(first.newKey()).isTrue();

        a.assess(id, "ank", "goed");
        b.assess(id, "bram", "oefenen");
        // Neither laptop has the other's levels yet, so the evaluation is not open on either.
        assertThat(a.flow.view(id, "ank").progress().isOpen(nl.sociallearning.workstation.domain.assessment.Step.EVALUEREN)).isFalse();

        ExchangeFile.Imported fromBram = a.exchange.importFile(b.exchange.export(id, "bram"));
        assertThat(fromBram.assessorId()).isEqualTo("bram");
        assertThat(fromBram.added()).isEqualTo(4 + 4 + 4 + 1);   // notes, links, levels, the lock
        ExchangeFile.Imported fromAnk = b.exchange.importFile(a.exchange.export(id, "ank"));
        assertThat(fromAnk.added()).isEqualTo(13);

        for (Laptop l : List.of(a, b)) {
            AssessorView view = l.flow.view(id, "ank");
            assertThat(view.dossier().notesOf("ank")).hasSize(4);
            assertThat(view.dossier().notesOf("bram")).hasSize(4);
            List<EvaluationRow> rows = l.flow.evaluation(id, "bram");
            assertThat(rows).filteredOn(EvaluationRow::disagreement).hasSize(1);
        }

        // The same file again adds nothing and changes nothing.
        ExchangeFile.Imported again = a.exchange.importFile(b.exchange.export(id, "bram"));
        assertThat(again.added()).isZero();
        assertThat(again.skipped()).isEqualTo(13);
    }

    @Test
    void aFileChangedAfterSigningIsRefusedAndNothingOfItIsAdded() {
        String id = createOnA();
        b.exchange.importFile(a.exchange.export(id, "ank"));
        b.assess(id, "bram", "oefenen");
        String file = new String(b.exchange.export(id, "bram"), StandardCharsets.UTF_8);
        String tampered = file.replace("\"level\" : \"oefenen\"", "\"level\" : \"goed\"");
        assertThat(tampered).isNotEqualTo(file);

        assertThatThrownBy(() -> a.exchange.importFile(tampered.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOfSatisfying(ExchangeException.class, e -> assertThat(e.problem()).isEqualTo(Problem.TAMPERED));
        assertThat(a.cache.assessments().dossier(id).orElseThrow().notesOf("bram")).isEmpty();
        assertThat(a.cache.assessments().dossier(id).orElseThrow().levels()).isEmpty();

        assertThatThrownBy(() -> a.exchange.importFile("{\"hello\": 1}".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOfSatisfying(ExchangeException.class,
                        e -> assertThat(e.problem()).isEqualTo(Problem.NOT_AN_EXCHANGE_FILE));
    }

    @Test
    void aRecordThatDiffersFromTheOneAlreadyThereRefusesTheFileInsteadOfOverwriting() throws Exception {
        String id = createOnA();
        b.exchange.importFile(a.exchange.export(id, "ank"));
        b.assess(id, "bram", "oefenen");
        a.exchange.importFile(b.exchange.export(id, "bram"));
        // On Bram's laptop a note is changed behind the program's back, then exported (and signed) again.
        try (Connection c = DriverManager.getConnection("jdbc:h2:file:" + b.data.resolve("cache").toAbsolutePath()
                + ";DB_CLOSE_ON_EXIT=FALSE", "workstation", "")) {
            c.createStatement().executeUpdate("UPDATE assessment_note SET text = 'anders' WHERE assessor_id = 'bram'");
        }
        byte[] changed = b.exchange.export(id, "bram");
        assertThatThrownBy(() -> a.exchange.importFile(changed))
                .isInstanceOfSatisfying(ExchangeException.class, e -> assertThat(e.problem()).isEqualTo(Problem.CONFLICT));
        assertThat(a.cache.assessments().dossier(id).orElseThrow().notesOf("bram")).extracting(Note::text)
                .allMatch(t -> t.startsWith("bram zag"));
    }

    @Test
    void aFileForAKnownAssessorSignedWithAnotherKeyIsRefused() {
        String id = createOnA();
        b.exchange.importFile(a.exchange.export(id, "ank"));
        b.assess(id, "bram", "oefenen");
        a.exchange.importFile(b.exchange.export(id, "bram"));
        // Someone else's laptop, claiming to be Bram.
        try (Laptop c = new Laptop("mallory")) {
            c.exchange.importFile(a.exchange.export(id, "ank"));
            assertThatThrownBy(() -> a.exchange.importFile(c.exchange.export(id, "bram")))
                    .isInstanceOfSatisfying(ExchangeException.class, e -> assertThat(e.problem()).isEqualTo(Problem.OTHER_KEY));
        }
    }
}
