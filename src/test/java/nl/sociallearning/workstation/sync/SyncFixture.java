package nl.sociallearning.workstation.sync;

import nl.sociallearning.workstation.demo.DemoCourse;
import nl.sociallearning.workstation.demo.DemoCourseServer;
import nl.sociallearning.workstation.domain.Post;
import nl.sociallearning.workstation.store.Cache;
import nl.sociallearning.workstation.sync.api.CourseSyncApiConnector;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/** A real demo server over loopback HTTP and a real H2 cache in a temporary folder, wired to an engine. */
final class SyncFixture implements AutoCloseable {

    static final SyncSettings FAST = SyncSettings.defaults()
            .withBackoff(Duration.ofMillis(20), Duration.ofMillis(200))
            .withLongPoll(Duration.ofSeconds(2))
            .withMaxAttempts(4)
            .withPageSize(250)
            .withSendDelay(Duration.ZERO);

    final DemoCourseServer server;
    final Path dataDir;
    Cache cache;
    CourseSyncApiConnector connector;
    SyncEngine engine;

    SyncFixture(DemoCourseServer server, Path dataDir, SyncSettings settings) {
        this.server = server;
        this.dataDir = dataDir;
        open(settings);
    }

    static DemoCourseServer smallServer() throws Exception {
        return DemoCourseServer.builder().referenceCourses(List.of("kinderzorg")).start();
    }

    /** Opens the cache and engine (again), as a restarted workstation would. */
    void open(SyncSettings settings) {
        cache = Cache.open(dataDir);
        connector = new CourseSyncApiConnector(ServerAddress.of(server.baseUri().toString()), server.token());
        engine = new SyncEngine(connector, cache, settings);
    }

    /** Closes engine, connector and cache, as a workstation that is shut down. */
    void restart(SyncSettings settings) {
        closeClient();
        open(settings);
    }

    void closeClient() {
        engine.close();
        connector.close();
        cache.close();
    }

    /** The ids of the posts the server has for a course, sorted. */
    static List<String> serverPostIds(DemoCourse course) {
        return course.posts().stream().map(Post::id).sorted().toList();
    }

    List<String> cachedPostIds(String courseId) {
        return cache.posts().ids(courseId);
    }

    @Override
    public void close() {
        closeClient();
    }
}
