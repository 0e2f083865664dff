package nl.sociallearning.workstation.feed;

import nl.sociallearning.workstation.domain.Identities;
import nl.sociallearning.workstation.domain.TriageRules;
import nl.sociallearning.workstation.domain.TriageState;
import nl.sociallearning.workstation.store.FeedRow;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The feed at one moment: every thread of the courses shown, assessed by the triage rules, with the queues'
 * counts and the moderator indicators. Plain Java, computed off the UI thread; the view model shows it.
 */
public final class FeedSnapshot {

    /** How the list is ordered: newest activity first, or longest waiting first (threads not waiting last). */
    public enum Sort { LAST_ACTIVITY, WAITING }

    private final List<FeedItem> items;
    private final Identities me;
    private final Map<FeedQueue, Integer> counts;
    private final ModeratorIndicators indicators;

    private FeedSnapshot(List<FeedItem> items, Identities me, Map<FeedQueue, Integer> counts, ModeratorIndicators indicators) {
        this.items = items;
        this.me = me;
        this.counts = counts;
        this.indicators = indicators;
    }

    /** {@code me}: the user on each course's server. */
    public static FeedSnapshot of(List<FeedRow> rows, TriageRules rules, Instant now, Identities me) {
        List<FeedItem> items = new ArrayList<>(rows.size());
        for (FeedRow row : rows) {
            items.add(new FeedItem(row, rules.assess(row.facts(), row.triage(), now)));
        }
        return new FeedSnapshot(items, me, countQueues(items, me), indicators(items, now));
    }

    public static FeedSnapshot empty() {
        return new FeedSnapshot(List.of(), Identities.NONE, Map.of(), indicators(List.of(), Instant.now()));
    }

    public List<FeedItem> items() {
        return items;
    }

    /** The queue's threads, narrowed to search hits when given ({@link FeedItem#key()}s), in the chosen order. */
    public List<FeedItem> view(FeedQueue queue, Set<String> searchHits, Sort sort) {
        var filter = queue.filter(me);
        List<FeedItem> out = new ArrayList<>();
        for (FeedItem item : items) {
            if (filter.test(item) && (searchHits == null || searchHits.contains(item.key()))) {
                out.add(item);
            }
        }
        out.sort(comparator(sort));
        return out;
    }

    /** Pinned threads first; then by the chosen order; ties by id so the order never flickers. */
    static Comparator<FeedItem> comparator(Sort sort) {
        Comparator<FeedItem> pinned = Comparator.comparing(i -> !i.row().thread().pinned());
        Comparator<FeedItem> order = sort == Sort.WAITING
                ? Comparator.comparing((FeedItem i) -> i.triage().waitingSince(), Comparator.nullsLast(Comparator.naturalOrder()))
                : Comparator.comparing((FeedItem i) -> i.row().lastActivity()).reversed();
        return pinned.thenComparing(order).thenComparing(FeedItem::key);
    }

    public Map<FeedQueue, Integer> counts() {
        return counts;
    }

    public ModeratorIndicators indicators() {
        return indicators;
    }

    /** The fixed queues, then one per triage state, group and module present, with their counts. */
    private static Map<FeedQueue, Integer> countQueues(List<FeedItem> items, Identities me) {
        Map<FeedQueue, Integer> counts = new LinkedHashMap<>();
        for (FeedQueue q : List.of(FeedQueue.NEEDS_REPLY, FeedQueue.UNANSWERED, FeedQueue.FIRST_POSTS, FeedQueue.FLAGGED,
                FeedQueue.MINE, FeedQueue.ALL)) {
            counts.put(q, count(items, q, me));
        }
        for (TriageState s : List.of(TriageState.IN_PROGRESS, TriageState.WAITING, TriageState.ESCALATED,
                TriageState.SNOOZED, TriageState.DONE)) {
            counts.put(FeedQueue.state(s), count(items, FeedQueue.state(s), me));
        }
        Set<String> groups = new TreeSet<>();
        Set<String> modules = new TreeSet<>();
        for (FeedItem i : items) {
            if (i.row().authorGroup() != null) {
                groups.add(i.row().authorGroup());
            }
            if (i.row().thread().module() != null) {
                modules.add(i.row().thread().module());
            }
        }
        modules.forEach(m -> counts.put(FeedQueue.module(m), count(items, FeedQueue.module(m), me)));
        groups.forEach(g -> counts.put(FeedQueue.group(g), count(items, FeedQueue.group(g), me)));
        return counts;
    }

    private static int count(List<FeedItem> items, FeedQueue queue, Identities me) {
        var filter = queue.filter(me);
        int n = 0;
        for (FeedItem i : items) {
            if (filter.test(i)) {
                n++;
            }
        }
        return n;
    }

    private static ModeratorIndicators indicators(List<FeedItem> items, Instant now) {
        List<Duration> firstReplies = new ArrayList<>();
        Map<ModeratorIndicators.WaitBucket, Integer> open = new EnumMap<>(ModeratorIndicators.WaitBucket.class);
        for (ModeratorIndicators.WaitBucket b : ModeratorIndicators.WaitBucket.values()) {
            open.put(b, 0);
        }
        long moderator = 0;
        long peer = 0;
        for (FeedItem i : items) {
            FeedRow r = i.row();
            if (r.firstReplyAt() != null) {
                firstReplies.add(Duration.between(r.thread().createdAt(), r.firstReplyAt()));
            }
            if (i.triage().state() == TriageState.NEEDS_REPLY) {
                Instant since = i.triage().waitingSince() != null ? i.triage().waitingSince() : r.lastActivity();
                open.merge(ModeratorIndicators.WaitBucket.of(Duration.between(since, now)), 1, Integer::sum);
            }
            moderator += r.moderatorReplies();
            peer += r.peerReplies();
        }
        firstReplies.sort(Comparator.naturalOrder());
        return new ModeratorIndicators(percentile(firstReplies, 0.5), percentile(firstReplies, 0.9), open, moderator, peer);
    }

    /** Nearest-rank percentile; null when there is nothing to measure. */
    static Duration percentile(List<Duration> sorted, double p) {
        if (sorted.isEmpty()) {
            return null;
        }
        int rank = (int) Math.ceil(p * sorted.size());
        return sorted.get(Math.max(0, rank - 1));
    }
}
