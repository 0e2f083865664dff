package nl.sociallearning.workstation.assessment.exchange;

import nl.sociallearning.workstation.assessment.flow.AssessmentFlow;
import nl.sociallearning.workstation.assessment.flow.NewAssessment;
import nl.sociallearning.workstation.assessment.flow.TestClock;
import nl.sociallearning.workstation.assessment.framework.ExampleFrameworks;
import nl.sociallearning.workstation.demo.DemoCourseServer;
import nl.sociallearning.workstation.domain.assessment.AssessmentContext;
import nl.sociallearning.workstation.domain.assessment.Assessor;
import nl.sociallearning.workstation.domain.assessment.AssessorRole;
import nl.sociallearning.workstation.domain.assessment.Criterion;
import nl.sociallearning.workstation.domain.assessment.Mode;
import nl.sociallearning.workstation.domain.assessment.Note;
import nl.sociallearning.workstation.domain.assessment.Setting;
import nl.sociallearning.workstation.domain.assessment.Student;
import nl.sociallearning.workstation.store.Cache;
import nl.sociallearning.workstation.sync.ServerAddress;
import nl.sociallearning.workstation.sync.SyncException;
import nl.sociallearning.workstation.sync.api.CourseSyncApiConnector;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Two assessors meet through the (demo) course server over real HTTP: the server only passes signed files on. */
class ThroughTheServerTest {

    @TempDir
    Path dir;
    DemoCourseServer server;
    CourseSyncApiConnector connector;
    final TestClock clock = new TestClock(Instant.parse("2026-11-30T08:00:00Z"));

    /** The connector as a mailbox, as the composition root wires it. */
    final RecordsMailbox mailbox = new RecordsMailbox() {
        @Override
        public void put(String assessmentId, String assessorId, byte[] file) {
            try {
                connector.putAssessmentRecords(assessmentId, assessorId, file);
            } catch (SyncException e) {
                throw new ExchangeException(ExchangeException.Problem.SERVER, e.getMessage());
            }
        }

        @Override
        public List<byte[]> files(String assessmentId) {
            try {
                return connector.assessmentRecords(assessmentId);
            } catch (SyncException e) {
                throw new ExchangeException(ExchangeException.Problem.SERVER, e.getMessage());
            }
        }
    };

    @BeforeEach
    void start() throws Exception {
        server = DemoCourseServer.builder().live(Duration.ZERO).start();
        connector = new CourseSyncApiConnector(ServerAddress.of(server.baseUri().toString()), server.token());
    }

    @AfterEach
    void stop() {
        connector.close();
        server.close();
    }

    @Test
    void eachLaptopPutsItsOwnRecordsAndAddsTheOthers() throws Exception {
        try (Cache a = Cache.open(dir.resolve("ank")); Cache b = Cache.open(dir.resolve("bram"))) {
            for (Cache c : List.of(a, b)) {
                c.frameworks().add(ExampleFrameworks.verzorgendeIg(), clock.instant());
            }
            AssessmentFlow fa = new AssessmentFlow(a, clock);
            AssessmentFlow fb = new AssessmentFlow(b, clock);
            ExchangeFile xa = new ExchangeFile(a, SigningKey.inDataDirectory(dir.resolve("ank")), clock);
            ExchangeFile xb = new ExchangeFile(b, SigningKey.inDataDirectory(dir.resolve("bram")), clock);
            String id = fa.create(new NewAssessment("VIG-B1", new AssessmentContext(new Student("1", "Sanne Bakker"),
                    List.of("B1-K1-W5"), Setting.SIMULATION, "Skillslab", "Val", Mode.FORMATIVE, null),
                    List.of(new Assessor("ank", "Ank", AssessorRole.ASSESSOR), new Assessor("bram", "Bram", AssessorRole.ASSESSOR)))).id();

            xa.throughServer(mailbox, id, "ank");
            ExchangeFile.ServerExchange first = xb.throughServer(mailbox, id, "bram");
            assertThat(first.imported()).hasSize(1);
            assertThat(first.imported().get(0).created()).isTrue();

            assess(fa, id, "ank");
            assess(fb, id, "bram");
            xa.throughServer(mailbox, id, "ank");
            ExchangeFile.ServerExchange atBram = xb.throughServer(mailbox, id, "bram");
            ExchangeFile.ServerExchange atAnk = xa.throughServer(mailbox, id, "ank");
            assertThat(atBram.added()).isEqualTo(3 + 3 + 3 + 1);
            assertThat(atAnk.added()).isEqualTo(10);
            assertThat(atAnk.refused()).isEmpty();
            assertThat(fa.evaluation(id, "ank")).hasSize(3);
            assertThat(fb.evaluation(id, "bram")).hasSize(3);

            // A file changed on the server is refused on arrival; nothing of it is added.
            String changed = new String(xa.export(id, "ank"), StandardCharsets.UTF_8).replace("ank zag", "iemand zag");
            connector.putAssessmentRecords(id, "ank", changed.getBytes(StandardCharsets.UTF_8));
            ExchangeFile.ServerExchange tampered = xb.throughServer(mailbox, id, "bram");
            assertThat(tampered.refused()).extracting(ExchangeException::problem).containsExactly(ExchangeException.Problem.TAMPERED);
            assertThat(b.assessments().dossier(id).orElseThrow().notesOf("ank")).extracting(Note::text).allMatch(t -> t.startsWith("ank zag"));
        }
    }

    private void assess(AssessmentFlow flow, String id, String who) {
        if (!flow.view(id, who).dossier().assessment().observationStarted()) {
            flow.startObservation(id, who);
        }
        List<Criterion> criteria = flow.view(id, who).criteria();
        List<Note> notes = criteria.stream().map(c -> {
            clock.advance(Duration.ofSeconds(20));
            return flow.addNote(id, who, who + " zag: " + c.code());
        }).toList();
        if (!flow.view(id, who).dossier().assessment().observationEnded()) {
            flow.endObservation(id, who);
        }
        for (int i = 0; i < criteria.size(); i++) {
            flow.link(id, who, notes.get(i).id(), criteria.get(i).code());
            flow.setLevel(id, who, criteria.get(i).code(), "voldoende", "notitie " + (i + 1));
        }
        flow.lockLevels(id, who);
    }
}
