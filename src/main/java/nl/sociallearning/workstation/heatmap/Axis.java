package nl.sociallearning.workstation.heatmap;

import nl.sociallearning.workstation.domain.Course;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.time.zone.ZoneRules;
import java.util.Arrays;
import java.util.List;

/**
 * The columns of the heatmap and which column an event falls in. Days and weeks are the course's own, in its
 * time zone: a day runs from local midnight to local midnight (25 hours on the day the clocks go back, 23 when
 * they go forward), week 1 starts on the course's first day. The columns cover the course and stretch to take in
 * activity before its start or after its end, up to four weeks either way; what lies further out is counted as
 * "outside" per participant instead of being dropped silently.
 */
public final class Axis {

    /** How far the columns stretch beyond the course for stray activity. */
    static final int MAX_STRETCH_DAYS = 28;

    private final BinKind kind;
    private final ZoneId zone;
    private final ZoneRules rules;
    private final LocalDate courseStart;
    private final LocalDate first;
    private final long[] edges;
    private final List<String> modules;
    private final boolean unassigned;
    private final int columns;

    private Axis(BinKind kind, ZoneId zone, LocalDate courseStart, LocalDate first, long[] edges, List<String> modules,
                 boolean unassigned, int columns) {
        this.kind = kind;
        this.zone = zone;
        this.rules = zone.getRules();
        this.courseStart = courseStart;
        this.first = first;
        this.edges = edges;
        this.modules = modules;
        this.unassigned = unassigned;
        this.columns = columns;
    }

    /**
     * The columns for a course and its events (null: none); module columns get one more for threads without a
     * module when any event has none.
     */
    public static Axis build(BinKind kind, Course course, List<String> modules, Events events, Instant now) {
        ZoneId zone = course.timeZone();
        long[] all = events == null ? null : events.span();
        long[] span = all;
        if (all != null && course.startsAt() != null && course.endsAt() != null) {
            // Only what lies within reach of the course stretches the columns; the rest is counted as outside.
            long lo = course.startsAt().getEpochSecond() - MAX_STRETCH_DAYS * 86_400L - 86_400L;
            long hi = course.endsAt().getEpochSecond() + MAX_STRETCH_DAYS * 86_400L + 86_400L;
            span = events.span(lo, hi);
        }
        return build(kind, course, modules, span, events != null && kind == BinKind.MODULE && events.anyWithoutModule(), now);
    }

    static Axis build(BinKind kind, Course course, List<String> modules, long[] span, boolean unassigned, Instant now) {
        ZoneId zone = course.timeZone();
        LocalDate today = now.atZone(zone).toLocalDate();
        LocalDate start = course.startsAt() != null ? course.startsAt().atZone(zone).toLocalDate()
                : span != null ? Instant.ofEpochSecond(span[0]).atZone(zone).toLocalDate() : today;
        // A course ends at (about) midnight: the end moment itself belongs to the next day.
        LocalDate last = course.endsAt() != null ? course.endsAt().minus(Duration.ofHours(3)).atZone(zone).toLocalDate()
                : span != null ? Instant.ofEpochSecond(span[1]).atZone(zone).toLocalDate() : today;
        if (last.isBefore(start)) {
            last = start;
        }
        switch (kind) {
            case HOUR_OF_WEEK:
                return new Axis(kind, zone, start, start, null, List.of(), false, 7 * 24);
            case MODULE:
                return new Axis(kind, zone, start, start, null, List.copyOf(modules), unassigned,
                        modules.size() + (unassigned ? 1 : 0));
            default:
                break;
        }
        LocalDate from = start;
        LocalDate to = last;
        if (span != null) {
            LocalDate earliest = Instant.ofEpochSecond(span[0]).atZone(zone).toLocalDate();
            LocalDate latest = Instant.ofEpochSecond(span[1]).atZone(zone).toLocalDate();
            if (earliest.isBefore(from)) {
                from = max(earliest, start.minusDays(MAX_STRETCH_DAYS));
            }
            if (latest.isAfter(to)) {
                to = min(latest, last.plusDays(MAX_STRETCH_DAYS));
            }
        }
        int step = kind == BinKind.WEEK ? 7 : 1;
        if (kind == BinKind.WEEK) {
            long back = ChronoUnit.DAYS.between(from, start);
            from = start.minusDays((back + 6) / 7 * 7);
        }
        int cols = (int) ((ChronoUnit.DAYS.between(from, to) + step) / step);
        long[] edges = new long[cols + 1];
        for (int i = 0; i <= cols; i++) {
            edges[i] = from.plusDays((long) i * step).atStartOfDay(zone).toEpochSecond();
        }
        return new Axis(kind, zone, start, from, edges, List.of(), false, cols);
    }

    private static LocalDate max(LocalDate a, LocalDate b) {
        return a.isAfter(b) ? a : b;
    }

    private static LocalDate min(LocalDate a, LocalDate b) {
        return a.isBefore(b) ? a : b;
    }

    public BinKind kind() { return kind; }

    public ZoneId zone() { return zone; }

    public int columns() { return columns; }

    /** The column of an event, or -1 when it falls outside every column. */
    public int column(long epochSecond, int module) {
        switch (kind) {
            case HOUR_OF_WEEK: {
                long local = epochSecond + rules.getOffset(Instant.ofEpochSecond(epochSecond)).getTotalSeconds();
                long day = Math.floorDiv(local, 86_400L);
                int monday0 = (int) Math.floorMod(day + 3, 7L); // 1970-01-01 was a Thursday
                int hour = (int) (Math.floorMod(local, 86_400L) / 3600);
                return monday0 * 24 + hour;
            }
            case MODULE:
                return module >= 0 ? (module < modules.size() ? module : -1) : unassigned ? modules.size() : -1;
            default: {
                if (epochSecond < edges[0] || epochSecond >= edges[columns]) {
                    return -1;
                }
                int i = Arrays.binarySearch(edges, epochSecond);
                return i >= 0 ? i : -i - 2;
            }
        }
    }

    /** Where a column starts: its first moment (days and weeks), else null. */
    public Instant from(int column) {
        return edges == null ? null : Instant.ofEpochSecond(edges[column]);
    }

    /** Where a column ends (exclusive): the next column's first moment (days and weeks), else null. */
    public Instant to(int column) {
        return edges == null ? null : Instant.ofEpochSecond(edges[column + 1]);
    }

    /** The first day of a column (days and weeks), else null. */
    public LocalDate date(int column) {
        return edges == null ? null : first.plusDays((long) column * (kind == BinKind.WEEK ? 7 : 1));
    }

    /** The course's first day. */
    public LocalDate courseStart() {
        return courseStart;
    }

    /** The course week of a date: 1 for the first seven days, 0 or less before the course. */
    public int week(LocalDate date) {
        return (int) Math.floorDiv(ChronoUnit.DAYS.between(courseStart, date), 7L) + 1;
    }

    /** The course week a column starts in (days and weeks), else 0. */
    public int week(int column) {
        return edges == null ? 0 : week(date(column));
    }

    /** The first moment of course week {@code n}, in the course's time zone. */
    public Instant weekStart(int n) {
        return courseStart.plusDays(7L * (n - 1)).atStartOfDay(zone).toInstant();
    }

    /** Day of the week (1 = Monday) and hour of an hour-of-week column. */
    public int[] dayAndHour(int column) {
        return new int[] {column / 24 + 1, column % 24};
    }

    /** The module of a module column; null for the column of threads without one. */
    public String module(int column) {
        return kind == BinKind.MODULE && column < modules.size() ? modules.get(column) : null;
    }

    /**
     * The first column that starts at or after {@code t} (0 before the first column, {@link #columns()} after
     * the last), for days and weeks; 0 otherwise. Cells left of it are wholly before {@code t}.
     */
    public int firstColumnFrom(Instant t) {
        if (edges == null || t == null) {
            return 0;
        }
        long s = t.getEpochSecond() + (t.getNano() > 0 ? 1 : 0);
        int i = Arrays.binarySearch(edges, 0, columns, s);
        return i >= 0 ? i : -i - 1;
    }

    /** How many columns end at or before {@code t} (days and weeks; 0 otherwise): those wholly before it. */
    public int columnsEndingBy(Instant t) {
        if (edges == null || t == null) {
            return 0;
        }
        long s = t.getEpochSecond();
        int i = Arrays.binarySearch(edges, 1, columns + 1, s);
        return i >= 0 ? i : -i - 2;
    }

    /** The column holding {@code t}, clamped to the columns; for days and weeks (0 otherwise). */
    public int columnHolding(Instant t) {
        if (edges == null) {
            return 0;
        }
        int c = column(t.getEpochSecond(), -1);
        if (c >= 0) {
            return c;
        }
        return t.getEpochSecond() < edges[0] ? 0 : columns - 1;
    }
}
