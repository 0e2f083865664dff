package nl.sociallearning.workstation.sync;

import nl.sociallearning.workstation.demo.DemoCourse;
import nl.sociallearning.workstation.demo.DemoCourseServer;
import nl.sociallearning.workstation.demo.FaultPlan.Fault;
import nl.sociallearning.workstation.domain.ActionType;
import nl.sociallearning.workstation.domain.ModerationAction;
import nl.sociallearning.workstation.domain.OutboxState;
import nl.sociallearning.workstation.domain.Post;
import nl.sociallearning.workstation.store.SyncState;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SyncEngineTest {

    static final String COURSE = "kinderzorg";

    @TempDir
    Path dataDir;
    DemoCourseServer server;
    SyncFixture f;

    @BeforeEach
    void setUp() throws Exception {
        server = SyncFixture.smallServer();
        f = new SyncFixture(server, dataDir, SyncFixture.FAST);
    }

    @AfterEach
    void tearDown() {
        f.close();
        server.close();
    }

    @Test
    void firstSyncFillsTheCacheWithExactlyWhatTheServerHas() throws Exception {
        SyncReport report = f.engine.syncOnce();

        DemoCourse course = server.course(COURSE);
        assertThat(f.cachedPostIds(COURSE)).isEqualTo(SyncFixture.serverPostIds(course));
        assertThat(f.cache.participants().count(COURSE)).isEqualTo(course.participants().size());
        assertThat(f.cache.threads().count(COURSE)).isEqualTo(course.threads().size());
        assertThat(f.cache.activity().count(COURSE)).isEqualTo(course.activity().size());
        assertThat(report.changes()).isGreaterThan(course.posts().size());
        SyncState state = f.cache.syncStates().find(COURSE).orElseThrow();
        assertThat(state.fullPass()).isFalse();
        assertThat(state.cursor()).isNotNull();
        assertThat(state.lastSyncAt()).isNotNull();
    }

    @Test
    void incrementalSyncBringsNewEditedAndRemovedPosts() throws Exception {
        f.engine.syncOnce();
        DemoCourse course = server.course(COURSE);
        for (int i = 0; i < 60; i++) {
            server.simulation().tick();
        }
        Post edited = course.posts().stream().filter(p -> p.parentId() != null).findFirst().orElseThrow();
        course.put(new Post(COURSE, edited.id(), edited.threadId(), edited.parentId(), edited.authorId(), edited.createdAt(),
                java.time.Instant.now(), "<p>nieuwe tekst</p>", false, false, edited.approval(), 0, edited.version() + 1));
        Post removed = course.posts().stream().filter(p -> p.parentId() != null && !p.id().equals(edited.id()))
                .findFirst().orElseThrow();
        course.removePost(removed.id());

        SyncReport report = f.engine.syncOnce();

        assertThat(f.cachedPostIds(COURSE)).isEqualTo(SyncFixture.serverPostIds(course));
        assertThat(f.cache.posts().find(COURSE, edited.id()).orElseThrow().bodyHtml()).isEqualTo("<p>nieuwe tekst</p>");
        assertThat(f.cache.posts().revisions(COURSE, edited.id())).containsExactly(edited.bodyHtml());
        assertThat(f.cache.posts().find(COURSE, removed.id())).isEmpty();
        assertThat(report.changes()).isLessThan(200);
    }

    @Test
    void anIncrementalSyncWithNothingNewChangesNothing() throws Exception {
        f.engine.syncOnce();
        SyncState before = f.cache.syncStates().find(COURSE).orElseThrow();
        SyncReport report = f.engine.syncOnce();
        assertThat(report.changes()).isZero();
        assertThat(f.cache.syncStates().find(COURSE).orElseThrow().cursor()).isEqualTo(before.cursor());
    }

    @Test
    void liveEngineShowsNewPostsWithinSeconds() throws Exception {
        List<CacheChange> changes = new CopyOnWriteArrayList<>();
        f.engine.addListener(new SyncListener() {
            @Override
            public void cacheChanged(CacheChange change) {
                changes.add(change);
            }
        });
        f.engine.start();
        waitUntil(() -> f.engine.statuses().getOrDefault(COURSE, CourseSyncStatus.waiting(COURSE)).phase() == SyncPhase.LIVE,
                Duration.ofSeconds(20));
        int before = changes.size();
        long started = System.nanoTime();
        server.simulation().tick();
        server.simulation().tick();
        waitUntil(() -> f.cachedPostIds(COURSE).equals(SyncFixture.serverPostIds(server.course(COURSE)))
                && f.cache.activity().count(COURSE) == server.course(COURSE).activity().size(), Duration.ofSeconds(10));
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
        waitUntil(() -> changes.size() > before, Duration.ofSeconds(5));
        assertThat(changes.get(changes.size() - 1).courseId()).isEqualTo(COURSE);
        assertThat(f.engine.connectivity()).isEqualTo(Connectivity.ONLINE);
    }

    @Test
    void truncatedJsonIsAClearErrorAndKeepsWhatWasCommitted() throws Exception {
        f.engine.syncOnce();
        for (int i = 0; i < 40; i++) {
            server.simulation().tick();
        }
        List<String> before = f.cachedPostIds(COURSE);
        String cursorBefore = f.cache.syncStates().find(COURSE).orElseThrow().cursor();
        server.faults().changeFeedOnly(true).truncations(1.0);

        assertThatThrownBy(() -> f.engine.syncOnce())
                .isInstanceOf(SyncException.class)
                .hasMessageContaining("cut off or is not valid JSON");

        server.faults().clear();
        assertThat(f.cachedPostIds(COURSE)).isEqualTo(before);
        assertThat(f.cache.syncStates().find(COURSE).orElseThrow().cursor()).isEqualTo(cursorBefore);
        assertThat(f.cache.syncStates().find(COURSE).orElseThrow().lastError()).contains("not valid JSON");
        f.engine.syncOnce();
        assertThat(f.cachedPostIds(COURSE)).isEqualTo(SyncFixture.serverPostIds(server.course(COURSE)));
    }

    @Test
    void aConnectionDroppedMidBodyLeavesNoHalfPage() throws Exception {
        server.faults().next(Fault.DROP_MID_BODY, 3).next(Fault.TRUNCATED_JSON, 2).next(Fault.SERVER_ERROR, 2);
        SyncFixture tolerant = f;
        tolerant.restart(SyncFixture.FAST.withMaxAttempts(10));
        tolerant.engine.syncOnce();
        assertThat(tolerant.cachedPostIds(COURSE)).isEqualTo(SyncFixture.serverPostIds(server.course(COURSE)));
    }

    @Test
    void aServerErrorStormIsRetriedWithBackoffUntilTheServerRecovers() throws Exception {
        server.faults().serverErrors(0.6);
        f.restart(SyncFixture.FAST.withMaxAttempts(40));
        f.engine.syncOnce();
        assertThat(f.cachedPostIds(COURSE)).isEqualTo(SyncFixture.serverPostIds(server.course(COURSE)));
    }

    @Test
    void aTooManyRequestsAnswerIsHonouredForAsLongAsRetryAfterSays() throws Exception {
        server.faults().changeFeedOnly(true).rateLimits(0, 1).next(Fault.RATE_LIMIT, 1);
        List<CourseSyncStatus> statuses = new CopyOnWriteArrayList<>();
        f.engine.addListener(new SyncListener() {
            @Override
            public void courseStatus(CourseSyncStatus status) {
                statuses.add(status);
            }
        });
        long start = System.nanoTime();
        f.engine.syncOnce();
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        assertThat(took).isGreaterThanOrEqualTo(Duration.ofSeconds(1));
        assertThat(statuses).anySatisfy(s -> {
            assertThat(s.phase()).isEqualTo(SyncPhase.RETRYING);
            assertThat(s.error()).contains("slow down");
        });
    }

    @Test
    void anExpiredCursorStartsAFullPassThatRemovesWhatTheServerNoLongerHas() throws Exception {
        f.engine.syncOnce();
        f.closeClient();
        // A new server run: same seed, new epoch; the post the old run had and this one lacks must go.
        server.close();
        server = SyncFixture.smallServer();
        f = new SyncFixture(server, dataDir, SyncFixture.FAST);
        server.course(COURSE).removePost("m-20");
        f.engine.syncOnce();
        assertThat(f.cachedPostIds(COURSE)).isEqualTo(SyncFixture.serverPostIds(server.course(COURSE)));
        assertThat(f.cache.syncStates().find(COURSE).orElseThrow().generation()).isEqualTo(2);
    }

    @Test
    void anActionIsAppliedLocallyAtOnceAndOnTheServerOnce() throws Exception {
        f.engine.syncOnce();
        Post target = server.course(COURSE).posts().stream().filter(p -> p.parentId() != null && !p.hidden())
                .findFirst().orElseThrow();
        ModerationAction hide = f.engine.submit(COURSE, ActionType.HIDE, target.id(), target.version(), Map.of("reason", "off-topic"));
        assertThat(f.cache.posts().find(COURSE, target.id()).orElseThrow().hidden()).isTrue();
        assertThat(f.cache.outbox().countPending()).isEqualTo(1);

        f.engine.syncOnce();

        assertThat(server.timesApplied(hide.id())).isEqualTo(1);
        assertThat(server.course(COURSE).post(target.id()).orElseThrow().hidden()).isTrue();
        assertThat(f.cache.outbox().find(hide.id()).orElseThrow().state()).isEqualTo(OutboxState.APPLIED);
        assertThat(f.cache.posts().find(COURSE, target.id()).orElseThrow().version()).isEqualTo(target.version() + 1);
    }

    @Test
    void anActionWhoseAnswerWasLostIsReplayedAfterARestartAndAppliedOnce() throws Exception {
        f.engine.syncOnce();
        Post parent = server.course(COURSE).posts().stream().filter(p -> p.parentId() == null).findFirst().orElseThrow();
        ModerationAction reply = f.engine.submit(COURSE, ActionType.REPLY, parent.id(), null,
                Map.of("bodyHtml", "<p>Dank voor het delen!</p>"));
        assertThat(f.cache.posts().inThread(COURSE, parent.threadId())).anyMatch(p -> p.id().startsWith("local-"));
        server.faults().next(Fault.DROP_AFTER_APPLY, 1);

        assertThatThrownBy(() -> f.engine.syncOnce()).isInstanceOf(SyncException.class);
        assertThat(server.timesApplied(reply.id())).isEqualTo(1);
        assertThat(f.cache.outbox().find(reply.id()).orElseThrow().state()).isEqualTo(OutboxState.PENDING);

        f.restart(SyncFixture.FAST);
        f.engine.syncOnce();

        assertThat(server.timesApplied(reply.id())).isEqualTo(1);
        assertThat(f.cache.outbox().find(reply.id()).orElseThrow().state()).isEqualTo(OutboxState.APPLIED);
        assertThat(f.cache.outbox().find(reply.id()).orElseThrow().detail()).isEqualTo("duplicate");
        List<Post> thread = f.cache.posts().inThread(COURSE, parent.threadId());
        assertThat(thread).noneMatch(p -> p.id().startsWith("local-"));
        assertThat(thread).filteredOn(p -> p.bodyHtml().equals("<p>Dank voor het delen!</p>")).hasSize(1);
        assertThat(f.cachedPostIds(COURSE)).isEqualTo(SyncFixture.serverPostIds(server.course(COURSE)));
    }

    @Test
    void aConflictIsKeptAndTheCacheShowsTheServersVersion() throws Exception {
        f.engine.syncOnce();
        DemoCourse course = server.course(COURSE);
        Post target = course.posts().stream().filter(p -> p.parentId() != null && !p.hidden()).findFirst().orElseThrow();
        ModerationAction hide = f.engine.submit(COURSE, ActionType.HIDE, target.id(), target.version(), Map.of());
        // Another moderator edits it first.
        course.put(new Post(COURSE, target.id(), target.threadId(), target.parentId(), target.authorId(), target.createdAt(),
                java.time.Instant.now(), "<p>aangepast</p>", false, false, target.approval(), 0, target.version() + 1));

        f.engine.syncOnce();

        var entry = f.cache.outbox().find(hide.id()).orElseThrow();
        assertThat(entry.state()).isEqualTo(OutboxState.CONFLICT);
        assertThat(entry.detail()).contains("version " + (target.version() + 1));
        assertThat(f.cache.outbox().needingAttention()).extracting(e -> e.action().id()).containsExactly(hide.id());
        Post cached = f.cache.posts().find(COURSE, target.id()).orElseThrow();
        assertThat(cached.hidden()).isFalse();
        assertThat(cached.bodyHtml()).isEqualTo("<p>aangepast</p>");
        assertThat(course.post(target.id()).orElseThrow().hidden()).isFalse();
    }

    @Test
    void aRejectedActionIsKeptWithTheServersReasonAndTheThreadIsRepaired() throws Exception {
        f.engine.syncOnce();
        DemoCourse course = server.course(COURSE);
        var thread = course.threads().stream().filter(t -> !t.locked()).findFirst().orElseThrow();
        Post opener = course.postsOf(thread.id()).stream().filter(p -> p.parentId() == null).findFirst().orElseThrow();
        course.put(thread.withLocked(true));
        ModerationAction reply = f.engine.submit(COURSE, ActionType.REPLY, opener.id(), null, Map.of("bodyHtml", "<p>hoi</p>"));

        f.engine.syncOnce();

        var entry = f.cache.outbox().find(reply.id()).orElseThrow();
        assertThat(entry.state()).isEqualTo(OutboxState.REJECTED);
        assertThat(entry.detail()).contains("locked");
        assertThat(f.cache.posts().inThread(COURSE, thread.id())).noneMatch(p -> p.id().startsWith("local-"));
        assertThat(f.cache.threads().find(COURSE, thread.id()).orElseThrow().locked()).isTrue();
    }

    @Test
    void actionsMadeOfflineAreSentInOrderOnceTheServerIsBack() throws Exception {
        f.engine.syncOnce();
        DemoCourse course = server.course(COURSE);
        List<Post> targets = course.posts().stream().filter(p -> p.parentId() != null)
                .sorted(java.util.Comparator.comparing(Post::id)).limit(200).toList();
        Map<String, Integer> flagsBefore = new java.util.HashMap<>();
        targets.forEach(p -> flagsBefore.put(p.id(), p.flagCount()));
        server.setReachable(false);
        List<String> made = new java.util.ArrayList<>();
        for (Post p : targets) {
            made.add(f.engine.submit(COURSE, ActionType.FLAG, p.id(), null, Map.of("reason", "check")).id().toString());
        }
        assertThatThrownBy(() -> f.engine.syncOnce()).isInstanceOf(SyncException.class)
                .hasMessageContaining("offline");
        assertThat(f.engine.connectivity()).isEqualTo(Connectivity.OFFLINE);
        assertThat(f.cache.outbox().countPending()).isEqualTo(200);

        server.setReachable(true);
        f.engine.syncOnce();

        assertThat(f.engine.connectivity()).isEqualTo(Connectivity.ONLINE);
        assertThat(f.cache.outbox().countPending()).isZero();
        assertThat(server.appliedActions()).isEqualTo(made);
        for (Post p : targets) {
            assertThat(course.post(p.id()).orElseThrow().flagCount()).isEqualTo(flagsBefore.get(p.id()) + 1);
            assertThat(f.cache.posts().find(COURSE, p.id()).orElseThrow().flagCount()).isEqualTo(flagsBefore.get(p.id()) + 1);
        }
    }

    @Test
    void aPausedSyncDiscardsThePageInFlightAndResumesWhenAsked() throws Exception {
        // Pages take a second and a half, so that the pause lands while one is being read.
        server.faults().changeFeedOnly(true).latency(Duration.ofMillis(1500));
        f.restart(SyncFixture.FAST.withPageSize(1000));
        List<CourseSyncStatus> statuses = new CopyOnWriteArrayList<>();
        f.engine.addListener(new SyncListener() {
            @Override
            public void courseStatus(CourseSyncStatus status) {
                statuses.add(status);
            }
        });
        f.engine.start();
        waitUntil(() -> f.engine.statuses().getOrDefault(COURSE, CourseSyncStatus.waiting(COURSE)).phase()
                == SyncPhase.FULL_SYNC, Duration.ofSeconds(10));

        f.engine.pause(COURSE);

        waitUntil(() -> f.engine.statuses().get(COURSE).phase() == SyncPhase.PAUSED, Duration.ofSeconds(5));
        long cachedWhilePaused = f.cache.posts().count(COURSE);
        String cursorWhilePaused = f.cache.syncStates().find(COURSE).orElseThrow().cursor();
        Thread.sleep(2000);
        assertThat(f.cache.posts().count(COURSE)).as("nothing stored while paused").isEqualTo(cachedWhilePaused);
        assertThat(f.cache.syncStates().find(COURSE).orElseThrow().cursor()).isEqualTo(cursorWhilePaused);

        server.faults().clear();
        f.engine.retryNow(COURSE);

        waitUntil(() -> f.engine.statuses().get(COURSE).phase() == SyncPhase.LIVE, Duration.ofSeconds(20));
        assertThat(f.cachedPostIds(COURSE)).isEqualTo(SyncFixture.serverPostIds(server.course(COURSE)));
        assertThat(statuses).anySatisfy(s -> assertThat(s.bytes()).isPositive());
    }

    @Test
    void anActionWaitsForItsUndoWindowBeforeItIsSent() throws Exception {
        f.engine.syncOnce();
        f.restart(SyncFixture.FAST.withSendDelay(Duration.ofMillis(1500)));
        Post target = server.course(COURSE).posts().stream().filter(p -> p.parentId() != null && !p.hidden())
                .findFirst().orElseThrow();
        ModerationAction hide = f.engine.submit(COURSE, ActionType.HIDE, target.id(), target.version(), Map.of());

        f.engine.syncOnce();
        assertThat(server.timesApplied(hide.id())).as("not yet: it can still be undone").isZero();

        Thread.sleep(1600);
        f.engine.syncOnce();
        assertThat(server.timesApplied(hide.id())).isEqualTo(1);
        assertThat(f.cache.outbox().discard(hide.id())).as("too late to undo").isFalse();
    }

    static void waitUntil(java.util.function.BooleanSupplier condition, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not met within " + timeout);
            }
            Thread.sleep(25);
        }
    }
}
