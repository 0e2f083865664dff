package nl.sociallearning.workstation.sync;

import nl.sociallearning.workstation.domain.EntityKind;

import java.util.Set;

/** What a connector may ask of the cache: which ids of a kind it holds for a course. */
@FunctionalInterface
public interface CacheIndex {
    Set<String> ids(String courseId, EntityKind kind);
}
