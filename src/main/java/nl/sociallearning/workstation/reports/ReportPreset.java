package nl.sociallearning.workstation.reports;

import java.util.Locale;

/** What a report is about: one table (or two) of figures for a course and a period. */
public enum ReportPreset {
    PARTICIPANTS, GROUPS, THREADS, MODULES, WEEKS, MODERATION, SUMMARY;

    /** The name on the command line: {@code participants}, {@code groups}, … */
    public String cliName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static ReportPreset fromCli(String text) {
        for (ReportPreset p : values()) {
            if (p.cliName().equals(text)) {
                return p;
            }
        }
        throw new IllegalArgumentException("--preset is one of participants, groups, threads, modules, weeks, moderation,"
                + " summary; not '" + text + "'");
    }
}
