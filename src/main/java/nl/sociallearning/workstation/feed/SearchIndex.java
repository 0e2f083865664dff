package nl.sociallearning.workstation.feed;

import nl.sociallearning.workstation.store.Cache;
import nl.sociallearning.workstation.store.FeedRow;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Full-text search over the cache, in memory: per thread, its title and the words of its posts, lower-cased.
 * Scanning the large course (10 000 threads, 100 000 posts) takes tens of milliseconds, where a LIKE over the
 * HTML in H2 took several hundred. One index serves the whole program; it follows the feed's snapshots and
 * reads only the threads that changed, a course at a time in one query.
 */
public final class SearchIndex {

    private final Map<String, String> textByThread = new ConcurrentHashMap<>();
    /** What each thread looked like when it was indexed: a thread whose figures differ is read again. */
    private final Map<String, Signature> indexed = new ConcurrentHashMap<>();
    private volatile boolean ready;

    private record Signature(int posts, Object lastPostAt, int version) {
        static Signature of(FeedRow row) {
            return new Signature(row.posts(), row.lastPostAt(), row.thread().version());
        }
    }

    /** Brings the index up to a snapshot of the feed; returns whether anything changed. Call from one thread. */
    public synchronized boolean update(FeedSnapshot snapshot, Cache cache) {
        Map<String, List<String>> changedByCourse = new HashMap<>();
        Set<String> keys = new HashSet<>();
        for (FeedItem item : snapshot.items()) {
            keys.add(item.key());
            if (!Objects.equals(indexed.get(item.key()), Signature.of(item.row()))) {
                changedByCourse.computeIfAbsent(item.courseId(), c -> new ArrayList<>()).add(item.threadId());
                indexed.put(item.key(), Signature.of(item.row()));
            }
        }
        changedByCourse.forEach((course, threads) -> {
            // Most or all of a course: one pass over it is cheaper than naming thousands of threads.
            boolean whole = threads.size() > 500;
            cache.feed().threadTexts(course, whole ? null : threads, this::put);
        });
        return !changedByCourse.isEmpty();
    }

    void put(String threadKey, String title, List<String> postBodiesHtml) {
        StringBuilder text = new StringBuilder(title.toLowerCase(Locale.ROOT));
        for (String html : postBodiesHtml) {
            text.append('\n').append(SearchText.of(html));
        }
        textByThread.put(threadKey, text.toString());
    }

    /** Marks the index usable (after its first update). */
    void markReady() {
        ready = true;
    }

    public boolean ready() {
        return ready;
    }

    /** Keys of the threads containing every word of the query (case-insensitive), among {@code within}. */
    public Set<String> search(String query, Set<String> within) {
        String[] words = query.toLowerCase(Locale.ROOT).trim().split("\\s+");
        Set<String> hits = new HashSet<>();
        for (String key : within) {
            String text = textByThread.get(key);
            if (text == null) {
                continue;
            }
            boolean all = true;
            for (String w : words) {
                if (!w.isEmpty() && !text.contains(w)) {
                    all = false;
                    break;
                }
            }
            if (all) {
                hits.add(key);
            }
        }
        return hits;
    }
}
