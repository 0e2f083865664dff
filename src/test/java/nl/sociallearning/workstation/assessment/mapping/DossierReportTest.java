package nl.sociallearning.workstation.assessment.mapping;

import nl.sociallearning.workstation.assessment.report.CsvRows;
import nl.sociallearning.workstation.assessment.flow.AssessmentFlow;
import nl.sociallearning.workstation.assessment.flow.TestClock;
import nl.sociallearning.workstation.assessment.framework.ExampleFrameworks;
import nl.sociallearning.workstation.assessment.report.AssessmentReport;
import nl.sociallearning.workstation.assessment.report.ReportJson;
import nl.sociallearning.workstation.store.Cache;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;

import static nl.sociallearning.workstation.assessment.mapping.FullAssessment.C1;
import static nl.sociallearning.workstation.assessment.mapping.FullAssessment.C3;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A full two-assessor assessment from the cache, mapped onto the report and written as PDF, CSV and JSON: what the
 * assessors wrote and decided is in each file, read back as a reader (PDFBox, a CSV parser, the JSON reader) would.
 */
class DossierReportTest {

    static final Locale DUTCH = Locale.forLanguageTag("nl-NL");
    static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");

    @TempDir
    Path dir;
    Cache cache;
    TestClock clock = new TestClock(Instant.parse("2026-11-30T07:00:00Z"));
    AssessmentFlow flow;
    String id;

    @BeforeEach
    void open() throws Exception {
        cache = Cache.open(dir);
        FullAssessment.coursePost(dir);
        cache.frameworks().add(ExampleFrameworks.verzorgendeIg(), clock.instant());
        flow = new AssessmentFlow(cache, clock);
        id = FullAssessment.walk(flow, clock);
    }

    @AfterEach
    void close() {
        cache.close();
    }

    @Test
    void theStoredAssessmentBecomesTheReportStepByStep() {
        AssessmentReport r = new ReportSource(cache).report(id, DUTCH, AMSTERDAM);

        assertThat(r.context().studentName()).isEqualTo("Sanne Bakker");
        assertThat(r.context().setting()).isEqualTo("Examen");
        assertThat(r.context().mode()).isEqualTo(AssessmentReport.Mode.SUMMATIVE);
        assertThat(r.context().examStartedAt()).isEqualTo(Instant.parse("2026-11-30T07:00:00Z"));
        assertThat(r.context().frameworkPart()).isEqualTo("B1-K1-W4 Voert verpleegtechnische handelingen uit");
        assertThat(r.context().assessors()).extracting(AssessmentReport.Assessor::name, AssessmentReport.Assessor::role)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("Ank de Vries", "beoordelaar"),
                        org.assertj.core.groups.Tuple.tuple("Bram Jansen", "beoordelaar"),
                        org.assertj.core.groups.Tuple.tuple("Carla Smit", "derde beoordelaar"));
        // Every step ended, in order, at a moment no earlier than the step before it.
        assertThat(r.steps()).extracting(AssessmentReport.StepRecord::step).containsExactly(AssessmentReport.Step.values());
        assertThat(r.steps()).allMatch(s -> s.completedAt() != null);
        for (int i = 1; i < r.steps().size(); i++) {
            assertThat(r.steps().get(i).completedAt()).isAfterOrEqualTo(r.steps().get(i - 1).completedAt());
        }
        assertThat(r.steps().get(5).remark()).contains("Nabespreking: Besproken om 09:15");
        // A: every note with its assessor and time, in time order.
        assertThat(r.notes()).hasSize(8);
        assertThat(r.notes()).filteredOn(n -> n.text().equals(FullAssessment.NOTE_B3)).singleElement()
                .satisfies(n -> assertThat(n.assessorId()).isEqualTo("bram"));
        // C, K, E: the disagreement on C3 with both originals and the third assessor's, the agreed level and why.
        AssessmentReport.Criterion c3 = r.criteria().stream().filter(c -> c.code().equals(C3)).findFirst().orElseThrow();
        assertThat(c3.levels()).extracting(AssessmentReport.LevelGiven::assessorId, AssessmentReport.LevelGiven::level)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("ank", "goed"), org.assertj.core.groups.Tuple.tuple("bram", "oefenen"),
                        org.assertj.core.groups.Tuple.tuple("carla", "voldoende"));
        assertThat(c3.levels()).allMatch(l -> l.lockedAt() != null);
        assertThat(c3.disagreement()).isTrue();
        assertThat(c3.agreedLevel()).isEqualTo("voldoende");
        assertThat(c3.agreement()).contains("derde beoordelaar gehoord");
        assertThat(c3.evidence()).extracting(AssessmentReport.Note::text).contains(FullAssessment.NOTE_B3);
        AssessmentReport.Criterion c1 = r.criteria().get(0);
        assertThat(c1.code()).isEqualTo(C1);
        assertThat(c1.critical()).isTrue();
        assertThat(c1.posts()).singleElement().satisfies(p -> {
            assertThat(p.course()).isEqualTo("Praktijkbeoordelaar in de zorg");
            assertThat(p.thread()).isEqualTo("Veilig medicatie delen");
            assertThat(p.author()).isEqualTo("Sanne Bakker");
            assertThat(p.excerpt()).startsWith("Bij de medicatieronde controleer ik altijd eerst de vijf juisten");
        });
        // R: the result and the rule that decided it, the texts, the response and four signatures.
        assertThat(r.result().outcome()).isEqualTo("Behaald");
        assertThat(r.result().passed()).isTrue();
        assertThat(r.result().rule()).contains("75 %").contains("B1-K1-W4: 4 van 4 criteria op “voldoende” of hoger, 3 nodig");
        assertThat(r.strengths()).containsExactly("Controleert de vijf juisten hardop", "Vraagt zelf om een dubbele controle");
        assertThat(r.nextSteps()).containsExactly("Direct aftekenen, per cliënt");
        assertThat(r.studentResponse().text()).startsWith("Herkent het aftekenen");
        assertThat(r.signatures()).extracting(AssessmentReport.Signature::name)
                .containsExactly("Ank de Vries", "Bram Jansen", "Carla Smit", "Sanne Bakker");
        assertThat(r.signatures()).allMatch(s -> s.signedAt() != null);
        assertThat(r.signatures().get(3).statement()).isEqualTo("gezien en besproken");
    }

    @Test
    void thePdfHoldsTheCriteriaANoteBothOriginalLevelsTheAgreedLevelAndTheResult() throws IOException {
        Path file = new ReportSource(cache).export(id, ReportExport.Format.PDF, DUTCH, AMSTERDAM, dir.resolve("verslag.pdf"));
        try (PDDocument document = Loader.loadPDF(file.toFile())) {
            String text = new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
            for (String code : List.of("B1-K1-W4-C1", "B1-K1-W4-C2", "B1-K1-W4-C3", "B1-K1-W4-C4")) {
                assertThat(text).contains(code);
            }
            assertThat(text).contains(FullAssessment.NOTE_B3);
            // Step 5 shows C3 as a difference, with Ank's goed, Bram's oefenen and the agreed voldoende side by side.
            assertThat(text).containsPattern("≠ B1-K1-W4-C3 .*? goed oefenen voldoende voldoende");
            assertThat(text).contains("Uitslag: Behaald").contains("Beslisregel:");
            assertThat(text).contains("Veilig medicatie delen");
            assertThat(document.getNumberOfPages()).isBetween(2, 6);
        }
    }

    @Test
    void theCsvHasOneRowPerCriterionAndAssessor() throws IOException {
        Path file = new ReportSource(cache).export(id, ReportExport.Format.CSV, DUTCH, AMSTERDAM, dir.resolve("verslag.csv"));
        List<List<String>> rows = CsvRows.parse(Files.readAllBytes(file));
        assertThat(rows.get(0)).contains("Criterium", "Beoordelaar", "Oorspronkelijk niveau", "Vastgesteld niveau");
        List<List<String>> body = rows.subList(1, rows.size());
        // Four criteria by Ank and Bram, and Carla's level on C3.
        assertThat(body).hasSize(4 * 2 + 1);
        assertThat(body).filteredOn(row -> row.get(4).equals(C3)).extracting(row -> row.get(7) + "=" + row.get(8))
                .containsExactly("Ank de Vries=goed", "Bram Jansen=oefenen", "Carla Smit=voldoende");
        assertThat(body).allMatch(row -> row.get(14).equals("Behaald"));
    }

    @Test
    void theJsonReadsBackAsTheSameReport() throws IOException {
        ReportSource source = new ReportSource(cache);
        Path file = source.export(id, ReportExport.Format.JSON, DUTCH, AMSTERDAM, dir.resolve("verslag.json"));
        try (InputStream in = Files.newInputStream(file)) {
            assertThat(ReportJson.read(in)).isEqualTo(source.report(id, DUTCH, AMSTERDAM));
        }
    }

    @Test
    void englishWordsForAnEnglishReport() {
        AssessmentReport r = new ReportSource(cache).report(id, Locale.ENGLISH, AMSTERDAM);
        assertThat(r.context().setting()).isEqualTo("Exam");
        assertThat(r.result().outcome()).isEqualTo("Passed");
        assertThat(r.signatures().get(3).statement()).isEqualTo("seen and discussed");
    }

    @Test
    void aFolderThatIsNotThereIsNamedAndNothingIsLeftBehind() {
        Path file = dir.resolve("weg").resolve("verslag.pdf");
        assertThatThrownBy(() -> new ReportSource(cache).export(id, ReportExport.Format.PDF, DUTCH, AMSTERDAM, file))
                .isInstanceOfSatisfying(ReportExportException.class, e -> {
                    assertThat(e.file()).isEqualTo(file);
                    assertThat(e.reason()).isEqualTo(ReportExportException.Reason.NO_FOLDER);
                });
        assertThat(dir.resolve("weg")).doesNotExist();
    }
}
