package nl.sociallearning.workstation.assessment.report;

import nl.sociallearning.workstation.assessment.report.AssessmentReport.Assessor;
import nl.sociallearning.workstation.assessment.report.AssessmentReport.Context;
import nl.sociallearning.workstation.assessment.report.AssessmentReport.Criterion;
import nl.sociallearning.workstation.assessment.report.AssessmentReport.LevelGiven;
import nl.sociallearning.workstation.assessment.report.AssessmentReport.LinkedPost;
import nl.sociallearning.workstation.assessment.report.AssessmentReport.Mode;
import nl.sociallearning.workstation.assessment.report.AssessmentReport.Note;
import nl.sociallearning.workstation.assessment.report.AssessmentReport.Result;
import nl.sociallearning.workstation.assessment.report.AssessmentReport.Signature;
import nl.sociallearning.workstation.assessment.report.AssessmentReport.Step;
import nl.sociallearning.workstation.assessment.report.AssessmentReport.StepRecord;
import nl.sociallearning.workstation.assessment.report.AssessmentReport.StudentResponse;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A summative assessment of a Verzorgende-IG student on a psychogeriatric ward: measuring blood glucose and
 * injecting insulin during morning care, observed by her practice supervisor and an examiner, who disagree on
 * two criteria and agree in step E.
 */
final class ExampleReport {

    static final ZoneId ZONE = ZoneId.of("Europe/Amsterdam");
    static final LocalDate DAY = LocalDate.of(2026, 11, 12);
    static final String MARIEKE = "mvdberg";
    static final String JOOST = "jhendriks";

    private ExampleReport() {
    }

    static Instant at(String hhmm) {
        return DAY.atTime(LocalTime.parse(hhmm)).atZone(ZONE).toInstant();
    }

    static AssessmentReport report() {
        Map<String, Note> n = new TreeMap<>();
        note(n, "07:46", MARIEKE, "Klopt aan, wacht op antwoord, stelt zich voor: ‘Goedemorgen mevrouw J., ik ben Fatma, ik kom uw suiker prikken.’");
        note(n, "07:47", JOOST, "Zegt vóór het prikken wat ze gaat doen en vraagt: ‘Is het goed als ik nu in uw vinger prik?’ Zorgvrager knikt.");
        note(n, "07:48", MARIEKE, "Wrijft handen 30 seconden in met handalcohol, trekt handschoenen aan.");
        note(n, "07:49", JOOST, "Meet bloedglucose: 11,2 mmol/l. Leest de waarde hardop voor aan de zorgvrager.");
        note(n, "07:51", MARIEKE, "Pakt de toedienlijst, noemt hardop naam, geboortedatum, middel (NovoRapid), dosis (8 E) en tijdstip.");
        note(n, "07:52", JOOST, "Controleert de vervaldatum van de insulinepen en vraagt of de pen uit de koelkast komt (‘nee, uit de la’).");
        note(n, "07:54", MARIEKE, "Kiest een injectieplaats in de buik, 5 cm naast de navel; vraagt aan de collega of het vorige keer links was.");
        note(n, "07:55", JOOST, "Spuit 8 E, telt hardop tot tien met de naald in de huid, trekt terug; naald direct in de naaldcontainer.");
        note(n, "07:56", MARIEKE, "Trekt handschoenen uit, wrijft handen opnieuw in met handalcohol.");
        note(n, "07:58", MARIEKE, "Vraagt of het pijn deed; zegt: ‘Ik kom over een kwartier nog even kijken hoe het met u gaat.’");
        note(n, "08:01", JOOST, "Zorgvrager zegt ‘ik heb geen trek’. Fatma zegt ‘oké’ en gaat naar de volgende kamer.");
        note(n, "08:14", MARIEKE, "Komt terug, vraagt of mevrouw J. gegeten heeft: een halve boterham. Meldt dit aan de EVV’er.");
        note(n, "08:30", JOOST, "Rapporteert in het ECD: glucosewaarde, dosis, injectieplaats. Parafeert de toedienlijst om 08:31.");
        note(n, "08:33", MARIEKE, "De rapportage noemt de halve boterham niet.");

        List<Criterion> criteria = new ArrayList<>();
        criteria.add(new Criterion("B1-K1-W4.1", "Controleert de opdracht en de medicatie aan de hand van de toedienlijst", true,
                List.of(level(MARIEKE, "goed", "07:51 noemt alle controles hardop; 07:52 controleert vervaldatum en bewaring van de pen.", "09:14"),
                        level(JOOST, "goed", "07:51–07:52: controleert lijst en pen volledig en zonder hulp.", "09:20")),
                "goed", "Gelijk beoordeeld.", evidence(n, "07:51", "07:52"), List.of()));
        criteria.add(new Criterion("B1-K1-W4.2", "Werkt volgens de hygiëneprotocollen", true,
                List.of(level(MARIEKE, "voldoende", "07:48 en 07:56 handhygiëne volgens protocol; 07:55 naald direct weg.", "09:14"),
                        level(JOOST, "voldoende", "07:48 handalcohol 30 seconden; 07:55 naald in de container.", "09:20")),
                "voldoende", "Gelijk beoordeeld.", evidence(n, "07:48", "07:55", "07:56"), List.of()));
        criteria.add(new Criterion("B1-K1-W4.3", "Informeert de zorgvrager en vraagt om toestemming", false,
                List.of(level(MARIEKE, "goed", "07:46 stelt zich voor; 07:47 vraagt toestemming; 07:58 vraagt naar pijn en kondigt haar terugkomst aan.", "09:14"),
                        level(JOOST, "voldoende", "07:47 vraagt toestemming vóór het prikken; verdere uitleg niet gehoord.", "09:20")),
                "goed", "De aantekeningen 07:46, 07:47 en 07:58 samen: ze stelt zich voor, vraagt toestemming en zegt wanneer ze terugkomt. "
                        + "Joost had 07:58 niet zelf gezien; na het lezen van die aantekening gaat hij akkoord met goed.",
                evidence(n, "07:46", "07:47", "07:58"), List.of()));
        criteria.add(new Criterion("B1-K1-W4.4", "Voert de handeling uit volgens protocol", false,
                List.of(level(MARIEKE, "voldoende", "07:54 juiste injectieplaats, wisselt van plaats; 07:55 tien tellen.", "09:14"),
                        level(JOOST, "voldoende", "07:49 meting juist uitgevoerd; 07:55 injectietechniek volgens protocol.", "09:20")),
                "voldoende", "Gelijk beoordeeld.", evidence(n, "07:49", "07:54", "07:55"), List.of()));
        criteria.add(new Criterion("B1-K1-W4.5", "Observeert de zorgvrager en signaleert veranderingen", false,
                List.of(level(MARIEKE, "voldoende", "07:58 kondigt controle aan; 08:14 komt terug en meldt de halve boterham aan de EVV’er.", "09:14"),
                        level(JOOST, "onvoldoende", "08:01 reageert niet op ‘ik heb geen trek’, vlak na snelwerkende insuline.", "09:20")),
                "voldoende", "Om 08:01 vraagt Fatma niet door op ‘geen trek’, maar om 08:14 komt ze zoals aangekondigd terug, controleert "
                        + "de inname en meldt die aan de EVV’er: het risico op een hypo is op tijd gesignaleerd. Voldoende, met een vervolgstap.",
                evidence(n, "07:58", "08:01", "08:14"),
                List.of(new LinkedPost("Leernetwerk Praktijkbeoordelen Zorg", "Hypo na insuline: waar let je op?", "Fatma Yılmaz",
                        LocalDate.of(2026, 11, 5).atTime(19, 42).atZone(ZONE).toInstant(),
                        "Na snelwerkende insuline let ik erop of de cliënt binnen een half uur eet; zo niet, dan overleg ik met de verpleegkundige."))));
        criteria.add(new Criterion("B1-K1-W4.6", "Rapporteert en parafeert direct en volledig", false,
                List.of(level(MARIEKE, "voldoende", "08:30 rapportage met waarde, dosis en plaats; 08:33 de inname ontbreekt.", "09:14"),
                        level(JOOST, "voldoende", "08:30 rapporteert en parafeert binnen het uur; inname niet vermeld.", "09:20")),
                "voldoende", "Gelijk beoordeeld.", evidence(n, "08:30", "08:33"), List.of()));

        Context context = new Context("BEO-2026-0412", "Fatma Yılmaz", "2093417",
                List.of(new Assessor(MARIEKE, "Marieke van den Berg", "praktijkopleider"),
                        new Assessor(JOOST, "Joost Hendriks", "examinator")),
                DAY, "Zorgcentrum De Linde, afdeling Kastanje (psychogeriatrie), Deventer", "Examen in de beroepspraktijk (bpv)",
                "Bloedglucose meten en insuline subcutaan toedienen met een insulinepen bij een zorgvrager met diabetes type 2, tijdens de ochtendzorg",
                Mode.SUMMATIVE, at("07:40"), "Kwalificatiedossier Verzorgende-IG (voorbeeldkader)",
                "B1-K1-W4 Voert verpleegtechnische handelingen uit", at("07:45"), at("08:40"), ZONE);

        return new AssessmentReport(context,
                List.of(new StepRecord(Step.OBSERVE, at("08:40"), null),
                        new StepRecord(Step.TAKE_NOTES, at("08:40"), null),
                        new StepRecord(Step.CLASSIFY, at("09:05"), null),
                        new StepRecord(Step.QUALIFY, at("09:20"), "Beide beoordelaars legden hun niveaus apart vast, om 09:14 en 09:20."),
                        new StepRecord(Step.EVALUATE, at("09:40"), null),
                        new StepRecord(Step.REPORT, at("10:12"), null)),
                List.copyOf(n.values()), criteria,
                new Result("Behaald", true,
                        "beide kritieke criteria (W4.1, W4.2) minstens voldoende en na de evaluatie geen enkel criterium onvoldoende."),
                List.of("Controleert de medicatie volledig en hardop aan de hand van de toedienlijst.",
                        "Werkt hygiënisch: handhygiëne voor en na, de naald direct in de container.",
                        "Stelt zich voor, vraagt toestemming en zegt wanneer ze terugkomt."),
                List.of("Vraag direct na het toedienen van snelwerkende insuline naar de maaltijd en handel ernaar, vóór je de kamer verlaat (08:01).",
                        "Neem de voedselinname op in de rapportage in het ECD (08:33)."),
                new StudentResponse("Ik herken dat ik bij ‘geen trek’ meteen had moeten doorvragen; ik was bang te laat te komen bij de "
                        + "volgende cliënt. Volgende keer vraag ik het voordat ik de kamer uit ga.", at("10:10")),
                List.of(new Signature("Marieke van den Berg", "praktijkopleider", "beoordeeld", at("10:05")),
                        new Signature("Joost Hendriks", "examinator", "beoordeeld", at("10:07")),
                        new Signature("Fatma Yılmaz", "student", "gezien en besproken", at("10:12"))));
    }

    private static void note(Map<String, Note> notes, String time, String assessor, String text) {
        notes.put(time, new Note(assessor, at(time), text));
    }

    private static List<Note> evidence(Map<String, Note> notes, String... times) {
        List<Note> linked = new ArrayList<>();
        for (String time : times) {
            linked.add(notes.get(time));
        }
        return linked;
    }

    private static LevelGiven level(String assessor, String level, String justification, String lockedAt) {
        return new LevelGiven(assessor, level, justification, at(lockedAt));
    }
}
