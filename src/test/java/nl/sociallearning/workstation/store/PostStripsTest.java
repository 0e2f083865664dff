package nl.sociallearning.workstation.store;

import nl.sociallearning.workstation.domain.ActionType;
import nl.sociallearning.workstation.domain.Approval;
import nl.sociallearning.workstation.domain.Audience;
import nl.sociallearning.workstation.domain.Change;
import nl.sociallearning.workstation.domain.Course;
import nl.sociallearning.workstation.domain.DiscussionThread;
import nl.sociallearning.workstation.domain.EntityKind;
import nl.sociallearning.workstation.domain.ModerationAction;
import nl.sociallearning.workstation.domain.OutboxState;
import nl.sociallearning.workstation.domain.Post;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The heatmap's post strips always say what the posts say: after a full pass, after incremental pages with new
 * posts, edits that change the author, removed posts and threads, and after local replies made, taken back and
 * settled. Compared against a read of the posts themselves on a real H2 file.
 */
class PostStripsTest {

    static final String C = "c1";
    static final Instant T = Instant.parse("2026-03-29T00:30:00Z"); // the night the clocks go forward

    @TempDir
    Path dir;
    Cache cache;

    @BeforeEach
    void open() {
        cache = Cache.open(dir);
        cache.changes().saveCourses(List.of(new Course(C, "Cursus", "Org", Audience.EDUCATION, T, T.plusSeconds(86_400 * 42),
                ZoneId.of("Europe/Amsterdam"), 10)));
        cache.changes().saveCourses(List.of(new Course("other", "Ander", "Org", Audience.EDUCATION, T, T, ZoneId.of("UTC"), 1)));
    }

    @AfterEach
    void close() {
        cache.close();
    }

    @Test
    void packedTimesComeBackExactly() {
        long[] times = {-86_400L * 365 * 80, -1, 0, 0, 1, 1_700_000_000L, 1_700_000_000L, 4_102_444_800L, Long.MAX_VALUE / 4};
        byte[] packed = PostStrips.pack(times, times.length);
        long[] back = new long[packed.length];
        assertThat(PostStrips.unpack(packed, back)).isEqualTo(times.length);
        assertThat(java.util.Arrays.copyOf(back, times.length)).containsExactly(times);
        assertThat(PostStrips.unpack(PostStrips.pack(times, 0), back)).isZero();
    }

    @Test
    void aFirstFullPassLeavesCurrentStripsThatMatchThePosts() {
        page(C, "c-1", true, thread("t-1"), post("m-1", "t-1", "p-1", T, 1), post("m-2", "t-1", "p-2", T.plusSeconds(5), 1),
                post("m-3", "t-1", "p-1", T.minusSeconds(3600), 1));
        assertThat(cache.heatmap().stripsCurrent(C)).isTrue();
        assertThat(fromStrips(C)).isEqualTo(fromPosts(C))
                .containsEntry("p-1", List.of(T.minusSeconds(3600).getEpochSecond(), T.getEpochSecond()));
    }

    @Test
    void duringAFullPassThePostsThemselvesAreReadAndItsEndBringsTheStripsBack() {
        page(C, "c-1", true, thread("t-1"), post("m-1", "t-1", "p-1", T, 1));
        cache.changes().restartFullPass(C);
        page(C, "d-1", false, thread("t-1"), post("m-1", "t-1", "p-1", T, 1), post("m-9", "t-1", "p-9", T, 1));
        assertThat(cache.heatmap().stripsCurrent(C)).isFalse();
        assertThat(fromStrips(C)).isEqualTo(fromPosts(C)).containsKeys("p-1", "p-9");
        page(C, "d-2", true);
        assertThat(cache.heatmap().stripsCurrent(C)).isTrue();
        assertThat(fromStrips(C)).isEqualTo(fromPosts(C));
    }

    @Test
    void aCacheFromBeforeTheStripsGetsThemWithItsFirstChange() throws Exception {
        page(C, "c-1", true, thread("t-1"), post("m-1", "t-1", "p-1", T, 1));
        Database db = Database.open(dir);
        try (var c = db.connection()) {
            Jdbc.update(c, "DELETE FROM post_strip");
            Jdbc.update(c, "UPDATE sync_state SET post_strips_current = FALSE");
        }
        assertThat(fromStrips(C)).as("read from the posts meanwhile").isEqualTo(fromPosts(C)).containsKey("p-1");
        page(C, "c-2", false, post("m-2", "t-1", "p-2", T, 1));
        assertThat(cache.heatmap().stripsCurrent(C)).isTrue();
        assertThat(fromStrips(C)).isEqualTo(fromPosts(C)).containsKeys("p-1", "p-2");
    }

    @Test
    void localRepliesCountFromTheMomentTheyAreMadeUntilTheServersPostTakesTheirPlace() {
        page(C, "c-1", true, thread("t-1"), post("m-1", "t-1", "p-1", T, 1));
        ModerationAction reply = ModerationAction.create(C, "mod-1", ActionType.REPLY, "m-1", null,
                Map.of("bodyHtml", "<p>welkom</p>"), T.plusSeconds(60));
        cache.outbox().enqueue(reply);
        assertThat(fromStrips(C)).isEqualTo(fromPosts(C)).containsEntry("mod-1", List.of(T.plusSeconds(60).getEpochSecond()));

        cache.outbox().settle(reply, OutboxState.APPLIED, null, List.of(post("m-2", "t-1", "mod-1", T.plusSeconds(61), 1)));
        assertThat(fromStrips(C)).isEqualTo(fromPosts(C)).containsEntry("mod-1", List.of(T.plusSeconds(61).getEpochSecond()));

        ModerationAction second = ModerationAction.create(C, "mod-1", ActionType.REPLY, "m-1", null,
                Map.of("bodyHtml", "<p>nog iets</p>"), T.plusSeconds(120));
        cache.outbox().enqueue(second);
        assertThat(fromStrips(C).get("mod-1")).hasSize(2);
        assertThat(cache.outbox().discard(second.id())).isTrue();
        assertThat(fromStrips(C)).isEqualTo(fromPosts(C)).containsEntry("mod-1", List.of(T.plusSeconds(61).getEpochSecond()));
    }

    /** Random pages of new posts, edits (some to another author), removals of posts and threads, in two courses. */
    @Test
    void anyMixOfChangesKeepsTheStripsEqualToThePosts() {
        Random random = new Random(20261129);
        page(C, "c-0", true, thread("t-0"));
        page("other", "o-0", true, thread("t-0"));
        List<String> posts = new ArrayList<>();
        List<String> threads = new ArrayList<>(List.of("t-0"));
        for (int round = 1; round <= 40; round++) {
            List<Change> changes = new ArrayList<>();
            for (int i = 0; i < 1 + random.nextInt(30); i++) {
                int what = random.nextInt(10);
                String author = "p-" + random.nextInt(12);
                Instant at = T.plusSeconds(random.nextInt(86_400 * 42));
                if (what < 5 || posts.isEmpty()) {
                    String id = "m-" + round + "-" + i;
                    String thread = threads.get(random.nextInt(threads.size()));
                    posts.add(id);
                    changes.add(post(id, thread, author, at, 1));
                } else if (what < 7) {
                    String id = posts.get(random.nextInt(posts.size()));
                    // The same post again, edited, possibly with another author and time.
                    changes.add(post(id, threads.get(0), author, at, 2 + random.nextInt(5)));
                } else if (what < 9) {
                    changes.add(new Change.Removal(EntityKind.POST, posts.remove(random.nextInt(posts.size()))));
                } else if (threads.size() > 1) {
                    changes.add(new Change.Removal(EntityKind.THREAD, threads.remove(1 + random.nextInt(threads.size() - 1))));
                } else {
                    String id = "t-" + round;
                    threads.add(id);
                    changes.add(thread(id));
                }
            }
            page(C, "c-" + round, false, changes.toArray(Change[]::new));
            page("other", "o-" + round, false, post("o-" + round, "t-0", "p-1", T, 1));
            assertThat(cache.heatmap().stripsCurrent(C)).isTrue();
            assertThat(fromStrips(C)).as("round " + round).isEqualTo(fromPosts(C));
            assertThat(fromStrips("other")).as("round " + round).isEqualTo(fromPosts("other"));
        }
        assertThat(fromStrips("other").get("p-1")).hasSize(40);
    }

    private Map<String, List<Long>> fromStrips(String course) {
        Map<String, List<Long>> times = new TreeMap<>();
        cache.heatmap().postTimes(course, (who, at) -> times.computeIfAbsent(who, w -> new ArrayList<>()).add(at));
        times.values().forEach(list -> list.sort(null));
        return times;
    }

    private Map<String, List<Long>> fromPosts(String course) {
        Map<String, List<Long>> times = new TreeMap<>();
        cache.heatmap().postTimesFromPosts(course, (who, at) -> times.computeIfAbsent(who, w -> new ArrayList<>()).add(at));
        times.values().forEach(list -> list.sort(null));
        return times;
    }

    private void page(String course, String cursor, boolean end, Change... changes) {
        try (PageTransaction page = cache.changes().beginPage(course)) {
            for (Change c : changes) {
                page.apply(c);
            }
            page.commit(cursor, end);
        }
    }

    private static Change thread(String id) {
        return new Change.ThreadUpsert(new DiscussionThread(C, id, "Titel " + id, "1. Module", "p-1", T, T, false, false, 1));
    }

    private static Change post(String id, String thread, String author, Instant at, int version) {
        return new Change.PostUpsert(new Post(C, id, thread, null, author, at, version > 1 ? at.plusSeconds(60) : null,
                "<p>tekst</p>", false, false, Approval.APPROVED, 0, version));
    }
}
