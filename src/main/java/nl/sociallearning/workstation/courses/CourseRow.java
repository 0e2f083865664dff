package nl.sociallearning.workstation.courses;

import nl.sociallearning.workstation.domain.Course;
import nl.sociallearning.workstation.store.CourseOverview;
import nl.sociallearning.workstation.sync.CourseSyncStatus;

import java.time.Instant;

/** One line of the course list: what the cache holds of a course and how its sync is doing. */
public record CourseRow(Course course, long participants, long threads, long posts, CourseSyncStatus status,
                        Instant lastSyncAt, String lastError) {

    static CourseRow of(CourseOverview overview, CourseSyncStatus status) {
        Instant last = status.lastSyncAt() != null ? status.lastSyncAt() : overview.syncState().lastSyncAt();
        String error = status.error() != null ? status.error() : overview.syncState().lastError();
        return new CourseRow(overview.course(), overview.participants(), overview.threads(), overview.posts(), status,
                last, error);
    }

    CourseRow withStatus(CourseSyncStatus next) {
        return new CourseRow(course, participants, threads, posts, next,
                next.lastSyncAt() != null ? next.lastSyncAt() : lastSyncAt, next.error());
    }

    public String id() {
        return course.id();
    }
}
