package nl.sociallearning.workstation.app;

import nl.sociallearning.workstation.store.Cache;

import java.nio.file.Path;

/** Run in a child JVM by {@link MainTest}: another workstation that has the cache open. */
public final class HoldCacheChild {

    public static void main(String[] args) throws Exception {
        try (Cache cache = Cache.open(Path.of(args[0]))) {
            System.out.println("open");
            System.out.flush();
            Thread.sleep(60_000);
        }
    }
}
