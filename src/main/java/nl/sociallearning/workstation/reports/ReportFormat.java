package nl.sociallearning.workstation.reports;

import java.util.Locale;

/** The file a report is written as. */
public enum ReportFormat {
    CSV("csv"), XLSX("xlsx"), PDF("pdf");

    private final String extension;

    ReportFormat(String extension) {
        this.extension = extension;
    }

    public String extension() {
        return extension;
    }

    public static ReportFormat fromCli(String text) {
        for (ReportFormat f : values()) {
            if (f.extension.equals(text.toLowerCase(Locale.ROOT))) {
                return f;
            }
        }
        throw new IllegalArgumentException("--format is csv, xlsx or pdf; not '" + text + "'");
    }
}
