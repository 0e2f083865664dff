package nl.sociallearning.workstation.reports;

/**
 * The fixed words of a report, in its language: the writers take them from here, so that they know nothing of
 * resource bundles. {@code disclaimer}: the report is not meant for performance appraisal. {@code locale}: how numbers
 * are written where the format does not decide (the PDF).
 */
public record ReportLabels(String title, String course, String organisation, String period, String mode,
                           String modeName, String purpose, String created, String disclaimer, String privacyNote,
                           String page, String periodText, java.util.Locale locale) {
}
