package nl.sociallearning.workstation.reports;

import java.nio.file.Path;
import java.util.Objects;

/** What to export: course, preset, format, privacy mode, period, purpose and file. */
public record ReportRequest(String courseId, ReportPreset preset, ReportFormat format, PrivacyMode mode,
                           ReportPeriod period, String purpose, Path file) {

    public ReportRequest {
        Objects.requireNonNull(courseId, "courseId");
        Objects.requireNonNull(preset, "preset");
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(period, "period");
        purpose = purpose == null ? "" : purpose.strip();
    }
}
