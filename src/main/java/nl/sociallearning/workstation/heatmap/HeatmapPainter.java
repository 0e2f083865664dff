package nl.sociallearning.workstation.heatmap;

import javafx.scene.canvas.GraphicsContext;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.paint.Color;

/**
 * Draws the cells of a picture into a pixel buffer and puts it on a canvas in one image: a thousand rows by a
 * hundred and sixty-eight columns cost no more than one canvas command. Rows thinner than a pixel (a whole course
 * fitted to the window) share a pixel line, which shows the highest count among them. Zero is a light grey; a
 * zero before the participant's enrolment is hatched; columns wholly in the future are left blank. Lines mark the
 * boundaries between sections and "now"; the hovered cell and a dragged range get an outline.
 */
final class HeatmapPainter {

    /** How the grid lies on the canvas: cell size, scroll offset (pixels) and the canvas size. */
    record Viewport(double rowHeight, double columnWidth, double scrollX, double scrollY, int width, int height) {
        int rowAt(double y) {
            return (int) Math.floor((y + scrollY) / rowHeight);
        }

        int columnAt(double x) {
            return (int) Math.floor((x + scrollX) / columnWidth);
        }

        double yOf(int row) {
            return row * rowHeight - scrollY;
        }

        double xOf(int column) {
            return column * columnWidth - scrollX;
        }
    }

    /** Hover and dragged range, in rows and columns of the picture (-1: none). */
    record Marks(int hoverRow, int hoverColumn, int fromRow, int toRow, int fromColumn, int toColumn) {
        static final Marks NONE = new Marks(-1, -1, -1, -1, -1, -1);
    }

    static final int BACKGROUND = 0xFFFFFF;
    static final int HATCH = 0xC3C9D1;
    static final Color BOUNDARY = Color.web("#1F2328");
    static final Color NOW = Color.web("#CF222E");
    static final Color ACCENT = Color.web("#0969DA");

    private int[] buffer = new int[0];
    private WritableImage image;

    /** Paints the cells and the marks; returns the time it took, in nanoseconds. */
    long paint(GraphicsContext gc, HeatmapPicture p, Viewport v, Marks marks) {
        long start = System.nanoTime();
        int w = Math.max(1, v.width());
        int h = Math.max(1, v.height());
        if (buffer.length != w * h) {
            buffer = new int[w * h];
        }
        if (image == null || (int) image.getWidth() != w || (int) image.getHeight() != h) {
            image = new WritableImage(w, h);
        }
        fill(p, v, w, h);
        image.getPixelWriter().setPixels(0, 0, w, h, PixelFormat.getIntArgbPreInstance(), buffer, 0, w);
        gc.setImageSmoothing(false);
        gc.drawImage(image, 0, 0);
        if (p != null) {
            overlay(gc, p, v, marks);
        }
        return System.nanoTime() - start;
    }

    private void fill(HeatmapPicture p, Viewport v, int w, int h) {
        int bg = 0xFF000000 | BACKGROUND;
        java.util.Arrays.fill(buffer, bg);
        if (p == null || p.rowCount() == 0 || p.columns() == 0) {
            return;
        }
        int cols = p.columns();
        int rows = p.rowCount();
        // Which column each pixel column shows; -1 for the gap between cells or beyond the last.
        int[] columnOf = new int[w];
        boolean gapX = v.columnWidth() >= 5;
        for (int x = 0; x < w; x++) {
            double gx = x + v.scrollX();
            int c = (int) Math.floor(gx / v.columnWidth());
            boolean gap = gapX && (int) Math.floor((gx + 1) / v.columnWidth()) != c;
            columnOf[x] = c >= cols || gap ? -1 : c;
        }
        boolean gapY = v.rowHeight() >= 5;
        int[] colours = new int[cols];
        boolean[] hatch = new boolean[cols];
        int lastFrom = -1;
        int lastTo = -1;
        ColourScale scale = p.scale();
        int future = p.futureFrom();
        for (int y = 0; y < h; y++) {
            double top = y + v.scrollY();
            int from = (int) Math.floor(top / v.rowHeight());
            int to = Math.max(from + 1, (int) Math.floor((top + 1) / v.rowHeight()));
            if (from >= rows) {
                break;
            }
            to = Math.min(to, rows);
            if (gapY && to == from + 1 && (int) Math.floor((top + 1) / v.rowHeight()) != from) {
                continue; // the gap below a row
            }
            if (from != lastFrom || to != lastTo) {
                for (int c = 0; c < cols; c++) {
                    if (c >= future) {
                        colours[c] = bg;
                        hatch[c] = false;
                        continue;
                    }
                    int max = 0;
                    boolean allBefore = true;
                    for (int r = from; r < to; r++) {
                        max = Math.max(max, p.count(r, c));
                        allBefore &= p.beforeEnrolment(r, c);
                    }
                    hatch[c] = max == 0 && allBefore;
                    colours[c] = hatch[c] ? bg : 0xFF000000 | scale.rgb(max);
                }
                lastFrom = from;
                lastTo = to;
            }
            int base = y * w;
            for (int x = 0; x < w; x++) {
                int c = columnOf[x];
                if (c < 0) {
                    continue;
                }
                buffer[base + x] = hatch[c] && ((x + y) & 3) == 0 ? 0xFF000000 | HATCH : colours[c];
            }
        }
    }

    private void overlay(GraphicsContext gc, HeatmapPicture p, Viewport v, Marks m) {
        double gridWidth = Math.min(v.width(), p.columns() * v.columnWidth() - v.scrollX());
        double gridHeight = Math.min(v.height(), p.rowCount() * v.rowHeight() - v.scrollY());
        // "now": a line at the start of the future.
        if (p.nowColumn() >= 0 && p.futureFrom() < p.columns()) {
            double x = Math.round(v.xOf(p.futureFrom())) + 0.5;
            if (x >= 0 && x <= v.width()) {
                gc.setStroke(NOW);
                gc.setLineWidth(1);
                gc.setLineDashes(4, 3);
                gc.strokeLine(x, 0, x, gridHeight);
                gc.setLineDashes();
            }
        }
        for (HeatmapPicture.Boundary b : p.boundaries()) {
            if (b.row() <= 0 || b.row() >= p.rowCount()) {
                continue;
            }
            double y = Math.round(v.yOf(b.row()));
            if (y < -2 || y > v.height() + 2) {
                continue;
            }
            boolean strong = b.kind() != HeatmapPicture.BoundaryKind.GROUP;
            gc.setFill(Color.WHITE);
            gc.fillRect(0, y - (strong ? 2 : 1), gridWidth, strong ? 4 : 2);
            gc.setFill(BOUNDARY);
            gc.fillRect(0, y - (strong ? 1 : 0.5), gridWidth, strong ? 2 : 1);
        }
        if (m.fromRow() >= 0 && m.fromColumn() >= 0) {
            int r0 = Math.min(m.fromRow(), m.toRow());
            int r1 = Math.max(m.fromRow(), m.toRow());
            int c0 = Math.min(m.fromColumn(), m.toColumn());
            int c1 = Math.max(m.fromColumn(), m.toColumn());
            double x = v.xOf(c0);
            double y = v.yOf(r0);
            double w = (c1 - c0 + 1) * v.columnWidth();
            double h = Math.max(2, (r1 - r0 + 1) * v.rowHeight());
            gc.setFill(ACCENT.deriveColor(0, 1, 1, 0.12));
            gc.fillRect(x, y, w, h);
            gc.setStroke(ACCENT);
            gc.setLineWidth(2);
            gc.strokeRect(x + 1, y + 1, Math.max(1, w - 2), Math.max(1, h - 2));
        }
        if (m.hoverRow() >= 0 && m.hoverColumn() >= 0 && m.hoverRow() < p.rowCount() && m.hoverColumn() < p.columns()) {
            double x = v.xOf(m.hoverColumn());
            double y = v.yOf(m.hoverRow());
            double h = Math.max(v.rowHeight(), 3);
            gc.setStroke(Color.BLACK);
            gc.setLineWidth(1.5);
            gc.strokeRect(x + 0.75, y + 0.75 - (h - v.rowHeight()) / 2, Math.max(1, v.columnWidth() - 1.5), Math.max(1, h - 1.5));
            gc.setStroke(Color.WHITE);
            gc.setLineWidth(1);
            gc.strokeRect(x - 0.5, y - 0.5 - (h - v.rowHeight()) / 2, v.columnWidth() + 1, h + 1);
        }
    }
}
