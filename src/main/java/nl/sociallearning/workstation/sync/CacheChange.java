package nl.sociallearning.workstation.sync;

import nl.sociallearning.workstation.domain.EntityKind;

import java.util.Set;

/** The cache has new data for a course: views showing those kinds should refresh. */
public record CacheChange(String courseId, Set<EntityKind> kinds) {
}
