package nl.sociallearning.workstation.sync.platform;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The thread ids a reconciling pass has listed so far, per course: what {@link IdSets#removeMissing} compares the
 * cache with when the pass ends. A course has one pass at a time, so a pass that failed half-way is simply
 * replaced by the next one and nothing accumulates. Kept in memory: a pass resumed after a restart finds no
 * listing and removes nothing, rather than removing what it did not see.
 */
public final class PassListings {

    private record Listing(String passId, Set<String> ids) { }

    private final Map<String, Listing> byCourse = new ConcurrentHashMap<>();

    /** A reconciling pass begins: its listing starts empty, replacing any earlier pass's. */
    public void start(String courseId, String passId) {
        byCourse.put(courseId, new Listing(passId, ConcurrentHashMap.newKeySet()));
    }

    /** The ids listed so far by this pass, to add to; null when the pass has no listing (it resumed after a restart). */
    public Set<String> of(String courseId, String passId) {
        Listing listing = byCourse.get(courseId);
        return listing != null && listing.passId().equals(passId) ? listing.ids() : null;
    }

    /** The pass ends: its listing, now complete (null as above), is handed over and forgotten. */
    public Set<String> finish(String courseId, String passId) {
        Set<String> ids = of(courseId, passId);
        if (ids != null) {
            byCourse.remove(courseId);
        }
        return ids;
    }

    /** How many courses have a listing: at most one each. */
    public int size() {
        return byCourse.size();
    }
}
