package nl.sociallearning.workstation.pdf;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * A table for {@link PdfBuilder#table}: columns with a relative width and an alignment, then rows of text.
 * Cells wrap; the header row is repeated on every page the table runs onto.
 *
 * <pre>{@code
 * PdfTable t = PdfTable.of(Column.left("Groep", 3), Column.right("Berichten", 1))
 *         .row("Verpleging", "1 204")
 *         .boldRow("Totaal", "1 530");
 * }</pre>
 */
public final class PdfTable {

    /** How a column's text sits in its cell. */
    public enum Align { LEFT, RIGHT, CENTRE }

    /**
     * One column: its header text, its width relative to the other columns (weights 3 and 1 give three
     * quarters and one quarter of the text width) and its alignment.
     */
    public record Column(String title, float weight, Align align) {
        public Column {
            Objects.requireNonNull(title, "title");
            Objects.requireNonNull(align, "align");
            if (!(weight > 0)) {
                throw new IllegalArgumentException("A column's weight must be positive: " + title);
            }
        }

        public static Column left(String title, float weight) {
            return new Column(title, weight, Align.LEFT);
        }

        public static Column right(String title, float weight) {
            return new Column(title, weight, Align.RIGHT);
        }

        public static Column centre(String title, float weight) {
            return new Column(title, weight, Align.CENTRE);
        }
    }

    /** One row: its cells and whether it is set in bold (a total). */
    record Row(List<String> cells, boolean bold) {
    }

    private final List<Column> columns;
    private final List<Row> rows = new ArrayList<>();
    private boolean header = true;
    private boolean fitContent;

    private PdfTable(List<Column> columns) {
        if (columns.isEmpty()) {
            throw new IllegalArgumentException("A table needs at least one column");
        }
        this.columns = List.copyOf(columns);
    }

    public static PdfTable of(Column... columns) {
        return new PdfTable(Arrays.asList(columns));
    }

    public static PdfTable of(List<Column> columns) {
        return new PdfTable(columns);
    }

    /** Adds a row; it must have one cell per column ({@code null} cells print empty). */
    public PdfTable row(String... cells) {
        return add(Arrays.asList(cells), false);
    }

    public PdfTable row(List<String> cells) {
        return add(cells, false);
    }

    /** Adds a row in bold, e.g. a total. */
    public PdfTable boldRow(String... cells) {
        return add(Arrays.asList(cells), true);
    }

    /** No header row: e.g. a list of labels and values. */
    public PdfTable withoutHeader() {
        header = false;
        return this;
    }

    /**
     * Column widths from the content instead of the weights: each column at least as wide as its longest word
     * (header or cell), so that no word is broken, and the rest of the line to the columns with longer text. When
     * the words alone do not fit the line, only the columns with the longest words break them (the weights are
     * then not used).
     */
    public PdfTable fitContent() {
        fitContent = true;
        return this;
    }

    private PdfTable add(List<String> cells, boolean bold) {
        if (cells.size() != columns.size()) {
            throw new IllegalArgumentException("A row has " + cells.size() + " cells, the table " + columns.size() + " columns");
        }
        rows.add(new Row(cells.stream().map(c -> c == null ? "" : c).toList(), bold));
        return this;
    }

    List<Column> columns() {
        return columns;
    }

    List<Row> rows() {
        return rows;
    }

    boolean hasHeader() {
        return header;
    }

    boolean fitsContent() {
        return fitContent;
    }
}
