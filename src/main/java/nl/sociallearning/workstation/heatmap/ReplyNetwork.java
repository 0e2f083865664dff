package nl.sociallearning.workstation.heatmap;

import nl.sociallearning.workstation.domain.Participant;
import nl.sociallearning.workstation.domain.ParticipantRole;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Who answers whom: an edge from the author of a reply to the author of the post it answers, weighted by the
 * number of such replies. Answering oneself is no edge; nor is a reply to a post whose author is not enrolled
 * or not in the cache.
 */
public final class ReplyNetwork {

    /** One edge: {@code from} answered {@code to}, {@code replies} times. */
    public record Edge(int from, int to, int replies) { }

    private final List<Participant> people;
    private final Map<Long, Integer> weights = new HashMap<>();
    private final int[] given;
    private final int[] received;
    private final List<Set<Integer>> partners;

    private ReplyNetwork(List<Participant> people) {
        this.people = people;
        int n = people.size();
        this.given = new int[n];
        this.received = new int[n];
        this.partners = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            partners.add(new HashSet<>(4));
        }
    }

    public static ReplyNetwork of(CourseActivity data, PostGraph graph) {
        ReplyNetwork net = new ReplyNetwork(data.participants());
        int n = data.participants().size();
        for (int i = 0; i < graph.size(); i++) {
            int parent = graph.parent(i);
            if (parent < 0) {
                continue;
            }
            int from = graph.author(i);
            int to = graph.author(parent);
            if (from < 0 || to < 0 || from == to) {
                continue;
            }
            net.weights.merge((long) from * n + to, 1, Integer::sum);
            net.given[from]++;
            net.received[to]++;
            net.partners.get(from).add(to);
            net.partners.get(to).add(from);
        }
        return net;
    }

    /** Every edge. */
    public List<Edge> edges() {
        int n = people.size();
        List<Edge> out = new ArrayList<>(weights.size());
        weights.forEach((key, w) -> out.add(new Edge((int) (key / n), (int) (key % n), w)));
        return out;
    }

    /** How often {@code from} answered {@code to}. */
    public int replies(int from, int to) {
        return weights.getOrDefault((long) from * people.size() + to, 0);
    }

    /** Replies the participant wrote to others. */
    public int given(int row) { return given[row]; }

    /** Replies others wrote to the participant. */
    public int received(int row) { return received[row]; }

    /** Everyone the participant answered or was answered by. */
    public Set<Integer> partners(int row) { return partners.get(row); }

    /** Neither answered anyone nor was answered by anyone. */
    public boolean unconnected(int row) {
        return partners.get(row).isEmpty();
    }

    /**
     * The groups other than their own that the participant exchanged replies with (either way). Moderators do
     * not count as a bridge to their group: answering everyone is their job, not a tie between groups.
     */
    public Set<String> otherGroups(int row) {
        String own = people.get(row).group();
        Set<String> groups = new HashSet<>();
        for (int other : partners.get(row)) {
            Participant p = people.get(other);
            if (p.group() != null && p.role() != ParticipantRole.MODERATOR && !Objects.equals(p.group(), own)) {
                groups.add(p.group());
            }
        }
        return groups;
    }

    /** Replies exchanged (either way) with people of another group than one's own (moderators not counted). */
    public int crossGroupReplies(int row) {
        String own = people.get(row).group();
        int n = 0;
        for (int other : partners.get(row)) {
            Participant p = people.get(other);
            if (p.group() != null && p.role() != ParticipantRole.MODERATOR && !Objects.equals(p.group(), own)) {
                n += replies(row, other) + replies(other, row);
            }
        }
        return n;
    }
}
