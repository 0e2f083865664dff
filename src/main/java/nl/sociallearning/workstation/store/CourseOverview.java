package nl.sociallearning.workstation.store;

import nl.sociallearning.workstation.domain.Course;

/** A course with what the cache holds of it and where its sync stands. */
public record CourseOverview(
        Course course,
        long participants,
        long threads,
        long posts,
        SyncState syncState) {
}
