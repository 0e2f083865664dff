package nl.sociallearning.workstation.sync;

/** The kinds of course server the workstation can connect to, each through its own connector. */
public enum ServerKind {
    /** The project's own Course Sync API (and the demo server). */
    COURSE_SYNC_API,
    NODEBB,
    DISCOURSE,
    MOODLE,
    CANVAS
}
