package nl.sociallearning.workstation.heatmap;

import nl.sociallearning.workstation.domain.Course;
import nl.sociallearning.workstation.domain.Participant;
import nl.sociallearning.workstation.domain.ParticipantRole;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One picture, ready to draw: the rows shown (filtered, in order), their counts per column, the colour scale,
 * where enrolment starts per row, where the future starts, and the boundaries between sections of rows (those
 * silent since the chosen week, those with no activity at all, or the groups). Immutable; made in the background,
 * drawn on the FX thread as often as needed.
 */
public final class HeatmapPicture {

    /** What a boundary line separates. */
    public enum BoundaryKind {
        /** Above: active since the start of the chosen week; from here down: silent since then. */
        QUIET,
        /** From here down: no activity of this measure at all. */
        NONE,
        /** From here down: a group (sorted by group). */
        GROUP
    }

    /** A boundary above {@code row}; {@code count} rows follow in its section. */
    public record Boundary(int row, BoundaryKind kind, String group, int count) { }

    /**
     * A row: who, their total (all events of the measure, in a column or not), events outside the columns, the
     * first and last event ({@link Grid#NONE} when none), and the first column they were enrolled for the whole
     * of (cells left of it are before enrolment).
     */
    public record Row(Participant participant, int total, int outside, long first, long last, int enrolledFrom) { }

    private final Course course;
    private final Measure measure;
    private final Axis axis;
    private final RowSort sort;
    private final List<Row> rows;
    private final int[] counts;
    private final ColourScale scale;
    private final int futureFrom;
    private final int nowColumn;
    private final int silentWeek;
    private final int currentWeek;
    private final List<Boundary> boundaries;
    private final int maxTotal;

    HeatmapPicture(Course course, Measure measure, Axis axis, RowSort sort, List<Row> rows, int[] counts, ColourScale scale,
                   int futureFrom, int nowColumn, int silentWeek, int currentWeek, List<Boundary> boundaries) {
        this.course = course;
        this.measure = measure;
        this.axis = axis;
        this.sort = sort;
        this.rows = List.copyOf(rows);
        this.counts = counts;
        this.scale = scale;
        this.futureFrom = futureFrom;
        this.nowColumn = nowColumn;
        this.silentWeek = silentWeek;
        this.currentWeek = currentWeek;
        this.boundaries = List.copyOf(boundaries);
        int m = 0;
        for (Row r : rows) {
            m = Math.max(m, r.total());
        }
        this.maxTotal = m;
    }

    /**
     * Builds the picture of a grid: the participants that pass the filter (group and role; null: any), in the
     * chosen order, on the chosen colour scale.
     */
    public static HeatmapPicture build(CourseActivity data, Grid grid, Measure measure, RowSort sort, String group,
                                       ParticipantRole role, int silentWeek, ColourScale.Palette palette,
                                       ColourScale.Kind scaleKind, Instant now) {
        Axis axis = grid.axis();
        List<Integer> shown = new ArrayList<>();
        List<Participant> people = data.participants();
        for (int i = 0; i < people.size(); i++) {
            Participant p = people.get(i);
            if ((group == null || Objects.equals(group, p.group())) && (role == null || p.role() == role)) {
                shown.add(i);
            }
        }
        Instant quietFrom = axis.weekStart(silentWeek);
        int[] order = RowOrder.order(grid, people, shown, sort, quietFrom.getEpochSecond());
        int cols = grid.columns();
        int[] counts = new int[order.length * cols];
        List<Row> rows = new ArrayList<>(order.length);
        int max = 0;
        for (int r = 0; r < order.length; r++) {
            int i = order[r];
            grid.copyRow(i, counts, r * cols);
            for (int c = 0; c < cols; c++) {
                max = Math.max(max, counts[r * cols + c]);
            }
            Participant p = people.get(i);
            // The column that holds the enrolment moment is partly enrolled: only columns wholly before are not.
            int enrolledFrom = axis.kind().isTimeRange() && p.enrolledAt() != null ? axis.columnsEndingBy(p.enrolledAt()) : 0;
            rows.add(new Row(p, grid.total(i), grid.outside(i), grid.first(i), grid.last(i), enrolledFrom));
        }
        int futureFrom = axis.kind().isTimeRange() ? axis.firstColumnFrom(now) : cols;
        int nowColumn = axis.kind().isTimeRange() ? axis.columnHolding(now) : -1;
        int currentWeek = axis.week(now.atZone(axis.zone()).toLocalDate());
        List<Boundary> boundaries = RowOrder.boundaries(rows, sort, quietFrom.getEpochSecond());
        return new HeatmapPicture(data.course(), measure, axis, sort, rows, counts,
                new ColourScale(palette, scaleKind, max), futureFrom, nowColumn, silentWeek, currentWeek, boundaries);
    }

    public Course course() { return course; }

    public String courseId() { return course.id(); }

    public Measure measure() { return measure; }

    public Axis axis() { return axis; }

    public RowSort sort() { return sort; }

    public List<Row> rows() { return rows; }

    public int rowCount() { return rows.size(); }

    public int columns() { return axis.columns(); }

    public int count(int row, int column) { return counts[row * axis.columns() + column]; }

    /** The largest cell. */
    public int max() { return scale.max(); }

    /** The largest row total. */
    public int maxTotal() { return maxTotal; }

    public ColourScale scale() { return scale; }

    /** The first column that lies wholly in the future (days and weeks; {@link #columns()} when none does). */
    public int futureFrom() { return futureFrom; }

    /** The column holding "now" (days and weeks), else -1. */
    public int nowColumn() { return nowColumn; }

    public int silentWeek() { return silentWeek; }

    /** The course week "now" is in. */
    public int currentWeek() { return currentWeek; }

    public List<Boundary> boundaries() { return boundaries; }

    /** Whether a cell lies wholly before the participant's enrolment (a zero there is "not enrolled yet"). */
    public boolean beforeEnrolment(int row, int column) {
        return column < rows.get(row).enrolledFrom();
    }

    /** Whether a cell lies wholly in the future. */
    public boolean future(int column) {
        return column >= futureFrom;
    }

    /** The posts a cell, or a block of cells, stands for; null when no cell is given. */
    public PostSelection selection(int firstRow, int lastRow, int firstColumn, int lastColumn) {
        int r0 = Math.max(0, Math.min(firstRow, lastRow));
        int r1 = Math.min(rows.size() - 1, Math.max(firstRow, lastRow));
        if (r1 < r0) {
            return null;
        }
        List<String> ids = new ArrayList<>();
        for (int r = r0; r <= r1; r++) {
            ids.add(rows.get(r).participant().id());
        }
        if (!axis.kind().isTimeRange()) {
            // An hour of the week or a module is no one stretch of time: the participants' posts of the course.
            return new PostSelection(course.id(), ids, null, null);
        }
        int c0 = Math.max(0, Math.min(firstColumn, lastColumn));
        int c1 = Math.min(columns() - 1, Math.max(firstColumn, lastColumn));
        return new PostSelection(course.id(), ids, axis.from(c0), axis.to(c1));
    }

    /** The rows of the given participants (in picture order), as a selection of all their posts. */
    public PostSelection selectionOf(List<String> participantIds) {
        return new PostSelection(course.id(), participantIds, null, null);
    }
}
