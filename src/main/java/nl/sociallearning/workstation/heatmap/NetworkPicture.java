package nl.sociallearning.workstation.heatmap;

import nl.sociallearning.workstation.domain.Participant;
import nl.sociallearning.workstation.domain.ParticipantRole;

import java.text.Collator;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.IntPredicate;

/**
 * The reply network laid out to be drawn: one disc per group on a ring, the moderators in the middle, each
 * person a dot in their group's disc, the best connected at its centre and the unconnected on its rim; a link
 * for every pair who answered each other, and a bridge for the replies between two discs (a thousand people's
 * links across groups are a hairball; one band per pair of groups shows which groups carry the discussion). A fixed layout (no force simulation): the same course gives the same
 * picture, and a person is found again where they were. Coordinates are abstract units; the view scales them.
 */
public final class NetworkPicture {

    /** What a dot says about a person. */
    public enum Kind {
        /**
         * One of the {@link ParticipationSignals#TOP} who exchanged replies with the most other groups (then the most
         * replies across groups): the same people as the signal "connect groups".
         */
        CONNECTOR,
        /** Posted, but never answered anyone nor was answered. */
        ISOLATED,
        /** Never posted. */
        QUIET,
        MODERATOR,
        /** Answered or was answered, but is not among the connectors. */
        MEMBER
    }

    /** One person: their row in {@link CourseActivity}, place and kind, and the pairs they are part of. */
    public record Node(int row, Participant participant, double x, double y, Kind kind, int partners, int otherGroups) { }

    /** Two people who answered each other {@code replies} times (either way); {@code across}: different groups. */
    public record Link(int a, int b, int replies, boolean across) { }

    /** Replies exchanged between the people of two discs (indexes into {@link #clusters()}). */
    public record Bridge(int a, int b, int replies) { }

    /** A group's disc; {@code group} is null for the people without one and for the moderators' disc. */
    public record Cluster(String group, boolean moderators, double x, double y, double radius, int members,
                          int isolated) { }

    /** The spacing of dots inside a disc, in units. */
    static final double SPACING = 1.0;
    private static final double GAP = 3.0;
    private static final double GOLDEN_ANGLE = Math.PI * (3 - Math.sqrt(5));

    private final List<Node> nodes;
    private final List<Link> links;
    private final List<Cluster> clusters;
    private final List<Bridge> bridges;
    private final double extent;
    private final String courseId;

    private NetworkPicture(String courseId, List<Node> nodes, List<Link> links, List<Cluster> clusters,
                           List<Bridge> bridges, double extent) {
        this.courseId = courseId;
        this.nodes = nodes;
        this.links = links;
        this.clusters = clusters;
        this.bridges = bridges;
        this.extent = extent;
    }

    /** The key of the people without a group among the groups: sorts last, and is no group's name. */
    private static final String NO_GROUP = "\uFFFF";

    /** Lays out the participants {@code shown}; their links are those within the shown people. */
    public static NetworkPicture build(CourseActivity data, ReplyNetwork network, IntPredicate shown) {
        List<Participant> people = data.participants();
        int[] posts = new int[people.size()];
        Events times = data.postTimes();
        for (int i = 0; i < times.size(); i++) {
            posts[times.who(i)]++;
        }
        Collator collator = Collator.getInstance(Locale.forLanguageTag("nl"));
        Map<String, List<Integer>> byGroup = new HashMap<>();
        List<Integer> mods = new ArrayList<>();
        for (int r = 0; r < people.size(); r++) {
            if (!shown.test(r)) {
                continue;
            }
            Participant p = people.get(r);
            if (p.role() == ParticipantRole.MODERATOR) {
                mods.add(r);
            } else {
                byGroup.computeIfAbsent(p.group() == null ? NO_GROUP : p.group(), g -> new ArrayList<>()).add(r);
            }
        }
        Set<Integer> connectors = new HashSet<>(ParticipationSignals.connectorRows(data, network, shown));
        List<String> groups = new ArrayList<>(byGroup.keySet());
        groups.sort(Comparator.comparing((String g) -> g.equals(NO_GROUP)).thenComparing(collator));

        // The ring: as long as the discs side by side with a gap between them; wide enough to hold the moderators.
        Map<String, Double> radius = new LinkedHashMap<>();
        double around = 0;
        for (String g : groups) {
            double r = discRadius(byGroup.get(g).size());
            radius.put(g, r);
            around += 2 * r + GAP;
        }
        double largest = radius.values().stream().mapToDouble(Double::doubleValue).max().orElse(0);
        double centre = mods.isEmpty() ? 0 : discRadius(mods.size());
        double ring = groups.size() <= 1 ? (mods.isEmpty() ? 0 : centre + largest + GAP)
                : Math.max(around / (2 * Math.PI), centre + largest + GAP);
        if (groups.size() == 2) {
            ring = Math.max(ring, largest + GAP / 2 + (mods.isEmpty() ? 0 : centre));
        }

        List<Node> nodes = new ArrayList<>();
        List<Cluster> clusters = new ArrayList<>();
        double angle = -Math.PI / 2;
        for (String g : groups) {
            double r = radius.get(g);
            double share = around == 0 ? 0 : (2 * r + GAP) / around * 2 * Math.PI;
            double a = angle + share / 2;
            double cx = ring * Math.cos(a);
            double cy = ring * Math.sin(a);
            angle += share;
            clusters.add(place(g.equals(NO_GROUP) ? null : g, false, byGroup.get(g), cx, cy, r, data, network, posts,
                    connectors, nodes, collator));
        }
        if (!mods.isEmpty()) {
            clusters.add(place(null, true, mods, 0, 0, centre, data, network, posts, connectors, nodes, collator));
        }
        double extent = 0;
        for (Cluster c : clusters) {
            extent = Math.max(extent, Math.max(Math.abs(c.x()), Math.abs(c.y())) + c.radius());
        }

        Map<Integer, Integer> shownIndex = new HashMap<>();
        int[] clusterOf = new int[nodes.size()];
        int first = 0;
        for (int c = 0; c < clusters.size(); c++) {
            for (int i = first; i < first + clusters.get(c).members(); i++) {
                clusterOf[i] = c;
            }
            first += clusters.get(c).members();
        }
        for (int i = 0; i < nodes.size(); i++) {
            shownIndex.put(nodes.get(i).row(), i);
        }
        Map<Long, Integer> between = new HashMap<>();
        List<Link> links = new ArrayList<>();
        for (ReplyNetwork.Edge e : network.edges()) {
            if (e.from() > e.to() && network.replies(e.to(), e.from()) > 0) {
                continue; // the pair is counted once, from its lower row
            }
            Integer a = shownIndex.get(e.from());
            Integer b = shownIndex.get(e.to());
            if (a == null || b == null) {
                continue;
            }
            int replies = network.replies(e.from(), e.to()) + network.replies(e.to(), e.from());
            Participant pa = people.get(e.from());
            Participant pb = people.get(e.to());
            boolean across = pa.role() != ParticipantRole.MODERATOR && pb.role() != ParticipantRole.MODERATOR
                    && !java.util.Objects.equals(pa.group(), pb.group());
            links.add(new Link(a, b, replies, across));
            int ca = Math.min(clusterOf[a], clusterOf[b]);
            int cb = Math.max(clusterOf[a], clusterOf[b]);
            if (ca != cb) {
                between.merge((long) ca * clusters.size() + cb, replies, Integer::sum);
            }
        }
        List<Bridge> bridges = new ArrayList<>();
        between.forEach((key, replies) -> bridges.add(new Bridge((int) (key / clusters.size()),
                (int) (key % clusters.size()), replies)));
        bridges.sort(Comparator.comparingInt(Bridge::replies).thenComparingInt(Bridge::a).thenComparingInt(Bridge::b));
        // Thin lines first, so the strong ties and the bridges are drawn on top.
        links.sort(Comparator.comparing(Link::across).thenComparingInt(Link::replies));
        return new NetworkPicture(data.course().id(), List.copyOf(nodes), List.copyOf(links), List.copyOf(clusters),
                List.copyOf(bridges), Math.max(extent, 1));
    }

    /** A disc that holds {@code n} dots {@link #SPACING} apart. */
    static double discRadius(int n) {
        return SPACING * Math.sqrt(Math.max(n, 1)) * 0.62 + SPACING;
    }

    private static Cluster place(String group, boolean moderators, List<Integer> rows, double cx, double cy,
                                 double radius, CourseActivity data, ReplyNetwork network, int[] posts,
                                 Set<Integer> connectors, List<Node> out, Collator collator) {
        List<Participant> people = data.participants();
        // The best connected in the middle; the isolated, then those who never posted, on the rim.
        List<Integer> order = new ArrayList<>(rows);
        order.sort(Comparator.comparingInt((Integer r) -> -network.partners(r).size())
                .thenComparingInt(r -> posts[r] == 0 ? 1 : 0)
                .thenComparing(r -> people.get(r).displayName(), collator));
        int n = order.size();
        int isolated = 0;
        double usable = Math.max(0, radius - SPACING * 0.6);
        for (int i = 0; i < n; i++) {
            int r = order.get(i);
            double d = usable * Math.sqrt((i + 0.5) / n);
            double a = i * GOLDEN_ANGLE;
            Participant p = people.get(r);
            int otherGroups = network.otherGroups(r).size();
            Kind kind;
            if (p.role() == ParticipantRole.MODERATOR) {
                kind = Kind.MODERATOR;
            } else if (posts[r] == 0) {
                kind = Kind.QUIET;
            } else if (network.unconnected(r)) {
                kind = Kind.ISOLATED;
                isolated++;
            } else if (connectors.contains(r)) {
                kind = Kind.CONNECTOR;
            } else {
                kind = Kind.MEMBER;
            }
            out.add(new Node(r, p, cx + d * Math.cos(a), cy + d * Math.sin(a), kind, network.partners(r).size(),
                    otherGroups));
        }
        return new Cluster(group, moderators, cx, cy, radius, n, isolated);
    }

    public String courseId() { return courseId; }

    public List<Node> nodes() { return nodes; }

    /** The pairs, bridges and strong ties last. */
    public List<Link> links() { return links; }

    public List<Cluster> clusters() { return clusters; }

    /** Replies between discs, the most last. */
    public List<Bridge> bridges() { return bridges; }

    /** Every disc lies within [-extent, extent] on both axes. */
    public double extent() { return extent; }

    /** How many of the people shown have the given kind. */
    public long count(Kind kind) {
        return nodes.stream().filter(n -> n.kind() == kind).count();
    }
}
