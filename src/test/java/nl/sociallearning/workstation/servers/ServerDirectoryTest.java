package nl.sociallearning.workstation.servers;

import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import nl.sociallearning.workstation.domain.ActionType;
import nl.sociallearning.workstation.domain.Course;
import nl.sociallearning.workstation.domain.OutboxState;
import nl.sociallearning.workstation.domain.SavedServer;
import nl.sociallearning.workstation.store.Cache;
import nl.sociallearning.workstation.sync.ConnectorFactory;
import nl.sociallearning.workstation.sync.ServerAddress;
import nl.sociallearning.workstation.sync.ServerCredentials;
import nl.sociallearning.workstation.sync.ServerKind;
import nl.sociallearning.workstation.sync.ServerSet;
import nl.sociallearning.workstation.sync.SyncEngine;
import nl.sociallearning.workstation.sync.SyncSettings;
import nl.sociallearning.workstation.sync.moodle.MoodleReplay;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.util.WaitForAsyncUtils;

import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Adding a course server: a replayed Moodle site is checked, saved, and its course synced into a real cache file by
 * the engine, like the primary server's; what cannot be added says why and saves nothing.
 */
class ServerDirectoryTest {

    @TempDir
    Path data;

    MockWebServer moodle;
    MoodleReplay site;
    Cache cache;
    ServerSet servers;
    SyncEngine engine;
    ServerDirectory directory;

    @BeforeEach
    void setUp() throws Exception {
        site = MoodleReplay.site();
        moodle = new MockWebServer();
        moodle.setDispatcher(site);
        moodle.start();
        open();
    }

    private void open() {
        cache = Cache.open(data);
        servers = new ServerSet(null);
        engine = new SyncEngine(servers, cache, SyncSettings.oneOff().withBackoff(Duration.ofMillis(10), Duration.ofMillis(50)));
        directory = new ServerDirectory(cache, new FileTokenVault(data), servers, engine, ConnectorFactory::create,
                Clock.systemUTC());
    }

    private void close() {
        engine.close();
        servers.close();
        cache.close();
    }

    @AfterEach
    void tearDown() {
        close();
        moodle.close();
    }

    @Test
    void anAddedMoodleServersCourseIsSyncedIntoTheCache() throws Exception {
        ServerDirectory.Added added = directory.add(ServerKind.MOODLE, moodle.url("/").toString(), " moodle-token ", "");

        assertThat(added.courses()).extracting(Course::title).containsExactly("研究室体験 2022");
        assertThat(added.server().name()).contains("Tokyo Tech T2SCHOLA (test)");
        engine.syncOnce();

        String course = added.server().coursePrefix() + "4321";
        assertThat(cache.courses().find(course)).hasValueSatisfying(c -> assertThat(c.title()).isEqualTo("研究室体験 2022"));
        assertThat(cache.threads().ids(course)).containsExactlyInAnyOrder("20965", "20775");
        assertThat(cache.posts().ids(course)).containsExactlyInAnyOrder("24873", "24674");
        assertThat(cache.participants().find(course, "13001")).hasValueSatisfying(p -> assertThat(p.group()).isEqualTo("Group A"));
    }

    @Test
    void anAddedCourseIsModeratedThroughItsServerAndWhatMoodleCannotDoStaysLocal() throws Exception {
        site.answer("mod_forum_set_lock_state", "mod_forum_set_lock_state.json");
        SavedServer server = directory.add(ServerKind.MOODLE, moodle.url("/").toString(), "moodle-token", null).server();
        engine.syncOnce();
        String course = server.coursePrefix() + "4321";

        var lock = engine.submit(course, ActionType.LOCK, "20965", null, java.util.Map.of());
        var hide = engine.submit(course, ActionType.HIDE, "24873", null, java.util.Map.of());
        engine.syncOnce();

        assertThat(cache.outbox().find(lock.id())).hasValueSatisfying(e -> assertThat(e.state()).isEqualTo(OutboxState.APPLIED));
        assertThat(site.calls).filteredOn(c -> c.function().equals("mod_forum_set_lock_state")).singleElement()
                .satisfies(c -> assertThat(c.params()).containsEntry("forumid", "22883").containsEntry("discussionid", "20965"));
        assertThat(cache.outbox().find(hide.id())).hasValueSatisfying(e -> {
            assertThat(e.state()).isEqualTo(OutboxState.LOCAL_ONLY);
            assertThat(e.detail()).contains("not sent to Moodle");
        });
        assertThat(cache.threads().find(course, "20965")).hasValueSatisfying(t -> assertThat(t.locked()).isTrue());
    }

    @Test
    void theTokenIsKeptOutOfTheCacheInAnOwnerOnlyFileAndTheServerIsBackAfterARestart() throws Exception {
        SavedServer saved = directory.add(ServerKind.MOODLE, moodle.url("/").toString(), "moodle-token", null).server();

        assertThat(saved.secretRef()).startsWith("file:");
        Path tokens = data.resolve("tokens.properties");
        assertThat(Files.readString(tokens)).contains("moodle-token");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(tokens))).isEqualTo("rw-------");
        close();

        open();
        assertThat(directory.attachSaved()).isEqualTo(1);
        engine.syncOnce();
        assertThat(cache.posts().ids(saved.coursePrefix() + "4321")).contains("24873");
        assertThat(site.calls).filteredOn(c -> c.function().equals("core_webservice_get_site_info")).last()
                .satisfies(c -> assertThat(c.params()).containsEntry("wstoken", "moodle-token"));
    }

    @Test
    void aSavedServerOutOfReachAtStartIsSyncedAsSoonAsItAnswers() throws Exception {
        SavedServer saved = directory.add(ServerKind.MOODLE, moodle.url("/").toString(), "moodle-token", null).server();
        close();
        AtomicBoolean down = new AtomicBoolean(true);
        moodle.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                return down.get() ? new MockResponse.Builder().code(503).build() : site.dispatch(request);
            }
        });
        // The primary server answers (as the demo server does at start); only the added one is out of reach.
        try (MockWebServer primarySite = new MockWebServer()) {
            primarySite.setDispatcher(MoodleReplay.site());
            primarySite.start();
            cache = Cache.open(data);
            servers = new ServerSet(ConnectorFactory.create(ServerKind.MOODLE, ServerAddress.of(primarySite.url("/").toString()),
                    new ServerCredentials("moodle-token", null)));
            engine = new SyncEngine(servers, cache, SyncSettings.defaults().withBackoff(Duration.ofMillis(20), Duration.ofMillis(200)));
            directory = new ServerDirectory(cache, new FileTokenVault(data), servers, engine, ConnectorFactory::create,
                    Clock.systemUTC());
            assertThat(directory.attachSaved()).isEqualTo(1);
            engine.start();
            String course = saved.coursePrefix() + "4321";
            WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> cache.posts().ids("4321").contains("24873"));
            assertThat(cache.posts().ids(course)).isEmpty();
            assertThat(servers.problems()).containsKey(saved.coursePrefix());
            // Asking for the course list again while the loop waits for the server wakes that loop; no second one.
            for (int i = 0; i < 3; i++) {
                engine.rediscover();
            }
            assertThat(Thread.getAllStackTraces().keySet()).filteredOn(t -> t.getName().equals("sync-discovery")
                    && t.isAlive()).hasSize(1);

            down.set(false);
            WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> cache.posts().ids(course).contains("24873"));
            assertThat(servers.problems()).isEmpty();
            close();
        }
        open(); // for tearDown
    }

    @Test
    void aWrongTokenSaysSoAndSavesNothing() {
        site.answer("core_webservice_get_site_info", "error_invalidtoken.json");

        AddServerException e = catchThrowableOfType(AddServerException.class,
                () -> directory.add(ServerKind.MOODLE, moodle.url("/").toString(), "wrong", null));

        assertThat(e.problem()).isEqualTo(AddServerException.Problem.TOKEN);
        assertThat(e.getMessage()).contains("token");
        assertThat(directory.saved()).isEmpty();
        assertThat(data.resolve("tokens.properties")).doesNotExist();
    }

    @Test
    void aServerThatDoesNotAnswerIsNamedUnreachable() throws Exception {
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }

        AddServerException e = catchThrowableOfType(AddServerException.class,
                () -> directory.add(ServerKind.CANVAS, "http://127.0.0.1:" + port, "token", null));

        assertThat(e.problem()).isEqualTo(AddServerException.Problem.UNREACHABLE);
        assertThat(directory.saved()).isEmpty();
    }

    @Test
    void aServerOfAnotherKindIsNamedAsSuch() {
        AddServerException e = catchThrowableOfType(AddServerException.class,
                () -> directory.add(ServerKind.CANVAS, moodle.url("/").toString(), "moodle-token", null));

        assertThat(e.problem()).isEqualTo(AddServerException.Problem.WRONG_KIND);
        assertThat(e.getMessage()).contains("Canvas");
        assertThat(directory.saved()).isEmpty();
    }

    @Test
    void plainHttpToAnotherMachineIsRefusedBeforeTheTokenIsSent() {
        AddServerException e = catchThrowableOfType(AddServerException.class,
                () -> directory.add(ServerKind.MOODLE, "http://moodle.example.org", "moodle-token", null));

        assertThat(e.problem()).isEqualTo(AddServerException.Problem.ADDRESS);
        assertThat(e.getMessage()).contains("https://");
    }

    @Test
    void theSameServerIsNotAddedTwice() throws Exception {
        directory.add(ServerKind.MOODLE, moodle.url("/").toString(), "moodle-token", null);

        AddServerException e = catchThrowableOfType(AddServerException.class,
                () -> directory.add(ServerKind.MOODLE, moodle.url("/").toString(), "other-token", null));

        assertThat(e.problem()).isEqualTo(AddServerException.Problem.DUPLICATE);
        assertThat(Files.readString(data.resolve("tokens.properties"))).contains("moodle-token").doesNotContain("other-token");
    }
}
