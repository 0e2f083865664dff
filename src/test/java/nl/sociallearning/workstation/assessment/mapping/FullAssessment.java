package nl.sociallearning.workstation.assessment.mapping;

import nl.sociallearning.workstation.assessment.flow.AssessmentFlow;
import nl.sociallearning.workstation.assessment.flow.NewAssessment;
import nl.sociallearning.workstation.assessment.flow.TestClock;
import nl.sociallearning.workstation.domain.assessment.AssessmentContext;
import nl.sociallearning.workstation.domain.assessment.Assessor;
import nl.sociallearning.workstation.domain.assessment.AssessorRole;
import nl.sociallearning.workstation.domain.assessment.Mode;
import nl.sociallearning.workstation.domain.assessment.Note;
import nl.sociallearning.workstation.domain.assessment.Setting;
import nl.sociallearning.workstation.domain.assessment.SignerRole;
import nl.sociallearning.workstation.domain.assessment.Student;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * A summative medication round (B1-K1-W4) walked through all six steps by Ank and Bram, as in the flow's own test:
 * they disagree on C3 (goed against oefenen), Carla is called in as third assessor, a course post is linked as
 * evidence for C1, the report is written and signed by everyone, and the assessment locks.
 */
final class FullAssessment {

    static final String C1 = "B1-K1-W4-C1";
    static final String C2 = "B1-K1-W4-C2";
    static final String C3 = "B1-K1-W4-C3";
    static final String C4 = "B1-K1-W4-C4";
    static final String NOTE_B3 = "Tekent na de ronde voor drie cliënten tegelijk af, om 08:40";

    private FullAssessment() {
    }

    /** A course, a thread and a post in the cache's own tables, as a sync would have left them. */
    static void coursePost(Path cacheDir) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:h2:file:" + cacheDir.resolve("cache").toAbsolutePath()
                + ";DB_CLOSE_ON_EXIT=FALSE", "workstation", "")) {
            c.createStatement().executeUpdate("INSERT INTO course (id, title, audience, time_zone, participant_count) "
                    + "VALUES ('beoordelen', 'Praktijkbeoordelaar in de zorg', 'EDUCATION', 'Europe/Amsterdam', 40)");
            c.createStatement().executeUpdate("INSERT INTO participant VALUES ('beoordelen', 'p7', 'Sanne Bakker', 'PARTICIPANT', "
                    + "NULL, NULL, 1)");
            PreparedStatement t = c.prepareStatement("INSERT INTO thread (course_id, id, title, created_at, last_activity_at, locked, "
                    + "pinned, version, generation) VALUES ('beoordelen', 't-3', 'Veilig medicatie delen', ?, ?, FALSE, FALSE, 1, 1)");
            t.setObject(1, Instant.parse("2026-11-20T09:00:00Z"));
            t.setObject(2, Instant.parse("2026-11-20T10:00:00Z"));
            t.executeUpdate();
            PreparedStatement p = c.prepareStatement("INSERT INTO post (course_id, id, thread_id, author_id, created_at, body_html, "
                    + "hidden, deleted, approval, flag_count, version, generation) VALUES ('beoordelen', 'post-41', 't-3', 'p7', ?, ?, "
                    + "FALSE, FALSE, 'APPROVED', 0, 1, 1)");
            p.setObject(1, Instant.parse("2026-11-20T10:00:00Z"));
            p.setString(2, "<p>Bij de medicatieronde controleer ik altijd eerst de <b>vijf juisten</b>: cliënt, middel, dosis, "
                    + "tijd en toedieningsweg.</p>");
            p.executeUpdate();
        }
    }

    static String walk(AssessmentFlow flow, TestClock clock) {
        String id = flow.create(new NewAssessment("VIG-B1", new AssessmentContext(new Student("503112", "Sanne Bakker"),
                List.of("B1-K1-W4"), Setting.EXAM, "Afdeling Geriatrie, De Linde", "Medicatieronde 08:00, vier cliënten",
                Mode.SUMMATIVE, null), List.of(new Assessor("ank", "Ank de Vries", AssessorRole.ASSESSOR),
                new Assessor("bram", "Bram Jansen", AssessorRole.ASSESSOR)))).id();
        flow.startObservation(id, "ank");
        clock.advance(Duration.ofMinutes(2));
        Note a1 = flow.addNote(id, "ank", "Leest naam en geboortedatum voor van polsbandje, vergelijkt met de toedienlijst");
        clock.advance(Duration.ofMinutes(1));
        Note a2 = flow.addNote(id, "ank", "Trekt handschoenen aan na handen wassen, 20 seconden");
        clock.advance(Duration.ofMinutes(4));
        Note a3 = flow.addNote(id, "ank", "Tekent af in het toedienregistratiesysteem direct na inname");
        Note a4 = flow.addNote(id, "ank", "Vraagt collega Jeroen: 'wil je de insuline dubbel checken?'");
        Note b1 = flow.addNote(id, "bram", "Controleert polsbandje en lijst, noemt middel, dosis, tijd en route");
        Note b2 = flow.addNote(id, "bram", "Opent steriele naald pas na desinfectie van de huid");
        clock.advance(Duration.ofMinutes(30));
        Note b3 = flow.addNote(id, "bram", NOTE_B3);
        Note b4 = flow.addNote(id, "bram", "Laat insuline door collega controleren vóór toediening");
        clock.advance(Duration.ofMinutes(3));
        flow.endObservation(id, "bram");
        String[][] ank = {{a1.id(), C1, "goed", "Vijf juisten hardop gecontroleerd"}, {a2.id(), C2, "voldoende", "Handhygiëne volgens protocol"},
                {a3.id(), C3, "goed", "Direct na inname afgetekend"}, {a4.id(), C4, "voldoende", "Vroeg zelf om dubbele controle"}};
        String[][] bram = {{b1.id(), C1, "goed", "Noemde middel, dosis, tijd en route"}, {b2.id(), C2, "voldoende", "Steriel gewerkt"},
                {b3.id(), C3, "oefenen", "Pas na de ronde afgetekend, drie tegelijk"}, {b4.id(), C4, "voldoende", "Liet insuline controleren"}};
        clock.advance(Duration.ofMinutes(5));
        for (String[] r : ank) {
            flow.link(id, "ank", r[0], r[1]);
            flow.setLevel(id, "ank", r[1], r[2], r[3]);
        }
        flow.linkPost(id, "ank", C1, "beoordelen", "post-41", null);
        flow.lockLevels(id, "ank");
        clock.advance(Duration.ofMinutes(7));
        for (String[] r : bram) {
            flow.link(id, "bram", r[0], r[1]);
            flow.setLevel(id, "bram", r[1], r[2], r[3]);
        }
        flow.lockLevels(id, "bram");
        clock.advance(Duration.ofMinutes(10));
        flow.agreeWhereUnanimous(id, "ank");
        flow.addThirdAssessor(id, "ank", new Assessor("carla", "Carla Smit", AssessorRole.THIRD));
        flow.setLevel(id, "carla", C3, "voldoende", "Afgetekend in dezelfde dienst, niet direct");
        flow.agree(id, "ank", C3, "voldoende", "Afgetekend in dezelfde dienst, niet direct; derde beoordelaar gehoord");
        clock.advance(Duration.ofMinutes(20));
        flow.writeReport(id, "ank", "Controleert de vijf juisten hardop\nVraagt zelf om een dubbele controle",
                "Direct aftekenen, per cliënt", "Besproken om 09:15 op de afdeling", "Herkent het aftekenen; gaat per cliënt aftekenen");
        flow.sign(id, "ank", SignerRole.ASSESSOR, "Ank de Vries");
        flow.sign(id, "bram", SignerRole.ASSESSOR, "Bram Jansen");
        flow.sign(id, "carla", SignerRole.ASSESSOR, "Carla Smit");
        clock.advance(Duration.ofMinutes(1));
        flow.sign(id, null, SignerRole.STUDENT, "Sanne Bakker");
        return id;
    }
}
