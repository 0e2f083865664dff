package nl.sociallearning.workstation.app;

import nl.sociallearning.workstation.domain.ActionType;
import nl.sociallearning.workstation.domain.ModerationAction;
import nl.sociallearning.workstation.store.Cache;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;

/**
 * Run in a child JVM by {@link KilledWhileActingTest}: records one action and a half-typed reply, says so, and
 * waits to be killed.
 */
public final class OutboxCrashChild {

    public static void main(String[] args) throws Exception {
        Cache cache = Cache.open(Path.of(args[0]));
        ModerationAction hide = ModerationAction.create(args[1], "mod-1", ActionType.HIDE, args[2], 1,
                Map.of("reason", "off-topic"), Instant.now());
        cache.outbox().enqueue(hide);
        // A reply half typed under the same post: saved as a draft, as the reply editor does while typing.
        cache.drafts().save(new nl.sociallearning.workstation.domain.Draft(args[1], args[3], args[2],
                "Dank voor je bericht, ik kom er", Instant.now()));
        System.out.println("enqueued " + hide.id());
        System.out.flush();
        Thread.sleep(60_000);
    }
}
