package nl.sociallearning.workstation.heatmap;

/** How the rows are ordered. */
public enum RowSort {
    /** Most recent activity first; those silent since the chosen week next, then those never active. */
    LAST_ACTIVITY,
    /** Most active first. */
    TOTAL,
    /** Earliest starters first; never active last. */
    FIRST_ACTIVITY,
    /** By group (department or function group), the most active first within each. */
    GROUP,
    /** Alike patterns together: hierarchical clustering (average linkage, cosine distance), in leaf order. */
    SIMILARITY,
    /** Alphabetically. */
    NAME
}
