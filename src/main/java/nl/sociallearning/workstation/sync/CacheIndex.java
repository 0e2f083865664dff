package nl.sociallearning.workstation.sync;

import nl.sociallearning.workstation.domain.EntityKind;

import java.util.Set;

/** What a connector may ask of the cache: which ids of a kind it holds for a course. */
@FunctionalInterface
public interface CacheIndex {
    Set<String> ids(String courseId, EntityKind kind);

    /**
     * The ids of one thread's posts, so that a connector that read a thread whole can tell which posts the server
     * no longer has. The default knows none, which finds no removals: safe, never losing a post.
     */
    default Set<String> postsOf(String courseId, String threadId) {
        return Set.of();
    }
}
