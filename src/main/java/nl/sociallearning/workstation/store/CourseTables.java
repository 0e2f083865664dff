package nl.sociallearning.workstation.store;

import java.util.List;
import java.util.Map;

/**
 * Where a course's rows are: the one list of every cache table keyed by course, and what becomes of its rows when
 * the course's server is removed. A new table with a course column belongs in one of the two lists
 * ({@code CourseTablesTest} fails until it is).
 */
public final class CourseTables {

    /** A table and its course column. */
    public record Table(String name, String courseColumn) { }

    /**
     * Deleted with the course: the server's data (participants, threads, posts, their earlier versions, activity),
     * what the workstation worked out from it (thread figures, post strips, what was read, where the feed stands) and the
     * moderator's own work on it (triage, notes, drafts, the outbox with its unsent actions, the retention
     * setting). Children before parents; {@code course} last.
     */
    public static final List<Table> DELETED_WITH_COURSE = List.of(
            new Table("post_revision", "course_id"),
            new Table("post", "course_id"),
            new Table("thread_stats", "course_id"),
            new Table("post_strip", "course_id"),
            new Table("thread_read", "course_id"),
            new Table("triage", "course_id"),
            new Table("moderator_note", "course_id"),
            new Table("draft", "course_id"),
            new Table("thread", "course_id"),
            new Table("activity", "course_id"),
            new Table("participant", "course_id"),
            new Table("outbox", "course_id"),
            new Table("course_retention", "course_id"),
            new Table("sync_state", "course_id"),
            new Table("course", "id"));

    /**
     * Kept: records that outlive the course. An assessment's evidence quotes the post it points to (the excerpt
     * is kept in the row) and is covered by the assessment's audit chain and signatures, so deleting it would
     * change a signed assessment. The export log says what was exported, when and for what purpose: an
     * accountability record of files that still exist, whatever happens to the cache.
     */
    public static final Map<String, String> KEPT = Map.of(
            "assessment_evidence", "part of a signed assessment; quotes the post itself",
            "export_log", "accountability record of exports made");

    private CourseTables() {
    }
}
