package nl.sociallearning.workstation.pdf;

import nl.sociallearning.workstation.files.AtomicFile;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;

import java.awt.Color;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.List;
import java.util.Map;

/**
 * Builds an A4 document top to bottom: a title page, headings, wrapped paragraphs, facts, bullets, tables
 * (header repeated across pages) and horizontal bar charts, with a footer "Pagina X van Y" on every page
 * after the title page. Text is set in an embedded Unicode font (DejaVu Sans), so Dutch and other accented
 * text prints as written. All text the caller passes is printed as given: the caller chooses the language.
 *
 * <pre>{@code
 * try (PdfBuilder pdf = PdfBuilder.a4()) {
 *     pdf.titlePage("Activiteitenrapport", List.of("Cursus: Wondzorg", "Periode: 1–30 september 2026"))
 *        .heading("Samenvatting")
 *        .paragraph("In september namen 84 deelnemers deel …")
 *        .table(PdfTable.of(Column.left("Groep", 3), Column.right("Berichten", 1)).row("Verpleging", "1 204"))
 *        .footer("Activiteitenrapport Wondzorg", "Pagina {0} van {1}")
 *        .writeTo(Path.of("rapport.pdf"));
 * }
 * }</pre>
 *
 * A builder makes one document; {@link #writeTo} finishes it. Not thread-safe; build off the FX thread.
 */
public final class PdfBuilder implements AutoCloseable {

    // A4 in points (upright, or landscape for wide tables), margins of about 20 mm; the footer sits in the bottom margin.
    private final PDRectangle PAGE;
    private static final float MARGIN_X = 57f;
    private final float TOP;
    private static final float BOTTOM = 70f;
    private final float WIDTH;

    static final Color INK = new Color(0x22, 0x28, 0x31);
    static final Color MUTED = new Color(0x5F, 0x67, 0x73);
    static final Color ACCENT = new Color(0x2B, 0x4C, 0x7E);
    static final Color RULE = new Color(0xD5, 0xDA, 0xE1);
    static final Color FILL = new Color(0xEE, 0xF1, 0xF5);
    static final Color BAR = new Color(0x4A, 0x6F, 0xA5);

    private static final float BODY = 10f;
    private static final float BODY_LEADING = 14.5f;
    private static final float SMALL = 8.5f;
    private static final float SMALL_LEADING = 11.5f;
    private static final float CELL = 9f;
    private static final float CELL_LEADING = 12f;
    private static final float CELL_PAD_X = 5f;
    private static final float CELL_PAD_Y = 4f;

    private final PDDocument document = new PDDocument();
    private final Fonts fonts = new Fonts(document);
    private final List<PDPage> titlePages = new ArrayList<>();
    private PDPage page;
    private PDPageContentStream out;
    private float y;
    private String footerLeft = "";
    private String footerPattern = "{0} / {1}";
    private boolean written;

    private PdfBuilder(PDRectangle size) {
        PAGE = size;
        TOP = size.getHeight() - 60f;
        WIDTH = size.getWidth() - 2 * MARGIN_X;
    }

    /** A new, empty A4 document. */
    public static PdfBuilder a4() {
        return new PdfBuilder(PDRectangle.A4);
    }

    /** A new, empty A4 document on its side: for tables with many columns. */
    public static PdfBuilder a4Landscape() {
        return new PdfBuilder(new PDRectangle(PDRectangle.A4.getHeight(), PDRectangle.A4.getWidth()));
    }

    /** The document's title and author in its properties (what a PDF viewer shows in its title bar). */
    public PdfBuilder properties(String title, String author) {
        PDDocumentInformation info = document.getDocumentInformation();
        info.setTitle(title);
        info.setAuthor(author);
        info.setCreator("Moderator Workstation");
        info.setCreationDate(Calendar.getInstance());
        return this;
    }

    /**
     * A page of its own with the title and, under it, lines such as course, period, mode and purpose; an
     * optional note (may be null) sits at the foot of the page, e.g. "Niet bedoeld voor beoordeling". The
     * content after it starts on a new page. The title page has no footer but counts in the page numbers.
     */
    public PdfBuilder titlePage(String title, List<String> lines, String note) {
        if (page != null) {
            newPage();
        } else {
            ensurePage();
        }
        titlePages.add(page);
        float top = PAGE.getHeight() - 250f;
        fill(ACCENT, MARGIN_X, top + 40f, 48f, 4f);
        float ty = top;
        for (String line : wrap(title, fonts.bold, 24f, WIDTH)) {
            text(fonts.bold, 24f, INK, MARGIN_X, ty, line);
            ty -= 31f;
        }
        ty -= 12f;
        for (String line : lines) {
            for (String wrapped : wrap(line, fonts.regular, 12f, WIDTH)) {
                text(fonts.regular, 12f, MUTED, MARGIN_X, ty, wrapped);
                ty -= 18f;
            }
        }
        if (note != null && !note.isBlank()) {
            List<String> noteLines = wrap(note, fonts.regular, SMALL, WIDTH);
            float ny = BOTTOM + noteLines.size() * SMALL_LEADING;
            rule(MARGIN_X, ny + 8f, WIDTH);
            for (String line : noteLines) {
                text(fonts.regular, SMALL, MUTED, MARGIN_X, ny - SMALL, line);
                ny -= SMALL_LEADING;
            }
        }
        newPage();
        return this;
    }

    /** A title block at the top of the current page (for short documents without a title page). */
    public PdfBuilder title(String title, List<String> lines) {
        ensurePage();
        for (String line : wrap(title, fonts.bold, 19f, WIDTH)) {
            ensureSpace(25f);
            text(fonts.bold, 19f, INK, MARGIN_X, y - 19f, line);
            y -= 25f;
        }
        y -= 2f;
        for (String line : lines) {
            for (String wrapped : wrap(line, fonts.regular, BODY, WIDTH)) {
                ensureSpace(BODY_LEADING);
                text(fonts.regular, BODY, MUTED, MARGIN_X, y - BODY, wrapped);
                y -= BODY_LEADING;
            }
        }
        y -= 6f;
        fill(ACCENT, MARGIN_X, y, 48f, 3f);
        y -= 16f;
        return this;
    }

    /** A section heading; it is never left alone at the foot of a page. */
    public PdfBuilder heading(String text) {
        return headingLine(text, fonts.bold, 14f, ACCENT, 16f, 8f);
    }

    /** A heading one level below {@link #heading}. */
    public PdfBuilder subheading(String text) {
        return headingLine(text, fonts.bold, 11f, INK, 10f, 5f);
    }

    private PdfBuilder headingLine(String text, PDFont font, float size, Color colour, float before, float after) {
        ensurePage();
        List<String> lines = wrap(text, font, size, WIDTH);
        float height = lines.size() * size * 1.3f + after;
        // Keep the heading with at least three lines of what follows.
        ensureSpace(height + before + 3 * BODY_LEADING);
        if (!atTop()) {
            y -= before;
        }
        for (String line : lines) {
            text(font, size, colour, MARGIN_X, y - size, line);
            y -= size * 1.3f;
        }
        y -= after;
        return this;
    }

    /** A paragraph of body text, wrapped to the page; a line break in the text starts a new line. */
    public PdfBuilder paragraph(String text) {
        return block(text, fonts.regular, BODY, BODY_LEADING, INK, MARGIN_X, WIDTH, 6f);
    }

    /** A paragraph in bold body text. */
    public PdfBuilder boldParagraph(String text) {
        return block(text, fonts.bold, BODY, BODY_LEADING, INK, MARGIN_X, WIDTH, 6f);
    }

    /** Small grey text: a source, a caveat, a privacy statement. */
    public PdfBuilder note(String text) {
        return block(text, fonts.regular, SMALL, SMALL_LEADING, MUTED, MARGIN_X, WIDTH, 6f);
    }

    /** A bulleted list. */
    public PdfBuilder bullets(List<String> items) {
        ensurePage();
        float indent = 14f;
        for (String item : items) {
            List<String> lines = wrap(item, fonts.regular, BODY, WIDTH - indent);
            for (int i = 0; i < lines.size(); i++) {
                ensureSpace(BODY_LEADING);
                if (i == 0) {
                    text(fonts.regular, BODY, ACCENT, MARGIN_X + 3f, y - BODY, "•");
                }
                text(fonts.regular, BODY, INK, MARGIN_X + indent, y - BODY, lines.get(i));
                y -= BODY_LEADING;
            }
            y -= 2f;
        }
        y -= 4f;
        return this;
    }

    /** Labels and values in two columns, in the map's order (use a LinkedHashMap): e.g. student, date, place. */
    public PdfBuilder facts(Map<String, String> facts) {
        ensurePage();
        float labelWidth = WIDTH * 0.28f;
        for (Map.Entry<String, String> fact : facts.entrySet()) {
            List<String> labels = wrap(fact.getKey(), fonts.regular, BODY, labelWidth - 8f);
            List<String> values = wrap(fact.getValue() == null ? "" : fact.getValue(), fonts.regular, BODY, WIDTH - labelWidth);
            int lines = Math.max(labels.size(), values.size());
            for (int i = 0; i < lines; i++) {
                ensureSpace(BODY_LEADING);
                if (i < labels.size()) {
                    text(fonts.regular, BODY, MUTED, MARGIN_X, y - BODY, labels.get(i));
                }
                if (i < values.size()) {
                    text(fonts.regular, BODY, INK, MARGIN_X + labelWidth, y - BODY, values.get(i));
                }
                y -= BODY_LEADING;
            }
            y -= 1.5f;
        }
        y -= 6f;
        return this;
    }

    /** Vertical space in points. */
    public PdfBuilder space(float points) {
        ensurePage();
        y -= points;
        return this;
    }

    /** A table; rows wrap, and a table longer than the page repeats its header row on the next. */
    public PdfBuilder table(PdfTable table) {
        ensurePage();
        float[] widths = table.fitsContent() ? fittedWidths(table) : columnWidths(table.columns());
        List<List<String>> header = table.hasHeader() ? cellLines(titles(table), widths, fonts.bold, SMALL) : null;
        float headerHeight = header == null ? 0 : rowHeight(header, SMALL_LEADING);
        List<PdfTable.Row> rows = table.rows();
        // Never a header alone at the foot of a page.
        float firstRow = rows.isEmpty() ? 0 : rowHeight(cellLines(rows.get(0).cells(), widths, font(rows.get(0)), CELL), CELL_LEADING);
        ensureSpace(headerHeight + Math.min(firstRow, TOP - BOTTOM - headerHeight));
        drawHeader(table, header, widths, headerHeight);
        // Lines of one row that fit on an empty page under the header: a taller row is split, others move whole.
        int pageLines = (int) Math.floor((TOP - BOTTOM - headerHeight - 2 * CELL_PAD_Y) / CELL_LEADING);
        for (PdfTable.Row row : rows) {
            List<List<String>> cells = cellLines(row.cells(), widths, font(row), CELL);
            int total = maxLines(cells);
            int from = 0;
            while (from < total) {
                int fit = (int) Math.floor((y - BOTTOM - 2 * CELL_PAD_Y) / CELL_LEADING);
                int remaining = total - from;
                boolean split = remaining > pageLines && fit >= 3;
                if (fit >= remaining || split) {
                    int take = Math.min(fit, remaining);
                    drawRow(table, row, cells, widths, from, take);
                    from += take;
                } else {
                    newPage();
                    drawHeader(table, header, widths, headerHeight);
                }
            }
        }
        y -= 10f;
        return this;
    }

    /** A horizontal bar chart with its caption; bars run onto the next page only when the chart is long. */
    public PdfBuilder barChart(BarChart chart) {
        ensurePage();
        float rowHeight = 17f;
        float captionHeight = chart.title().isEmpty() ? 0 : 18f;
        ensureSpace(Math.min(captionHeight + chart.bars().size() * rowHeight, TOP - BOTTOM));
        if (!chart.title().isEmpty()) {
            for (String line : wrap(chart.title(), fonts.bold, 9.5f, WIDTH)) {
                ensureSpace(captionHeight);
                text(fonts.bold, 9.5f, INK, MARGIN_X, y - 9.5f, line);
                y -= captionHeight;
            }
        }
        float labelWidth = 0;
        float valueWidth = 0;
        for (BarChart.Bar bar : chart.bars()) {
            labelWidth = Math.max(labelWidth, fonts.width(fonts.regular, CELL, fonts.clean(bar.label())));
            valueWidth = Math.max(valueWidth, fonts.width(fonts.regular, CELL, fonts.clean(bar.valueText())));
        }
        labelWidth = Math.min(labelWidth + 10f, WIDTH * 0.35f);
        valueWidth = Math.min(valueWidth + 8f, WIDTH * 0.2f);
        float trackX = MARGIN_X + labelWidth;
        float trackWidth = WIDTH - labelWidth - valueWidth;
        double max = chart.scaleMaximum();
        for (BarChart.Bar bar : chart.bars()) {
            ensureSpace(rowHeight);
            float baseline = y - 11.5f;
            text(fonts.regular, CELL, INK, MARGIN_X, baseline, truncate(bar.label(), fonts.regular, CELL, labelWidth - 10f));
            fill(FILL, trackX, baseline - 2f, trackWidth, 10f);
            float length = max <= 0 ? 0 : (float) (bar.value() / max) * trackWidth;
            if (length > 0) {
                fill(BAR, trackX, baseline - 2f, Math.max(length, 1f), 10f);
            }
            text(fonts.regular, CELL, MUTED, trackX + trackWidth + 6f, baseline,
                    truncate(bar.valueText(), fonts.regular, CELL, valueWidth - 6f));
            y -= rowHeight;
        }
        y -= 10f;
        return this;
    }

    /**
     * The footer of every page after the title page: a text on the left (e.g. the document's name; may be
     * empty) and the page number on the right, from a pattern in which {0} is the page and {1} the number of
     * pages, e.g. "Pagina {0} van {1}" or "Page {0} of {1}".
     */
    public PdfBuilder footer(String left, String pagePattern) {
        this.footerLeft = left == null ? "" : left;
        this.footerPattern = pagePattern;
        return this;
    }

    /** The number of pages so far. */
    public int pageCount() {
        return document.getNumberOfPages();
    }

    /** Finishes the document (footers) and writes it to the stream; the builder is closed afterwards. */
    public void writeTo(OutputStream stream) throws IOException {
        finish();
        try {
            document.save(stream);
        } finally {
            close();
        }
    }

    /**
     * Finishes the document and writes it to the file: first to a temporary file beside it, then moved into
     * place, so a failed write leaves no half document and an existing file untouched until the new one is whole.
     */
    public void writeTo(Path file) throws IOException {
        try {
            new AtomicFile().write(file, this::writeTo);
        } finally {
            close(); // also when the file could not even be started
        }
    }

    @Override
    public void close() {
        try {
            if (out != null) {
                out.close();
                out = null;
            }
            document.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // ---- layout -------------------------------------------------------------------------------------------

    private void finish() throws IOException {
        if (written) {
            throw new IllegalStateException("This document has been written already");
        }
        written = true;
        ensurePage();
        out.close();
        out = null;
        int pages = document.getNumberOfPages();
        for (int i = 0; i < pages; i++) {
            PDPage p = document.getPage(i);
            if (titlePages.contains(p)) {
                continue;
            }
            try (PDPageContentStream footer = new PDPageContentStream(document, p, PDPageContentStream.AppendMode.APPEND, true, true)) {
                float lineY = BOTTOM - 22f;
                footer.setStrokingColor(RULE);
                footer.setLineWidth(0.5f);
                footer.moveTo(MARGIN_X, lineY);
                footer.lineTo(MARGIN_X + WIDTH, lineY);
                footer.stroke();
                String number = fonts.clean(footerPattern.replace("{0}", Integer.toString(i + 1)).replace("{1}", Integer.toString(pages)));
                float numberWidth = fonts.width(fonts.regular, 8f, number);
                String left = truncate(footerLeft, fonts.regular, 8f, WIDTH - numberWidth - 20f);
                writeText(footer, fonts.regular, 8f, MUTED, MARGIN_X, lineY - 12f, left);
                writeText(footer, fonts.regular, 8f, MUTED, MARGIN_X + WIDTH - numberWidth, lineY - 12f, number);
            }
        }
    }

    private PdfBuilder block(String text, PDFont font, float size, float leading, Color colour, float x, float width, float after) {
        ensurePage();
        for (String line : wrap(text, font, size, width)) {
            ensureSpace(leading);
            text(font, size, colour, x, y - size, line);
            y -= leading;
        }
        y -= after;
        return this;
    }

    private void drawHeader(PdfTable table, List<List<String>> header, float[] widths, float height) {
        if (header == null) {
            rule(MARGIN_X, y, WIDTH);
            return;
        }
        fill(FILL, MARGIN_X, y - height, WIDTH, height);
        drawCells(table, header, widths, fonts.bold, SMALL, SMALL_LEADING, MUTED, 0, maxLines(header));
        y -= height;
        rule(MARGIN_X, y, WIDTH);
    }

    private void drawRow(PdfTable table, PdfTable.Row row, List<List<String>> cells, float[] widths, int from, int count) {
        if (row.bold()) {
            stroke(INK, 0.8f, MARGIN_X, y, WIDTH);
        }
        drawCells(table, cells, widths, font(row), CELL, CELL_LEADING, INK, from, count);
        y -= count * CELL_LEADING + 2 * CELL_PAD_Y;
        rule(MARGIN_X, y, WIDTH);
    }

    private void drawCells(PdfTable table, List<List<String>> cells, float[] widths, PDFont font, float size, float leading,
                           Color colour, int from, int count) {
        float x = MARGIN_X;
        for (int c = 0; c < cells.size(); c++) {
            List<String> lines = cells.get(c);
            PdfTable.Align align = table.columns().get(c).align();
            for (int i = from; i < Math.min(lines.size(), from + count); i++) {
                String line = lines.get(i);
                float lineWidth = fonts.width(font, size, line);
                float inner = widths[c] - 2 * CELL_PAD_X;
                float tx = switch (align) {
                    case LEFT -> x + CELL_PAD_X;
                    case RIGHT -> x + CELL_PAD_X + inner - lineWidth;
                    case CENTRE -> x + CELL_PAD_X + (inner - lineWidth) / 2;
                };
                float baseline = y - CELL_PAD_Y - (i - from) * leading - size;
                text(font, size, colour, tx, baseline, line);
            }
            x += widths[c];
        }
    }

    private List<List<String>> cellLines(List<String> cells, float[] widths, PDFont font, float size) {
        List<List<String>> lines = new ArrayList<>(cells.size());
        for (int c = 0; c < cells.size(); c++) {
            lines.add(wrap(cells.get(c), font, size, widths[c] - 2 * CELL_PAD_X));
        }
        return lines;
    }

    private static float rowHeight(List<List<String>> cells, float leading) {
        return maxLines(cells) * leading + 2 * CELL_PAD_Y;
    }

    private static int maxLines(List<List<String>> cells) {
        return Math.max(1, cells.stream().mapToInt(List::size).max().orElse(1));
    }

    private static List<String> titles(PdfTable table) {
        return table.columns().stream().map(PdfTable.Column::title).toList();
    }

    private PDFont font(PdfTable.Row row) {
        return row.bold() ? fonts.bold : fonts.regular;
    }

    /** See {@link PdfTable#fitContent()}: measured in the fonts the table is set in. */
    private float[] fittedWidths(PdfTable table) {
        int n = table.columns().size();
        float[] least = new float[n];
        float[] wish = new float[n];
        for (int c = 0; c < n; c++) {
            if (table.hasHeader()) {
                for (String word : table.columns().get(c).title().split("\\s+")) {
                    least[c] = Math.max(least[c], fonts.width(fonts.bold, SMALL, fonts.clean(word)));
                }
            }
            for (PdfTable.Row row : table.rows()) {
                String cell = fonts.clean(row.cells().get(c));
                for (String word : cell.split("\\s+")) {
                    least[c] = Math.max(least[c], fonts.width(font(row), CELL, word));
                }
                wish[c] = Math.max(wish[c], fonts.width(font(row), CELL, cell));
            }
            least[c] += 2 * CELL_PAD_X + 1f;
            wish[c] = Math.max(least[c], wish[c] + 2 * CELL_PAD_X + 1f);
        }
        float sumLeast = 0;
        float sumWish = 0;
        for (int c = 0; c < n; c++) {
            sumLeast += least[c];
            sumWish += wish[c];
        }
        if (sumLeast > WIDTH) {
            // Words too long for the line (a web address, a long name): only the widest columns break theirs.
            float lo = 0;
            float hi = WIDTH;
            for (int i = 0; i < 30; i++) {
                float cap = (lo + hi) / 2;
                float sum = 0;
                for (float l : least) {
                    sum += Math.min(l, cap);
                }
                if (sum > WIDTH) {
                    hi = cap;
                } else {
                    lo = cap;
                }
            }
            float[] widths = new float[n];
            for (int c = 0; c < n; c++) {
                widths[c] = Math.min(least[c], lo);
            }
            return widths;
        }
        float[] widths = new float[n];
        if (sumWish <= WIDTH) {
            // Everything fits on one line: the space left is shared in proportion.
            for (int c = 0; c < n; c++) {
                widths[c] = wish[c] * WIDTH / sumWish;
            }
            return widths;
        }
        float share = (WIDTH - sumLeast) / (sumWish - sumLeast);
        for (int c = 0; c < n; c++) {
            widths[c] = least[c] + share * (wish[c] - least[c]);
        }
        return widths;
    }

    private float[] columnWidths(List<PdfTable.Column> columns) {
        float total = 0;
        for (PdfTable.Column column : columns) {
            total += column.weight();
        }
        float[] widths = new float[columns.size()];
        for (int i = 0; i < widths.length; i++) {
            widths[i] = WIDTH * columns.get(i).weight() / total;
        }
        return widths;
    }

    /** Greedy word wrap; a word longer than the line is broken where it must. Never returns an empty list. */
    List<String> wrap(String text, PDFont font, float size, float width) {
        List<String> lines = new ArrayList<>();
        String source = text == null ? "" : text.replace("\r\n", "\n").replace('\r', '\n');
        for (String hard : source.split("\n", -1)) {
            String clean = fonts.clean(hard).strip();
            StringBuilder line = new StringBuilder();
            for (String word : clean.split(" +")) {
                if (word.isEmpty()) {
                    continue;
                }
                String candidate = line.length() == 0 ? word : line + " " + word;
                if (fonts.width(font, size, candidate) <= width) {
                    line.setLength(0);
                    line.append(candidate);
                    continue;
                }
                if (line.length() > 0) {
                    lines.add(line.toString());
                    line.setLength(0);
                }
                String rest = word;
                while (fonts.width(font, size, rest) > width) {
                    int cut = fitting(rest, font, size, width);
                    lines.add(rest.substring(0, cut));
                    rest = rest.substring(cut);
                }
                line.append(rest);
            }
            lines.add(line.toString());
        }
        return lines;
    }

    /** How many chars of the text fit the width (at least one code point, so wrapping always advances). */
    private int fitting(String text, PDFont font, float size, float width) {
        int end = text.offsetByCodePoints(0, 1);
        while (end < text.length()) {
            int next = text.offsetByCodePoints(end, 1);
            if (fonts.width(font, size, text.substring(0, next)) > width) {
                break;
            }
            end = next;
        }
        return end;
    }

    private String truncate(String text, PDFont font, float size, float width) {
        String clean = fonts.clean(text);
        if (fonts.width(font, size, clean) <= width) {
            return clean;
        }
        String ellipsis = "…";
        int end = clean.length();
        while (end > 0 && fonts.width(font, size, clean.substring(0, end) + ellipsis) > width) {
            end = clean.offsetByCodePoints(end, -1);
        }
        return clean.substring(0, end) + ellipsis;
    }

    private boolean atTop() {
        return y >= TOP;
    }

    private void ensurePage() {
        if (page == null) {
            newPage();
        }
    }

    private void ensureSpace(float height) {
        ensurePage();
        if (y - height < BOTTOM && !atTop()) {
            newPage();
        }
    }

    private void newPage() {
        try {
            if (out != null) {
                out.close();
            }
            page = new PDPage(PAGE);
            document.addPage(page);
            out = new PDPageContentStream(document, page);
            y = TOP;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void text(PDFont font, float size, Color colour, float x, float baseline, String cleanLine) {
        try {
            writeText(out, font, size, colour, x, baseline, cleanLine);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void writeText(PDPageContentStream stream, PDFont font, float size, Color colour, float x, float baseline,
                                  String cleanLine) throws IOException {
        if (cleanLine.isEmpty()) {
            return;
        }
        stream.beginText();
        stream.setFont(font, size);
        stream.setNonStrokingColor(colour);
        stream.newLineAtOffset(x, baseline);
        stream.showText(cleanLine);
        stream.endText();
    }

    private void fill(Color colour, float x, float bottom, float width, float height) {
        try {
            out.setNonStrokingColor(colour);
            out.addRect(x, bottom, width, height);
            out.fill();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void rule(float x, float atY, float width) {
        stroke(RULE, 0.5f, x, atY, width);
    }

    private void stroke(Color colour, float lineWidth, float x, float atY, float width) {
        try {
            out.setStrokingColor(colour);
            out.setLineWidth(lineWidth);
            out.moveTo(x, atY);
            out.lineTo(x + width, atY);
            out.stroke();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
