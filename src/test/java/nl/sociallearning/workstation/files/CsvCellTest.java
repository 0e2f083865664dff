package nl.sociallearning.workstation.files;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Every CSV export writes its cells through {@link CsvCell}: formulas stay text, separators stay inside a cell. */
class CsvCellTest {

    @Test
    void aCellThatASpreadsheetWouldRunAsAFormulaStaysText() {
        for (String formula : new String[] {"=HYPERLINK(\"x\")", "+31 6", "-1", "@SUM(A1)", "\tX", "\rX"}) {
            assertThat(CsvCell.of(formula, ';')).as(formula).contains("'" + formula.charAt(0));
        }
        assertThat(CsvCell.of("Jan de Vries", ';')).isEqualTo("Jan de Vries");
        assertThat(CsvCell.of(null, ';')).isEmpty();
    }

    @Test
    void onlyTheSeparatorInUseQuotesACell() {
        assertThat(CsvCell.of("Vries, Jan", ';')).isEqualTo("Vries, Jan");
        assertThat(CsvCell.of("Vries, Jan", ',')).isEqualTo("\"Vries, Jan\"");
        assertThat(CsvCell.of("groep; A", ';')).isEqualTo("\"groep; A\"");
        assertThat(CsvCell.of("zei \"hoi\"", ';')).isEqualTo("\"zei \"\"hoi\"\"\"");
        assertThat(CsvCell.of("twee\nregels", ';')).isEqualTo("\"twee\nregels\"");
    }
}
