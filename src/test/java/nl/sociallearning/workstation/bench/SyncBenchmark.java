package nl.sociallearning.workstation.bench;

import nl.sociallearning.workstation.demo.DemoCourseServer;
import nl.sociallearning.workstation.store.Cache;
import nl.sociallearning.workstation.sync.ServerAddress;
import nl.sociallearning.workstation.sync.SyncEngine;
import nl.sociallearning.workstation.sync.SyncSettings;
import nl.sociallearning.workstation.sync.api.CourseSyncApiConnector;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import static nl.sociallearning.workstation.bench.BenchTable.header;
import static nl.sociallearning.workstation.bench.BenchTable.median;
import static nl.sociallearning.workstation.bench.BenchTable.percentile;
import static nl.sociallearning.workstation.bench.BenchTable.row;

/**
 * The foundation's speed, measured side by side in one run: the large course's first sync over loopback from
 * a demo server in its own JVM, against a plain batched insert of the same rows into H2 (the limit of this
 * pipeline), alternating, three rounds after a warm-up, medians reported; then an incremental sync with nothing
 * new, and the client's peak heap during a sync.
 */
public final class SyncBenchmark {

    private static final String COURSE = DemoCourseServer.LARGE_COURSE_ID;
    private static final String[] TABLES = {"participant", "thread", "post", "activity"};
    private static final int ROUNDS = 3;

    public static void main(String[] args) throws Exception {
        run();
    }

    private record SyncRun(double seconds, long changes, long posts, long peakHeapMb, long maxHeapMb, Path dir) { }

    static void run() throws Exception {
        System.out.println("== Sync: the large course over loopback; the demo server runs in its own JVM ==");
        SyncSettings settings = SyncSettings.defaults();
        try (ChildServer server = ChildServer.start("--only-large")) {
            SyncRun warmUp = firstSync(server, settings);
            List<Double> syncSeconds = new ArrayList<>();
            List<Double> ratios = new ArrayList<>();
            List<Double> limitRates = new ArrayList<>();
            SyncRun last = null;
            long peakHeap = 0;
            for (int round = 1; round <= ROUNDS; round++) {
                last = firstSync(server, settings);
                double limit = plainInsertRate(last.dir(), settings.pageSize());
                double rate = last.changes() / last.seconds();
                syncSeconds.add(last.seconds());
                limitRates.add(limit);
                ratios.add(rate / limit);
                peakHeap = Math.max(peakHeap, last.peakHeapMb());
                System.out.printf("  round %d: sync %.2f s (%,.0f changes/s), plain insert %,.0f rows/s, ratio %.2f%n",
                        round, last.seconds(), rate, limit, rate / limit);
            }
            List<Double> noop = incrementalNothingNew(server, settings, last.dir());

            double seconds = median(syncSeconds);
            System.out.println();
            header("measured (median of " + ROUNDS + ")");
            row("first sync, cold JVMs (warm-up)", String.format("%.2f s", warmUp.seconds()), "");
            row("initial sync, whole course", String.format("%.2f s for %,d changes (%,d posts)", seconds,
                    last.changes(), last.posts()), "<= 10 s", seconds <= 10);
            row("  rate", String.format("%,.0f posts/s, %,.0f changes/s", last.posts() / seconds, last.changes() / seconds), "");
            row("plain batched insert, same rows", String.format("%,.0f rows/s", median(limitRates)), "(the limit)");
            row("sync / limit", String.format("%.2f", median(ratios)), ">= 0.5", median(ratios) >= 0.5);
            row("incremental sync, nothing new", String.format("1 request, median %.1f ms, p95 %.1f ms",
                    median(noop), percentile(noop, 0.95)), "1 request, < 50 ms", median(noop) < 50);
            row("peak heap during a sync", String.format("%d MB (heap limit -Xmx %d MB)", peakHeap, last.maxHeapMb()),
                    "< 256 MB", peakHeap < 256);
        }
    }

    private static SyncRun firstSync(ChildServer server, SyncSettings settings) throws Exception {
        Path dir = Files.createTempDirectory("bench-sync");
        try (Cache cache = Cache.open(dir);
             CourseSyncApiConnector connector = new CourseSyncApiConnector(ServerAddress.of(server.baseUri()), server.token());
             SyncEngine engine = new SyncEngine(connector, cache, settings);
             HeapSampler heap = new HeapSampler()) {
            long start = System.nanoTime();
            long changes = engine.syncOnce().changes();
            double seconds = (System.nanoTime() - start) / 1e9;
            return new SyncRun(seconds, changes, cache.posts().count(COURSE), heap.peakMegabytes(), heap.maxMegabytes(), dir);
        }
    }

    /** Syncs a course that is up to date, 30 times: each must cost exactly one request and bring nothing. */
    private static List<Double> incrementalNothingNew(ChildServer server, SyncSettings settings, Path dir) throws Exception {
        List<Double> millis = new ArrayList<>();
        try (Cache cache = Cache.open(dir);
             CountingConnector connector = new CountingConnector(
                     new CourseSyncApiConnector(ServerAddress.of(server.baseUri()), server.token()));
             SyncEngine engine = new SyncEngine(connector, cache, settings)) {
            for (int i = 0; i < 30; i++) {
                int before = connector.requests.get();
                long start = System.nanoTime();
                long changes = engine.syncCourse(COURSE);
                millis.add((System.nanoTime() - start) / 1e6);
                int requests = connector.requests.get() - before;
                if (changes != 0 || requests != 1) {
                    throw new IllegalStateException("an idle incremental sync took " + requests + " requests and brought "
                            + changes + " changes");
                }
            }
        }
        return millis;
    }

    /**
     * Copies the synced rows into a fresh cache with plain batched INSERTs, committing at the sync's page size:
     * the same rows and schema without network, parsing or upsert. Only the inserts are timed.
     */
    private static double plainInsertRate(Path syncedDir, int pageSize) throws Exception {
        Path limitDir = Files.createTempDirectory("bench-limit");
        Cache.open(limitDir).close(); // the same schema, by the same migrations
        long rows = 0;
        long nanos = 0;
        try (Connection source = h2(syncedDir); Connection target = h2(limitDir)) {
            target.setAutoCommit(false);
            for (String table : TABLES) {
                try (Statement read = source.createStatement(); ResultSet rs = read.executeQuery("SELECT * FROM " + table)) {
                    ResultSetMetaData meta = rs.getMetaData();
                    int columns = meta.getColumnCount();
                    List<Object[]> page = new ArrayList<>(pageSize);
                    try (PreparedStatement write = target.prepareStatement(insertSql(table, meta))) {
                        while (rs.next()) {
                            Object[] row = new Object[columns];
                            for (int i = 0; i < columns; i++) {
                                row[i] = rs.getObject(i + 1);
                            }
                            page.add(row);
                            if (page.size() == pageSize) {
                                nanos += insertPage(target, write, page);
                                rows += page.size();
                                page.clear();
                            }
                        }
                        nanos += insertPage(target, write, page);
                        rows += page.size();
                    }
                }
            }
        }
        return rows / (nanos / 1e9);
    }

    private static long insertPage(Connection target, PreparedStatement write, List<Object[]> page) throws SQLException {
        long start = System.nanoTime();
        int n = 0;
        for (Object[] row : page) {
            for (int i = 0; i < row.length; i++) {
                write.setObject(i + 1, row[i]);
            }
            write.addBatch();
            if (++n % 500 == 0) {
                write.executeBatch();
            }
        }
        write.executeBatch();
        target.commit();
        return System.nanoTime() - start;
    }

    private static String insertSql(String table, ResultSetMetaData meta) throws SQLException {
        StringBuilder names = new StringBuilder();
        StringBuilder marks = new StringBuilder();
        for (int i = 1; i <= meta.getColumnCount(); i++) {
            names.append(i > 1 ? ", " : "").append(meta.getColumnName(i));
            marks.append(i > 1 ? ", ?" : "?");
        }
        return "INSERT INTO " + table + " (" + names + ") VALUES (" + marks + ")";
    }

    private static Connection h2(Path dir) throws SQLException {
        return DriverManager.getConnection("jdbc:h2:file:" + dir.resolve("cache").toAbsolutePath(), "workstation", "");
    }
}
