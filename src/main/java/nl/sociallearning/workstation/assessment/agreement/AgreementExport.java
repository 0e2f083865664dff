package nl.sociallearning.workstation.assessment.agreement;

import nl.sociallearning.workstation.files.AtomicFile;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;

/** The agreement figures in the format asked for, put in place whole or not at all. */
public final class AgreementExport {

    public enum Format {
        PDF("pdf"), CSV("csv");

        private final String extension;

        Format(String extension) {
            this.extension = extension;
        }

        public String extension() {
            return extension;
        }
    }

    private AgreementExport() {
    }

    public static void write(AgreementDocument doc, Format format, Locale locale, Path file) throws IOException {
        switch (format) {
            case PDF -> AgreementPdf.write(doc, locale, file);
            case CSV -> new AtomicFile().write(file, out -> AgreementCsv.write(doc, locale, out));
        }
    }
}
