package nl.sociallearning.workstation.demo;

import nl.sociallearning.workstation.domain.ActivityEvent;
import nl.sociallearning.workstation.domain.Course;
import nl.sociallearning.workstation.domain.DiscussionThread;
import nl.sociallearning.workstation.domain.EntityKind;
import nl.sociallearning.workstation.domain.Participant;
import nl.sociallearning.workstation.domain.Post;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.TimeUnit;

/**
 * One course as the demo server holds it: the live entities and a compacted change log. Every write gives
 * the entity a new sequence number and drops its previous log entry, so reading the log from any point yields
 * the latest version of everything that changed after it, and tombstones for what was removed.
 */
public final class DemoCourse {

    /** One entry of the change log: an upsert carries the entity, a tombstone only its kind and id. */
    public record Entry(long seq, EntityKind kind, String id, Object entity) {
        public boolean tombstone() {
            return entity == null;
        }
    }

    private record Key(EntityKind kind, String id) { }

    private final Course course;
    private final Map<String, Participant> participants = new ConcurrentHashMap<>();
    private final Map<String, DiscussionThread> threads = new ConcurrentHashMap<>();
    private final Map<String, Post> posts = new ConcurrentHashMap<>();
    private final Map<String, ActivityEvent> activity = new ConcurrentHashMap<>();
    private final NavigableMap<Long, Entry> log = new ConcurrentSkipListMap<>();
    private final Map<Key, Long> seqOf = new ConcurrentHashMap<>();
    private final Object changed = new Object();
    private volatile long liveEntries;
    private volatile long seq; // written under this object's lock; read freely by long polls
    private long postCounter;
    private long threadCounter;
    private long activityCounter;

    DemoCourse(Course course) {
        this.course = course;
    }

    public Course course() {
        return new Course(course.id(), course.title(), course.organisation(), course.audience(), course.startsAt(),
                course.endsAt(), course.timeZone(), participants.size());
    }

    public String id() {
        return course.id();
    }

    // --- writes (all through record/remove, so the log stays complete) ----------------------------------

    public synchronized void put(Participant p) {
        participants.put(p.id(), p);
        record(EntityKind.PARTICIPANT, p.id(), p);
    }

    public synchronized void put(DiscussionThread t) {
        threads.put(t.id(), t);
        record(EntityKind.THREAD, t.id(), t);
    }

    public synchronized void put(Post p) {
        posts.put(p.id(), p);
        record(EntityKind.POST, p.id(), p);
    }

    public synchronized void put(ActivityEvent a) {
        activity.put(a.id(), a);
        record(EntityKind.ACTIVITY, a.id(), a);
    }

    /** Removes a post for good (its author erased it): a tombstone in the feed. */
    public synchronized void removePost(String id) {
        if (posts.remove(id) != null) {
            record(EntityKind.POST, id, null);
        }
    }

    private void record(EntityKind kind, String id, Object entity) {
        long next = ++seq;
        Long previous = seqOf.put(new Key(kind, id), next);
        if (previous != null) {
            log.remove(previous);
        } else {
            liveEntries++;
        }
        log.put(next, new Entry(next, kind, id, entity));
        synchronized (changed) {
            changed.notifyAll();
        }
    }

    /** Continues the id series after generated content, so live posts get fresh ids. */
    synchronized void setCounters(long posts, long threads) {
        postCounter = posts;
        threadCounter = threads;
    }

    synchronized String nextPostId() {
        return "m-" + (++postCounter);
    }

    synchronized String nextThreadId() {
        return "t-" + (++threadCounter);
    }

    synchronized String nextActivityId() {
        return "a-" + (++activityCounter);
    }

    // --- reads -------------------------------------------------------------------------------------------

    /** Up to {@code limit} log entries after {@code afterSeq}, oldest first. */
    public List<Entry> changesAfter(long afterSeq, int limit) {
        List<Entry> page = new ArrayList<>(Math.min(limit, 1024));
        for (Entry e : log.tailMap(afterSeq, false).values()) {
            if (page.size() == limit) {
                break;
            }
            page.add(e);
        }
        return page;
    }

    /**
     * About how many log entries follow {@code afterSeq}: what a client still has to fetch. An upper bound,
     * cheap to compute: counting the tail of the log exactly would cost a walk over it for every page.
     */
    public long countAfter(long afterSeq) {
        return Math.max(0, Math.min(seq - afterSeq, liveEntries));
    }

    public long lastSeq() {
        return seq;
    }

    /** Waits until something is logged after {@code afterSeq}, or the time is up. */
    public void awaitChangeAfter(long afterSeq, long millis) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
        synchronized (changed) {
            while (lastSeq() <= afterSeq) {
                long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
                if (left <= 0) {
                    return;
                }
                changed.wait(left);
            }
        }
    }

    public Optional<Participant> participant(String id) {
        return Optional.ofNullable(participants.get(id));
    }

    public Optional<DiscussionThread> thread(String id) {
        return Optional.ofNullable(threads.get(id));
    }

    public Optional<Post> post(String id) {
        return Optional.ofNullable(posts.get(id));
    }

    public Collection<Participant> participants() {
        return participants.values();
    }

    public Collection<DiscussionThread> threads() {
        return threads.values();
    }

    public Collection<Post> posts() {
        return posts.values();
    }

    public Collection<ActivityEvent> activity() {
        return activity.values();
    }

    public List<Post> postsOf(String threadId) {
        return posts.values().stream().filter(p -> p.threadId().equals(threadId)).toList();
    }
}
