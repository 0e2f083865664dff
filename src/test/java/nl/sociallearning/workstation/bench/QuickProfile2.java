package nl.sociallearning.workstation.bench;

import nl.sociallearning.workstation.demo.DemoCourseServer;
import nl.sociallearning.workstation.store.Cache;
import nl.sociallearning.workstation.sync.*;
import nl.sociallearning.workstation.sync.api.CourseSyncApiConnector;

import java.nio.file.Files;
import java.time.Duration;
import java.util.List;

public class QuickProfile2 {
    static long t;
    static void lap(String what) { long n = System.nanoTime(); System.out.println(what + " " + (n - t) / 1e6); t = n; }
    public static void main(String[] args) throws Exception {
        DemoCourseServer server = DemoCourseServer.builder().referenceCourses(List.of("kinderzorg")).start();
        Cache cache = Cache.open(Files.createTempDirectory("qp"));
        var conn = new CourseSyncApiConnector(ServerAddress.of(server.baseUri().toString()), server.token());
        SyncEngine e = new SyncEngine(conn, cache, SyncSettings.defaults());
        e.syncOnce();
        for (int i = 0; i < 3; i++) {
            t = System.nanoTime();
            var me = conn.me(); lap("me");
            var courses = conn.courses(); lap("courses");
            cache.changes().saveIdentity(me); lap("saveIdentity");
            cache.changes().saveCourses(courses); lap("saveCourses");
            String cursor = cache.syncStates().find("kinderzorg").get().cursor(); lap("find state");
            conn.pull(new PullRequest("kinderzorg", cursor, 1000, Duration.ZERO, null), c -> {}, TransferListener.NONE); lap("pull");
            cache.outbox().pending(); lap("pending");
            cache.outbox().countPending(); cache.outbox().needingAttention(); lap("outbox counts");
        }
        e.close(); conn.close(); cache.close(); server.close();
    }
}
