package nl.sociallearning.workstation.pdf;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Landscape pages, and table columns that take their widths from their content. */
class PdfBuilderFitTest {

    static String text(byte[] pdf) throws Exception {
        try (PDDocument d = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(d);
        }
    }

    static byte[] table(PdfBuilder pdf, boolean fit, String... extraRow) throws Exception {
        List<PdfTable.Column> columns = new ArrayList<>();
        columns.add(PdfTable.Column.left("Naam", 1));
        columns.add(PdfTable.Column.left("Groep", 1));
        for (String t : List.of("Ingeschreven", "Berichten", "Discussies gestart", "Reacties", "Reacties ontvangen", "Gelezen",
                "Actieve dagen", "Eerste bericht", "Laatste bericht")) {
            columns.add(PdfTable.Column.right(t, 1));
        }
        PdfTable table = PdfTable.of(columns);
        if (fit) {
            table.fitContent();
        }
        table.row("Wessel van Doorn", "Kinderverpleegkundige", "25-09-26", "1", "0", "1", "1", "12", "11", "08-10-26", "08-10-26");
        if (extraRow.length > 0) {
            table.row(List.of(extraRow));
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        pdf.table(table).writeTo(out);
        return out.toByteArray();
    }

    @Test
    void landscapePagesLieOnTheirSide() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PdfBuilder.a4Landscape().paragraph("Breed").writeTo(out);
        try (PDDocument d = Loader.loadPDF(out.toByteArray())) {
            assertThat(d.getPage(0).getMediaBox().getWidth()).isGreaterThan(d.getPage(0).getMediaBox().getHeight());
        }
    }

    @Test
    void fittedColumnsBreakNoWordThatFits() throws Exception {
        List<String> fitted = text(table(PdfBuilder.a4Landscape(), true)).lines().toList();
        assertThat(fitted).anyMatch(l -> l.startsWith("Wessel van Doorn Kinderverpleegkundige 25-09-26 1 0 1 1 12 11"));
        assertThat(fitted).noneMatch(l -> l.equals("n") || l.equals("e"));
        // Equal weights on the same page break words.
        List<String> weighted = text(table(PdfBuilder.a4Landscape(), false)).lines().toList();
        assertThat(weighted).noneMatch(l -> l.startsWith("Wessel van Doorn Kinderverpleegkundige 25-09-26"));
    }

    @Test
    void aWordTooLongForAnyLineBreaksOnlyInItsOwnColumn() throws Exception {
        String longWord = "=HYPERLINK(\"http://example.org/a/very/long/address/that/goes/on\";\"klik\")";
        String text = text(table(PdfBuilder.a4Landscape(), true, longWord, "Arts", "23-09-26", "3", "0", "3", "1", "20", "16",
                "12-10-26", "02-11-26"));
        assertThat(text).contains("Ingeschreven", "Berichten", "ontvangen").contains("12-10-26 02-11-26");
    }
}
