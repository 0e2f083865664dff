package nl.sociallearning.workstation.app;

import nl.sociallearning.workstation.reports.PrivacyMode;
import nl.sociallearning.workstation.reports.ReportFormat;
import nl.sociallearning.workstation.reports.ReportPreset;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/**
 * The options of {@code --report}: which course, preset, format, privacy mode, period, purpose and file. Format
 * follows the file's extension and the mode the course's default when not given; the period defaults to the
 * course's own.
 */
public record ReportOptions(String course, ReportPreset preset, ReportFormat format, PrivacyMode mode, LocalDate from,
                            LocalDate to, String purpose, Path out) {

    static final String USAGE = """

            Reports (with --report; no window):
              --course ID         the course (as in the cache; --sync lists them)
              --preset NAME       participants, groups, threads, modules, weeks, moderation or summary
              --out FILE          the file to write (written whole or not at all)
              --purpose TEXT      why this export is made: printed in the report and kept in the export log
              --format F          csv, xlsx or pdf (default: the extension of --out)
              --mode M            identified, pseudonymised or aggregate (default: aggregate for an employer's course,
                                  else pseudonymised)
              --from DATE         first day, e.g. 2026-09-01 (default: the course's start)
              --to DATE           last day, included (default: the course's end, or today)
              Exit codes: 0 written, 1 the sync before it failed, 2 wrong command line, 3 the file could not be
              written, 4 no such course, 5 the cache could not be opened.
            """;

    /** Collects the report options while {@link Options#parse} reads the command line. */
    static final class Builder {
        private String course;
        private ReportPreset preset;
        private ReportFormat format;
        private PrivacyMode mode;
        private LocalDate from;
        private LocalDate to;
        private String purpose;
        private Path out;
        private boolean any;

        /** The options {@link #accept} takes. */
        private static final java.util.Set<String> OPTIONS = java.util.Set.of("--course", "--preset", "--format", "--mode",
                "--from", "--to", "--purpose", "--out");

        /** Takes a report option ({@link #isReportOption}) and its value. */
        void accept(String option, String value) {
            switch (option) {
                case "--course" -> course = value;
                case "--preset" -> preset = ReportPreset.fromCli(value);
                case "--format" -> format = ReportFormat.fromCli(value);
                case "--mode" -> mode = PrivacyMode.fromCli(value);
                case "--from" -> from = date(option, value);
                case "--to" -> to = date(option, value);
                case "--purpose" -> purpose = value;
                case "--out" -> out = Path.of(value);
                default -> throw new IllegalArgumentException("unknown option '" + option + "' (see --help)");
            }
            any = true;
        }

        static boolean isReportOption(String option) {
            return OPTIONS.contains(option);
        }

        ReportOptions build(boolean report) {
            if (!report) {
                if (any) {
                    throw new IllegalArgumentException("--course, --preset, --out and the like belong to --report");
                }
                return null;
            }
            require(course, "--course");
            require(preset, "--preset");
            require(out, "--out");
            if (purpose == null || purpose.isBlank()) {
                throw new IllegalArgumentException("--report needs a --purpose: why this export is made (it is logged)");
            }
            ReportFormat f = format;
            if (f == null) {
                String name = out.getFileName().toString();
                int dot = name.lastIndexOf('.');
                if (dot < 0) {
                    throw new IllegalArgumentException("--out has no extension: add --format csv, xlsx or pdf");
                }
                f = ReportFormat.fromCli(name.substring(dot + 1));
            }
            if (from != null && to != null && to.isBefore(from)) {
                throw new IllegalArgumentException("--to (" + to + ") lies before --from (" + from + ")");
            }
            return new ReportOptions(course, preset, f, mode, from, to, purpose.strip(), out);
        }

        private static void require(Object value, String option) {
            if (value == null) {
                throw new IllegalArgumentException("--report needs " + option);
            }
        }

        private static LocalDate date(String option, String text) {
            try {
                return LocalDate.parse(text);
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException(option + " needs a date like 2026-09-01, not '" + text + "'");
            }
        }
    }
}
