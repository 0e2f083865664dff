package nl.sociallearning.workstation.sync;

/** What a course's sync is doing now. */
public enum SyncPhase {
    /** Not started yet. */
    WAITING,
    /** Filling the cache from the start (first sync, or after the server forgot our cursor). */
    FULL_SYNC,
    /** Fetching what changed since the last sync. */
    CATCHING_UP,
    /** Up to date, listening for new changes. */
    LIVE,
    /** A request failed; trying again after a pause. */
    RETRYING,
    /** Stopped by the user. */
    PAUSED,
    /** Stopped because trying again cannot help (e.g. the token was refused). */
    FAILED
}
