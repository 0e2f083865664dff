package nl.sociallearning.workstation.reports;

import nl.sociallearning.workstation.domain.Course;

import java.time.ZonedDateTime;
import java.util.List;

/**
 * A report as it will be written, whatever the format: what it is about, for what purpose, in which privacy mode,
 * its tables and a chart. Every format shows the {@code disclaimer} (not for performance appraisal).
 *
 * @param labels the words around the figures (title, "Course", "Period", …) in the report's language
 */
public record Report(Course course, ReportPreset preset, PrivacyMode mode, ReportPeriod period, String purpose,
                     ZonedDateTime createdAt, ReportLabels labels, List<ReportTable> tables, Chart chart) {

    public Report {
        tables = List.copyOf(tables);
    }

    /** A bar chart of one series (course-wide, never per person), e.g. posts per week. */
    public record Chart(String title, List<String> labels, List<Long> values) {
        public Chart {
            labels = List.copyOf(labels);
            values = List.copyOf(values);
        }
    }

    public int rowCount() {
        return tables.stream().mapToInt(t -> t.rows().size()).sum();
    }
}
