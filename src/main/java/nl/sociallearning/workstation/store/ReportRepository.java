package nl.sociallearning.workstation.store;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.OptionalInt;

/** The reports' own tables: the export log, and each course's retention period for activity data. */
public final class ReportRepository {

    /** One export as logged. */
    public record ExportEntry(long id, Instant exportedAt, String courseId, String preset, String mode, String format,
                              LocalDate from, LocalDate to, String file, String purpose, int rows) { }

    private final Jdbc jdbc;

    public ReportRepository(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    /** Records an export, durably: the log must survive a crash right after the file was written. */
    public void log(ExportEntry e) {
        jdbc.writeDurably(c -> Jdbc.update(c, "INSERT INTO export_log (exported_at, course_id, preset, privacy_mode, format,"
                        + " period_from, period_to, file, purpose, row_count) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                e.exportedAt(), e.courseId(), e.preset(), e.mode(), e.format(), e.from(), e.to(), e.file(), e.purpose(),
                e.rows()));
    }

    /** The exports of a course, newest first (all courses when null). */
    public List<ExportEntry> exports(String courseId) {
        String where = courseId == null ? "" : " WHERE course_id = ?";
        Object[] params = courseId == null ? new Object[0] : new Object[] {courseId};
        return jdbc.read(c -> Jdbc.query(c, "SELECT * FROM export_log" + where + " ORDER BY exported_at DESC, id DESC",
                r -> new ExportEntry(r.getLong("id"), Jdbc.instant(r, "exported_at"), r.getString("course_id"),
                        r.getString("preset"), r.getString("privacy_mode"), r.getString("format"),
                        r.getObject("period_from", LocalDate.class), r.getObject("period_to", LocalDate.class),
                        r.getString("file"), r.getString("purpose"), r.getInt("row_count")), params));
    }

    /** The course's retention in days, if one is set. */
    public OptionalInt retentionDays(String courseId) {
        return jdbc.read(c -> Jdbc.queryOne(c, "SELECT retention_days FROM course_retention WHERE course_id = ?",
                r -> r.getInt(1), courseId)).map(OptionalInt::of).orElse(OptionalInt.empty());
    }

    /** Sets the retention (days, at least 1), or removes it when {@code days} is null. */
    public void setRetentionDays(String courseId, Integer days) {
        if (days != null && days < 1) {
            throw new IllegalArgumentException("a retention period is at least one day, not " + days);
        }
        jdbc.writeDurably(c -> days == null
                ? Jdbc.update(c, "DELETE FROM course_retention WHERE course_id = ?", courseId)
                : Jdbc.update(c, "MERGE INTO course_retention (course_id, retention_days) KEY (course_id) VALUES (?, ?)",
                        courseId, days));
    }

    /** How many activity records (reads, logins) of a course are older than {@code before}. */
    public long activityBefore(String courseId, Instant before) {
        return jdbc.read(c -> Jdbc.count(c, "SELECT COUNT(*) FROM activity WHERE course_id = ? AND at < ?", courseId, before));
    }

    /** Deletes a course's activity records older than {@code before}, in one transaction; returns how many. */
    public int purgeActivityBefore(String courseId, Instant before) {
        return jdbc.writeDurably(c -> Jdbc.update(c, "DELETE FROM activity WHERE course_id = ? AND at < ?", courseId, before));
    }
}
