package nl.sociallearning.workstation.heatmap;

/**
 * The columns: calendar days or course weeks in the course's time zone, the 168 hours of a week (Monday 00:00
 * first, local time), or the course's modules (the module of the thread posted in or read).
 */
public enum BinKind {
    DAY, WEEK, HOUR_OF_WEEK, MODULE;

    /** Whether a column is one stretch of time (so a cell is "these posts between then and then"). */
    public boolean isTimeRange() {
        return this == DAY || this == WEEK;
    }
}
