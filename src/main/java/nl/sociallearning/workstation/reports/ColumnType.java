package nl.sociallearning.workstation.reports;

/** What a column holds, so that every format writes a real number or date, not text that looks like one. */
public enum ColumnType {
    /** A {@link String}. */
    TEXT,
    /** A {@link Long}. */
    INTEGER,
    /** A {@link Double}, shown with up to two decimals. */
    DECIMAL,
    /** A {@link java.time.LocalDate}. */
    DATE
}
