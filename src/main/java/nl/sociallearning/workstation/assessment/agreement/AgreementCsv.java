package nl.sociallearning.workstation.assessment.agreement;

import nl.sociallearning.workstation.files.CsvCell;
import nl.sociallearning.workstation.ui.Messages;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;

/**
 * The agreement figures as a spreadsheet: UTF-8 with a byte-order mark, {@code ;} between cells, CRLF, numbers with
 * a decimal comma (as a Dutch spreadsheet reads them); first the selection and the methods, then blocks per pair,
 * per criterion and the signals, each under a heading row and a header row, with the reliability in words beside the
 * figures. A figure that cannot be computed is an empty cell with the reason in the reliability column, never 0.
 * Text goes through {@link CsvCell}, so no cell runs as a formula.
 */
public final class AgreementCsv {

    static final char SEPARATOR = ';';
    static final String LINE_END = "\r\n";

    private AgreementCsv() {
    }

    /** Writes the byte-order mark and the rows; the stream is flushed, not closed. */
    public static void write(AgreementDocument doc, Locale locale, OutputStream out) throws IOException {
        Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
        writer.write('\uFEFF');
        for (List<Cell> row : rows(doc, locale)) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < row.size(); i++) {
                line.append(i == 0 ? "" : String.valueOf(SEPARATOR)).append(row.get(i).csv());
            }
            writer.write(line.append(LINE_END).toString());
        }
        writer.flush();
    }

    /** A cell: text is defused against formulas; a number we formatted ourselves is written as it is. */
    private record Cell(String value, boolean number) {
        String csv() {
            return number ? CsvCell.quoted(value, SEPARATOR) : CsvCell.of(value, SEPARATOR);
        }
    }

    private static List<List<Cell>> rows(AgreementDocument doc, Locale locale) {
        Messages t = AgreementDocument.texts(locale);
        DecimalFormatSymbols comma = new DecimalFormatSymbols(Locale.ROOT);
        comma.setDecimalSeparator(',');
        DecimalFormat coefficient = format("0.000", comma);
        DecimalFormat percent = format("0.0", comma);
        DecimalFormat difference = format("0.00", comma);

        List<List<Cell>> rows = new ArrayList<>();
        rows.add(texts(t.get("agreementExport.title")));
        doc.facts(t).forEach(f -> rows.add(texts(f.toArray(String[]::new))));
        AgreementDocument.methods(t).forEach(m -> rows.add(texts(t.get("agreementExport.fact.method"), m)));

        rows.add(List.of());
        rows.add(texts(t.get("agreementExport.pairs")));
        rows.add(texts(t.get("agreementExport.column.assessorA"), t.get("agreementExport.column.assessorB"), t.get("agreementExport.column.units"),
                t.get("agreementExport.column.exactPercent"), t.get("agreementExport.column.withinOnePercent"), t.get("agreementExport.column.kappa"),
                t.get("agreementExport.column.kappaLinear"), t.get("agreementExport.column.kappaQuadratic"), t.get("agreementExport.column.meanDifference"),
                t.get("agreementExport.column.quality")));
        for (PairAgreement p : Agreement.perPair(doc.ratings())) {
            List<Cell> row = new ArrayList<>(texts(doc.names().apply(p.assessorA()), doc.names().apply(p.assessorB())));
            row.add(number(Integer.toString(p.units())));
            row.add(number(percent.format(p.exact() * 100)));
            row.add(number(percent.format(p.withinOne() * 100)));
            row.add(figure(p.kappa(), coefficient));
            row.add(figure(p.kappaLinear(), coefficient));
            row.add(figure(p.kappaQuadratic(), coefficient));
            row.add(number(difference.format(p.meanDifference())));
            row.add(text(AgreementDocument.reliability(t, AgreementTables.Quality.of(p.kappaLinear()), p.units() < AgreementTables.FEW_UNITS, p.units())));
            rows.add(row);
        }

        rows.add(List.of());
        rows.add(texts(t.get("agreementExport.criteria")));
        rows.add(texts(t.get("agreementExport.column.criterion"), t.get("agreementExport.column.units"), t.get("agreementExport.column.assessors"),
                t.get("agreementExport.column.exactPercent"), t.get("agreementExport.column.alphaNominal"), t.get("agreementExport.column.alphaOrdinal"),
                t.get("agreementExport.column.alphaInterval"), t.get("agreementExport.column.quality")));
        for (CriterionAgreement c : Agreement.perCriterion(doc.ratings())) {
            List<Cell> row = new ArrayList<>(texts(c.criterionCode()));
            row.add(number(Integer.toString(c.units())));
            row.add(number(Integer.toString(c.assessors())));
            row.add(c.exact().isPresent() ? number(percent.format(c.exact().getAsDouble() * 100)) : text(""));
            row.add(figure(c.alphaNominal(), coefficient));
            row.add(figure(c.alphaOrdinal(), coefficient));
            row.add(figure(c.alphaInterval(), coefficient));
            row.add(text(AgreementDocument.reliability(t, AgreementTables.Quality.of(c.alphaOrdinal()), c.units() < AgreementTables.FEW_UNITS, c.units())));
            rows.add(row);
        }

        rows.add(List.of());
        rows.add(texts(t.get("agreementExport.signals")));
        List<BiasWarning> warnings = BiasCheck.check(doc.ratings());
        if (warnings.isEmpty()) {
            rows.add(texts(t.get("agreementExport.signals.none")));
        } else {
            rows.add(texts(t.get("agreementExport.column.signal"), t.get("agreementExport.column.assessor"), t.get("agreementExport.column.description")));
            Messages sentences = BiasWarning.texts(locale);
            for (BiasWarning w : warnings) {
                String name = doc.names().apply(w.assessorId());
                rows.add(texts(t.get("agreementExport.signal." + w.kind().name()), name, w.describe(name, sentences)));
            }
        }
        return rows;
    }

    private static DecimalFormat format(String pattern, DecimalFormatSymbols symbols) {
        DecimalFormat f = new DecimalFormat(pattern, symbols);
        f.setRoundingMode(RoundingMode.HALF_UP);
        return f;
    }

    private static Cell figure(OptionalDouble value, DecimalFormat format) {
        return value.isPresent() ? number(format.format(value.getAsDouble())) : text("");
    }

    private static Cell number(String value) {
        return new Cell(value, true);
    }

    private static Cell text(String value) {
        return new Cell(value, false);
    }

    private static List<Cell> texts(String... values) {
        List<Cell> cells = new ArrayList<>();
        for (String v : values) {
            cells.add(text(v));
        }
        return cells;
    }
}
