package nl.sociallearning.workstation.bench;

import nl.sociallearning.workstation.demo.DemoCourseServer;
import nl.sociallearning.workstation.store.Cache;
import nl.sociallearning.workstation.sync.ServerAddress;
import nl.sociallearning.workstation.sync.SyncEngine;
import nl.sociallearning.workstation.sync.SyncSettings;
import nl.sociallearning.workstation.sync.api.CourseSyncApiConnector;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

public class QuickProfile {
    public static void main(String[] args) throws Exception {
        long t0 = System.nanoTime();
        DemoCourseServer server = DemoCourseServer.builder().referenceCourses(List.of("kinderzorg")).start();
        System.out.println("server " + (System.nanoTime() - t0) / 1e6);
        for (int round = 0; round < 3; round++) {
            Path dir = Files.createTempDirectory("qp");
            t0 = System.nanoTime();
            Cache cache = Cache.open(dir);
            System.out.println("open " + (System.nanoTime() - t0) / 1e6);
            var conn = new CourseSyncApiConnector(ServerAddress.of(server.baseUri().toString()), server.token());
            SyncEngine e = new SyncEngine(conn, cache, SyncSettings.defaults().withPageSize(250));
            for (int i = 0; i < 3; i++) {
                t0 = System.nanoTime();
                var r = e.syncOnce();
                System.out.println(" sync " + (System.nanoTime() - t0) / 1e6 + " ms, changes " + r.changes());
            }
            t0 = System.nanoTime();
            e.close(); conn.close(); cache.close();
            System.out.println("close " + (System.nanoTime() - t0) / 1e6);
        }
        server.close();
    }
}
