package nl.sociallearning.workstation.bench;

import nl.sociallearning.workstation.demo.DemoCourseServer;
import nl.sociallearning.workstation.domain.Course;
import nl.sociallearning.workstation.reports.PrivacyMode;
import nl.sociallearning.workstation.reports.Pseudonyms;
import nl.sociallearning.workstation.reports.Report;
import nl.sociallearning.workstation.reports.ReportExporter;
import nl.sociallearning.workstation.reports.ReportFormat;
import nl.sociallearning.workstation.reports.ReportPeriod;
import nl.sociallearning.workstation.reports.ReportPreset;
import nl.sociallearning.workstation.reports.ReportRequest;
import nl.sociallearning.workstation.store.Cache;
import nl.sociallearning.workstation.sync.ServerAddress;
import nl.sociallearning.workstation.sync.SyncEngine;
import nl.sociallearning.workstation.sync.SyncSettings;
import nl.sociallearning.workstation.sync.api.CourseSyncApiConnector;
import nl.sociallearning.workstation.ui.Messages;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import static nl.sociallearning.workstation.bench.BenchTable.header;
import static nl.sociallearning.workstation.bench.BenchTable.median;
import static nl.sociallearning.workstation.bench.BenchTable.row;
import static nl.sociallearning.workstation.bench.BenchTable.stats;

/**
 * Exporting the large course's per-participant report (1 000 rows, from 100 000 posts and the reads), pseudonymised,
 * to XLSX and to PDF, each from a fresh read of the cache, as the report page and {@code --report} do: the read
 * and the tables alone (what the preview costs), then the whole export per format; medians and 95th percentiles over
 * a few runs after a warm-up, and the files' sizes.
 */
public final class ReportsBenchmark {

    private static final String COURSE = DemoCourseServer.LARGE_COURSE_ID;
    private static final int RUNS = 7;

    public static void main(String[] args) throws Exception {
        run();
    }

    public static void run() throws Exception {
        System.out.println("== Reports: the large course's per-participant report (1 000 participants, 100 000 posts) ==");
        Path dir = Files.createTempDirectory("bench-reports");
        try (ChildServer server = ChildServer.start("--only-large");
             Cache cache = Cache.open(dir.resolve("data"));
             CourseSyncApiConnector connector = new CourseSyncApiConnector(ServerAddress.of(server.baseUri()),
                     server.token());
             SyncEngine engine = new SyncEngine(connector, cache, SyncSettings.oneOff())) {
            engine.syncOnce();
            ReportExporter exporter = new ReportExporter(cache, Pseudonyms.in(dir.resolve("data")),
                    new Messages(Locale.forLanguageTag("nl")), Clock.systemUTC());
            Course course = exporter.course(COURSE);
            ReportPeriod period = exporter.defaultPeriod(course);

            List<Double> preview = new ArrayList<>();
            List<Double> xlsx = new ArrayList<>();
            List<Double> pdf = new ArrayList<>();
            Path xlsxFile = dir.resolve("participants.xlsx");
            Path pdfFile = dir.resolve("participants.pdf");
            int rows = 0;
            for (int i = 0; i < RUNS + 1; i++) {
                long t0 = System.nanoTime();
                Report report = exporter.preview(request(period, ReportFormat.XLSX, xlsxFile));
                double previewMs = (System.nanoTime() - t0) / 1e6;
                long t1 = System.nanoTime();
                exporter.export(request(period, ReportFormat.XLSX, xlsxFile), (p, s) -> { });
                double xlsxMs = (System.nanoTime() - t1) / 1e6;
                long t2 = System.nanoTime();
                exporter.export(request(period, ReportFormat.PDF, pdfFile), (p, s) -> { });
                double pdfMs = (System.nanoTime() - t2) / 1e6;
                rows = report.rowCount();
                if (i >= 1) { // one warm-up
                    preview.add(previewMs);
                    xlsx.add(xlsxMs);
                    pdf.add(pdfMs);
                }
            }
            System.out.printf("  %d rows; XLSX %,d bytes, PDF %,d bytes%n", rows, Files.size(xlsxFile), Files.size(pdfFile));
            System.out.println();
            header("measured");
            row("read the cache and build the tables (the preview)", stats(preview), "< 2 s", median(preview) < 2000);
            row("export to XLSX (read, build, write, log)", stats(xlsx), "< 3 s", median(xlsx) < 3000);
            row("export to PDF (read, build, write, log)", stats(pdf), "< 10 s", median(pdf) < 10_000);
        }
    }

    private static ReportRequest request(ReportPeriod period, ReportFormat format, Path file) {
        return new ReportRequest(COURSE, ReportPreset.PARTICIPANTS, format, PrivacyMode.PSEUDONYMISED, period,
                "Benchmark", file);
    }
}
