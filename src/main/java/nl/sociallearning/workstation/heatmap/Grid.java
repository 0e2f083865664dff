package nl.sociallearning.workstation.heatmap;

/**
 * Counts per participant and column, for every participant of a course (rows in {@link CourseActivity} order):
 * the binned events, plus per participant the total, the events outside every column, and the first and last
 * event. Computed once per course, measure and kind of column; sorting, filtering and drawing reuse it.
 */
public final class Grid {

    /** No event. */
    public static final long NONE = Long.MIN_VALUE;

    private final Axis axis;
    private final int rows;
    private final int columns;
    private final int[] counts;
    private final int[] total;
    private final int[] outside;
    private final long[] first;
    private final long[] last;

    private Grid(Axis axis, int rows, int[] counts, int[] total, int[] outside, long[] first, long[] last) {
        this.axis = axis;
        this.rows = rows;
        this.columns = axis.columns();
        this.counts = counts;
        this.total = total;
        this.outside = outside;
        this.first = first;
        this.last = last;
    }

    /** Bins events for {@code rows} participants. */
    public static Grid count(Axis axis, Events events, int rows) {
        int cols = axis.columns();
        int[] counts = new int[rows * cols];
        int[] total = new int[rows];
        int[] outside = new int[rows];
        long[] first = new long[rows];
        long[] last = new long[rows];
        java.util.Arrays.fill(first, NONE);
        java.util.Arrays.fill(last, NONE);
        for (int i = 0, n = events.size(); i < n; i++) {
            int who = events.who(i);
            long at = events.at(i);
            int c = axis.column(at, events.module(i));
            if (c >= 0) {
                counts[who * cols + c]++;
            } else {
                outside[who]++;
            }
            total[who]++;
            if (first[who] == NONE || at < first[who]) {
                first[who] = at;
            }
            if (last[who] == NONE || at > last[who]) {
                last[who] = at;
            }
        }
        return new Grid(axis, rows, counts, total, outside, first, last);
    }

    public Axis axis() { return axis; }

    public int rows() { return rows; }

    public int columns() { return columns; }

    public int count(int row, int column) { return counts[row * columns + column]; }

    /** Every event of the participant, in a column or not. */
    public int total(int row) { return total[row]; }

    /** Events outside every column (more than a year before or after the course). */
    public int outside(int row) { return outside[row]; }

    /** The first event's time (seconds since the epoch), or {@link #NONE}. */
    public long first(int row) { return first[row]; }

    /** The last event's time (seconds since the epoch), or {@link #NONE}. */
    public long last(int row) { return last[row]; }

    /** A row's counts, copied into {@code into} at {@code offset}. */
    void copyRow(int row, int[] into, int offset) {
        System.arraycopy(counts, row * columns, into, offset, columns);
    }
}
