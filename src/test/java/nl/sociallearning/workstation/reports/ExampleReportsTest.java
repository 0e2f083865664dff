package nl.sociallearning.workstation.reports;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Writes the example reports in docs/examples from the demo course kinderzorg (an employer's course, 238
 * participants), one per format, with a fixed pseudonym key so that the pseudonyms are the same on every run;
 * and pictures of the PDF's first pages, to look at without a PDF viewer.
 */
class ExampleReportsTest {

    static final Path EXAMPLES = Path.of("docs/examples");
    /** An example key, only for these files: a real workstation makes its own. */
    static final String EXAMPLE_KEY = "ZXhhbXBsZS1rZXktZm9yLWRvY3MtZXhhbXBsZXMtMDE=";

    @TempDir
    Path dir;

    @Test
    void writesTheExamplesFromTheDemoCourse() throws Exception {
        Files.createDirectories(EXAMPLES);
        Path data = dir.resolve("data");
        Files.createDirectories(data);
        Files.writeString(data.resolve(Pseudonyms.KEY_FILE), EXAMPLE_KEY, StandardCharsets.US_ASCII);
        try (ReportFixture f = ReportFixture.plain(data)) {
            ReportExporter exporter = f.exporter();
            String purpose = "Verantwoording aan de opdrachtgever over de eerste zes weken";
            Path csv = EXAMPLES.resolve("kinderzorg-groepen-totalen.csv");
            Path xlsx = EXAMPLES.resolve("kinderzorg-deelnemers-gepseudonimiseerd.xlsx");
            Path pdf = EXAMPLES.resolve("kinderzorg-samenvatting-totalen.pdf");
            Path groupsPdf = EXAMPLES.resolve("kinderzorg-groepen-totalen.pdf");
            ReportPeriod course = exporter.defaultPeriod(exporter.course(ReportFixture.COURSE));
            exporter.export(new ReportRequest(ReportFixture.COURSE, ReportPreset.GROUPS, ReportFormat.CSV, PrivacyMode.AGGREGATE,
                    course, purpose, csv), (p, s) -> { });
            exporter.export(new ReportRequest(ReportFixture.COURSE, ReportPreset.PARTICIPANTS, ReportFormat.XLSX,
                    PrivacyMode.PSEUDONYMISED, course, purpose, xlsx), (p, s) -> { });
            exporter.export(new ReportRequest(ReportFixture.COURSE, ReportPreset.SUMMARY, ReportFormat.PDF, PrivacyMode.AGGREGATE,
                    course, purpose, pdf), (p, s) -> { });
            exporter.export(new ReportRequest(ReportFixture.COURSE, ReportPreset.GROUPS, ReportFormat.PDF, PrivacyMode.AGGREGATE,
                    course, purpose, groupsPdf), (p, s) -> { });
            Path identified = dir.resolve("deelnemers.pdf");
            exporter.export(new ReportRequest(ReportFixture.COURSE, ReportPreset.PARTICIPANTS, ReportFormat.PDF,
                    PrivacyMode.PSEUDONYMISED, course, purpose, identified), (p, s) -> { });
            picture(pdf, 0, EXAMPLES.resolve("kinderzorg-samenvatting-totalen-p1.png"));
            picture(pdf, 1, EXAMPLES.resolve("kinderzorg-samenvatting-totalen-p2.png"));
            picture(groupsPdf, 1, EXAMPLES.resolve("kinderzorg-groepen-totalen-p2.png"));
            picture(identified, 1, EXAMPLES.resolve("kinderzorg-deelnemers-gepseudonimiseerd-p2.png"));
            assertThat(ReadBack.csvTable(ReadBack.csv(csv), "Groepen")).isNotEmpty();
            assertThat(ReadBack.xlsx(xlsx, "Deelnemers")).hasSize(f.participants(ReportFixture.COURSE).size());
        }
    }

    private static void picture(Path pdf, int page, Path png) throws Exception {
        try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
            ImageIO.write(new PDFRenderer(document).renderImageWithDPI(page, 72), "png", png.toFile());
        }
    }
}
