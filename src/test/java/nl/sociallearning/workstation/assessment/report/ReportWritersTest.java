package nl.sociallearning.workstation.assessment.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import nl.sociallearning.workstation.assessment.report.AssessmentReport.Context;
import nl.sociallearning.workstation.assessment.report.AssessmentReport.Criterion;
import nl.sociallearning.workstation.assessment.report.AssessmentReport.LevelGiven;
import nl.sociallearning.workstation.assessment.report.AssessmentReport.Mode;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ReportWritersTest {

    static final Locale DUTCH = Locale.forLanguageTag("nl-NL");

    @TempDir
    Path folder;

    @Test
    void thePdfFollowsTheSixStepsWithTheEvidenceAndSignatures() throws IOException {
        byte[] pdf = pdf(ExampleReport.report(), DUTCH);
        String text = text(pdf);
        int pages = pages(pdf);
        assertThat(pages).isBetween(3, 6);
        // The six steps, in order.
        List<String> steps = List.of("1. Waarnemen", "2. Aantekeningen maken", "3. Classificeren", "4. Kwalificeren", "5. Evalueren",
                "6. Rapporteren");
        int previous = -1;
        for (String step : steps) {
            int at = text.indexOf(step);
            assertThat(at).as(step).isGreaterThan(previous);
            previous = at;
        }
        String flat = text.replaceAll("\\s+", " ");
        assertThat(flat).contains("Fatma Yılmaz", "B1-K1-W4 Voert verpleegtechnische handelingen uit", "Summatief",
                "Examen gestart 12-11-2026 07:40", "Observatie 07:45 – 08:40",
                // evidence per criterion, with times and the linked course post
                "B1-K1-W4.1 Controleert de opdracht en de medicatie aan de hand van de toedienlijst (kritiek)",
                "07:51 · Marieke van den Berg: Pakt de toedienlijst", "Cursusbericht van Fatma Yılmaz",
                // disagreements marked, originals kept, agreed level
                "≠ B1-K1-W4.3", "≠ B1-K1-W4.5", "onvoldoende",
                "Uitslag: Behaald", "Beslisregel: beide kritieke criteria",
                "Vraag direct na het toedienen van snelwerkende insuline",
                "Ik herken dat ik bij ‘geen trek’ meteen had moeten doorvragen",
                "Fatma Yılmaz student gezien en besproken 12-11-2026 10:12",
                "Pagina 1 van " + pages, "Pagina " + pages + " van " + pages);
        assertThat(flat).doesNotContain("≠ B1-K1-W4.1 ");
    }

    @Test
    void theEnglishPdfSaysTheSameInEnglish() throws IOException {
        String text = text(pdf(ExampleReport.report(), Locale.ENGLISH)).replaceAll("\\s+", " ");
        assertThat(text).contains("Assessment report", "1. Observe (Waarnemen)", "6. Report (Rapporteren)", "Summative",
                "Result: Behaald", "Page 1 of", "12 November 2026");
    }

    @Test
    void anEmptyAssessmentStillMakesAnHonestReport() throws IOException {
        Context context = new Context(null, "Sanne de Wit", null, List.of(), null, null, null, null, Mode.FORMATIVE, null, null, null,
                null, null, null);
        AssessmentReport empty = new AssessmentReport(context, null, null,
                List.of(new Criterion("W1", "Communiceert met de zorgvrager", false, List.of(), null, null, List.of(), List.of())),
                null, null, null, null, null);
        String text = text(pdf(empty, DUTCH)).replaceAll("\\s+", " ");
        assertThat(text).contains("Sanne de Wit", "Geen aantekeningen vastgelegd.", "Criteria zonder bewijs: W1.",
                "Geen bewijs gekoppeld", "nog niet vastgesteld", "Nog geen uitslag vastgesteld.", "Geen reactie vastgelegd.");
    }

    @Test
    void theCsvOpensInDutchExcelAndDefusesFormulas() throws IOException {
        AssessmentReport report = ExampleReport.report();
        // A justification and a name that a spreadsheet would run as formulas, and a cell with ; " and a line break.
        Criterion first = report.criteria().get(0);
        Criterion hostile = new Criterion(first.code(), "Titel; met \"aanhalingstekens\"\nen een regel", first.critical(),
                List.of(new LevelGiven(ExampleReport.MARIEKE, "goed", "=HYPERLINK(\"http://x\";\"klik\")", null),
                        new LevelGiven(ExampleReport.JOOST, "goed", "-2+3", null)),
                first.agreedLevel(), "@SUM(A1)", first.evidence(), first.posts());
        List<Criterion> criteria = new ArrayList<>(report.criteria());
        criteria.set(0, hostile);
        report = new AssessmentReport(report.context(), report.steps(), report.notes(), criteria, report.result(), report.strengths(),
                report.nextSteps(), report.studentResponse(), report.signatures());

        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ReportCsv.write(report, DUTCH, bytes);
        byte[] csv = bytes.toByteArray();
        assertThat(Arrays.copyOf(csv, 3)).containsExactly(0xEF, 0xBB, 0xBF);

        List<List<String>> rows = CsvRows.parse(csv);
        assertThat(rows).hasSize(1 + 12); // header + 6 criteria × 2 assessors
        assertThat(rows.get(0)).startsWith("Beoordeling", "Student", "Datum", "Onderdeel", "Criterium");
        assertThat(rows).allSatisfy(r -> assertThat(r).hasSize(15));
        List<String> marieke = rows.get(1);
        assertThat(marieke.get(1)).isEqualTo("Fatma Yılmaz");
        assertThat(marieke.get(5)).isEqualTo("Titel; met \"aanhalingstekens\"\nen een regel");
        assertThat(marieke.get(7)).isEqualTo("Marieke van den Berg");
        assertThat(marieke.get(9)).isEqualTo("'=HYPERLINK(\"http://x\";\"klik\")");
        assertThat(marieke.get(11)).isEqualTo("'@SUM(A1)");
        assertThat(rows.get(2).get(9)).isEqualTo("'-2+3");
        // W4.5: Joost's original "onvoldoende" is kept beside the agreed "voldoende".
        List<String> joostW45 = rows.get(10);
        assertThat(joostW45.subList(4, 11)).containsExactly("B1-K1-W4.5", "Observeert de zorgvrager en signaleert veranderingen", "nee",
                "Joost Hendriks", "onvoldoende", "08:01 reageert niet op ‘ik heb geen trek’, vlak na snelwerkende insuline.", "voldoende");
        assertThat(joostW45.get(12)).isEqualTo("3");
        assertThat(joostW45.get(13)).isEqualTo("1");
        assertThat(joostW45.get(14)).isEqualTo("Behaald");
        // No cell of the whole file starts a formula.
        assertThat(rows.stream().flatMap(List::stream)).noneMatch(c -> !c.isEmpty() && "=+-@".indexOf(c.charAt(0)) >= 0);
    }

    @Test
    void theJsonHasEveryFieldAndReadsBackTheSame() throws IOException {
        AssessmentReport report = ExampleReport.report();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ReportJson.write(report, bytes);

        JsonNode root = new ObjectMapper().readTree(bytes.toByteArray());
        assertThat(root.path("format").asText()).isEqualTo("wacker-report");
        assertThat(root.path("version").asInt()).isEqualTo(1);
        JsonNode json = root.path("report");
        assertThat(json.at("/context/studentName").asText()).isEqualTo("Fatma Yılmaz");
        assertThat(json.at("/context/mode").asText()).isEqualTo("SUMMATIVE");
        assertThat(json.at("/context/date").asText()).isEqualTo("2026-11-12");
        assertThat(json.at("/context/observationStart").asText()).isEqualTo("2026-11-12T06:45:00Z");
        assertThat(json.at("/criteria").size()).isEqualTo(6);
        assertThat(json.at("/criteria/4/levels/1/level").asText()).isEqualTo("onvoldoende");
        assertThat(json.at("/criteria/4/agreedLevel").asText()).isEqualTo("voldoende");
        assertThat(json.at("/criteria/4/posts/0/thread").asText()).isEqualTo("Hypo na insuline: waar let je op?");
        assertThat(json.at("/criteria/0/evidence/0/text").asText()).startsWith("Pakt de toedienlijst");
        assertThat(json.at("/signatures/2/statement").asText()).isEqualTo("gezien en besproken");
        assertThat(json.at("/result/rule").asText()).startsWith("beide kritieke criteria");

        assertThat(ReportJson.read(new ByteArrayInputStream(bytes.toByteArray()))).isEqualTo(report);
    }

    @Test
    void somethingElseIsNotReadAsAReport() {
        assertThatThrownBy(() -> ReportJson.read(new ByteArrayInputStream("{\"report\":{}}".getBytes(StandardCharsets.UTF_8))))
                .isInstanceOf(IOException.class).hasMessageContaining("Not a WACKER report");
        assertThatThrownBy(() -> ReportJson.read(new ByteArrayInputStream(
                "{\"format\":\"wacker-report\",\"version\":9,\"report\":{}}".getBytes(StandardCharsets.UTF_8))))
                .isInstanceOf(IOException.class).hasMessageContaining("version 9");
    }

    @Test
    void anUnwritableTargetFailsWithoutAHalfFile() {
        Path missing = folder.resolve("weg").resolve("verslag");
        AssessmentReport report = ExampleReport.report();
        assertThatThrownBy(() -> ReportPdf.write(report, DUTCH, missing.resolveSibling("verslag.pdf"))).isInstanceOf(IOException.class);
        assertThatThrownBy(() -> ReportCsv.write(report, DUTCH, missing.resolveSibling("verslag.csv"))).isInstanceOf(IOException.class);
        assertThatThrownBy(() -> ReportJson.write(report, missing.resolveSibling("verslag.json"))).isInstanceOf(IOException.class);
        assertThat(folder.resolve("weg")).doesNotExist();
    }

    /** The example in docs/examples (PDF, CSV, JSON) and page 1 as docs/screenshots/wacker-report-pdf.png. */
    @Test
    void writesTheExamples() throws IOException {
        Path examples = Files.createDirectories(Path.of("docs", "examples"));
        Path screenshots = Files.createDirectories(Path.of("docs", "screenshots"));
        AssessmentReport report = ExampleReport.report();
        Path pdf = examples.resolve("wacker-report-example.pdf");
        ReportPdf.write(report, DUTCH, pdf);
        ReportCsv.write(report, DUTCH, examples.resolve("wacker-report-example.csv"));
        ReportJson.write(report, examples.resolve("wacker-report-example.json"));
        try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
            PDFRenderer renderer = new PDFRenderer(document);
            ImageIO.write(renderer.renderImageWithDPI(0, 110), "png", screenshots.resolve("wacker-report-pdf.png").toFile());
            ImageIO.write(renderer.renderImageWithDPI(document.getNumberOfPages() - 1, 110), "png",
                    screenshots.resolve("wacker-report-pdf-last.png").toFile());
            assertThat(new PDFTextStripper().getText(document)).contains("Fatma Yılmaz");
        }
        assertThat(CsvRows.parse(Files.readAllBytes(examples.resolve("wacker-report-example.csv")))).hasSize(13);
        try (var in = Files.newInputStream(examples.resolve("wacker-report-example.json"))) {
            assertThat(ReportJson.read(in)).isEqualTo(report);
        }
    }

    /** Both bundles having the same keys is MessagesTest's; here the English words reach the file. */
    @Test
    void theEnglishCsvHasEnglishHeaders() throws IOException {
        // The English CSV header, as the Dutch one is checked above.
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ReportCsv.write(ExampleReport.report(), Locale.ENGLISH, bytes);
        assertThat(CsvRows.parse(bytes.toByteArray()).get(0)).startsWith("Assessment", "Student", "Date", "Part", "Criterion");
    }

    private static byte[] pdf(AssessmentReport report, Locale locale) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ReportPdf.write(report, locale, out);
        return out.toByteArray();
    }

    private static String text(byte[] pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document);
        }
    }

    private static int pages(byte[] pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return document.getNumberOfPages();
        }
    }
}
