package nl.sociallearning.workstation.reports;

import nl.sociallearning.workstation.domain.Course;
import nl.sociallearning.workstation.files.AtomicFile;
import nl.sociallearning.workstation.reports.write.CsvReportWriter;
import nl.sociallearning.workstation.reports.write.PdfReportWriter;
import nl.sociallearning.workstation.reports.write.ReportWriter;
import nl.sociallearning.workstation.reports.write.XlsxReportWriter;
import nl.sociallearning.workstation.store.Cache;
import nl.sociallearning.workstation.store.ReportRepository;
import nl.sociallearning.workstation.ui.Messages;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.function.BiConsumer;

/**
 * Makes reports from the cache and writes them: reads the course, builds the tables in the chosen privacy mode,
 * writes the file (complete or not at all) and records the export, with its purpose, in the export log. Used by
 * the report view and by the command line alike. Runs on the caller's thread: the view calls it in the background.
 */
public final class ReportExporter {

    /** Hears how far an export is: a fraction 0..1 and a stage ("reading", "writing", "done"). */
    public interface Progress extends BiConsumer<Double, String> { }

    private final Cache cache;
    private final Pseudonyms pseudonyms;
    private final Messages messages;
    private final Clock clock;
    private final AtomicFile files;

    public ReportExporter(Cache cache, Pseudonyms pseudonyms, Messages messages, Clock clock, AtomicFile files) {
        this.cache = cache;
        this.pseudonyms = pseudonyms;
        this.messages = messages;
        this.clock = clock;
        this.files = files;
    }

    public ReportExporter(Cache cache, Pseudonyms pseudonyms, Messages messages, Clock clock) {
        this(cache, pseudonyms, messages, clock, new AtomicFile());
    }

    public Pseudonyms pseudonyms() {
        return pseudonyms;
    }

    public Course course(String courseId) {
        return cache.courses().find(courseId).orElseThrow(() -> new ReportException(ReportException.Kind.NO_SUCH_COURSE,
                "no course '" + courseId + "' in the cache"));
    }

    /** A course's period when none is given: from its start (or its first post) to its end, or today if earlier. */
    public ReportPeriod defaultPeriod(Course course) {
        LocalDate today = LocalDate.now(clock.withZone(course.timeZone()));
        LocalDate from = course.startsAt() != null ? course.startsAt().atZone(course.timeZone()).toLocalDate() : today.minusWeeks(6);
        LocalDate to = course.endsAt() != null ? course.endsAt().atZone(course.timeZone()).toLocalDate() : today;
        if (to.isAfter(today) && !today.isBefore(from)) {
            to = today;
        }
        return new ReportPeriod(from, to.isBefore(from) ? from : to);
    }

    /** Reads what a report of the course needs; the slow part (a second or two for the largest course). */
    CourseData load(String courseId) {
        return CourseData.load(cache, course(courseId));
    }

    /** The report exactly as it would be written, without writing it: for the preview. */
    Report build(CourseData data, ReportRequest request) {
        return new ReportBuilder(messages, pseudonyms, clock).build(data, request.preset(), request.mode(), request.period(),
                request.purpose());
    }

    /** Builds the report of a request from a fresh read of the cache. */
    public Report preview(ReportRequest request) {
        return build(load(request.courseId()), request);
    }

    /** Exports: builds, writes the file atomically, logs the export. */
    public Report export(ReportRequest request, Progress progress) {
        if (request.purpose().isEmpty()) {
            throw new ReportException(ReportException.Kind.BAD_REQUEST, messages.get("report.error.purpose"));
        }
        if (request.file() == null) {
            throw new ReportException(ReportException.Kind.BAD_REQUEST, messages.get("report.error.file"));
        }
        progress.accept(0.05, "reading");
        CourseData data = load(request.courseId());
        progress.accept(0.5, "building");
        Report report = build(data, request);
        return write(report, request, progress);
    }

    /** Writes a report already built (the one previewed) and logs it. */
    Report write(Report report, ReportRequest request, Progress progress) {
        progress.accept(0.6, "writing");
        ReportWriter writer = writerFor(request.format());
        try {
            files.write(request.file(), out -> writer.write(report, out));
        } catch (IOException | java.io.UncheckedIOException e) {
            throw new ReportException(ReportException.Kind.CANNOT_WRITE, cannotWrite(request, e), e);
        }
        cache.reports().log(new ReportRepository.ExportEntry(0, clock.instant(), request.courseId(), request.preset().name(),
                request.mode().name(), request.format().name(), request.period().from(), request.period().to(),
                request.file().toAbsolutePath().toString(), request.purpose(), report.rowCount()));
        progress.accept(1.0, "done");
        return report;
    }

    private String cannotWrite(ReportRequest request, Exception e) {
        Throwable cause = e instanceof java.io.UncheckedIOException u ? u.getCause() : e;
        String why;
        if (String.valueOf(cause.getMessage()).contains("No space left") || String.valueOf(cause.getMessage()).contains("not enough space")) {
            why = messages.get("report.error.diskFull");
        } else if (java.nio.file.Files.isDirectory(request.file())) {
            why = messages.get("report.error.isFolder");
        } else if (cause instanceof AccessDeniedException) {
            why = messages.get("report.error.denied");
        } else if (cause instanceof NoSuchFileException) {
            why = messages.get("report.error.noFolder");
        } else if (cause instanceof FileSystemException fs && fs.getReason() != null) {
            why = fs.getReason();
        } else {
            why = String.valueOf(cause.getMessage());
        }
        return messages.get("report.error.write", request.file().toAbsolutePath(), why);
    }

    static ReportWriter writerFor(ReportFormat format) {
        return switch (format) {
            case CSV -> new CsvReportWriter();
            case XLSX -> new XlsxReportWriter();
            case PDF -> new PdfReportWriter();
        };
    }
}
