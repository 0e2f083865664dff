package nl.sociallearning.workstation.app;

import nl.sociallearning.workstation.demo.DemoCourseServer;
import nl.sociallearning.workstation.domain.OutboxEntry;
import nl.sociallearning.workstation.domain.OutboxState;
import nl.sociallearning.workstation.domain.Post;
import nl.sociallearning.workstation.store.Cache;
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
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a moderator did, and the reply they were typing, survive the program being killed the moment after; the
 * action reaches the server once.
 */
class KilledWhileActingTest {

    static final String COURSE = "kinderzorg";

    @TempDir
    Path dataDir;

    @Test
    void anActionRecordedJustBeforeAKillIsKeptAndSentAfterTheRestart() throws Exception {
        try (DemoCourseServer server = DemoCourseServer.builder().referenceCourses(List.of(COURSE)).start()) {
            Post target = server.course(COURSE).posts().stream().filter(p -> p.parentId() != null && !p.hidden())
                    .findFirst().orElseThrow();
            try (Cache cache = Cache.open(dataDir);
                 CourseSyncApiConnector connector = connector(server);
                 SyncEngine engine = new SyncEngine(connector, cache, SyncSettings.oneOff())) {
                engine.syncOnce();
            }

            Process child = new ProcessBuilder(KilledSyncTest.javaCommand(), "-cp", System.getProperty("java.class.path"),
                    OutboxCrashChild.class.getName(), dataDir.toString(), COURSE, target.id(), target.threadId())
                    .redirectErrorStream(true).start();
            BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
            UUID id = null;
            for (String line; (line = out.readLine()) != null; ) {
                if (line.startsWith("enqueued ")) {
                    id = UUID.fromString(line.substring("enqueued ".length()).trim());
                    break;
                }
            }
            assertThat(id).as("the child recorded the action").isNotNull();
            child.destroyForcibly();
            child.waitFor();

            try (Cache cache = Cache.open(dataDir);
                 CourseSyncApiConnector connector = connector(server);
                 SyncEngine engine = new SyncEngine(connector, cache, SyncSettings.oneOff())) {
                OutboxEntry kept = cache.outbox().find(id).orElseThrow();
                assertThat(kept.state()).isEqualTo(OutboxState.PENDING);
                assertThat(cache.posts().find(COURSE, target.id()).orElseThrow().hidden()).as("shown as done at once").isTrue();
                assertThat(cache.drafts().find(COURSE, target.id())).as("the reply being typed")
                        .get().extracting(d -> d.body()).isEqualTo("Dank voor je bericht, ik kom er");

                engine.syncOnce();

                assertThat(cache.outbox().find(id).orElseThrow().state()).isEqualTo(OutboxState.APPLIED);
                assertThat(server.timesApplied(id)).isEqualTo(1);
                assertThat(server.course(COURSE).post(target.id()).orElseThrow().hidden()).isTrue();
            }
        }
    }

    private static CourseSyncApiConnector connector(DemoCourseServer server) {
        return new CourseSyncApiConnector(ServerAddress.of(server.baseUri().toString()), server.token());
    }
}
