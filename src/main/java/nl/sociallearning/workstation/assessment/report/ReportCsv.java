package nl.sociallearning.workstation.assessment.report;

import nl.sociallearning.workstation.assessment.report.AssessmentReport.Context;
import nl.sociallearning.workstation.assessment.report.AssessmentReport.Criterion;
import nl.sociallearning.workstation.assessment.report.AssessmentReport.LevelGiven;
import nl.sociallearning.workstation.files.AtomicFile;
import nl.sociallearning.workstation.files.CsvCell;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * The report as one table for spreadsheets: one row per criterion and assessor (the original level), with the
 * agreed level, the amount of evidence and the overall result. UTF-8 with a byte-order mark and {@code ;} as
 * separator, so Excel with Dutch settings opens it in columns with the accents intact. A cell that starts with
 * {@code = + - @} (or a tab or carriage return) gets a leading {@code '}, so a spreadsheet never runs it as a formula.
 */
public final class ReportCsv {

    static final char SEPARATOR = ';';
    static final String LINE_END = "\r\n";

    private ReportCsv() {
    }

    /** Writes the file whole or not at all ({@link AtomicFile}). */
    public static void write(AssessmentReport report, Locale locale, Path file) throws IOException {
        new AtomicFile().write(file, out -> write(report, locale, out));
    }

    /** Writes the byte-order mark and the table; the stream is flushed, not closed. */
    public static void write(AssessmentReport report, Locale locale, OutputStream out) throws IOException {
        Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
        writer.write('\uFEFF');
        for (List<String> row : rows(report, locale)) {
            writer.write(line(row));
        }
        writer.flush();
    }

    static List<List<String>> rows(AssessmentReport report, Locale locale) {
        Context c = report.context();
        ReportText t = new ReportText(locale, c.zone());
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of(t.get("wackerReport.csv.assessment"), t.get("wackerReport.csv.student"), t.get("wackerReport.csv.date"), t.get("wackerReport.csv.frameworkPart"),
                t.get("wackerReport.csv.criterion"), t.get("wackerReport.csv.title"), t.get("wackerReport.csv.critical"), t.get("wackerReport.csv.assessor"), t.get("wackerReport.csv.level"),
                t.get("wackerReport.csv.justification"), t.get("wackerReport.csv.agreed"), t.get("wackerReport.csv.agreement"), t.get("wackerReport.csv.evidence"),
                t.get("wackerReport.csv.posts"), t.get("wackerReport.csv.result")));
        String result = report.result() == null ? "" : report.result().outcome();
        String date = c.date() == null ? "" : c.date().toString();
        for (Criterion k : report.criteria()) {
            List<LevelGiven> levels = k.levels().isEmpty() ? Collections.singletonList(null) : k.levels();
            for (LevelGiven level : levels) {
                rows.add(List.of(nz(c.assessmentId()), c.studentName(), date, nz(c.frameworkPart()), k.code(), k.title(),
                        t.get(k.critical() ? "wackerReport.csv.yes" : "wackerReport.csv.no"),
                        level == null ? "" : c.assessorName(level.assessorId()),
                        level == null ? "" : level.level(),
                        level == null ? "" : nz(level.justification()),
                        nz(k.agreedLevel()), nz(k.agreement()),
                        Integer.toString(k.evidence().size()), Integer.toString(k.posts().size()), nz(result)));
            }
        }
        return rows;
    }

    static String line(List<String> cells) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                line.append(SEPARATOR);
            }
            line.append(CsvCell.of(cells.get(i), SEPARATOR));
        }
        return line.append(LINE_END).toString();
    }

    private static String nz(String text) {
        return text == null ? "" : text;
    }
}
