package nl.sociallearning.workstation.reports.write;

import nl.sociallearning.workstation.reports.Report;

import java.io.IOException;
import java.io.OutputStream;

/** Writes a report in one format to a stream; the caller owns the stream (and the file behind it). */
public interface ReportWriter {

    void write(Report report, OutputStream out) throws IOException;
}
