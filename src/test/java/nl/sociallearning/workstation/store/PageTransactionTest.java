package nl.sociallearning.workstation.store;

import nl.sociallearning.workstation.domain.ActionType;
import nl.sociallearning.workstation.domain.Approval;
import nl.sociallearning.workstation.domain.Audience;
import nl.sociallearning.workstation.domain.Change;
import nl.sociallearning.workstation.domain.Course;
import nl.sociallearning.workstation.domain.DiscussionThread;
import nl.sociallearning.workstation.domain.EntityKind;
import nl.sociallearning.workstation.domain.ModerationAction;
import nl.sociallearning.workstation.domain.Post;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The cache's write path on a real H2 file: pages commit whole or not at all. */
class PageTransactionTest {

    static final String C = "c1";
    static final Instant T = Instant.parse("2026-11-20T10:00:00Z");

    @TempDir
    Path dir;
    Cache cache;

    @BeforeEach
    void open() {
        cache = Cache.open(dir);
        cache.changes().saveCourses(List.of(new Course(C, "Cursus", "Org", Audience.EMPLOYER, T, T, ZoneId.of("Europe/Amsterdam"), 3)));
    }

    @AfterEach
    void close() {
        cache.close();
    }

    static Post post(String id, String thread, String parent, int version, String body) {
        return new Post(C, id, thread, parent, "p-1", T, version > 1 ? T.plusSeconds(60) : null, body, false, false,
                Approval.APPROVED, 0, version);
    }

    static DiscussionThread thread(String id) {
        return new DiscussionThread(C, id, "Titel " + id, "1. Module", "p-1", T, T, false, false, 1);
    }

    void page(String cursor, boolean end, Change... changes) {
        try (PageTransaction page = cache.changes().beginPage(C)) {
            for (Change c : changes) {
                page.apply(c);
            }
            page.commit(cursor, end);
        }
    }

    @Test
    void aPageThatIsNotCommittedLeavesNoTraceAndKeepsTheCursor() {
        page("c-1", false, new Change.ThreadUpsert(thread("t-1")), new Change.PostUpsert(post("m-1", "t-1", null, 1, "a")));
        try (PageTransaction broken = cache.changes().beginPage(C)) {
            broken.apply(new Change.PostUpsert(post("m-2", "t-1", "m-1", 1, "b")));
            broken.apply(new Change.Removal(EntityKind.POST, "m-1"));
            // the download broke here: no commit
        }
        assertThat(cache.posts().ids(C)).containsExactly("m-1");
        assertThat(cache.syncStates().find(C).orElseThrow().cursor()).isEqualTo("c-1");
    }

    @Test
    void anEditKeepsTheBodyItReplacesOnceTheFirstPassIsOver() {
        page("c-1", true, new Change.ThreadUpsert(thread("t-1")), new Change.PostUpsert(post("m-1", "t-1", null, 1, "eerst")));
        page("c-2", true, new Change.PostUpsert(post("m-1", "t-1", null, 2, "daarna")));
        assertThat(cache.posts().find(C, "m-1").orElseThrow().bodyHtml()).isEqualTo("daarna");
        assertThat(cache.posts().revisions(C, "m-1")).containsExactly("eerst");
    }

    @Test
    void removingAThreadRemovesItsPosts() {
        page("c-1", true, new Change.ThreadUpsert(thread("t-1")), new Change.ThreadUpsert(thread("t-2")),
                new Change.PostUpsert(post("m-1", "t-1", null, 1, "a")), new Change.PostUpsert(post("m-2", "t-2", null, 1, "b")));
        page("c-2", true, new Change.Removal(EntityKind.THREAD, "t-1"));
        assertThat(cache.threads().find(C, "t-1")).isEmpty();
        assertThat(cache.posts().ids(C)).containsExactly("m-2");
    }

    @Test
    void aFullPassRemovesWhatItDidNotBringButOnlyWhenItEnds() {
        page("c-1", true, new Change.ThreadUpsert(thread("t-1")), new Change.PostUpsert(post("m-1", "t-1", null, 1, "a")),
                new Change.PostUpsert(post("m-2", "t-1", "m-1", 1, "b")));
        cache.changes().restartFullPass(C);
        page("d-1", false, new Change.ThreadUpsert(thread("t-1")), new Change.PostUpsert(post("m-1", "t-1", null, 1, "a")));
        assertThat(cache.posts().ids(C)).as("still shown while the pass runs").containsExactly("m-1", "m-2");
        page("d-2", true);
        assertThat(cache.posts().ids(C)).containsExactly("m-1");
        assertThat(cache.syncStates().find(C).orElseThrow().fullPass()).isFalse();
    }

    @Test
    void aPendingActionStaysVisibleWhenTheServerSendsTheOldStateAgain() {
        page("c-1", true, new Change.ThreadUpsert(thread("t-1")), new Change.PostUpsert(post("m-1", "t-1", null, 1, "a")));
        cache.outbox().enqueue(ModerationAction.create(C, "mod-1", ActionType.HIDE, "m-1", 1, Map.of(), T));
        cache.outbox().enqueue(ModerationAction.create(C, "mod-1", ActionType.LOCK, "t-1", 1, Map.of(), T));
        cache.outbox().enqueue(ModerationAction.create(C, "mod-1", ActionType.REPLY, "m-1", null, Map.of("bodyHtml", "<p>ok</p>"),
                T.plusSeconds(60)));

        page("c-2", true, new Change.ThreadUpsert(thread("t-1")), new Change.PostUpsert(post("m-1", "t-1", null, 1, "a")));

        assertThat(cache.posts().find(C, "m-1").orElseThrow().hidden()).isTrue();
        assertThat(cache.threads().find(C, "t-1").orElseThrow().locked()).isTrue();
        assertThat(cache.posts().inThread(C, "t-1")).extracting(Post::parentId).containsExactly(null, "m-1");
        assertThat(cache.outbox().countPending()).isEqualTo(3);
    }

    @Test
    void aCourseWithARetentionPeriodTakesInNoActivityOlderThanIt() {
        Instant now = Instant.now();
        Change old = new Change.ActivityUpsert(new nl.sociallearning.workstation.domain.ActivityEvent(C, "a-old", "p-1",
                now.minus(java.time.Duration.ofDays(40)), nl.sociallearning.workstation.domain.ActivityType.VIEW, "t-1"));
        Change recent = new Change.ActivityUpsert(new nl.sociallearning.workstation.domain.ActivityEvent(C, "a-new", "p-1",
                now.minus(java.time.Duration.ofDays(2)), nl.sociallearning.workstation.domain.ActivityType.VIEW, "t-1"));
        page("c-1", true, new Change.ThreadUpsert(thread("t-1")), old, recent);
        assertThat(cache.activity().count(C)).as("no retention set: everything is kept").isEqualTo(2);

        cache.reports().setRetentionDays(C, 30);
        assertThat(cache.reports().purgeActivityBefore(C, now.minus(java.time.Duration.ofDays(30)))).isEqualTo(1);
        cache.changes().restartFullPass(C);
        page("d-1", true, new Change.ThreadUpsert(thread("t-1")), old, recent);

        assertThat(cache.activity().count(C)).as("the server sent the purged read again; it stays out").isEqualTo(1);
    }

    @Test
    void closingTheCacheLeavesItsFolderTidyAndItsDataReadable() throws Exception {
        page("c-1", true, new Change.ThreadUpsert(thread("t-1")), new Change.PostUpsert(post("m-1", "t-1", null, 1, "a")));
        cache.close();
        try (var files = java.nio.file.Files.list(dir)) {
            Path trace = dir.resolve("cache.trace.db");
            assertThat(files.map(f -> f.getFileName().toString())).as(() -> "no H2 trace file of errors at shutdown: "
                    + (java.nio.file.Files.exists(trace) ? readQuietly(trace) : "")).noneMatch(name -> name.endsWith(".trace.db"));
        }
        cache = Cache.open(dir);
        assertThat(cache.posts().ids(C)).containsExactly("m-1");
    }

    private static String readQuietly(Path file) {
        try {
            return java.nio.file.Files.readString(file);
        } catch (java.io.IOException e) {
            return e.toString();
        }
    }

    @Test
    void aFullDiskIsNamedAsSuch() {
        StoreException e = Jdbc.failure(new SQLException("IO Exception: java.io.IOException: No space left on device"));
        assertThat(e.getMessage()).contains("disk is full", "nothing already saved is lost");
    }
}
