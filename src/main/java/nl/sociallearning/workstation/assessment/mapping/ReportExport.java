package nl.sociallearning.workstation.assessment.mapping;

import nl.sociallearning.workstation.assessment.report.AssessmentReport;
import nl.sociallearning.workstation.assessment.report.ReportCsv;
import nl.sociallearning.workstation.assessment.report.ReportJson;
import nl.sociallearning.workstation.assessment.report.ReportPdf;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;

/** The report in the format asked for; the writers put the file in place whole or not at all. */
public final class ReportExport {

    public enum Format {
        PDF("pdf"), CSV("csv"), JSON("json");

        private final String extension;

        Format(String extension) {
            this.extension = extension;
        }

        public String extension() {
            return extension;
        }
    }

    private ReportExport() {
    }

    public static void write(AssessmentReport report, Format format, Locale locale, Path file) {
        try {
            switch (format) {
                case PDF -> ReportPdf.write(report, locale, file);
                case CSV -> ReportCsv.write(report, locale, file);
                case JSON -> ReportJson.write(report, file);
            }
        } catch (IOException e) {
            throw new ReportExportException(file, e);
        }
    }
}
