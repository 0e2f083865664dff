package nl.sociallearning.workstation.app;

import nl.sociallearning.workstation.demo.DemoCourse;
import nl.sociallearning.workstation.demo.DemoCourseServer;
import nl.sociallearning.workstation.domain.Post;
import nl.sociallearning.workstation.store.Cache;
import nl.sociallearning.workstation.store.SyncState;
import nl.sociallearning.workstation.sync.ServerAddress;
import nl.sociallearning.workstation.sync.SyncEngine;
import nl.sociallearning.workstation.sync.SyncSettings;
import nl.sociallearning.workstation.sync.api.CourseSyncApiConnector;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The program is killed (SIGKILL, no shutdown hooks) in the middle of its first sync; the next start resumes
 * from the stored cursor and ends with exactly the server's data: no post missing, none twice.
 */
class KilledSyncTest {

    static final String COURSE = "vakmanschap";

    @TempDir
    Path dataDir;

    @Test
    void aSyncKilledHalfWayResumesFromTheStoredCursorWithNothingMissingOrDoubled() throws Exception {
        try (DemoCourseServer server = DemoCourseServer.builder().referenceCourses(List.of(COURSE)).start()) {
            // Slow pages, so that the kill lands between them.
            server.faults().changeFeedOnly(true).latency(Duration.ofMillis(400));
            Process child = new ProcessBuilder(javaCommand(), "-cp", System.getProperty("java.class.path"),
                    Main.class.getName(), "--sync", "--server", server.baseUri().toString(), "--token", server.token(),
                    "--data-dir", dataDir.toString()).redirectErrorStream(true).start();
            BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
            String line;
            int pagesStored = 0;
            while (pagesStored < 2 && (line = out.readLine()) != null) {
                if (line.contains(COURSE + ":") && line.contains("changes stored")) {
                    pagesStored++;
                }
            }
            assertThat(pagesStored).as("the child reported stored pages before it was killed").isEqualTo(2);
            // H2 writes committed pages to the file within half a second; what is lost is fetched again.
            Thread.sleep(700);
            child.destroyForcibly(); // SIGKILL: no shutdown hook, no orderly close of the database
            child.waitFor();
            server.faults().clear();

            DemoCourse course = server.course(COURSE);
            long totalChanges = course.participants().size() + course.threads().size() + course.posts().size()
                    + course.activity().size();
            try (Cache cache = Cache.open(dataDir);
                 CourseSyncApiConnector connector = new CourseSyncApiConnector(ServerAddress.of(server.baseUri().toString()),
                         server.token());
                 SyncEngine engine = new SyncEngine(connector, cache, SyncSettings.defaults())) {
                SyncState afterKill = cache.syncStates().find(COURSE).orElseThrow();
                long cachedAfterKill = cache.posts().count(COURSE);
                assertThat(afterKill.cursor()).as("a cursor was stored before the kill").isNotNull();
                assertThat(afterKill.fullPass()).as("the first pass was not finished").isTrue();

                long resumed = engine.syncOnce().changes();

                assertThat(resumed).as("resumed, not started over").isLessThan(totalChanges);
                assertThat(cache.posts().ids(COURSE))
                        .isEqualTo(course.posts().stream().map(Post::id).sorted().toList());
                assertThat(cache.participants().count(COURSE)).isEqualTo(course.participants().size());
                assertThat(cache.threads().count(COURSE)).isEqualTo(course.threads().size());
                assertThat(cache.activity().count(COURSE)).isEqualTo(course.activity().size());
                assertThat(cachedAfterKill).isLessThanOrEqualTo(course.posts().size());
                assertThat(cache.syncStates().find(COURSE).orElseThrow().fullPass()).isFalse();
            }
        }
    }

    static String javaCommand() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
