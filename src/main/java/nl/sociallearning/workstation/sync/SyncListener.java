package nl.sociallearning.workstation.sync;

/**
 * Hears what the sync engine does. Calls come on the engine's threads: a view hands them to its own thread.
 */
public interface SyncListener {

    default void courseStatus(CourseSyncStatus status) { }

    default void cacheChanged(CacheChange change) { }

    /** A server was removed: these courses are gone from the cache (each also comes as a {@link #cacheChanged}). */
    default void coursesRemoved(java.util.Set<String> courseIds) { }

    default void connectivity(Connectivity connectivity) { }

    /** The outbox changed: how many actions wait to be sent, and how many need the user (conflicts, rejections). */
    default void outbox(long pending, long needingAttention) { }

    /** Something went wrong that is not tied to one course (e.g. the course list could not be fetched). */
    default void problem(String message) { }
}
