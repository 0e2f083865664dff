package nl.sociallearning.workstation.sync.contract;

import nl.sociallearning.workstation.domain.Change;
import nl.sociallearning.workstation.domain.DiscussionThread;
import nl.sociallearning.workstation.domain.EntityKind;
import nl.sociallearning.workstation.domain.Post;
import nl.sociallearning.workstation.sync.CacheIndex;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the cache would hold after applying pages, in memory: the contract asserts on what a user would see
 * (posts, their bodies, their state), not on requests. A page is applied only once it is whole, like the cache's
 * page transaction.
 */
final class Mirror implements CacheIndex {

    private final Map<EntityKind, Map<String, Change>> rows = new EnumMap<>(EntityKind.class);

    Mirror() {
        for (EntityKind kind : EntityKind.values()) {
            rows.put(kind, new LinkedHashMap<>());
        }
    }

    synchronized void apply(List<Change> page) {
        for (Change change : page) {
            if (change instanceof Change.Removal removal) {
                rows.get(removal.kind()).remove(removal.entityId());
                if (removal.kind() == EntityKind.THREAD) {
                    rows.get(EntityKind.POST).values().removeIf(c -> ((Change.PostUpsert) c).post().threadId()
                            .equals(removal.entityId()));
                }
            } else {
                rows.get(change.kind()).put(change.entityId(), change);
            }
        }
    }

    synchronized Post post(String id) {
        Change c = rows.get(EntityKind.POST).get(id);
        return c == null ? null : ((Change.PostUpsert) c).post();
    }

    synchronized DiscussionThread thread(String id) {
        Change c = rows.get(EntityKind.THREAD).get(id);
        return c == null ? null : ((Change.ThreadUpsert) c).thread();
    }

    synchronized List<Post> posts() {
        List<Post> posts = new ArrayList<>();
        rows.get(EntityKind.POST).values().forEach(c -> posts.add(((Change.PostUpsert) c).post()));
        return posts;
    }

    synchronized int count(EntityKind kind) {
        return rows.get(kind).size();
    }

    @Override
    public synchronized Set<String> ids(String courseId, EntityKind kind) {
        return new HashSet<>(rows.get(kind).keySet());
    }

    @Override
    public synchronized Set<String> postsOf(String courseId, String threadId) {
        Set<String> ids = new HashSet<>();
        for (Post p : posts()) {
            if (p.threadId().equals(threadId)) {
                ids.add(p.id());
            }
        }
        return ids;
    }
}
