package nl.sociallearning.workstation.servers;

import mockwebserver3.MockWebServer;
import nl.sociallearning.workstation.demo.DemoCourseServer;
import nl.sociallearning.workstation.domain.ActionType;
import nl.sociallearning.workstation.domain.Change;
import nl.sociallearning.workstation.domain.Course;
import nl.sociallearning.workstation.domain.Draft;
import nl.sociallearning.workstation.domain.Post;
import nl.sociallearning.workstation.domain.SavedServer;
import nl.sociallearning.workstation.domain.TriageRules;
import nl.sociallearning.workstation.feed.FeedItem;
import nl.sociallearning.workstation.feed.FeedQueue;
import nl.sociallearning.workstation.feed.FeedSnapshot;
import nl.sociallearning.workstation.store.Cache;
import nl.sociallearning.workstation.store.CourseTables;
import nl.sociallearning.workstation.store.PageTransaction;
import nl.sociallearning.workstation.store.ReportRepository;
import nl.sociallearning.workstation.store.ServerRepository;
import nl.sociallearning.workstation.store.StoreException;
import nl.sociallearning.workstation.sync.ConnectorFactory;
import nl.sociallearning.workstation.sync.CourseSyncStatus;
import nl.sociallearning.workstation.sync.ServerAddress;
import nl.sociallearning.workstation.sync.ServerKind;
import nl.sociallearning.workstation.sync.ServerSet;
import nl.sociallearning.workstation.sync.SyncEngine;
import nl.sociallearning.workstation.sync.SyncListener;
import nl.sociallearning.workstation.sync.SyncPhase;
import nl.sociallearning.workstation.sync.SyncSettings;
import nl.sociallearning.workstation.sync.api.CourseSyncApiConnector;
import nl.sociallearning.workstation.sync.moodle.MoodleReplay;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Removing an added server, with a real cache holding two servers' courses: the demo server as the primary, a
 * replayed Moodle site added beside it. And the user per server: each server's own user is the actor of actions in
 * its courses, and "Mine" in its courses.
 */
class ServerRemovalTest {

    static DemoCourseServer demo;

    @TempDir
    Path data;

    MockWebServer moodle;
    MoodleReplay site;
    Cache cache;
    CourseSyncApiConnector primary;
    ServerSet servers;
    SyncEngine engine;
    FileTokenVault vault;
    ServerDirectory directory;

    @BeforeAll
    static void startDemo() throws Exception {
        demo = DemoCourseServer.builder().referenceCourses(List.of("kinderzorg")).start();
    }

    @AfterAll
    static void stopDemo() {
        demo.close();
    }

    @BeforeEach
    void setUp() throws Exception {
        site = MoodleReplay.site();
        moodle = new MockWebServer();
        moodle.setDispatcher(site);
        moodle.start();
    }

    /** The engine as the program makes it; one-off or live, with actions kept unsent for a day unless said. */
    private void open(SyncSettings settings) {
        cache = Cache.open(data);
        primary = new CourseSyncApiConnector(ServerAddress.of(demo.baseUri().toString()), demo.token());
        servers = new ServerSet(primary);
        engine = new SyncEngine(servers, cache, settings);
        vault = new FileTokenVault(data);
        directory = new ServerDirectory(cache, vault, servers, engine, ConnectorFactory::create, Clock.systemUTC());
    }

    private static SyncSettings settings() {
        return SyncSettings.defaults().withBackoff(Duration.ofMillis(20), Duration.ofMillis(200))
                .withLongPoll(Duration.ofMillis(200)).withMaxAttempts(3).withPageSize(250).withSendDelay(Duration.ofDays(1));
    }

    @AfterEach
    void tearDown() {
        engine.close();
        servers.close();
        cache.close();
        moodle.close();
    }

    @Test
    void removingAServerDeletesEveryRowOfItsCoursesAndNothingElseAndNoRequestGoesToItAfterwards() throws Exception {
        open(SyncSettings.oneOff().withSendDelay(Duration.ofDays(1)));
        SavedServer saved = directory.add(ServerKind.MOODLE, moodle.url("/").toString(), "moodle-token", null).server();
        engine.syncOnce();
        String moodleCourse = saved.coursePrefix() + "4321";
        String demoCourse = cache.courses().all().stream().map(Course::id).filter(id -> !id.startsWith(saved.coursePrefix()))
                .findFirst().orElseThrow();
        for (String course : List.of(moodleCourse, demoCourse)) {
            fillUserWork(course);
        }
        cache.reports().log(new ReportRepository.ExportEntry(0, Instant.now(), moodleCourse, "activity", "pseudonymous",
                "csv", LocalDate.of(2026, 1, 1), LocalDate.of(2026, 2, 1), "/tmp/report.csv", "course evaluation", 2));
        Map<String, Long> othersBefore = rowsPerTable(saved.coursePrefix(), false);
        assertThat(rowsPerTable(saved.coursePrefix(), true)).allSatisfy((table, rows) -> {
            if (!table.equals("activity")) {
                // Every table the removal empties holds rows of the removed server first (Moodle sends no activity).
                assertThat(rows).as(table).isPositive();
            }
        });

        ServerRepository.RemovalImpact impact = directory.impactOfRemoving(saved);
        assertThat(impact).isEqualTo(new ServerRepository.RemovalImpact(1, 2, 3));

        List<Set<String>> removed = new CopyOnWriteArrayList<>();
        engine.addListener(new SyncListener() {
            @Override
            public void coursesRemoved(Set<String> courseIds) {
                removed.add(courseIds);
            }
        });
        directory.remove(saved);

        assertThat(rowsPerTable(saved.coursePrefix(), true)).allSatisfy((table, rows) -> assertThat(rows).as(table).isZero());
        assertThat(rowsPerTable(saved.coursePrefix(), false)).isEqualTo(othersBefore);
        assertThat(count("SELECT COUNT(*) FROM export_log WHERE course_id = '" + moodleCourse + "'"))
                .as("the export log is an accountability record and stays").isEqualTo(1);
        assertThat(directory.saved()).isEmpty();
        assertThat(vault.read(saved.secretRef())).as("the token").isEmpty();
        assertThat(count("SELECT COUNT(*) FROM server_identity WHERE course_prefix = '" + saved.coursePrefix() + "'")).isZero();
        assertThat(cache.syncStates().identities().of(demoCourse)).isPresent();
        assertThat(removed).containsExactly(Set.of(moodleCourse));

        int requests = moodle.getRequestCount();
        engine.syncOnce();
        assertThat(moodle.getRequestCount()).as("requests to the removed server").isEqualTo(requests);
        assertThat(cache.courses().all()).extracting(Course::id).containsExactly(demoCourse);
    }

    @Test
    void aLiveEngineStopsSyncingTheRemovedServersCoursesAtOnce() throws Exception {
        open(settings());
        Map<String, CourseSyncStatus> statuses = new java.util.concurrent.ConcurrentHashMap<>();
        engine.addListener(new SyncListener() {
            @Override
            public void courseStatus(CourseSyncStatus status) {
                statuses.put(status.courseId(), status);
            }
        });
        engine.start();
        SavedServer saved = directory.add(ServerKind.MOODLE, moodle.url("/").toString(), "moodle-token", null).server();
        String moodleCourse = saved.coursePrefix() + "4321";
        waitFor(() -> statuses.containsKey(moodleCourse) && statuses.get(moodleCourse).phase() == SyncPhase.LIVE);
        // Live, the course is polled: requests keep coming while the server is there.
        int live = moodle.getRequestCount();
        waitFor(() -> moodle.getRequestCount() > live);

        directory.remove(saved);
        int afterRemoval = moodle.getRequestCount();
        Thread.sleep(1500);

        assertThat(moodle.getRequestCount()).as("requests after the removal").isEqualTo(afterRemoval);
        assertThat(engine.statuses()).doesNotContainKey(moodleCourse);
        assertThat(cache.courses().find(moodleCourse)).isEmpty();
        assertThat(cache.posts().count(moodleCourse)).isZero();
    }

    @Test
    void aRemovalTheCacheCannotCompleteLeavesEverythingAsItWas() throws Exception {
        open(SyncSettings.oneOff().withSendDelay(Duration.ofDays(1)));
        SavedServer saved = directory.add(ServerKind.MOODLE, moodle.url("/").toString(), "moodle-token", null).server();
        engine.syncOnce();
        String moodleCourse = saved.coursePrefix() + "4321";
        Map<String, Long> before = rowsPerTable(saved.coursePrefix(), true);

        // Another writer holds the course's posts (a transaction not committed yet): the removal cannot delete them.
        StoreException failure;
        try (Connection other = connect()) {
            other.setAutoCommit(false);
            try (Statement s = other.createStatement()) {
                s.executeUpdate("UPDATE post SET flag_count = flag_count WHERE course_id = '" + moodleCourse + "'");
            }
            failure = catchThrowableOfType(StoreException.class, () -> directory.remove(saved));
            other.rollback();
        }

        assertThat(failure).isNotNull();
        assertThat(failure.getMessage()).contains("cache");
        assertThat(rowsPerTable(saved.coursePrefix(), true)).isEqualTo(before);
        assertThat(directory.saved()).extracting(SavedServer::id).containsExactly(saved.id());
        assertThat(vault.read(saved.secretRef())).contains("moodle-token");
        // The server is back in the engine: its course syncs again.
        int requests = moodle.getRequestCount();
        engine.syncOnce();
        assertThat(moodle.getRequestCount()).isGreaterThan(requests);
        assertThat(cache.posts().ids(moodleCourse)).contains("24873");
    }

    @Test
    void eachServersOwnUserActsInItsCoursesAndFindsWhatIsTheirs() throws Exception {
        open(SyncSettings.oneOff().withSendDelay(Duration.ofDays(1)));
        SavedServer saved = directory.add(ServerKind.MOODLE, moodle.url("/").toString(), "moodle-token", null).server();
        engine.syncOnce();
        String moodleCourse = saved.coursePrefix() + "4321";
        String demoCourse = cache.courses().all().stream().map(Course::id).filter(id -> !id.startsWith(saved.coursePrefix()))
                .findFirst().orElseThrow();
        String demoUser = primary.me().id();
        assertThat(demoUser).isNotEqualTo("12879");
        assertThat(cache.syncStates().identities().of(moodleCourse))
                .hasValueSatisfying(me -> assertThat(me.displayName()).isEqualTo("Taro Tanaka"));

        var lock = engine.submit(moodleCourse, ActionType.LOCK, "20965", null, Map.of());
        var pin = engine.submit(demoCourse, ActionType.PIN, cache.threads().ids(demoCourse).get(0), null, Map.of());
        assertThat(cache.outbox().find(lock.id()).orElseThrow().action().actorId()).isEqualTo("12879");
        assertThat(cache.outbox().find(pin.id()).orElseThrow().action().actorId()).isEqualTo(demoUser);
        // The moderator's own reply, shown at once, is theirs on that server.
        engine.submit(moodleCourse, ActionType.REPLY, "24873", null, Map.of("bodyHtml", "<p>Goed punt.</p>"));
        assertThat(cache.posts().inThread(moodleCourse, "20965")).filteredOn(p -> p.id().startsWith("local-"))
                .singleElement().satisfies(p -> assertThat(p.authorId()).isEqualTo("12879"));

        // One Moodle thread is the Moodle user's, the other carries the demo server's user id, which is not them there.
        engine.submit(moodleCourse, ActionType.SET_TRIAGE, "20965", null, Map.of("state", "IN_PROGRESS", "assignee", "12879"));
        engine.submit(moodleCourse, ActionType.SET_TRIAGE, "20775", null, Map.of("state", "IN_PROGRESS", "assignee", demoUser));
        FeedSnapshot feed = FeedSnapshot.of(cache.feed().rows(null), new TriageRules(Duration.ofHours(24)), Instant.now(),
                cache.syncStates().identities());

        assertThat(feed.view(FeedQueue.MINE, null, FeedSnapshot.Sort.LAST_ACTIVITY)).extracting(FeedItem::key)
                .containsExactly(moodleCourse + "/20965");
    }

    private void fillUserWork(String course) {
        String thread = cache.threads().ids(course).get(0);
        String post = cache.posts().idsOf(course, thread).get(0);
        engine.submit(course, ActionType.SET_TRIAGE, thread, null, Map.of("state", "NEEDS_REPLY"));
        engine.submit(course, ActionType.NOTE, thread, null, Map.of("text", "keep an eye on this"));
        engine.submit(course, ActionType.LOCK, thread, null, Map.of());
        cache.drafts().save(new Draft(course, thread, post, "<p>half a reply</p>", Instant.now()));
        cache.feed().markRead(course, thread, Instant.now());
        cache.reports().setRetentionDays(course, 90);
        // An edit arrives: the earlier body becomes a revision.
        Post p = cache.posts().find(course, post).orElseThrow();
        try (PageTransaction page = cache.changes().beginPage(course)) {
            page.apply(new Change.PostUpsert(new Post(p.courseId(), p.id(), p.threadId(), p.parentId(), p.authorId(),
                    p.createdAt(), Instant.now(), p.bodyHtml() + "<p>edited</p>", p.hidden(), p.deleted(), p.approval(),
                    p.flagCount(), p.version() + 1)));
            page.commit(cache.syncStates().find(course).orElseThrow().cursor(), true);
        }
        assertThat(cache.posts().revisions(course, post)).isNotEmpty();
    }

    /** Rows per table of {@link CourseTables#DELETED_WITH_COURSE}: of the prefix's courses, or of all others. */
    private Map<String, Long> rowsPerTable(String prefix, boolean ofPrefix) throws SQLException {
        Map<String, Long> rows = new HashMap<>();
        for (CourseTables.Table t : CourseTables.DELETED_WITH_COURSE) {
            String where = (ofPrefix ? "" : "NOT ") + "LEFT(" + t.courseColumn() + ", " + prefix.length() + ") = '" + prefix + "'";
            rows.put(t.name(), count("SELECT COUNT(*) FROM " + t.name() + " WHERE " + where));
        }
        return rows;
    }

    private long count(String sql) throws SQLException {
        try (Connection c = connect(); Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
            r.next();
            return r.getLong(1);
        }
    }

    /** A connection of its own to the cache's database (H2 shares the open file within the process). */
    private Connection connect() throws SQLException {
        return DriverManager.getConnection("jdbc:h2:file:" + data.resolve("cache").toAbsolutePath() + ";DB_CLOSE_ON_EXIT=FALSE",
                "workstation", "");
    }

    private static void waitFor(java.util.concurrent.Callable<Boolean> condition) throws Exception {
        long end = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!condition.call()) {
            if (System.nanoTime() > end) {
                throw new AssertionError("timed out");
            }
            Thread.sleep(20);
        }
    }
}
