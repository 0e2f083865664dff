package nl.sociallearning.workstation.assessment;

import nl.sociallearning.workstation.assessment.report.CsvRows;
import nl.sociallearning.workstation.assessment.AgreementViewModel.Exported;
import nl.sociallearning.workstation.assessment.AgreementViewModel.Failure;
import nl.sociallearning.workstation.assessment.agreement.Agreement;
import nl.sociallearning.workstation.assessment.agreement.AgreementDocument;
import nl.sociallearning.workstation.assessment.agreement.AgreementExport;
import nl.sociallearning.workstation.assessment.agreement.AgreementTables.CriterionRow;
import nl.sociallearning.workstation.assessment.agreement.AgreementTables.PairRow;
import nl.sociallearning.workstation.assessment.agreement.PairAgreement;
import nl.sociallearning.workstation.assessment.agreement.Rating;
import nl.sociallearning.workstation.assessment.mapping.AgreementFilter;
import nl.sociallearning.workstation.store.Cache;
import nl.sociallearning.workstation.ui.TaskRunner;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The export of the agreement page: the CSV read back with a CSV parser carries the page's figures for the filter
 * that is set, the PDF's text names the filter, the date, the count and the methods, and a file that cannot be
 * written gives a reason and leaves nothing behind.
 */
class AgreementExportTest {

    static final Locale DUTCH = Locale.forLanguageTag("nl");
    static final ZoneId ZONE = ZoneId.of("Europe/Amsterdam");
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-29T09:15:00Z"), ZONE);

    @TempDir
    static Path data;
    static Cache cache;
    @TempDir
    Path dir;
    AgreementViewModel model;

    @BeforeAll
    static void seed() {
        cache = Cache.open(data);
        DemoAssessments.seedIfEmpty(cache);
    }

    @AfterAll
    static void close() {
        cache.close();
    }

    @BeforeEach
    void page() {
        model = new AgreementViewModel(cache, TaskRunner.direct(), DUTCH, ZONE, CLOCK);
        model.load();
        model.filter(new AgreementFilter(null, null, null, DemoAssessmentSeries.CARLA));
        assertThat(model.summaryProperty().get().assessments()).isEqualTo(4);
    }

    @Test
    void theCsvCarriesThePagesFiguresForTheFilterThatIsSet() throws IOException {
        Path csv = dir.resolve("overeenstemming.csv");
        model.export(csv, AgreementExport.Format.CSV);
        assertThat(model.exportedProperty().get()).isEqualTo(new Exported(csv, null, null));
        byte[] bytes = Files.readAllBytes(csv);
        assertThat(Arrays.copyOf(bytes, 3)).as("UTF-8 byte-order mark").containsExactly(0xEF, 0xBB, 0xBF);
        assertThat(new String(bytes, StandardCharsets.UTF_8)).contains("\r\n");
        List<List<String>> rows = CsvRows.parse(bytes);

        assertThat(value(rows, "Gemaakt op")).isEqualTo("29-11-2026 10:15");
        assertThat(value(rows, "Periode (datum observatie)")).isEqualTo("alle");
        assertThat(value(rows, "Kader")).isEqualTo("alle");
        assertThat(value(rows, "Beoordelaar")).isEqualTo("Carla Smit");
        assertThat(value(rows, "Beoordelingen")).isEqualTo("4");
        assertThat(rows.stream().filter(r -> r.get(0).equals("Methode")).map(r -> r.get(1)).toList())
                .anyMatch(m -> m.startsWith("Percentage overeenstemming"))
                .anyMatch(m -> m.contains("Cohens kappa") && m.contains("ongewogen") && m.contains("lineair") && m.contains("kwadratisch"))
                .anyMatch(m -> m.contains("Krippendorffs alfa") && m.contains("nominaal") && m.contains("ordinaal") && m.contains("interval"));

        // Per pair: the one pair of the filter, with the page's figures (the CSV has one decimal more).
        List<PairRow> pagePairs = model.summaryProperty().get().tables().pairs().stream().filter(p -> p.criterionCode().isEmpty()).toList();
        List<List<String>> csvPairs = block(rows, "Per paar beoordelaars, over alle criteria");
        assertThat(csvPairs.get(0)).startsWith("Beoordelaar A", "Beoordelaar B", "Eenheden", "Gelijk (%)");
        assertThat(csvPairs).hasSize(pagePairs.size() + 1).hasSize(2);
        PairRow page = pagePairs.get(0);
        List<String> row = csvPairs.get(1);
        assertThat(row.subList(0, 3)).containsExactly(page.assessorA(), page.assessorB(), Integer.toString(page.units()));
        assertThat(number(row.get(3))).isCloseTo(number(page.exact().replace("%", "")), within(0.51));
        assertThat(number(row.get(4))).isCloseTo(number(page.withinOne().replace("%", "")), within(0.51));
        assertThat(number(row.get(5))).isCloseTo(number(page.kappa()), within(0.0051));
        assertThat(number(row.get(6))).isCloseTo(number(page.kappaLinear()), within(0.0051));
        assertThat(number(row.get(7))).isCloseTo(number(page.kappaQuadratic()), within(0.0051));
        assertThat(number(row.get(8))).isCloseTo(number(page.meanDifference()), within(0.0051));
        // And to three decimals exactly what the statistics give on the filtered levels.
        PairAgreement exact = Agreement.perPair(model.summaryProperty().get().selection().ratings()).get(0);
        assertThat(number(row.get(6))).isCloseTo(exact.kappaLinear().orElseThrow(), within(0.0005));
        assertThat(row.get(6)).matches("-?\\d,\\d{3}");

        // Per criterion: every row of the page, alpha ordinal as on the page.
        List<CriterionRow> pageCriteria = model.summaryProperty().get().tables().criteria();
        List<List<String>> csvCriteria = block(rows, "Per criterium");
        assertThat(csvCriteria).hasSize(pageCriteria.size() + 1);
        for (int i = 0; i < pageCriteria.size(); i++) {
            CriterionRow c = pageCriteria.get(i);
            List<String> r = csvCriteria.get(i + 1);
            assertThat(r.get(0)).isEqualTo(c.criterionCode());
            assertThat(r.get(1)).isEqualTo(Integer.toString(c.units()));
            if (c.alphaOrdinal().equals("\u2013")) {
                assertThat(r.get(5)).isEmpty();
                assertThat(r.get(7)).startsWith("niet te berekenen");
            } else {
                assertThat(number(r.get(5))).isCloseTo(number(c.alphaOrdinal()), within(0.0051));
            }
        }
        assertThat(block(rows, "Signalen")).isNotEmpty();
    }

    @Test
    void aNameThatLooksLikeAFormulaIsWrittenAsText() throws IOException {
        List<Rating> ratings = List.of(Rating.of("a1", "K1", "x", 1, 3), Rating.of("a1", "K1", "y", 2, 3),
                Rating.of("a2", "K1", "x", 0, 3), Rating.of("a2", "K1", "y", 0, 3));
        AgreementDocument doc = new AgreementDocument(AgreementDocument.Selection.ALL, ZonedDateTime.now(CLOCK), 2, ratings,
                id -> id.equals("x") ? "=HYPERLINK(\"http://evil\";\"klik\")" : "Yvonne");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        nl.sociallearning.workstation.assessment.agreement.AgreementCsv.write(doc, DUTCH, out);
        List<List<String>> pairs = block(CsvRows.parse(out.toByteArray()), "Per paar beoordelaars, over alle criteria");
        assertThat(pairs.get(1).get(0)).isEqualTo("'=HYPERLINK(\"http://evil\";\"klik\")");
        assertThat(pairs.get(1).get(8)).as("a negative number stays a number").isEqualTo("-0,50");
    }

    @Test
    void thePdfNamesTheFilterTheDateTheCountAndTheMethods() throws IOException {
        Path pdf = dir.resolve("overeenstemming.pdf");
        model.export(pdf, AgreementExport.Format.PDF);
        assertThat(model.exportedProperty().get().ok()).isTrue();
        try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
            String text = new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
            assertThat(text).contains("Overeenstemming tussen beoordelaars", "4 beoordelingen van 2 beoordelaars",
                    "Beoordelaar Carla Smit", "Beoordelingen 4", "Gemaakt op 29-11-2026 10:15", "Periode (datum observatie) alle",
                    "Per paar beoordelaars, over alle criteria", "Per criterium", "Methoden", "Cohens kappa", "Krippendorffs alfa",
                    "nominaal", "ordinaal", "Pagina 1 van");
            PairRow page = model.summaryProperty().get().tables().pairs().get(0);
            assertThat(text).contains("Ank de Vries Carla Smit " + page.units() + " " + page.exact() + " " + page.withinOne() + " "
                    + page.kappa() + " " + page.kappaLinear() + " " + page.kappaQuadratic());
            assertThat(text).doesNotContain("NaN").doesNotContain("!agreementExport");
        }
    }

    @Test
    void aFileThatCannotBeWrittenGivesAReasonAndLeavesNothing() throws IOException {
        Path missing = dir.resolve("weg").resolve("overeenstemming.csv");
        model.export(missing, AgreementExport.Format.CSV);
        assertThat(model.exportedProperty().get().failure()).isEqualTo(Failure.NO_FOLDER);
        assertThat(dir.resolve("weg")).doesNotExist();

        Path folder = Files.createDirectories(dir.resolve("al-een-map.pdf"));
        model.export(folder, AgreementExport.Format.PDF);
        assertThat(model.exportedProperty().get().failure()).isEqualTo(Failure.NOT_WRITTEN);
        assertThat(folder).isEmptyDirectory();

        Path locked = Files.createDirectories(dir.resolve("alleen-lezen"));
        locked.toFile().setWritable(false, false);
        try {
            if (!Files.isWritable(locked)) { // root may write anywhere; then only the cases above apply
                model.export(locked.resolve("overeenstemming.pdf"), AgreementExport.Format.PDF);
                assertThat(model.exportedProperty().get().failure()).isEqualTo(Failure.NO_ACCESS);
            }
            try (Stream<Path> left = Files.list(locked)) {
                assertThat(left).isEmpty();
            }
        } finally {
            locked.toFile().setWritable(true, false);
        }
        try (Stream<Path> left = Files.list(dir)) {
            assertThat(left).as("no temporary file left behind").extracting(p -> p.getFileName().toString())
                    .containsExactlyInAnyOrder("al-een-map.pdf", "alleen-lezen");
        }
    }

    /** The second cell of the first row whose first cell is the label. */
    static String value(List<List<String>> rows, String label) {
        return rows.stream().filter(r -> r.get(0).equals(label) && r.size() > 1).findFirst().orElseThrow(() -> new AssertionError(label)).get(1);
    }

    /** The rows under a heading row, up to the next empty row. */
    static List<List<String>> block(List<List<String>> rows, String heading) {
        int start = -1;
        for (int i = 0; i < rows.size(); i++) {
            if (rows.get(i).size() == 1 && rows.get(i).get(0).equals(heading)) {
                start = i + 1;
                break;
            }
        }
        assertThat(start).as(heading).isPositive();
        List<List<String>> block = new ArrayList<>();
        for (int i = start; i < rows.size() && !(rows.get(i).size() == 1 && rows.get(i).get(0).isEmpty()); i++) {
            block.add(rows.get(i));
        }
        return block;
    }

    static double number(String text) {
        return Double.parseDouble(text.replace(',', '.').replace('\u2212', '-').replace("+", ""));
    }
}
