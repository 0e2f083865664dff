package nl.sociallearning.workstation.heatmap;

import javafx.geometry.Orientation;
import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.ScrollBar;
import javafx.scene.image.WritableImage;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.TextAlignment;
import nl.sociallearning.workstation.ui.Messages;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The heatmap itself: one canvas for the cells, one for the names on the left and one for the time axis on top
 * (both stay in view while the cells scroll), and scroll bars. Rows fit the height at first (a whole course at a
 * glance); zoom with Ctrl+wheel (rows) and Ctrl+Shift+wheel (columns) or {@link #zoomRows(int)}. Hover reports the
 * cell; a click on a cell or a dragged range reports a {@link PostSelection}; clicks on names select rows.
 */
final class HeatmapChart extends Region {

    static final double LABELS_WIDTH = 236;
    static final double AXIS_HEIGHT = 40;
    static final double[] ROW_STEPS = {1, 2, 3, 4, 6, 8, 10, 12, 14, 16, 20, 24};
    static final double[] COLUMN_STEPS = {3, 4, 6, 8, 10, 12, 16, 20, 24, 32, 40, 48, 64};
    /** Rows this tall or taller show names. */
    static final double NAMES_FROM = 11;

    private static final Color TEXT = Color.web("#1F2328");
    private static final Color MUTED = Color.web("#59636E");
    private static final Color RULE = Color.web("#D1D9E0");
    private static final Color SELECTED = Color.web("#DDF4FF");
    private static final Color WEEKEND = Color.web("#F6F8FA");

    private final Messages messages;
    private final Canvas cells = new Canvas();
    private final Canvas labels = new Canvas();
    private final Canvas axis = new Canvas();
    private final Canvas corner = new Canvas();
    private final ScrollBar vertical = new ScrollBar();
    private final ScrollBar horizontal = new ScrollBar();
    private final HeatmapPainter painter = new HeatmapPainter();

    private HeatmapPicture picture;
    private boolean fitRows = true;
    private boolean fitColumns = true;
    private double rowHeight = 12;
    private double columnWidth = 16;
    private int hoverRow = -1;
    private int hoverColumn = -1;
    private int[] drag;
    private boolean dragged;
    private Set<String> selected = Set.of();
    private int anchorRow = -1;
    private long lastPaintNanos;

    private Consumer<PostSelection> onSelection = s -> { };
    private Consumer<int[]> onHover = h -> { };
    private Consumer<List<String>> onRowsSelected = r -> { };
    private Consumer<String> onRowOpened = id -> { };

    HeatmapChart(Messages messages) {
        this.messages = messages;
        getStyleClass().add("heatmap-chart");
        vertical.setOrientation(Orientation.VERTICAL);
        horizontal.setOrientation(Orientation.HORIZONTAL);
        getChildren().addAll(cells, labels, axis, corner, vertical, horizontal);
        vertical.valueProperty().addListener((o, a, b) -> repaint());
        horizontal.valueProperty().addListener((o, a, b) -> repaint());
        cells.addEventHandler(MouseEvent.MOUSE_MOVED, e -> hover(e.getX(), e.getY()));
        cells.addEventHandler(MouseEvent.MOUSE_EXITED, e -> hover(-1, -1));
        cells.addEventHandler(MouseEvent.MOUSE_PRESSED, this::pressed);
        cells.addEventHandler(MouseEvent.MOUSE_DRAGGED, this::dragged);
        cells.addEventHandler(MouseEvent.MOUSE_RELEASED, this::released);
        labels.addEventHandler(MouseEvent.MOUSE_CLICKED, this::labelClicked);
        labels.addEventHandler(MouseEvent.MOUSE_MOVED, e -> hoverRowOnly(e.getY()));
        labels.addEventHandler(MouseEvent.MOUSE_EXITED, e -> hover(-1, -1));
        addEventFilter(ScrollEvent.SCROLL, this::scrolled);
    }

    // --- what is shown ------------------------------------------------------------------------------------------

    void setPicture(HeatmapPicture next) {
        boolean sameShape = picture != null && next != null && picture.courseId().equals(next.courseId())
                && picture.columns() == next.columns() && picture.axis().kind() == next.axis().kind();
        if (!sameShape) {
            horizontal.setValue(0);
        }
        if (picture == null || next == null || !picture.courseId().equals(next.courseId())) {
            vertical.setValue(0);
        }
        picture = next;
        drag = null;
        requestLayout();
        repaint();
    }

    HeatmapPicture picture() {
        return picture;
    }

    void setSelectedRows(List<String> ids) {
        selected = new HashSet<>(ids);
        paintLabels();
    }

    void onSelection(Consumer<PostSelection> handler) { onSelection = handler; }

    /** Receives {row, column} of the hovered cell (column -1 over a name; both -1 when nothing). */
    void onHover(Consumer<int[]> handler) { onHover = handler; }

    void onRowsSelected(Consumer<List<String>> handler) { onRowsSelected = handler; }

    void onRowOpened(Consumer<String> handler) { onRowOpened = handler; }

    // --- zoom -------------------------------------------------------------------------------------------------

    /** One step bigger (+1) or smaller (-1) rows, keeping the row at {@code anchorY} (cells' y) in place. */
    void zoomRows(int step, double anchorY) {
        if (picture == null) {
            return;
        }
        double current = effectiveRowHeight();
        double anchorRowPos = (anchorY + vertical.getValue()) / current;
        double next = current;
        if (step > 0) {
            for (double s : ROW_STEPS) {
                if (s > current + 1e-6) {
                    next = s;
                    break;
                }
            }
        } else {
            next = fitHeight();
            for (int i = ROW_STEPS.length - 1; i >= 0; i--) {
                if (ROW_STEPS[i] < current - 1e-6) {
                    next = ROW_STEPS[i];
                    break;
                }
            }
        }
        if (next <= fitHeight() + 1e-6) {
            fitRows = true;
        } else {
            fitRows = false;
            rowHeight = next;
        }
        layoutChildren();
        vertical.setValue(clamp(anchorRowPos * effectiveRowHeight() - anchorY, vertical.getMin(), vertical.getMax()));
        repaint();
    }

    void zoomRows(int step) {
        zoomRows(step, cells.getHeight() / 2);
    }

    void zoomColumns(int step, double anchorX) {
        if (picture == null) {
            return;
        }
        double current = effectiveColumnWidth();
        double anchorPos = (anchorX + horizontal.getValue()) / current;
        double next = current;
        if (step > 0) {
            for (double s : COLUMN_STEPS) {
                if (s > current + 1e-6) {
                    next = s;
                    break;
                }
            }
        } else {
            next = fitWidth();
            for (int i = COLUMN_STEPS.length - 1; i >= 0; i--) {
                if (COLUMN_STEPS[i] < current - 1e-6) {
                    next = COLUMN_STEPS[i];
                    break;
                }
            }
        }
        if (next <= fitWidth() + 1e-6) {
            fitColumns = true;
        } else {
            fitColumns = false;
            columnWidth = next;
        }
        layoutChildren();
        horizontal.setValue(clamp(anchorPos * effectiveColumnWidth() - anchorX, horizontal.getMin(), horizontal.getMax()));
        repaint();
    }

    /** Back to the whole picture in view. */
    void fit() {
        fitRows = true;
        fitColumns = true;
        vertical.setValue(0);
        horizontal.setValue(0);
        requestLayout();
        repaint();
    }

    /** Scrolls so that a row is in view (and selected rows are seen). */
    void reveal(int row) {
        if (picture == null || row < 0) {
            return;
        }
        double h = effectiveRowHeight();
        double y = row * h;
        if (y < vertical.getValue() || y + h > vertical.getValue() + cells.getHeight()) {
            vertical.setValue(clamp(y - cells.getHeight() / 3, vertical.getMin(), vertical.getMax()));
        }
    }

    double effectiveRowHeight() {
        return fitRows ? fitHeight() : rowHeight;
    }

    double effectiveColumnWidth() {
        return fitColumns ? fitWidth() : columnWidth;
    }

    private double fitHeight() {
        int rows = picture == null ? 0 : picture.rowCount();
        double h = Math.max(1, cellsHeight());
        return rows == 0 ? 12 : Math.min(ROW_STEPS[ROW_STEPS.length - 1], Math.max(0.25, h / rows));
    }

    private double fitWidth() {
        int cols = picture == null ? 0 : picture.columns();
        double w = Math.max(1, cellsWidth());
        return cols == 0 ? 16 : Math.min(COLUMN_STEPS[COLUMN_STEPS.length - 1], Math.max(COLUMN_STEPS[0], Math.floor(w / cols)));
    }

    private double cellsHeight() {
        return getHeight() - AXIS_HEIGHT - scrollBarSize(horizontal);
    }

    private double cellsWidth() {
        return getWidth() - LABELS_WIDTH - scrollBarSize(vertical);
    }

    private static double scrollBarSize(ScrollBar bar) {
        return bar.isVisible() ? 14 : 0;
    }

    // --- layout and painting -----------------------------------------------------------------------------------

    @Override
    protected void layoutChildren() {
        double w = getWidth();
        double h = getHeight();
        if (w <= 0 || h <= 0) {
            return;
        }
        // Scroll bars show when the grid is larger than the room (decided twice: one bar can bring the other).
        for (int pass = 0; pass < 2; pass++) {
            double rows = picture == null ? 0 : picture.rowCount() * effectiveRowHeight();
            double cols = picture == null ? 0 : picture.columns() * effectiveColumnWidth();
            vertical.setVisible(rows > cellsHeight() + 0.5);
            horizontal.setVisible(cols > cellsWidth() + 0.5);
        }
        double cw = Math.max(1, Math.floor(cellsWidth()));
        double ch = Math.max(1, Math.floor(cellsHeight()));
        corner.setWidth(LABELS_WIDTH);
        corner.setHeight(AXIS_HEIGHT);
        corner.relocate(0, 0);
        axis.setWidth(cw);
        axis.setHeight(AXIS_HEIGHT);
        axis.relocate(LABELS_WIDTH, 0);
        labels.setWidth(LABELS_WIDTH);
        labels.setHeight(ch);
        labels.relocate(0, AXIS_HEIGHT);
        cells.setWidth(cw);
        cells.setHeight(ch);
        cells.relocate(LABELS_WIDTH, AXIS_HEIGHT);
        vertical.resizeRelocate(LABELS_WIDTH + cw, AXIS_HEIGHT, 14, ch);
        horizontal.resizeRelocate(LABELS_WIDTH, AXIS_HEIGHT + ch, cw, 14);
        double rows = picture == null ? 0 : picture.rowCount() * effectiveRowHeight();
        double cols = picture == null ? 0 : picture.columns() * effectiveColumnWidth();
        vertical.setMax(Math.max(0, rows - ch));
        vertical.setVisibleAmount(Math.max(1, ch / Math.max(1, rows) * vertical.getMax()));
        vertical.setUnitIncrement(Math.max(effectiveRowHeight(), 8));
        vertical.setBlockIncrement(ch * 0.9);
        horizontal.setMax(Math.max(0, cols - cw));
        horizontal.setVisibleAmount(Math.max(1, cw / Math.max(1, cols) * horizontal.getMax()));
        horizontal.setUnitIncrement(Math.max(effectiveColumnWidth(), 8));
        if (vertical.getValue() > vertical.getMax()) {
            vertical.setValue(vertical.getMax());
        }
        if (horizontal.getValue() > horizontal.getMax()) {
            horizontal.setValue(horizontal.getMax());
        }
        repaint();
    }

    HeatmapPainter.Viewport viewport() {
        return new HeatmapPainter.Viewport(effectiveRowHeight(), effectiveColumnWidth(),
                horizontal.isVisible() ? horizontal.getValue() : 0, vertical.isVisible() ? vertical.getValue() : 0,
                (int) cells.getWidth(), (int) cells.getHeight());
    }

    void repaint() {
        if (cells.getWidth() < 1 || cells.getHeight() < 1) {
            return;
        }
        paintCells();
        paintLabels();
        paintAxis(axis.getGraphicsContext2D(), picture, viewport(), axis.getWidth(), messages);
        paintCorner();
    }

    private void paintCells() {
        HeatmapPainter.Marks marks = drag != null
                ? new HeatmapPainter.Marks(hoverRow, hoverColumn, drag[0], drag[2], drag[1], drag[3])
                : new HeatmapPainter.Marks(hoverRow, hoverColumn, -1, -1, -1, -1);
        lastPaintNanos = painter.paint(cells.getGraphicsContext2D(), picture, viewport(), marks);
    }

    /** How long the last paint of the cells took (nanoseconds). */
    long lastPaintNanos() {
        return lastPaintNanos;
    }

    /** Paints the cells again and returns how long it took (nanoseconds): for the benchmark. */
    long paintCellsTimed() {
        paintCells();
        return lastPaintNanos;
    }

    private void paintCorner() {
        GraphicsContext g = corner.getGraphicsContext2D();
        g.clearRect(0, 0, corner.getWidth(), corner.getHeight());
        g.setFill(Color.WHITE);
        g.fillRect(0, 0, corner.getWidth(), corner.getHeight());
        g.setStroke(RULE);
        g.setLineWidth(1);
        g.strokeLine(0, AXIS_HEIGHT - 0.5, LABELS_WIDTH, AXIS_HEIGHT - 0.5);
        g.strokeLine(LABELS_WIDTH - 0.5, 0, LABELS_WIDTH - 0.5, AXIS_HEIGHT);
        if (picture != null) {
            g.setFill(MUTED);
            g.setFont(Font.font(null, FontWeight.BOLD, 11));
            g.setTextBaseline(VPos.BASELINE);
            g.setTextAlign(TextAlignment.LEFT);
            g.fillText(messages.get("heatmap.participants", picture.rowCount()), 10, AXIS_HEIGHT - 8);
        }
    }

    private void paintLabels() {
        paintLabels(labels.getGraphicsContext2D(), picture, viewport(), labels.getWidth(), labels.getHeight(), selected,
                hoverRow, messages);
    }

    /** The names (when rows are tall enough), section labels, selection marks and each row's total as a bar. */
    static void paintLabels(GraphicsContext g, HeatmapPicture p, HeatmapPainter.Viewport v, double width, double height,
                            Set<String> selected, int hoverRow, Messages messages) {
        g.setFill(Color.WHITE);
        g.fillRect(0, 0, width, height);
        g.setStroke(RULE);
        g.setLineWidth(1);
        g.strokeLine(width - 0.5, 0, width - 0.5, height);
        if (p == null || p.rowCount() == 0) {
            return;
        }
        double rh = v.rowHeight();
        int first = Math.max(0, v.rowAt(0));
        int last = Math.min(p.rowCount() - 1, v.rowAt(height));
        double barRight = width - 8;
        double barWidth = 44;
        boolean names = rh >= NAMES_FROM;
        // Selection and hover behind the text.
        for (int r = first; r <= last; r++) {
            boolean sel = selected.contains(p.rows().get(r).participant().id());
            if (sel || r == hoverRow) {
                double y = v.yOf(r);
                g.setFill(sel ? SELECTED : WEEKEND);
                g.fillRect(0, y, width - 1, Math.max(1, rh));
                if (sel) {
                    g.setFill(HeatmapPainter.ACCENT);
                    g.fillRect(0, y, 3, Math.max(1, rh));
                }
            }
        }
        // Each row's total as a small bar, so the busiest stand out even when names do not fit.
        double maxTotal = Math.max(1, p.maxTotal());
        g.setFill(Color.web("#8C959F"));
        if (rh >= 1) {
            for (int r = first; r <= last; r++) {
                double len = barWidth * p.rows().get(r).total() / maxTotal;
                if (len > 0) {
                    double y = v.yOf(r);
                    double bh = names ? Math.min(6, rh - 4) : Math.max(1, rh - (rh >= 4 ? 1 : 0));
                    g.fillRect(barRight - len, y + (rh - bh) / 2, Math.max(1, len), bh);
                }
            }
        } else {
            // Rows thinner than a pixel: the longest bar of each pixel line.
            for (int y = 0; y < height; y++) {
                int r0 = v.rowAt(y);
                int r1 = Math.min(p.rowCount(), v.rowAt(y + 1) + 1);
                int best = 0;
                for (int r = Math.max(0, r0); r < r1; r++) {
                    best = Math.max(best, p.rows().get(r).total());
                }
                if (best > 0) {
                    g.fillRect(barRight - barWidth * best / maxTotal, y, Math.max(1, barWidth * best / maxTotal), 1);
                }
            }
        }
        g.setTextBaseline(VPos.CENTER);
        g.setTextAlign(TextAlignment.LEFT);
        if (names) {
            double size = Math.min(12.5, rh - 2);
            Font plain = Font.font(null, size);
            for (int r = first; r <= last; r++) {
                HeatmapPicture.Row row = p.rows().get(r);
                double y = v.yOf(r) + rh / 2;
                g.setFont(plain);
                g.setFill(TEXT);
                String name = row.participant().displayName();
                g.fillText(clip(name, 20), 10, y, 132);
                if (rh >= 15 && row.participant().group() != null) {
                    g.setFill(MUTED);
                    g.setFont(Font.font(null, Math.min(10.5, size - 1.5)));
                    g.fillText(clip(row.participant().group(), 14), 144, y, barRight - barWidth - 150);
                }
            }
        }
        // Section labels at their boundaries (and the first section's at the top).
        Font bold = Font.font(null, FontWeight.BOLD, 11);
        g.setFont(bold);
        g.setTextBaseline(VPos.TOP);
        List<HeatmapPicture.Boundary> bs = p.boundaries();
        for (int i = 0; i < bs.size(); i++) {
            HeatmapPicture.Boundary b = bs.get(i);
            double y = v.yOf(b.row());
            if (b.row() > 0) {
                boolean strong = b.kind() != HeatmapPicture.BoundaryKind.GROUP;
                g.setFill(Color.WHITE);
                g.fillRect(0, Math.round(y) - (strong ? 2 : 1), width, strong ? 4 : 2);
                g.setFill(HeatmapPainter.BOUNDARY);
                g.fillRect(0, Math.round(y) - (strong ? 1 : 0.5), width, strong ? 2 : 1);
            }
            if (names) {
                continue; // names fill the rows: the line says enough, the status line the rest
            }
            double sectionHeight = b.count() * rh;
            if (sectionHeight < 14 || y + 16 < 0 || y > height) {
                continue;
            }
            String text = switch (b.kind()) {
                case QUIET -> messages.get("heatmap.section.quiet", p.silentWeek(), b.count());
                case NONE -> messages.get("heatmap.section.none", b.count());
                case GROUP -> messages.get("heatmap.section.group", b.group() == null
                        ? messages.get("heatmap.section.noGroup") : b.group(), b.count());
            };
            label(g, text, 8, Math.max(2, y + 3), width - barWidth - 24);
        }
        if (!names && p.sort() == RowSort.LAST_ACTIVITY && !bs.isEmpty() && bs.get(0).row() > 0) {
            int active = bs.get(0).row();
            if (active * rh >= 14) {
                label(g, messages.get("heatmap.section.active", p.silentWeek(), active), 8, Math.max(2, v.yOf(0) + 3),
                        width - barWidth - 24);
            }
        }
    }

    private static void label(GraphicsContext g, String text, double x, double y, double maxWidth) {
        g.setFill(Color.color(1, 1, 1, 0.92));
        g.fillRoundRect(x - 4, y - 1, Math.min(maxWidth, text.length() * 6.3) + 8, 16, 6, 6);
        g.setFill(TEXT);
        g.fillText(text, x, y, maxWidth);
    }

    private static String clip(String s, int max) {
        return s.length() <= max + 2 ? s : s.substring(0, max) + "…";
    }

    /** The time axis: weeks and days, hours of the week, or modules; "now" marked. */
    static void paintAxis(GraphicsContext g, HeatmapPicture p, HeatmapPainter.Viewport v, double width, Messages messages) {
        g.setFill(Color.WHITE);
        g.fillRect(0, 0, width, AXIS_HEIGHT);
        g.setStroke(RULE);
        g.setLineWidth(1);
        g.strokeLine(0, AXIS_HEIGHT - 0.5, width, AXIS_HEIGHT - 0.5);
        if (p == null) {
            return;
        }
        Axis a = p.axis();
        double cw = v.columnWidth();
        int first = Math.max(0, v.columnAt(0));
        int last = Math.min(p.columns() - 1, v.columnAt(width));
        g.setTextBaseline(VPos.BASELINE);
        Font small = Font.font(null, 10.5);
        Font bold = Font.font(null, FontWeight.BOLD, 11);
        java.util.Locale locale = messages.locale();
        switch (a.kind()) {
            case DAY -> {
                for (int c = first; c <= last; c++) {
                    LocalDate d = a.date(c);
                    double x = v.xOf(c);
                    boolean weekend = d.getDayOfWeek() == DayOfWeek.SATURDAY || d.getDayOfWeek() == DayOfWeek.SUNDAY;
                    boolean weekStart = a.week(d) != a.week(d.minusDays(1)) || c == first;
                    if (weekStart) {
                        g.setStroke(RULE);
                        g.strokeLine(Math.round(x) + 0.5, 2, Math.round(x) + 0.5, AXIS_HEIGHT);
                        g.setFont(bold);
                        g.setFill(TEXT);
                        g.setTextAlign(TextAlignment.LEFT);
                        String wk = messages.get("heatmap.axis.week", a.week(d));
                        String date = d.getDayOfMonth() + " " + d.getMonth().getDisplayName(TextStyle.SHORT, locale);
                        g.fillText(cw * 7 >= 90 ? wk + "  " + date : wk, x + 4, 15, cw * 7 - 6);
                    }
                    if (cw >= 15 || (cw >= 7 && d.getDayOfWeek() == DayOfWeek.MONDAY)) {
                        g.setFont(small);
                        g.setFill(weekend ? Color.web("#8C959F") : MUTED);
                        g.setTextAlign(TextAlignment.CENTER);
                        String text = cw >= 15 ? Integer.toString(d.getDayOfMonth()) : Integer.toString(d.getDayOfMonth());
                        g.fillText(text, x + cw / 2, AXIS_HEIGHT - 7);
                    }
                }
            }
            case WEEK -> {
                for (int c = first; c <= last; c++) {
                    LocalDate d = a.date(c);
                    double x = v.xOf(c);
                    g.setStroke(RULE);
                    g.strokeLine(Math.round(x) + 0.5, 2, Math.round(x) + 0.5, AXIS_HEIGHT);
                    g.setTextAlign(TextAlignment.LEFT);
                    g.setFont(bold);
                    g.setFill(TEXT);
                    g.fillText(messages.get("heatmap.axis.week", a.week(c)), x + 4, 15, cw - 6);
                    g.setFont(small);
                    g.setFill(MUTED);
                    g.fillText(d.getDayOfMonth() + " " + d.getMonth().getDisplayName(TextStyle.SHORT, locale), x + 4,
                            AXIS_HEIGHT - 7, cw - 6);
                }
            }
            case HOUR_OF_WEEK -> {
                for (int c = first; c <= last; c++) {
                    int[] dh = a.dayAndHour(c);
                    double x = v.xOf(c);
                    if (dh[1] == 0) {
                        g.setStroke(RULE);
                        g.strokeLine(Math.round(x) + 0.5, 2, Math.round(x) + 0.5, AXIS_HEIGHT);
                        g.setTextAlign(TextAlignment.LEFT);
                        g.setFont(bold);
                        g.setFill(TEXT);
                        g.fillText(DayOfWeek.of(dh[0]).getDisplayName(cw * 24 >= 90 ? TextStyle.FULL : TextStyle.SHORT, locale),
                                x + 4, 15, cw * 24 - 6);
                    }
                    int every = cw >= 14 ? 3 : cw >= 6 ? 6 : 12;
                    if (dh[1] % every == 0) {
                        g.setFont(small);
                        g.setFill(MUTED);
                        g.setTextAlign(TextAlignment.LEFT);
                        g.fillText(Integer.toString(dh[1]), x + 1, AXIS_HEIGHT - 7);
                    }
                }
            }
            case MODULE -> {
                for (int c = first; c <= last; c++) {
                    double x = v.xOf(c);
                    String m = a.module(c);
                    g.setStroke(RULE);
                    g.strokeLine(Math.round(x) + 0.5, 2, Math.round(x) + 0.5, AXIS_HEIGHT);
                    g.setTextAlign(TextAlignment.LEFT);
                    g.setFont(small);
                    g.setFill(TEXT);
                    String text = m == null ? messages.get("heatmap.axis.noModule") : m;
                    int fit = (int) Math.max(3, (cw - 8) / 5.6);
                    g.fillText(clip(text, fit), x + 4, 15, cw - 6);
                    if (text.length() > fit + 2) {
                        g.setFill(MUTED);
                        String rest = text.substring(fit);
                        g.fillText(clip(rest, fit), x + 4, AXIS_HEIGHT - 7, cw - 6);
                    }
                }
            }
        }
        if (p.nowColumn() >= 0 && p.futureFrom() < p.columns()) {
            double x = Math.round(v.xOf(p.futureFrom())) + 0.5;
            if (x >= 0 && x <= width) {
                g.setStroke(HeatmapPainter.NOW);
                g.setLineDashes(4, 3);
                g.strokeLine(x, 20, x, AXIS_HEIGHT);
                g.setLineDashes();
                g.setFill(HeatmapPainter.NOW);
                g.setFont(Font.font(null, FontWeight.BOLD, 10));
                g.setTextAlign(TextAlignment.LEFT);
                g.fillText(messages.get("heatmap.axis.now"), x + 3, 27);
            }
        }
    }

    /** The colour legend: zero, the scale with its numeric breaks, not enrolled yet, not yet (future). */
    static void paintLegend(GraphicsContext g, HeatmapPicture p, double x, double y, double width, Messages messages) {
        g.setTextBaseline(VPos.CENTER);
        g.setTextAlign(TextAlignment.LEFT);
        Font small = Font.font(null, 11);
        g.setFont(small);
        double cx = x;
        double mid = y + 9;
        // Zero.
        swatch(g, cx, y + 2, 14, 14, Color.rgb(0xEC, 0xEE, 0xF1), false);
        g.setFill(TEXT);
        g.fillText(messages.get("heatmap.legend.zero"), cx + 19, mid);
        cx += 19 + 14;
        if (p == null) {
            return;
        }
        // The scale: a gradient with ticks at the breaks.
        ColourScale s = p.scale();
        double barWidth = Math.min(300, Math.max(140, width * 0.32));
        double barX = cx + 8;
        for (int i = 0; i < barWidth; i++) {
            double t = i / (barWidth - 1);
            // invert intensity -> count positions; draw by intensity so ticks line up with intensity(count)
            int rgb = s.palette().rgb(ColourScale.LIGHTEST * (1 - t));
            g.setFill(Color.rgb((rgb >> 16) & 0xFF, (rgb >> 8) & 0xFF, rgb & 0xFF));
            g.fillRect(barX + i, y + 2, 1, 10);
        }
        g.setFill(MUTED);
        g.setFont(Font.font(null, 10));
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.TOP);
        double lastRight = -1e9;
        List<Integer> breaks = new ArrayList<>(s.breaks());
        for (int i = 0; i < breaks.size(); i++) {
            int b = breaks.get(i);
            double bx = barX + s.intensity(b) * (barWidth - 1);
            if (bx - 8 < lastRight && i < breaks.size() - 1) {
                continue;
            }
            g.setFill(TEXT);
            g.fillRect(Math.round(bx), y + 11, 1, 3);
            g.setFill(MUTED);
            g.fillText(String.format(messages.locale(), "%,d", b), bx, y + 14);
            lastRight = bx + String.valueOf(b).length() * 3.5;
        }
        cx = barX + barWidth + 16;
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.CENTER);
        g.setFont(small);
        g.setFill(MUTED);
        String kind = messages.get(p.scale().kind() == ColourScale.Kind.LOG ? "heatmap.legend.log" : "heatmap.legend.linear");
        g.fillText(kind, cx, mid);
        cx += kind.length() * 6 + 20;
        swatch(g, cx, y + 2, 14, 14, Color.WHITE, true);
        g.setFill(TEXT);
        String enrol = messages.get("heatmap.legend.notEnrolled");
        g.fillText(enrol, cx + 19, mid);
        cx += 19 + enrol.length() * 6.2 + 16;
        if (p.futureFrom() < p.columns()) {
            g.setStroke(HeatmapPainter.NOW);
            g.setLineDashes(4, 3);
            g.strokeLine(cx + 7, y, cx + 7, y + 18);
            g.setLineDashes();
            g.setFill(TEXT);
            g.fillText(messages.get("heatmap.legend.future"), cx + 14, mid);
        }
    }

    private static void swatch(GraphicsContext g, double x, double y, double w, double h, Color fill, boolean hatched) {
        g.setFill(fill);
        g.fillRect(x, y, w, h);
        if (hatched) {
            g.setStroke(Color.rgb(0xC3, 0xC9, 0xD1));
            g.setLineWidth(1);
            g.save();
            g.beginPath();
            g.rect(x, y, w, h);
            g.clip();
            for (double d = -h; d < w; d += 4) {
                g.strokeLine(x + d, y + h, x + d + h, y);
            }
            g.restore();
        }
        g.setStroke(RULE);
        g.setLineWidth(1);
        g.strokeRect(x + 0.5, y + 0.5, w - 1, h - 1);
    }

    // --- PNG --------------------------------------------------------------------------------------------------------

    /**
     * The picture as on screen (names, axis, cells in their current zoom and scroll, and the legend) drawn afresh
     * at {@code scale} times the size: text stays sharp, cells stay exact.
     */
    WritableImage render(int scale) {
        HeatmapPainter.Viewport v = viewport();
        double w = LABELS_WIDTH + v.width();
        double legend = 40;
        double h = AXIS_HEIGHT + v.height() + legend;
        Canvas canvas = new Canvas(w * scale, h * scale);
        GraphicsContext g = canvas.getGraphicsContext2D();
        g.scale(scale, scale);
        g.setFill(Color.WHITE);
        g.fillRect(0, 0, w, h);
        g.save();
        g.translate(LABELS_WIDTH, AXIS_HEIGHT);
        new HeatmapPainter().paint(g, picture, v, HeatmapPainter.Marks.NONE);
        g.restore();
        g.save();
        g.translate(0, AXIS_HEIGHT);
        paintLabels(g, picture, v, LABELS_WIDTH, v.height(), selected, -1, messages);
        g.restore();
        g.save();
        g.translate(LABELS_WIDTH, 0);
        paintAxis(g, picture, v, v.width(), messages);
        g.restore();
        g.setFill(MUTED);
        g.setFont(Font.font(null, FontWeight.BOLD, 11));
        g.setTextBaseline(VPos.BASELINE);
        g.setTextAlign(TextAlignment.LEFT);
        if (picture != null) {
            g.fillText(picture.course().title(), 10, 15, LABELS_WIDTH - 16);
            g.fillText(messages.get("heatmap.participants", picture.rowCount()), 10, AXIS_HEIGHT - 8);
        }
        paintLegend(g, picture, 10, AXIS_HEIGHT + v.height() + 10, w - 20, messages);
        javafx.scene.SnapshotParameters params = new javafx.scene.SnapshotParameters();
        params.setFill(Color.WHITE);
        return canvas.snapshot(params, null);
    }

    // --- mouse -----------------------------------------------------------------------------------------------------

    private int[] cellAt(double x, double y) {
        if (picture == null) {
            return null;
        }
        HeatmapPainter.Viewport v = viewport();
        int r = v.rowAt(y);
        int c = v.columnAt(x);
        if (r < 0 || r >= picture.rowCount() || c < 0 || c >= picture.columns()) {
            return null;
        }
        return new int[] {r, c};
    }

    private void hover(double x, double y) {
        int[] cell = x < 0 ? null : cellAt(x, y);
        int r = cell == null ? -1 : cell[0];
        int c = cell == null ? -1 : cell[1];
        if (r != hoverRow || c != hoverColumn) {
            hoverRow = r;
            hoverColumn = c;
            paintCells();
            paintLabels();
            onHover.accept(new int[] {r, c});
        }
    }

    private void hoverRowOnly(double y) {
        if (picture == null) {
            return;
        }
        int r = viewport().rowAt(y);
        if (r < 0 || r >= picture.rowCount()) {
            r = -1;
        }
        if (r != hoverRow || hoverColumn != -1) {
            hoverRow = r;
            hoverColumn = -1;
            paintCells();
            paintLabels();
            onHover.accept(new int[] {r, -1});
        }
    }

    private void pressed(MouseEvent e) {
        if (e.getButton() != MouseButton.PRIMARY) {
            return;
        }
        int[] cell = cellAt(e.getX(), e.getY());
        drag = cell == null ? null : new int[] {cell[0], cell[1], cell[0], cell[1]};
        dragged = false;
        paintCells();
    }

    private void dragged(MouseEvent e) {
        if (drag == null || picture == null) {
            return;
        }
        HeatmapPainter.Viewport v = viewport();
        int r = (int) clamp(v.rowAt(Math.max(0, Math.min(cells.getHeight() - 1, e.getY()))), 0, picture.rowCount() - 1);
        int c = (int) clamp(v.columnAt(Math.max(0, Math.min(cells.getWidth() - 1, e.getX()))), 0, picture.columns() - 1);
        if (r != drag[2] || c != drag[3]) {
            drag[2] = r;
            drag[3] = c;
            dragged = true;
            paintCells();
        }
    }

    private void released(MouseEvent e) {
        if (drag == null || picture == null || e.getButton() != MouseButton.PRIMARY) {
            return;
        }
        PostSelection s = picture.selection(drag[0], drag[2], drag[1], drag[3]);
        if (!dragged) {
            drag = null;
            paintCells();
        }
        if (s != null) {
            onSelection.accept(s);
        }
    }

    private void labelClicked(MouseEvent e) {
        if (picture == null || e.getButton() != MouseButton.PRIMARY) {
            return;
        }
        int r = viewport().rowAt(e.getY());
        if (r < 0 || r >= picture.rowCount()) {
            return;
        }
        String id = picture.rows().get(r).participant().id();
        if (e.getClickCount() == 2) {
            onRowOpened.accept(id);
            return;
        }
        List<String> next = new ArrayList<>();
        if (e.isShiftDown() && anchorRow >= 0 && anchorRow < picture.rowCount()) {
            for (int i = Math.min(anchorRow, r); i <= Math.max(anchorRow, r); i++) {
                next.add(picture.rows().get(i).participant().id());
            }
        } else if (e.isShortcutDown()) {
            for (HeatmapPicture.Row row : picture.rows()) {
                String pid = row.participant().id();
                if (selected.contains(pid) != pid.equals(id)) {
                    next.add(pid);
                }
            }
            anchorRow = r;
        } else {
            next.add(id);
            anchorRow = r;
        }
        onRowsSelected.accept(next);
    }

    private void scrolled(ScrollEvent e) {
        if (picture == null) {
            return;
        }
        double y = e.getY() - AXIS_HEIGHT;
        double x = e.getX() - LABELS_WIDTH;
        if (e.isShortcutDown()) {
            double delta = e.getDeltaY() != 0 ? e.getDeltaY() : e.getDeltaX();
            if (e.isShiftDown()) {
                zoomColumns(delta > 0 ? 1 : -1, Math.max(0, x));
            } else {
                zoomRows(delta > 0 ? 1 : -1, Math.max(0, y));
            }
        } else if (e.isShiftDown() || Math.abs(e.getDeltaX()) > Math.abs(e.getDeltaY())) {
            double d = e.getDeltaX() != 0 ? e.getDeltaX() : e.getDeltaY();
            horizontal.setValue(clamp(horizontal.getValue() - d, 0, horizontal.getMax()));
        } else {
            vertical.setValue(clamp(vertical.getValue() - e.getDeltaY(), 0, vertical.getMax()));
        }
        e.consume();
    }

    private static double clamp(double v, double min, double max) {
        return Math.max(min, Math.min(max, v));
    }

    // --- for tests -------------------------------------------------------------------------------------------------

    Canvas cellsCanvas() { return cells; }

    Canvas labelsCanvas() { return labels; }

    ScrollBar verticalBar() { return vertical; }
}
