package nl.sociallearning.workstation.reports;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.text.NumberFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static nl.sociallearning.workstation.reports.ReportFixture.COURSE;
import static nl.sociallearning.workstation.reports.ReportFixture.OCTOBER;
import static nl.sociallearning.workstation.reports.ReportFixture.WHOLE;
import static org.assertj.core.api.Assertions.assertThat;

/** PDF reports read back with PDFBox's text extraction: title page, figures, chart, page numbers, privacy. */
class ReportPdfTest {

    @TempDir
    static Path dir;
    static ReportFixture f;

    @BeforeAll
    static void start() throws Exception {
        f = ReportFixture.start(dir.resolve("data"));
    }

    @AfterAll
    static void stop() {
        f.close();
    }

    static String text(Path pdf) throws Exception {
        try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
            return new PDFTextStripper().getText(document);
        }
    }

    static String firstPage(Path pdf) throws Exception {
        try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
            PDFTextStripper s = new PDFTextStripper();
            s.setStartPage(1);
            s.setEndPage(1);
            return s.getText(document);
        }
    }

    @Test
    void theSummaryHasATitlePageTheCachesFiguresAChartAndPageNumbers() throws Exception {
        Path out = dir.resolve("samenvatting.pdf");
        f.exporter().export(f.request(ReportPreset.SUMMARY, ReportFormat.PDF, PrivacyMode.AGGREGATE, OCTOBER, out), (p, s) -> { });
        String title = firstPage(out);
        assertThat(title).contains("Samenvatting", "Cursus: ", "Periode: 5 oktober 2026 t/m 18 oktober 2026",
                "Privacy: Alleen totalen", "Doel: Verantwoording aan de opdrachtgever",
                "niet bedoeld voor het beoordelen van het functioneren");
        String text = text(out);
        NumberFormat nl = NumberFormat.getIntegerInstance(Locale.forLanguageTag("nl"));
        long posts = f.postsByAuthor(COURSE, OCTOBER).values().stream().mapToLong(Long::longValue).sum();
        long people = f.participants(COURSE).size();
        List<String> lines = text.lines().map(String::strip).toList();
        assertThat(lines).contains("Berichten " + nl.format(posts), "Ingeschreven deelnemers " + nl.format(people));
        assertThat(text).contains("Berichten per week", "wk 41", "wk 42");
        try (PDDocument document = Loader.loadPDF(out.toFile())) {
            int pages = document.getNumberOfPages();
            assertThat(pages).isGreaterThanOrEqualTo(2);
            assertThat(document.getPage(1).getMediaBox().getWidth()).as("upright").isLessThan(600);
            assertThat(text).contains("Pagina 2 van " + pages);
        }
    }

    @Test
    void theIdentifiedParticipantsTableShowsEachPersonsPosts() throws Exception {
        Path out = dir.resolve("deelnemers.pdf");
        f.exporter().export(f.request(ReportPreset.PARTICIPANTS, ReportFormat.PDF, PrivacyMode.IDENTIFIED, WHOLE, out), (p, s) -> { });
        String text = text(out);
        Map<String, String[]> people = f.participants(COURSE);
        Map<String, Long> posts = f.postsByAuthor(COURSE, WHOLE);
        List<String> lines = text.lines().toList();
        int checked = 0;
        for (Map.Entry<String, String[]> p : people.entrySet()) {
            String name = p.getValue()[0];
            if (name.length() > 18 || p.getValue()[1].length() > 16 || checked >= 40) {
                continue; // long names and groups may wrap in their cells; forty people are proof enough
            }
            long expected = posts.getOrDefault(p.getKey(), 0L);
            // name, group, enrolled on, posts, …
            java.util.regex.Pattern row = java.util.regex.Pattern.compile(java.util.regex.Pattern.quote(name + " "
                    + p.getValue()[1]) + " \\d{2}-\\d{2}-\\d{2} " + expected + " .*");
            assertThat(lines).as(name).anyMatch(l -> row.matcher(l).matches());
            checked++;
        }
        assertThat(checked).isEqualTo(40);
        try (PDDocument document = Loader.loadPDF(out.toFile())) {
            assertThat(document.getPage(1).getMediaBox().getWidth()).as("the wide table on its side").isGreaterThan(800);
        }
        // A formula-like name is plain text in a PDF: printed as it is.
        assertThat(text).contains("@Apenstaart");
    }

    @Test
    void anAggregatePdfNamesNobody() throws Exception {
        Map<String, String[]> people = f.participants(COURSE);
        for (ReportPreset preset : ReportPreset.values()) {
            Path out = dir.resolve("aggregate-" + preset.cliName() + ".pdf");
            f.exporter().export(f.request(preset, ReportFormat.PDF, PrivacyMode.AGGREGATE, WHOLE, out), (p, s) -> { });
            String text = text(out);
            for (String[] p : people.values()) {
                assertThat(text).as(preset.name()).doesNotContain(p[0]);
            }
            assertThat(text).contains("Alleen totalen: geen namen of pseudoniemen");
        }
    }

    @Test
    void aCourseWithoutActivityStillGivesADocument() throws Exception {
        Path out = dir.resolve("leeg.pdf");
        f.exporter().export(new ReportRequest(ReportFixture.EMPTY, ReportPreset.WEEKS, ReportFormat.PDF, PrivacyMode.AGGREGATE,
                WHOLE, "Test", out), (p, s) -> { });
        assertThat(text(out)).contains("Lege cursus", "Weken", "2026-W36");
    }
}
