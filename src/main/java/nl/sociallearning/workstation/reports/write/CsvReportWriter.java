package nl.sociallearning.workstation.reports.write;

import nl.sociallearning.workstation.files.CsvCell;
import nl.sociallearning.workstation.reports.Column;
import nl.sociallearning.workstation.reports.ColumnType;
import nl.sociallearning.workstation.reports.Report;
import nl.sociallearning.workstation.reports.ReportTable;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/**
 * CSV as Excel with Dutch settings opens it by a double click: UTF-8 with a byte-order mark (else Excel guesses
 * Windows-1252), {@code ;} between fields, a decimal comma, dates as dd-mm-jjjj, CRLF line ends. A few lines
 * about the report come first (title, course, period, mode, purpose, the appraisal statement), then each table
 * with its title and header. Text that a spreadsheet would read as a formula ({@code = + - @}, tab, CR) gets a
 * leading apostrophe: a name like {@code =HYPERLINK(…)} stays text.
 */
public final class CsvReportWriter implements ReportWriter {

    static final char SEPARATOR = ';';
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd-MM-yyyy");

    @Override
    public void write(Report report, OutputStream out) throws IOException {
        Writer w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
        w.write('\uFEFF');
        var l = report.labels();
        line(w, List.of(l.title()));
        line(w, List.of(l.course(), report.course().title()));
        if (report.course().organisation() != null) {
            line(w, List.of(l.organisation(), report.course().organisation()));
        }
        line(w, List.of(l.period(), l.periodText()));
        line(w, List.of(l.mode(), l.modeName()));
        line(w, List.of(l.purpose(), report.purpose()));
        line(w, List.of(l.created(), report.createdAt().toLocalDateTime().withNano(0).toString().replace('T', ' ')));
        line(w, List.of(l.privacyNote()));
        line(w, List.of(l.disclaimer()));
        for (ReportTable t : report.tables()) {
            w.write("\r\n");
            line(w, List.of(t.title()));
            line(w, t.columns().stream().map(Column::title).toList());
            for (List<Object> row : t.rows()) {
                StringBuilder b = new StringBuilder();
                for (int c = 0; c < row.size(); c++) {
                    if (c > 0) {
                        b.append(SEPARATOR);
                    }
                    b.append(CsvCell.quoted(cell(t.columns().get(c).type(), row.get(c)), SEPARATOR));
                }
                w.write(b.toString());
                w.write("\r\n");
            }
            for (String note : t.notes()) {
                line(w, List.of(note));
            }
        }
        w.flush();
    }

    /** A typed value as Dutch Excel reads it; null is an empty field. */
    static String cell(ColumnType type, Object value) {
        if (value == null) {
            return "";
        }
        return switch (type) {
            case INTEGER -> Long.toString(((Number) value).longValue());
            case DECIMAL -> decimal().format(((Number) value).doubleValue());
            case DATE -> DATE.format((LocalDate) value);
            case TEXT -> CsvCell.defused(value.toString());
        };
    }

    private static DecimalFormat decimal() {
        DecimalFormat f = new DecimalFormat("0.##", DecimalFormatSymbols.getInstance(Locale.forLanguageTag("nl-NL")));
        f.setGroupingUsed(false);
        return f;
    }

    private static void line(Writer w, List<String> fields) throws IOException {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                b.append(SEPARATOR);
            }
            b.append(CsvCell.of(fields.get(i), SEPARATOR));
        }
        w.write(b.toString());
        w.write("\r\n");
    }

}
