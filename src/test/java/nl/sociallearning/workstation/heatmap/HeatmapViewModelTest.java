package nl.sociallearning.workstation.heatmap;

import nl.sociallearning.workstation.domain.ActivityType;
import nl.sociallearning.workstation.domain.EntityKind;
import nl.sociallearning.workstation.domain.Participant;
import nl.sociallearning.workstation.domain.ParticipantRole;
import nl.sociallearning.workstation.domain.Post;
import nl.sociallearning.workstation.sync.CacheChange;
import nl.sociallearning.workstation.ui.TaskRunner;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** The heatmap's state and signals against a real demo server and cache, without a window (one thread). */
class HeatmapViewModelTest {

    @TempDir
    static Path dir;
    static HeatmapFixture f;
    HeatmapViewModel model;
    final List<PostSelection> opened = new ArrayList<>();

    @BeforeAll
    static void sync() throws Exception {
        f = HeatmapFixture.start(dir.resolve("cache"));
    }

    @AfterAll
    static void close() {
        f.close();
    }

    @BeforeEach
    void open() {
        model = new HeatmapViewModel(f.cache, TaskRunner.direct(), f.engine, HeatmapFixture.CLOCK);
        model.setOnOpenPosts(opened::add);
        model.load();
    }

    @AfterEach
    void dispose() {
        model.dispose();
    }

    @Test
    void withoutACourseThereIsNoPictureAndWithOneItShowsItsParticipantsByLastActivity() {
        assertThat(model.pictureProperty().get()).isNull();
        model.courseProperty().set(HeatmapFixture.COURSE);
        HeatmapPicture p = model.pictureProperty().get();
        assertThat(p).isNotNull();
        long participants = f.demo().participants().stream().filter(x -> x.role() == ParticipantRole.PARTICIPANT).count();
        assertThat(p.rowCount()).isEqualTo((int) participants);
        assertThat(p.sort()).isEqualTo(RowSort.LAST_ACTIVITY);
        assertThat(model.currentWeekProperty().get()).isEqualTo(6);
        assertThat(model.silentWeekProperty().get()).as("default: the current week − 1").isEqualTo(5);
        // Most recent first; then those silent since week 5; then those who never posted.
        for (int r = 1; r < p.rowCount(); r++) {
            assertThat(p.rows().get(r).last()).isLessThanOrEqualTo(p.rows().get(r - 1).last());
        }
        var quiet = p.boundaries().get(0);
        assertThat(quiet.kind()).isEqualTo(HeatmapPicture.BoundaryKind.QUIET);
        Instant week5 = p.axis().weekStart(5);
        assertThat(p.rows().get(quiet.row()).last()).isLessThan(week5.getEpochSecond());
        assertThat(p.rows().get(quiet.row() - 1).last()).isGreaterThanOrEqualTo(week5.getEpochSecond());
        assertThat(model.groups()).containsAll(f.groups);
        assertThat(model.signalsProperty().get().people()).isEqualTo(p.rowCount());
    }

    @Test
    void aCellsSelectionListsExactlyThatParticipantsPostsOfThatDay() {
        model.courseProperty().set(HeatmapFixture.COURSE);
        HeatmapPicture p = model.pictureProperty().get();
        int row = HeatmapBinningTest.rowOf(p, HeatmapFixture.DST);
        int col = p.axis().column(HeatmapFixture.local(2026, 10, 25, 12, 0).getEpochSecond(), -1);
        PostSelection s = p.selection(row, row, col, col);
        assertThat(s.participantIds()).containsExactly(HeatmapFixture.DST);
        assertThat(s.from()).isEqualTo(HeatmapFixture.local(2026, 10, 25, 0, 0));
        assertThat(s.to()).isEqualTo(HeatmapFixture.local(2026, 10, 26, 0, 0));
        assertThat(model.postIds(s)).containsExactly("hm-p-1", "hm-p-2", "hm-p-3", "hm-p-4");
        model.open(s);
        assertThat(opened).containsExactly(s);

        // A dragged range over several rows and days: the posts of those people in those days, from the server.
        int r0 = 0;
        int r1 = 30;
        int c0 = 10;
        int c1 = 20;
        PostSelection range = p.selection(r1, r0, c1, c0);
        Set<String> people = new HashSet<>(range.participantIds());
        assertThat(people).hasSize(31);
        List<String> expected = f.demo().posts().stream()
                .filter(x -> people.contains(x.authorId()) && !x.createdAt().isBefore(range.from())
                        && x.createdAt().isBefore(range.to()))
                .map(Post::id).sorted().toList();
        assertThat(model.postIds(range).stream().sorted().toList()).isEqualTo(expected);
    }

    @Test
    void selectedRowsBecomeAFeedFilterAndExportAsCsv() throws Exception {
        model.courseProperty().set(HeatmapFixture.COURSE);
        model.selectedRows().setAll(HeatmapFixture.BRIDGE, HeatmapFixture.ALONE);
        model.openSelectedRows();
        assertThat(opened).hasSize(1);
        assertThat(opened.get(0).participantIds()).containsExactly(HeatmapFixture.BRIDGE, HeatmapFixture.ALONE);
        assertThat(opened.get(0).from()).isNull();
        assertThat(opened.get(0).courseId()).isEqualTo(HeatmapFixture.COURSE);

        Path csv = dir.resolve("rows.csv");
        model.exportRows(csv);
        List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
        assertThat(lines.get(0)).isEqualTo("\uFEFF" + RowsCsv.HEADER);
        assertThat(lines).hasSize(3);
        HeatmapPicture p = model.pictureProperty().get();
        String bridgeGroup = f.demo().participant(HeatmapFixture.BRIDGE).orElseThrow().group();
        assertThat(lines).contains("Gert Brug," + RowsCsv.field(bridgeGroup) + ",PARTICIPANT,3,3,0,2026-10-05 11:01,2026-10-05 11:03");
        assertThat(lines.get(1).startsWith("Gert Brug") || lines.get(2).startsWith("Gert Brug")).isTrue();
        assertThat(p).isNotNull();

        model.selectedRows().clear();
        model.exportRows(csv);
        assertThat(Files.readAllLines(csv, StandardCharsets.UTF_8)).hasSize(1 + p.rowCount());
        assertThat(RowsCsv.field("=SUM(A1)")).isEqualTo("'=SUM(A1)");
        assertThat(RowsCsv.field("de \"Vries\", Jan")).isEqualTo("\"de \"\"Vries\"\", Jan\"");
    }

    @Test
    void theSignalsAgreeWithTheServersOwnData() {
        model.courseProperty().set(HeatmapFixture.COURSE);
        var s = model.signalsProperty().get();
        List<Participant> learners = f.demo().participants().stream().filter(p -> p.role() == ParticipantRole.PARTICIPANT).toList();
        Map<String, List<Post>> postsBy = f.demo().posts().stream().filter(p -> p.authorId() != null)
                .collect(Collectors.groupingBy(Post::authorId));
        Map<String, Long> readsBy = f.demo().activity().stream().filter(a -> a.type() == ActivityType.VIEW)
                .collect(Collectors.groupingBy(a -> a.participantId(), Collectors.counting()));
        Set<String> never = learners.stream().filter(p -> !postsBy.containsKey(p.id())).map(Participant::id).collect(Collectors.toSet());
        Set<String> onlyReads = never.stream().filter(id -> readsBy.getOrDefault(id, 0L) > 0).collect(Collectors.toSet());
        Instant week5 = model.pictureProperty().get().axis().weekStart(5);
        Set<String> silent = learners.stream().filter(p -> postsBy.containsKey(p.id()))
                .filter(p -> postsBy.get(p.id()).stream().allMatch(x -> x.createdAt().isBefore(week5)))
                .map(Participant::id).collect(Collectors.toSet());
        assertThat(ids(s.neverPosted())).isEqualTo(never).contains(HeatmapFixture.SILENT, HeatmapFixture.READER);
        assertThat(ids(s.onlyReads())).isEqualTo(onlyReads).contains(HeatmapFixture.READER).doesNotContain(HeatmapFixture.SILENT);
        assertThat(ids(s.silentSince())).isEqualTo(silent).contains(HeatmapFixture.ALONE, HeatmapFixture.BRIDGE);
        assertThat(s.week()).isEqualTo(5);

        // Replies received from others, per participant, from the server's reply trees.
        Map<String, Post> byId = new HashMap<>();
        f.demo().posts().forEach(p -> byId.put(p.id(), p));
        Map<String, Integer> received = new HashMap<>();
        for (Post p : f.demo().posts()) {
            Post parent = p.parentId() == null ? null : byId.get(p.parentId());
            if (parent != null && parent.authorId() != null && p.authorId() != null && !parent.authorId().equals(p.authorId())) {
                received.merge(parent.authorId(), 1, Integer::sum);
            }
        }
        var top = s.mostRepliedTo().get(0);
        int best = learners.stream().mapToInt(p -> received.getOrDefault(p.id(), 0)).max().orElseThrow();
        assertThat(top.value()).isEqualTo(best).isEqualTo(received.get(top.participant().id()));
        for (int i = 1; i < s.mostRepliedTo().size(); i++) {
            assertThat(s.mostRepliedTo().get(i).value()).isLessThanOrEqualTo(s.mostRepliedTo().get(i - 1).value());
        }
        // Known cases.
        assertThat(ids(s.isolated())).contains(HeatmapFixture.ALONE).doesNotContain(HeatmapFixture.BRIDGE);
        assertThat(ids(s.firstPostUnanswered())).contains(HeatmapFixture.ALONE, HeatmapFixture.BRIDGE)
                .doesNotContain("hm-other-1");
        // The bridge answered three people of three other groups; the connectors list is the top of that measure.
        var repo = f.cache.heatmap();
        CourseActivity data = CourseActivity.load(repo, f.cache.courses().find(HeatmapFixture.COURSE).orElseThrow());
        ReplyNetwork net = ReplyNetwork.of(data, data.loadGraph(repo));
        int bridge = data.rowOf(HeatmapFixture.BRIDGE);
        assertThat(net.otherGroups(bridge)).containsExactlyInAnyOrder(f.groups.get(1), f.groups.get(2), f.groups.get(3));
        assertThat(net.given(bridge)).isEqualTo(3);
        assertThat(net.received(data.rowOf("hm-other-2"))).isEqualTo(1);
        assertThat(net.replies(bridge, data.rowOf("hm-other-3"))).isEqualTo(1);
        assertThat(net.unconnected(data.rowOf(HeatmapFixture.ALONE))).isTrue();
        assertThat(s.connectors()).isNotEmpty();
        int lastShown = s.connectors().get(s.connectors().size() - 1).value();
        assertThat(s.connectors().stream().anyMatch(e -> e.participant().id().equals(HeatmapFixture.BRIDGE))
                || lastShown >= 3).isTrue();
        for (var e : s.connectors()) {
            assertThat(e.value()).isEqualTo(net.otherGroups(data.rowOf(e.participant().id())).size());
        }

        // Choosing another week, or a group, recomputes the lists.
        model.silentWeekProperty().set(3);
        assertThat(model.signalsProperty().get().week()).isEqualTo(3);
        assertThat(model.signalsProperty().get().silentSince().size()).isLessThanOrEqualTo(s.silentSince().size());
        model.groupProperty().set(f.groups.get(2));
        assertThat(model.pictureProperty().get().rows()).allMatch(r -> f.groups.get(2).equals(r.participant().group()));
        assertThat(ids(model.signalsProperty().get().onlyReads())).contains(HeatmapFixture.READER);
    }

    @Test
    void theReplyNetworkPutsEachPersonInTheirGroupsDiscAndMarksTheIsolatedAndTheConnectors() {
        model.courseProperty().set(HeatmapFixture.COURSE);
        // The connectors drawn are the people of the signal "connect groups".
        assertThat(model.networkProperty().get().nodes().stream().filter(x -> x.kind() == NetworkPicture.Kind.CONNECTOR)
                .map(x -> x.participant().id()).collect(Collectors.toSet()))
                .isNotEmpty().isEqualTo(ids(model.signalsProperty().get().connectors()));

        model.roleProperty().set(null);
        NetworkPicture n = model.networkProperty().get();
        assertThat(n).isNotNull();
        // With the moderators shown too, both still name the same people (moderators never count as connectors).
        assertThat(n.nodes().stream().filter(x -> x.kind() == NetworkPicture.Kind.CONNECTOR).map(x -> x.participant().id())
                .collect(Collectors.toSet())).isEqualTo(ids(model.signalsProperty().get().connectors()));
        java.util.Collection<Participant> everyone = f.demo().participants();
        assertThat(n.nodes()).hasSize(everyone.size());
        Map<String, NetworkPicture.Node> byId = n.nodes().stream()
                .collect(Collectors.toMap(x -> x.participant().id(), x -> x));
        assertThat(byId.get(HeatmapFixture.ALONE).kind()).isEqualTo(NetworkPicture.Kind.ISOLATED);
        assertThat(byId.get(HeatmapFixture.BRIDGE).kind()).isIn(NetworkPicture.Kind.CONNECTOR, NetworkPicture.Kind.MEMBER);
        assertThat(byId.get(HeatmapFixture.BRIDGE).otherGroups()).isEqualTo(3);
        assertThat(byId.get(HeatmapFixture.SILENT).kind()).isEqualTo(NetworkPicture.Kind.QUIET);
        assertThat(byId.get(HeatmapFixture.READER).kind()).isEqualTo(NetworkPicture.Kind.QUIET);

        // Every dot lies in the disc of its group (moderators in the middle one), and no two discs overlap.
        for (NetworkPicture.Node x : n.nodes()) {
            boolean moderator = x.participant().role() == ParticipantRole.MODERATOR;
            NetworkPicture.Cluster c = n.clusters().stream()
                    .filter(k -> moderator ? k.moderators() : !k.moderators() && Objects.equals(k.group(), x.participant().group()))
                    .findFirst().orElseThrow();
            assertThat(Math.hypot(x.x() - c.x(), x.y() - c.y())).isLessThanOrEqualTo(c.radius());
        }
        for (NetworkPicture.Cluster a : n.clusters()) {
            for (NetworkPicture.Cluster b : n.clusters()) {
                if (a != b) {
                    assertThat(Math.hypot(a.x() - b.x(), a.y() - b.y())).isGreaterThan(a.radius() + b.radius());
                }
            }
        }
        // One line per pair who answered each other, with the replies of both ways; across groups when it is.
        Map<String, Post> byPost = new HashMap<>();
        f.demo().posts().forEach(p -> byPost.put(p.id(), p));
        Map<Set<String>, Integer> pairs = new HashMap<>();
        for (Post p : f.demo().posts()) {
            Post parent = p.parentId() == null ? null : byPost.get(p.parentId());
            if (parent != null && parent.authorId() != null && p.authorId() != null && !parent.authorId().equals(p.authorId())) {
                pairs.merge(Set.of(p.authorId(), parent.authorId()), 1, Integer::sum);
            }
        }
        assertThat(n.links()).hasSize(pairs.size());
        for (NetworkPicture.Link l : n.links()) {
            Participant a = n.nodes().get(l.a()).participant();
            Participant b = n.nodes().get(l.b()).participant();
            assertThat(l.replies()).isEqualTo(pairs.get(Set.of(a.id(), b.id())));
            assertThat(l.across()).isEqualTo(a.role() != ParticipantRole.MODERATOR && b.role() != ParticipantRole.MODERATOR
                    && !Objects.equals(a.group(), b.group()));
        }
        // The isolated in a disc lie further out than the best connected of it.
        NetworkPicture.Node alone = byId.get(HeatmapFixture.ALONE);
        String group = alone.participant().group();
        NetworkPicture.Cluster home = n.clusters().stream().filter(k -> group.equals(k.group())).findFirst().orElseThrow();
        NetworkPicture.Node hub = n.nodes().stream().filter(x -> group.equals(x.participant().group()))
                .max(java.util.Comparator.comparingInt(NetworkPicture.Node::partners)).orElseThrow();
        assertThat(Math.hypot(alone.x() - home.x(), alone.y() - home.y()))
                .isGreaterThan(Math.hypot(hub.x() - home.x(), hub.y() - home.y()));

        // A group chosen: only its people, and only the lines between them.
        model.groupProperty().set(f.groups.get(2));
        NetworkPicture one = model.networkProperty().get();
        assertThat(one.nodes()).isNotEmpty().allMatch(x -> f.groups.get(2).equals(x.participant().group()));
        assertThat(one.links()).noneMatch(NetworkPicture.Link::across);
        assertThat(one.bridges()).isEmpty();
        // Between discs: the replies across each pair of groups, added up from the links.
        int across = n.links().stream().filter(NetworkPicture.Link::across).mapToInt(NetworkPicture.Link::replies).sum();
        int toModerators = n.links().stream().filter(l -> !l.across()
                && (n.nodes().get(l.a()).kind() == NetworkPicture.Kind.MODERATOR) != (n.nodes().get(l.b()).kind() == NetworkPicture.Kind.MODERATOR))
                .mapToInt(NetworkPicture.Link::replies).sum();
        assertThat(n.bridges().stream().mapToInt(NetworkPicture.Bridge::replies).sum()).isEqualTo(across + toModerators);
    }

    @Test
    void choicesReuseWhatWasReadAndOnlyAChangeOfTheShownCourseReadsAgain() {
        model.courseProperty().set(HeatmapFixture.COURSE);
        HeatmapPicture first = model.pictureProperty().get();
        model.measureProperty().set(Measure.REPLIES);
        assertThat(model.pictureProperty().get().measure()).isEqualTo(Measure.REPLIES);
        model.binsProperty().set(BinKind.MODULE);
        assertThat(model.pictureProperty().get().columns()).isEqualTo(6);
        model.sortProperty().set(RowSort.SIMILARITY);
        assertThat(model.pictureProperty().get().rowCount()).isEqualTo(first.rowCount());
        model.measureProperty().set(Measure.READS);
        model.binsProperty().set(BinKind.HOUR_OF_WEEK);
        assertThat(model.pictureProperty().get().columns()).isEqualTo(168);
        model.roleProperty().set(null);
        assertThat(model.pictureProperty().get().rowCount()).isEqualTo(f.demo().participants().size());

        // A notice for another course changes nothing shown; one for this course reads it again.
        HeatmapPicture before = model.pictureProperty().get();
        model.cacheChanged(new CacheChange("elders", Set.of(EntityKind.POST)));
        assertThat(model.pictureProperty().get()).isSameAs(before);
        model.cacheChanged(new CacheChange(HeatmapFixture.COURSE, Set.of(EntityKind.POST)));
        assertThat(model.pictureProperty().get()).isNotSameAs(before);
        assertThat(model.pictureProperty().get().rowCount()).isEqualTo(before.rowCount());

        model.courseProperty().set(null);
        assertThat(model.pictureProperty().get()).isNull();
    }

    private static Set<String> ids(List<ParticipationSignals.Entry> entries) {
        return entries.stream().map(e -> e.participant().id()).collect(Collectors.toSet());
    }
}
