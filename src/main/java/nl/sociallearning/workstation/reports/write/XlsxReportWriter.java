package nl.sociallearning.workstation.reports.write;

import nl.sociallearning.workstation.reports.Column;
import nl.sociallearning.workstation.reports.Report;
import nl.sociallearning.workstation.reports.ReportTable;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

import java.io.IOException;
import java.io.OutputStream;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * XLSX with fastexcel: a first sheet about the report (course, period, mode, purpose, the appraisal statement), then
 * one sheet per table with real numbers and dates (not text), a bold header that stays in view, and columns wide
 * enough for their contents.
 */
public final class XlsxReportWriter implements ReportWriter {

    private static final int MAX_WIDTH = 60;

    @Override
    public void write(Report report, OutputStream out) throws IOException {
        Workbook wb = new Workbook(out, "Moderator Workstation", "1.0");
        var l = report.labels();
        Set<String> names = new HashSet<>();
        Worksheet info = wb.newWorksheet(sheetName(l.title(), names));
        List<String[]> about = new java.util.ArrayList<>();
        about.add(new String[] {l.title(), ""});
        about.add(new String[] {l.course(), report.course().title()});
        if (report.course().organisation() != null) {
            about.add(new String[] {l.organisation(), report.course().organisation()});
        }
        about.add(new String[] {l.period(), l.periodText()});
        about.add(new String[] {l.mode(), l.modeName()});
        about.add(new String[] {l.purpose(), report.purpose()});
        about.add(new String[] {l.created(), report.createdAt().toLocalDateTime().withNano(0).toString().replace('T', ' ')});
        about.add(new String[] {l.privacyNote(), ""});
        about.add(new String[] {l.disclaimer(), ""});
        for (int r = 0; r < about.size(); r++) {
            info.value(r, 0, about.get(r)[0]);
            info.value(r, 1, about.get(r)[1]);
        }
        info.style(0, 0).bold().fontSize(14).set();
        info.width(0, 24);
        info.width(1, 70);

        for (ReportTable t : report.tables()) {
            Worksheet ws = wb.newWorksheet(sheetName(t.title(), names));
            List<Column> cols = t.columns();
            double[] widths = new double[cols.size()];
            for (int c = 0; c < cols.size(); c++) {
                ws.value(0, c, cols.get(c).title());
                ws.style(0, c).bold().fillColor("E8EEF4").set();
                widths[c] = cols.get(c).title().length() + 2;
            }
            int r = 1;
            for (List<Object> row : t.rows()) {
                for (int c = 0; c < cols.size(); c++) {
                    Object v = row.get(c);
                    if (v == null) {
                        continue;
                    }
                    switch (cols.get(c).type()) {
                        case INTEGER -> ws.value(r, c, (Number) v);
                        case DECIMAL -> {
                            ws.value(r, c, (Number) v);
                            ws.style(r, c).format("0.##").set();
                        }
                        case DATE -> {
                            ws.value(r, c, (LocalDate) v);
                            ws.style(r, c).format("dd-mm-yyyy").set();
                        }
                        case TEXT -> ws.value(r, c, v.toString());
                    }
                    widths[c] = Math.max(widths[c], width(cols.get(c), v));
                }
                r++;
            }
            for (String note : t.notes()) {
                ws.value(++r, 0, note);
                ws.style(r, 0).italic().set();
            }
            for (int c = 0; c < cols.size(); c++) {
                ws.width(c, Math.min(MAX_WIDTH, widths[c]));
            }
            ws.freezePane(0, 1);
        }
        wb.finish();
    }

    private static double width(Column column, Object value) {
        return switch (column.type()) {
            case DATE -> 12;
            case INTEGER, DECIMAL -> Math.max(8, value.toString().length() + 2);
            case TEXT -> value.toString().length() + 2;
        };
    }

    /** Excel's rules for sheet names: at most 31 characters, none of []:*?/\, and unique. */
    static String sheetName(String title, Set<String> taken) {
        String base = title.replaceAll("[\\[\\]:*?/\\\\]", " ").trim();
        if (base.isEmpty()) {
            base = "Sheet";
        }
        base = base.length() > 31 ? base.substring(0, 31) : base;
        String name = base;
        for (int i = 2; !taken.add(name.toLowerCase(java.util.Locale.ROOT)); i++) {
            String suffix = " " + i;
            name = (base.length() + suffix.length() > 31 ? base.substring(0, 31 - suffix.length()) : base) + suffix;
        }
        return name;
    }
}
