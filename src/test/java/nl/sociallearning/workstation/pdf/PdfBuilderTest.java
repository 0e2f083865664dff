package nl.sociallearning.workstation.pdf;

import nl.sociallearning.workstation.pdf.PdfTable.Column;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PdfBuilderTest {

    @TempDir
    Path folder;

    @Test
    void dutchTextComesBackAsWritten() throws IOException {
        byte[] pdf = build(b -> b
                .title("Beoordeling Noëlle van der Veen", List.of("Periode: 1–30 september 2026"))
                .heading("Één ‘goede’ observatie")
                .paragraph("De cliënt zegt: “Ik wil zelf mijn steunkousen aantrekken.” Coördinatie met de collega’s café-stijl; ĳ, ß, ø, ç.")
                .footer("Rapport", "Pagina {0} van {1}"));

        String text = text(pdf).replaceAll("\\s+", " ");
        assertThat(text).contains("Beoordeling Noëlle van der Veen", "Periode: 1–30 september 2026", "Één ‘goede’ observatie",
                "“Ik wil zelf mijn steunkousen aantrekken.”", "collega’s café-stijl", "Pagina 1 van 1");
    }

    @Test
    void aLongTableRepeatsItsHeaderOnEveryPageAndTheFooterCountsThePages() throws IOException {
        PdfTable table = PdfTable.of(Column.left("Deelnemer", 3), Column.left("Afdeling", 2), Column.right("Berichten", 1));
        for (int i = 1; i <= 150; i++) {
            table.row("Deelnemer " + i, i % 2 == 0 ? "Verpleging" : "Verzorging, afdeling Geriatrie", Integer.toString(i * 3));
        }
        table.boldRow("Totaal", "", "33975");
        byte[] pdf = build(b -> b
                .titlePage("Activiteitenrapport", List.of("Cursus: Wondzorg", "Periode: september 2026", "Modus: geaggregeerd",
                        "Doel: verantwoording aan de opdrachtgever"), "Niet bedoeld voor beoordeling van het functioneren.")
                .heading("Deelnemers")
                .table(table)
                .footer("Activiteitenrapport Wondzorg", "Page {0} of {1}"));

        int pages = pageCount(pdf);
        String text = text(pdf);
        assertThat(pages).isGreaterThanOrEqualTo(4);
        // The header row on every page after the title page, each row exactly once.
        assertThat(occurrences(text, "Deelnemer Afdeling Berichten")).isEqualTo(pages - 1);
        assertThat(occurrences(text, "Deelnemer 150 ")).isEqualTo(1);
        assertThat(text).contains("Totaal 33975");
        // The title page has no footer; every other page has its number.
        for (int p = 2; p <= pages; p++) {
            assertThat(text).contains("Page " + p + " of " + pages);
        }
        assertThat(text).doesNotContain("Page 1 of");
        assertThat(text).contains("Niet bedoeld voor beoordeling van het functioneren.", "Doel: verantwoording aan de opdrachtgever");
    }

    @Test
    void aBarChartPrintsItsLabelsAndValues() throws IOException {
        byte[] pdf = build(b -> b
                .barChart(BarChart.titled("Berichten per week").bar("Week 1", 120).bar("Week 2", 96).bar("Week 3", 0)
                        .bar("Week 4", 1250.5))
                .barChart(BarChart.titled("Overeenstemming").maximum(100).bar("B1-K1-W2", 82.5, "82,5 %")));
        String text = text(pdf);
        assertThat(text).contains("Berichten per week", "Week 1 120", "Week 3 0", "Week 4 1.250,5", "B1-K1-W2 82,5 %");
    }

    @Test
    void oddTextNeverBreaksTheDocument() throws IOException {
        String longWord = "x".repeat(400);
        byte[] pdf = build(b -> b
                .paragraph("Vóór " + longWord + " na")
                .paragraph("Tab\there, a zero\u200Bwidth space, a bell\u0007 and 漢字 the font lacks")
                .table(PdfTable.of(Column.left("a", 1), Column.centre("b", 1)).row(null, "y".repeat(300)))
                .bullets(List.of("eerste punt", "tweede punt dat zo lang is dat het over meer regels loopt ".repeat(4)))
                .facts(new LinkedHashMap<>(Map.of("Student", "Sanne de Wit"))));
        String text = text(pdf).replaceAll("\\s+", "");
        assertThat(text).contains("Vóór", "x".repeat(400), "y".repeat(300), "Tabhere,azerowidthspace,abelland??thefontlacks");
    }

    @Test
    void aTableRowTallerThanAPageRunsOntoTheNext() throws IOException {
        String huge = String.join("\n", java.util.Collections.nCopies(120, "regel"));
        byte[] pdf = build(b -> b.table(PdfTable.of(Column.left("Kop", 1)).row(huge)).paragraph("daarna"));
        assertThat(pageCount(pdf)).isEqualTo(3);
        assertThat(occurrences(text(pdf), "regel")).isEqualTo(120);
        assertThat(occurrences(text(pdf), "Kop")).isEqualTo(3);
    }

    @Test
    void anUnwritableFileFailsAndLeavesNothingBehind() {
        Path missing = folder.resolve("no-such-folder").resolve("rapport.pdf");
        assertThatThrownBy(() -> PdfBuilder.a4().paragraph("x").writeTo(missing)).isInstanceOf(IOException.class);
        assertThat(folder.resolve("no-such-folder")).doesNotExist();
    }

    @Test
    void writingToAFileReplacesItWhole() throws IOException {
        Path file = folder.resolve("rapport.pdf");
        Files.writeString(file, "old");
        PdfBuilder.a4().paragraph("nieuw").writeTo(file);
        try (PDDocument document = Loader.loadPDF(file.toFile())) {
            assertThat(new PDFTextStripper().getText(document)).contains("nieuw");
        }
        try (var files = Files.list(folder)) {
            assertThat(files).containsExactly(file);
        }
    }

    /** A sample for the eye (docs/screenshots/pdf-builder-sample.png): typography, table, chart, footer. */
    @Test
    void sampleLooksCalm() throws IOException {
        PdfTable table = PdfTable.of(Column.left("Groep", 3), Column.right("Deelnemers", 1), Column.right("Berichten", 1),
                Column.right("Eerste reactie (mediaan)", 1.6f));
        table.row("Verpleging", "34", "1.204", "3,5 uur").row("Verzorging", "28", "866", "5,1 uur").row("Facilitair", "9", "120", "9,0 uur")
                .boldRow("Totaal", "71", "2.190", "4,2 uur");
        byte[] pdf = build(b -> b
                .title("Activiteitenrapport Wondzorg", List.of("Periode: 1–30 september 2026 · Modus: geaggregeerd",
                        "Doel: verantwoording aan de opdrachtgever"))
                .heading("Samenvatting")
                .paragraph("In september namen 71 deelnemers deel aan de cursus. De moderatoren reageerden gemiddeld binnen "
                        + "vier uur op een nieuwe vraag; groepen kleiner dan vijf personen zijn niet apart getoond.")
                .table(table)
                .barChart(BarChart.titled("Berichten per week").bar("Week 36", 480).bar("Week 37", 610).bar("Week 38", 590)
                        .bar("Week 39", 510))
                .note("Dit rapport is niet bedoeld voor de beoordeling van het functioneren van medewerkers.")
                .footer("Activiteitenrapport Wondzorg", "Pagina {0} van {1}"));
        Path screenshots = Path.of("docs", "screenshots");
        Files.createDirectories(screenshots);
        try (PDDocument document = Loader.loadPDF(pdf)) {
            ImageIO.write(new PDFRenderer(document).renderImageWithDPI(0, 110), "png",
                    screenshots.resolve("pdf-builder-sample.png").toFile());
        }
        assertThat(text(pdf)).contains("Totaal 71 2.190 4,2 uur", "Pagina 1 van 1");
    }

    private interface Content {
        PdfBuilder apply(PdfBuilder builder);
    }

    private static byte[] build(Content content) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (PdfBuilder builder = PdfBuilder.a4()) {
            content.apply(builder).writeTo(bytes);
        }
        return bytes.toByteArray();
    }

    static String text(byte[] pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document);
        }
    }

    static int pageCount(byte[] pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return document.getNumberOfPages();
        }
    }

    private static int occurrences(String text, String needle) {
        Matcher m = Pattern.compile(Pattern.quote(needle)).matcher(text);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }
}
