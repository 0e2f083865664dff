package nl.sociallearning.workstation.assessment;

import nl.sociallearning.workstation.assessment.flow.AssessmentFlow;
import nl.sociallearning.workstation.assessment.framework.ExampleFrameworks;
import nl.sociallearning.workstation.assessment.mapping.ReportExport;
import nl.sociallearning.workstation.assessment.mapping.ReportSource;
import nl.sociallearning.workstation.domain.assessment.SignerRole;
import nl.sociallearning.workstation.store.Cache;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The demo's disputed medication round (Sanne) taken through Evalueren and Rapporteren, then written through the
 * report mapping as docs/examples/wacker-report-demo.pdf, with its first page as
 * docs/screenshots/wacker-report-demo-pdf.png.
 */
class DemoReportTest {

    @TempDir
    Path dir;

    @Test
    void theDemoAssessmentAsAReportPdf() throws Exception {
        Path pdf = Files.createDirectories(Path.of("docs", "examples")).resolve("wacker-report-demo.pdf");
        Path png = Files.createDirectories(Path.of("docs", "screenshots")).resolve("wacker-report-demo-pdf.png");
        try (Cache cache = Cache.open(dir)) {
            cache.frameworks().add(ExampleFrameworks.verzorgendeIg(), Instant.now());
            DemoAssessments.Stepper clock = new DemoAssessments.Stepper(Instant.parse("2026-11-24T06:58:00Z"));
            AssessmentFlow flow = new AssessmentFlow(cache, clock);
            String id = DemoAssessments.disagreement(flow, clock);
            clock.advance(Duration.ofMinutes(25));
            flow.agreeWhereUnanimous(id, DemoAssessments.ANK);
            flow.agree(id, DemoAssessments.ANK, "B1-K1-W4-C3", "voldoende",
                    "Afgetekend in dezelfde dienst maar niet direct per cliënt (08:40); beide aantekeningen besproken");
            clock.advance(Duration.ofMinutes(30));
            flow.writeReport(id, DemoAssessments.ANK, "Controleert de vijf juisten hardop, bij elke cliënt\nVraagt zelf om een dubbele controle bij insuline",
                    "Direct na toediening aftekenen, per cliënt", "Nabesproken om 09:30 in de teampost",
                    "Herkent het aftekenen achteraf; gaat voortaan per cliënt direct aftekenen.");
            flow.sign(id, DemoAssessments.ANK, SignerRole.ASSESSOR, "Ank de Vries");
            flow.sign(id, DemoAssessments.BRAM, SignerRole.ASSESSOR, "Bram Jansen");
            clock.advance(Duration.ofMinutes(2));
            flow.sign(id, null, SignerRole.STUDENT, "Sanne Bakker");

            new ReportSource(cache).export(id, ReportExport.Format.PDF, Locale.forLanguageTag("nl"), ZoneId.of("Europe/Amsterdam"), pdf);
        }
        try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
            String text = new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
            assertThat(text).contains("Sanne Bakker").contains("Tekent om 08:40 voor drie cliënten tegelijk af, na de ronde")
                    .contains("Uitslag: Behaald").contains("gezien en besproken");
            assertThat(document.getNumberOfPages()).isBetween(2, 6);
            ImageIO.write(new PDFRenderer(document).renderImageWithDPI(0, 110), "png", png.toFile());
        }
        assertThat(png).isNotEmptyFile();
    }
}
