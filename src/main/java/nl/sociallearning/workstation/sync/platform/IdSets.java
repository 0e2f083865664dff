package nl.sociallearning.workstation.sync.platform;

import nl.sociallearning.workstation.domain.Change;
import nl.sociallearning.workstation.domain.EntityKind;
import nl.sociallearning.workstation.sync.ChangeSink;

import java.util.Collection;
import java.util.Set;
import java.util.TreeSet;

/**
 * Finds what a platform deleted for good by comparing id sets: what the cache holds (from
 * {@link nl.sociallearning.workstation.sync.CacheIndex}) against what the server has now, within the same scope
 * (a course's threads, one thread's posts). Local stand-ins of unsent replies ({@code local-…}) are never removed.
 */
public final class IdSets {

    private IdSets() {
    }

    /** Emits a removal for every cached id the server no longer has; returns how many. */
    public static int removeMissing(EntityKind kind, Collection<String> cached, Set<String> onServer, ChangeSink sink) {
        int removed = 0;
        for (String id : new TreeSet<>(cached)) {
            if (!onServer.contains(id) && !id.startsWith("local-")) {
                sink.accept(new Change.Removal(kind, id));
                removed++;
            }
        }
        return removed;
    }
}
