package nl.sociallearning.workstation.reports.write;

import nl.sociallearning.workstation.pdf.BarChart;
import nl.sociallearning.workstation.pdf.PdfBuilder;
import nl.sociallearning.workstation.pdf.PdfTable;
import nl.sociallearning.workstation.reports.Column;
import nl.sociallearning.workstation.reports.ColumnType;
import nl.sociallearning.workstation.reports.Report;
import nl.sociallearning.workstation.reports.ReportLabels;
import nl.sociallearning.workstation.reports.ReportTable;

import java.io.IOException;
import java.io.OutputStream;
import java.text.NumberFormat;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.List;

/**
 * PDF on the shared {@link PdfBuilder}: a title page with course, period, privacy mode and purpose (and, at its
 * foot, that the report is not meant for performance appraisal), the privacy statement, the tables (headers
 * repeated across pages), a chart of posts per week, and page numbers in the footer. A report with a wide table (the
 * per-participant one) is printed in landscape.
 */
public final class PdfReportWriter implements ReportWriter {

    /** Tables with more columns than this are printed on landscape pages. */
    private static final int WIDE = 7;

    @Override
    public void write(Report report, OutputStream out) throws IOException {
        ReportLabels l = report.labels();
        boolean wide = report.tables().stream().anyMatch(t -> t.columns().size() > WIDE);
        try (PdfBuilder pdf = wide ? PdfBuilder.a4Landscape() : PdfBuilder.a4()) {
            pdf.properties(l.title() + " \u2013 " + report.course().title(), "Moderator Workstation");
            List<String> lines = new ArrayList<>();
            lines.add(l.course() + ": " + report.course().title());
            if (report.course().organisation() != null) {
                lines.add(l.organisation() + ": " + report.course().organisation());
            }
            lines.add(l.period() + ": " + l.periodText());
            lines.add(l.mode() + ": " + l.modeName());
            lines.add(l.purpose() + ": " + report.purpose());
            lines.add(l.created() + ": " + report.createdAt().format(DateTimeFormatter.ofLocalizedDateTime(FormatStyle.LONG,
                    FormatStyle.SHORT).withLocale(l.locale())));
            pdf.titlePage(l.title(), lines, l.disclaimer() + " " + l.privacyNote());

            pdf.note(l.privacyNote());
            pdf.space(6);
            Report.Chart chart = report.chart();
            if (!chart.values().isEmpty()) {
                BarChart bars = BarChart.titled(chart.title()).locale(l.locale());
                for (int i = 0; i < chart.values().size(); i++) {
                    bars.bar(chart.labels().get(i), chart.values().get(i));
                }
                pdf.barChart(bars);
            }
            for (ReportTable t : report.tables()) {
                pdf.heading(t.title());
                pdf.table(table(t, l, wide));
                for (String note : t.notes()) {
                    pdf.note(note);
                }
            }
            pdf.space(8);
            pdf.note(l.disclaimer());
            pdf.footer(l.title() + " \u00b7 " + report.course().title(), l.page());
            pdf.writeTo(out);
        }
    }

    private static PdfTable table(ReportTable t, ReportLabels l, boolean wide) {
        NumberFormat decimal = NumberFormat.getNumberInstance(l.locale());
        decimal.setMaximumFractionDigits(2);
        NumberFormat integer = NumberFormat.getIntegerInstance(l.locale());
        DateTimeFormatter date = DateTimeFormatter.ofPattern(wide ? "dd-MM-yy" : "dd-MM-yyyy");
        List<List<String>> rows = new ArrayList<>(t.rows().size());
        for (List<Object> row : t.rows()) {
            List<String> cells = new ArrayList<>(row.size());
            for (int c = 0; c < row.size(); c++) {
                Object v = row.get(c);
                cells.add(v == null ? "" : switch (t.columns().get(c).type()) {
                    case TEXT -> v.toString();
                    case INTEGER -> integer.format(((Number) v).longValue());
                    case DECIMAL -> decimal.format(((Number) v).doubleValue());
                    case DATE -> date.format((LocalDate) v);
                });
            }
            rows.add(cells);
        }
        // Widths follow the content (fitContent): no word broken where the line allows it.
        List<PdfTable.Column> columns = new ArrayList<>();
        for (Column column : t.columns()) {
            columns.add(column.type() == ColumnType.TEXT
                    ? PdfTable.Column.left(column.title(), 1) : PdfTable.Column.right(column.title(), 1));
        }
        PdfTable table = PdfTable.of(columns).fitContent();
        rows.forEach(table::row);
        return table;
    }
}
