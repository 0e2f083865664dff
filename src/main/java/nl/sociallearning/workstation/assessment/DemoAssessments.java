package nl.sociallearning.workstation.assessment;

import nl.sociallearning.workstation.assessment.flow.AssessmentFlow;
import nl.sociallearning.workstation.assessment.flow.NewAssessment;
import nl.sociallearning.workstation.assessment.framework.ExampleFrameworks;
import nl.sociallearning.workstation.domain.assessment.AssessmentContext;
import nl.sociallearning.workstation.domain.assessment.Assessor;
import nl.sociallearning.workstation.domain.assessment.AssessorRole;
import nl.sociallearning.workstation.domain.assessment.Mode;
import nl.sociallearning.workstation.domain.assessment.Note;
import nl.sociallearning.workstation.domain.assessment.Setting;
import nl.sociallearning.workstation.domain.assessment.Student;
import nl.sociallearning.workstation.store.Cache;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

/**
 * Example assessments for the demo set-up (the embedded demo server), so the screens show something on a first
 * start: one being observed, one being classified and scored, and one with two assessors who disagree. Seeded
 * only into a cache without any assessment, and never for a real course server.
 */
public final class DemoAssessments {

    public static final String ANK = "ank.devries";
    public static final String BRAM = "bram.jansen";

    private DemoAssessments() {
    }

    /** The shipped framework, in any cache that has none yet (real use too: it is a useful start). */
    public static void installExampleFramework(Cache cache) {
        if (cache.frameworks().all().isEmpty()) {
            cache.frameworks().add(ExampleFrameworks.verzorgendeIg(), Instant.now());
        }
    }

    public static void seedIfEmpty(Cache cache) {
        installExampleFramework(cache);
        if (!cache.assessments().all().isEmpty()) {
            return;
        }
        Instant start = Instant.now().minus(Duration.ofHours(3));
        Stepper clock = new Stepper(start);
        DemoAssessmentSeries.seed(cache, start.minus(Duration.ofDays(1)));
        AssessmentFlow flow = new AssessmentFlow(cache, clock);
        disagreement(flow, clock);
        classifying(flow, clock);
        clock.set(Instant.now().minus(Duration.ofMinutes(12)));
        observing(flow, clock);
    }

    private static List<Assessor> twoAssessors() {
        return List.of(new Assessor(ANK, "Ank de Vries", AssessorRole.ASSESSOR), new Assessor(BRAM, "Bram Jansen", AssessorRole.ASSESSOR));
    }

    /** Sanne: a summative medication round, both assessors locked, one criterion in dispute. */
    static String disagreement(AssessmentFlow flow, Stepper clock) {
        String id = flow.create(new NewAssessment("VIG-B1", new AssessmentContext(new Student("503112", "Sanne Bakker"),
                List.of("B1-K1-W4"), Setting.EXAM, "De Linde, afdeling Geriatrie", "Medicatieronde 08:00, vier cliënten",
                Mode.SUMMATIVE, null), twoAssessors())).id();
        flow.startObservation(id, ANK);
        Note a1 = note(flow, clock, id, ANK, 2, "Leest naam en geboortedatum van het polsbandje voor en vergelijkt met de toedienlijst");
        Note b1 = note(flow, clock, id, BRAM, 0, "Controleert polsbandje en lijst; noemt middel, dosis, tijd en route hardop");
        Note a2 = note(flow, clock, id, ANK, 3, "Desinfecteert de huid, opent de naald pas daarna, legt dop op steriel gaas");
        Note b2 = note(flow, clock, id, BRAM, 0, "Opent steriele naald na desinfectie van de huid");
        Note a3 = note(flow, clock, id, ANK, 6, "Tekent af in het toedienregistratiesysteem direct na inname, 08:14");
        Note b3 = note(flow, clock, id, BRAM, 1, "Tekent om 08:40 voor drie cliënten tegelijk af, na de ronde");
        Note a4 = note(flow, clock, id, ANK, 2, "Vraagt collega Jeroen: 'Wil je de insuline dubbel checken?'");
        Note b4 = note(flow, clock, id, BRAM, 0, "Laat insuline door collega controleren vóór toediening");
        clock.advance(Duration.ofMinutes(3));
        flow.endObservation(id, ANK);
        String[][] ank = {{a1.id(), "B1-K1-W4-C1", "goed", "Vijf juisten hardop en met de lijst vergeleken (08:02)"},
                {a2.id(), "B1-K1-W4-C2", "voldoende", "Aseptisch volgens protocol (08:05)"},
                {a3.id(), "B1-K1-W4-C3", "goed", "Direct na inname afgetekend, 08:14"},
                {a4.id(), "B1-K1-W4-C4", "voldoende", "Vroeg zelf om dubbele controle bij insuline"}};
        String[][] bram = {{b1.id(), "B1-K1-W4-C1", "goed", "Noemde middel, dosis, tijd en route bij elke cliënt"},
                {b2.id(), "B1-K1-W4-C2", "voldoende", "Steriel gewerkt"},
                {b3.id(), "B1-K1-W4-C3", "oefenen", "Aftekenen pas na de ronde, drie cliënten tegelijk (08:40)"},
                {b4.id(), "B1-K1-W4-C4", "voldoende", "Insuline dubbel gecontroleerd"}};
        for (String[] r : ank) {
            flow.link(id, ANK, r[0], r[1]);
            flow.setLevel(id, ANK, r[1], r[2], r[3]);
        }
        flow.lockLevels(id, ANK);
        for (String[] r : bram) {
            flow.link(id, BRAM, r[0], r[1]);
            flow.setLevel(id, BRAM, r[1], r[2], r[3]);
        }
        flow.lockLevels(id, BRAM);
        return id;
    }

    /** Lotte: ochtendzorg on the ward; the observation has ended, Ank is classifying and scoring. */
    static String classifying(AssessmentFlow flow, Stepper clock) {
        String id = flow.create(new NewAssessment("VIG-B1", new AssessmentContext(new Student("498877", "Lotte Meijer"),
                List.of("B1-K1-W3"), Setting.WORK_PLACEMENT, "Huize Zonnehof, kamer 12", "Ochtendzorg bij mevrouw De Boer",
                Mode.FORMATIVE, null), twoAssessors())).id();
        flow.startObservation(id, ANK);
        Note n1 = note(flow, clock, id, ANK, 1, "Klopt aan, wacht op antwoord, zegt: 'Goedemorgen, ik kom u helpen met wassen, is dat goed?'");
        Note n2 = note(flow, clock, id, ANK, 1, "Wast handen 20 seconden bij de wastafel voordat zij handschoenen aantrekt");
        Note n3 = note(flow, clock, id, ANK, 2, "Geeft mevrouw het washandje: 'Wilt u zelf uw gezicht doen?' Mevrouw wast gezicht zelf");
        note(flow, clock, id, ANK, 3, "Deur blijft open tijdens het wassen; bovenlichaam 4 minuten onbedekt");
        note(flow, clock, id, ANK, 2, "Ze werkte netjes en leek rustig");
        note(flow, clock, id, ANK, 1, "Ziet rode plek op de stuit, zegt: 'Hier is het rood, doet dat pijn?'");
        note(flow, clock, id, BRAM, 1, "Vraagt toestemming voor het wassen");
        clock.advance(Duration.ofMinutes(4));
        flow.endObservation(id, ANK);
        flow.link(id, ANK, n1.id(), "B1-K1-W3-C1");
        flow.link(id, ANK, n2.id(), "B1-K1-W3-C2");
        flow.link(id, ANK, n3.id(), "B1-K1-W3-C3");
        flow.link(id, ANK, n1.id(), "B1-K1-W3-C3");
        flow.setLevel(id, ANK, "B1-K1-W3-C1", "goed", "Legt uit en vraagt toestemming vóór het wassen (notitie 1)");
        return id;
    }

    /** Daan: an observation going on now. */
    static String observing(AssessmentFlow flow, Stepper clock) {
        String id = flow.create(new NewAssessment("VIG-B1", new AssessmentContext(new Student("510240", "Daan Visser"),
                List.of("B1-K1-W5", "B1-K2-W2"), Setting.SIMULATION, "Skillslab, ruimte 2.14", "Cliënt valt bij de wastafel",
                Mode.FORMATIVE, null), List.of(new Assessor(ANK, "Ank de Vries", AssessorRole.ASSESSOR)))).id();
        flow.startObservation(id, ANK);
        note(flow, clock, id, ANK, 1, "Hoort de val, loopt naar de badkamer, knielt naast cliënt, zegt: 'Meneer, hoort u mij?'");
        note(flow, clock, id, ANK, 1, "Drukt op de alarmknop aan de wand, blijft bij de cliënt");
        note(flow, clock, id, ANK, 2, "Telt ademhaling 30 seconden: 9 keer; voelt pols aan de pols");
        return id;
    }

    private static Note note(AssessmentFlow flow, Stepper clock, String id, String who, int minutes, String text) {
        clock.advance(Duration.ofMinutes(minutes).plusSeconds(17));
        return flow.addNote(id, who, text);
    }

    /** A clock the seeding moves on, so notes get believable times. */
    static final class Stepper extends Clock {
        private Instant now;

        Stepper(Instant start) {
            now = start;
        }

        void advance(Duration d) {
            now = now.plus(d);
        }

        void set(Instant at) {
            now = at;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
