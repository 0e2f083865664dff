package nl.sociallearning.workstation.heatmap;

import nl.sociallearning.workstation.domain.Participant;
import nl.sociallearning.workstation.domain.ParticipantRole;

import java.text.Collator;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.IntPredicate;

/**
 * The participation signals beside the picture, each a list of people with a number: who never posted, who only
 * reads, who has been silent since week N, whose first post is still unanswered, who is answered most, who is
 * isolated in the reply network, and who connects groups. Plain Java over a course's {@link PostGraph}, its reads
 * and its {@link ReplyNetwork}.
 */
public final class ParticipationSignals {

    /** One person on a list: a number (what it counts depends on the list) and a moment (or null). */
    public record Entry(Participant participant, int value, Instant when) { }

    /** The lists. {@code week}: the N of "silent since week N". */
    public record Signals(List<Entry> neverPosted, List<Entry> onlyReads, int week, List<Entry> silentSince,
                          List<Entry> firstPostUnanswered, List<Entry> mostRepliedTo, List<Entry> isolated,
                          List<Entry> connectors, int people) {

        public static Signals empty() {
            return new Signals(List.of(), List.of(), 1, List.of(), List.of(), List.of(), List.of(), List.of(), 0);
        }
    }

    /** How many people the "most" lists keep. */
    public static final int TOP = 25;

    private ParticipationSignals() {
    }

    /**
     * Computes the lists for the participants {@code shown} (rows of {@code data}); the network they are part of
     * is the whole course's.
     *
     * <ul>
     * <li>never posted: no post at all (value: reads);</li>
     * <li>only reads: no post, at least one read (value: reads);</li>
     * <li>silent since week N: posted before {@code silentFrom} (the start of week N), not since (value: posts,
     * when: the last one), longest silent first;</li>
     * <li>first post unanswered: nobody else replied to their first post (when: that post), longest waiting
     * first;</li>
     * <li>most replied to: replies from others (value), most first;</li>
     * <li>isolated: posted, but never answered anyone nor was answered (value: posts);</li>
     * <li>connectors: the number of other groups they exchanged replies with (value), most first, then by the
     * replies across groups.</li>
     * </ul>
     */
    public static Signals compute(CourseActivity data, PostGraph graph, ReplyNetwork network, IntPredicate shown,
                                  int week, Instant silentFrom) {
        List<Participant> people = data.participants();
        int n = people.size();
        int[] posts = new int[n];
        long[] lastPost = new long[n];
        int[] firstPost = new int[n];
        java.util.Arrays.fill(lastPost, Long.MIN_VALUE);
        java.util.Arrays.fill(firstPost, -1);
        for (int i = 0; i < graph.size(); i++) {
            int a = graph.author(i);
            if (a < 0) {
                continue;
            }
            posts[a]++;
            lastPost[a] = Math.max(lastPost[a], graph.at(i));
            if (firstPost[a] < 0 || graph.at(i) < graph.at(firstPost[a])
                    || graph.at(i) == graph.at(firstPost[a]) && graph.id(i).compareTo(graph.id(firstPost[a])) < 0) {
                firstPost[a] = i;
            }
        }
        boolean[] answeredByOther = new boolean[graph.size()];
        for (int i = 0; i < graph.size(); i++) {
            int p = graph.parent(i);
            if (p >= 0 && graph.author(i) != graph.author(p)) {
                answeredByOther[p] = true;
            }
        }
        int[] reads = new int[n];
        Events views = data.views();
        for (int i = 0; i < views.size(); i++) {
            reads[views.who(i)]++;
        }

        Collator collator = Collator.getInstance(Locale.forLanguageTag("nl"));
        Comparator<Entry> byName = Comparator.comparing(e -> e.participant().displayName(), collator);
        List<Entry> never = new ArrayList<>();
        List<Entry> onlyReads = new ArrayList<>();
        List<Entry> silent = new ArrayList<>();
        List<Entry> unanswered = new ArrayList<>();
        List<Entry> repliedTo = new ArrayList<>();
        List<Entry> isolated = new ArrayList<>();
        List<Entry> connectors = new ArrayList<>();
        long quiet = silentFrom.getEpochSecond();
        int count = 0;
        for (int r = 0; r < n; r++) {
            if (!shown.test(r)) {
                continue;
            }
            count++;
            Participant p = people.get(r);
            if (posts[r] == 0) {
                never.add(new Entry(p, reads[r], null));
                if (reads[r] > 0) {
                    onlyReads.add(new Entry(p, reads[r], null));
                }
                continue;
            }
            if (lastPost[r] < quiet) {
                silent.add(new Entry(p, posts[r], Instant.ofEpochSecond(lastPost[r])));
            }
            int first = firstPost[r];
            if (!answeredByOther[first]) {
                unanswered.add(new Entry(p, posts[r], Instant.ofEpochSecond(graph.at(first))));
            }
            if (network.received(r) > 0) {
                repliedTo.add(new Entry(p, network.received(r), null));
            }
            if (network.unconnected(r)) {
                isolated.add(new Entry(p, posts[r], Instant.ofEpochSecond(lastPost[r])));
            }
        }
        never.sort(byName);
        onlyReads.sort(Comparator.comparingInt((Entry e) -> -e.value()).thenComparing(byName));
        silent.sort(Comparator.comparing(Entry::when).thenComparing(byName));
        unanswered.sort(Comparator.comparing(Entry::when).thenComparing(byName));
        repliedTo.sort(Comparator.comparingInt((Entry e) -> -e.value()).thenComparing(byName));
        isolated.sort(byName);
        for (int r : connectorRows(data, network, shown)) {
            connectors.add(new Entry(people.get(r), network.otherGroups(r).size(), null));
        }
        return new Signals(never, onlyReads, week, silent, unanswered, top(repliedTo), isolated, List.copyOf(connectors), count);
    }

    /**
     * The rows of the people who connect groups, at most {@link #TOP}, best first: most other groups they
     * exchanged replies with, then most replies across groups, then name. Moderators do not count: connecting
     * groups is their job. The signal lists these people and the reply network marks them, so both ask here.
     */
    static List<Integer> connectorRows(CourseActivity data, ReplyNetwork network, IntPredicate shown) {
        List<Participant> people = data.participants();
        Collator collator = Collator.getInstance(Locale.forLanguageTag("nl"));
        List<Integer> ranked = new ArrayList<>();
        for (int r = 0; r < people.size(); r++) {
            if (shown.test(r) && people.get(r).role() != ParticipantRole.MODERATOR && !network.otherGroups(r).isEmpty()) {
                ranked.add(r);
            }
        }
        ranked.sort(Comparator.comparingInt((Integer r) -> -network.otherGroups(r).size())
                .thenComparingInt(r -> -network.crossGroupReplies(r))
                .thenComparing(r -> people.get(r).displayName(), collator));
        return List.copyOf(ranked.subList(0, Math.min(TOP, ranked.size())));
    }

    private static List<Entry> top(List<Entry> list) {
        return List.copyOf(list.subList(0, Math.min(TOP, list.size())));
    }
}
