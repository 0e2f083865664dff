package nl.sociallearning.workstation.assessment;

import nl.sociallearning.workstation.assessment.flow.AssessmentFlow;
import nl.sociallearning.workstation.assessment.flow.EvaluationRow;
import nl.sociallearning.workstation.assessment.flow.NewAssessment;
import nl.sociallearning.workstation.domain.assessment.AssessmentContext;
import nl.sociallearning.workstation.domain.assessment.Assessor;
import nl.sociallearning.workstation.domain.assessment.AssessorRole;
import nl.sociallearning.workstation.domain.assessment.Criterion;
import nl.sociallearning.workstation.domain.assessment.Framework;
import nl.sociallearning.workstation.domain.assessment.Mode;
import nl.sociallearning.workstation.domain.assessment.Note;
import nl.sociallearning.workstation.domain.assessment.Setting;
import nl.sociallearning.workstation.domain.assessment.SignerRole;
import nl.sociallearning.workstation.domain.assessment.Student;
import nl.sociallearning.workstation.store.Cache;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Past assessments for the demo set-up: fourteen signed and locked observations of medication rounds (B1-K1-W4)
 * and morning care (B1-K1-W3) over the last two months, each by two of four assessors, so the agreement figures
 * have something to say. Generated with a fixed seed: mostly close judgements, one assessor who tends to score a
 * level higher than the others (a leniency signal) and one who rarely uses the ends of the scale.
 */
final class DemoAssessmentSeries {

    static final String CARLA = "carla.smit";
    static final String DIRK = "dirk.mulder";

    private static final String[][] STUDENTS = {
            {"488120", "Noor Hendriks"}, {"488134", "Milan de Boer"}, {"489002", "Fleur Dekker"}, {"489017", "Jesse Smits"},
            {"490311", "Yara El Amrani"}, {"490325", "Thijs Willems"}, {"491008", "Lieke van Dijk"}, {"491044", "Sem Bos"},
            {"492210", "Emma Kuipers"}, {"492236", "Luuk Vermeulen"}, {"493101", "Zoë Peters"}, {"493147", "Ravi Ramdin"},
            {"494020", "Iris Mulder"}, {"494066", "Bas Koster"}};
    private static final String[] PLACES = {"De Linde, afdeling Geriatrie", "Huize Zonnehof, afdeling 2", "De Linde, afdeling Kastanje",
            "Zorgcentrum Het Anker, Deventer"};
    private static final String[] LABELS = {"nooit", "oefenen", "voldoende", "goed"};
    private static final String[] WHY = {"Niet gezien; zie aantekening", "Deels, met aanwijzingen; zie aantekening",
            "Volgens protocol; zie aantekening", "Zelfstandig en volledig; zie aantekening"};

    private DemoAssessmentSeries() {
    }

    /** Seeds the series; {@code end} is the moment the newest of them took place. */
    static void seed(Cache cache, Instant end) {
        Framework f = cache.frameworks().find("VIG-B1").orElse(null);
        if (f == null) {
            return;
        }
        Assessor ank = new Assessor(DemoAssessments.ANK, "Ank de Vries", AssessorRole.ASSESSOR);
        Assessor bram = new Assessor(DemoAssessments.BRAM, "Bram Jansen", AssessorRole.ASSESSOR);
        Assessor carla = new Assessor(CARLA, "Carla Smit", AssessorRole.ASSESSOR);
        Assessor dirk = new Assessor(DIRK, "Dirk Mulder", AssessorRole.ASSESSOR);
        Assessor[][] pairs = {{ank, bram}, {ank, carla}, {bram, dirk}, {ank, bram}, {ank, carla}, {bram, dirk}, {ank, bram},
                {ank, carla}, {bram, dirk}, {ank, bram}, {ank, carla}, {bram, dirk}, {ank, bram}, {ank, bram}};
        Random random = new Random(20261130L);
        DemoAssessments.Stepper clock = new DemoAssessments.Stepper(end.minus(Duration.ofDays(4L * STUDENTS.length)));
        AssessmentFlow flow = new AssessmentFlow(cache, clock);
        for (int i = 0; i < STUDENTS.length; i++) {
            clock.set(end.minus(Duration.ofDays(4L * (STUDENTS.length - i))).plus(Duration.ofMinutes(random.nextInt(90))));
            boolean medication = i % 3 != 2;
            one(flow, clock, f, random, i, medication ? "B1-K1-W4" : "B1-K1-W3", pairs[i]);
        }
    }

    private static void one(AssessmentFlow flow, DemoAssessments.Stepper clock, Framework f, Random random, int i, String scope,
                            Assessor[] pair) {
        boolean medication = scope.equals("B1-K1-W4");
        String task = medication ? "Medicatieronde " + (i % 2 == 0 ? "08:00" : "12:00") + ", " + (3 + i % 3) + " cliënten"
                : "Ochtendzorg bij " + (i % 2 == 0 ? "mevrouw Jansen" : "meneer Willemsen");
        String id = flow.create(new NewAssessment(f.code(), new AssessmentContext(new Student(STUDENTS[i][0], STUDENTS[i][1]),
                List.of(scope), medication ? Setting.EXAM : Setting.WORK_PLACEMENT, PLACES[i % PLACES.length], task,
                medication ? Mode.SUMMATIVE : Mode.FORMATIVE, null), List.of(pair))).id();
        flow.startObservation(id, pair[0].id());
        List<Criterion> criteria = f.criteriaIn(List.of(scope));
        List<List<Note>> notes = new ArrayList<>();
        for (Assessor a : pair) {
            List<Note> own = new ArrayList<>();
            for (Criterion c : criteria) {
                clock.advance(Duration.ofMinutes(2 + random.nextInt(5)).plusSeconds(random.nextInt(60)));
                own.add(flow.addNote(id, a.id(), observed(c, a == pair[0])));
            }
            notes.add(own);
        }
        clock.advance(Duration.ofMinutes(3));
        flow.endObservation(id, pair[0].id());
        int[] truth = new int[criteria.size()];
        for (int k = 0; k < truth.length; k++) {
            double r = random.nextDouble();
            truth[k] = r < 0.05 ? 0 : r < 0.3 ? 1 : r < 0.7 ? 2 : 3;
        }
        for (int p = 0; p < pair.length; p++) {
            Assessor a = pair[p];
            clock.advance(Duration.ofMinutes(8 + random.nextInt(15)));
            for (int k = 0; k < criteria.size(); k++) {
                String code = criteria.get(k).code();
                flow.link(id, a.id(), notes.get(p).get(k).id(), code);
                int level = levelOf(a.id(), truth[k], random);
                flow.setLevel(id, a.id(), code, LABELS[level], WHY[level]);
            }
            flow.lockLevels(id, a.id());
        }
        clock.advance(Duration.ofMinutes(10));
        flow.agreeWhereUnanimous(id, pair[0].id());
        for (EvaluationRow row : flow.evaluation(id, pair[0].id())) {
            if (row.agreed().isEmpty()) {
                // The pair settles on the level the notes support best: here, the lower of the two.
                String lower = row.levels().stream().map(l -> l.level()).min((x, y) -> Integer.compare(f.scale().rank(x), f.scale().rank(y)))
                        .orElseThrow();
                flow.agree(id, pair[0].id(), row.criterion().code(), lower, "Besproken aan de hand van beide aantekeningen");
            }
        }
        clock.advance(Duration.ofMinutes(15));
        flow.writeReport(id, pair[0].id(), medication ? "Controleert de vijf juisten" : "Legt uit en vraagt toestemming",
                medication ? "Direct aftekenen na toediening" : "Privacy bewaken tijdens het wassen", "Nabesproken op de afdeling", "");
        for (Assessor a : pair) {
            flow.sign(id, a.id(), SignerRole.ASSESSOR, a.name());
        }
        flow.sign(id, null, SignerRole.STUDENT, STUDENTS[i][1]);
    }

    /** An assessor's level around what the student did: close for most, a level higher for Dirk, the middle for Carla. */
    private static int levelOf(String assessor, int truth, Random random) {
        int level = truth;
        double r = random.nextDouble();
        if (r < 0.15) {
            level += random.nextBoolean() ? 1 : -1;
        }
        if (assessor.equals(DIRK) && random.nextDouble() < 0.7) {
            level++;
        }
        if (assessor.equals(CARLA)) {
            level = level == 3 && random.nextDouble() < 0.7 ? 2 : level == 0 ? 1 : level;
        }
        return Math.max(0, Math.min(3, level));
    }

    private static String observed(Criterion c, boolean first) {
        return switch (c.code()) {
            case "B1-K1-W4-C1" -> first ? "Leest naam en geboortedatum van het polsbandje voor, vergelijkt met de toedienlijst"
                    : "Noemt middel, dosis, tijd en route hardop bij de cliënt";
            case "B1-K1-W4-C2" -> first ? "Desinfecteert de huid, opent de naald daarna" : "Legt steriel materiaal op een schoon gaas";
            case "B1-K1-W4-C3" -> first ? "Tekent af in het toedienregistratiesysteem na de cliënt" : "Tekent af op de lijst, tijd genoteerd";
            case "B1-K1-W4-C4" -> first ? "Vraagt een collega de insuline dubbel te controleren" : "Laat de dosis door een collega nalezen";
            case "B1-K1-W3-C1" -> first ? "Klopt aan, zegt wat ze gaat doen en vraagt of het goed is" : "Legt uit: 'Ik kom u helpen met wassen'";
            case "B1-K1-W3-C2" -> first ? "Wast handen voor en na het contact, 20 seconden" : "Desinfecteert handen na het uittrekken van handschoenen";
            case "B1-K1-W3-C3" -> first ? "Geeft het washandje aan: 'Wilt u zelf uw gezicht doen?'" : "Laat de cliënt zelf de armen wassen";
            case "B1-K1-W3-C4" -> first ? "Sluit de deur, dekt het onderlichaam af met een handdoek" : "Trekt het gordijn dicht voor het wassen";
            default -> first ? "Ziet een rode plek op de hiel, vraagt of het pijn doet" : "Meldt de rode plek aan de verpleegkundige";
        };
    }
}
