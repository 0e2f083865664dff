package nl.sociallearning.workstation.reports.write;

import nl.sociallearning.workstation.reports.Report;

import java.io.IOException;
import java.io.OutputStream;

/** PDF: a title page, the tables, a chart and page numbers. */
public final class PdfReportWriter implements ReportWriter {

    @Override
    public void write(Report report, OutputStream out) throws IOException {
        throw new IOException("PDF is not available yet");
    }
}
