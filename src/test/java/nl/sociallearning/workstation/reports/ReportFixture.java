package nl.sociallearning.workstation.reports;

import nl.sociallearning.workstation.demo.DemoCourse;
import nl.sociallearning.workstation.demo.DemoCourseServer;
import nl.sociallearning.workstation.domain.Approval;
import nl.sociallearning.workstation.domain.Audience;
import nl.sociallearning.workstation.domain.Change;
import nl.sociallearning.workstation.domain.Course;
import nl.sociallearning.workstation.domain.Participant;
import nl.sociallearning.workstation.domain.ParticipantRole;
import nl.sociallearning.workstation.domain.Post;
import nl.sociallearning.workstation.store.Cache;
import nl.sociallearning.workstation.store.PageTransaction;
import nl.sociallearning.workstation.sync.ServerAddress;
import nl.sociallearning.workstation.sync.SyncEngine;
import nl.sociallearning.workstation.sync.SyncSettings;
import nl.sociallearning.workstation.sync.api.CourseSyncApiConnector;
import nl.sociallearning.workstation.ui.Messages;

import java.nio.file.Path;
import java.sql.DriverManager;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The kinderzorg demo course (238 participants, an employer's course) on a real demo server whose "now" is
 * 5 November 2026, synced into a real H2 cache, with the cases reports must get right: names a spreadsheet would
 * read as formulas, a group of one person, and a course with nobody active at all.
 */
final class ReportFixture implements AutoCloseable {

    static final String COURSE = "kinderzorg";
    static final String EMPTY = "leeg";
    static final ZoneId AMS = ZoneId.of("Europe/Amsterdam");
    static final Instant NOW = Instant.parse("2026-11-05T10:00:00Z");
    static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    static final ReportPeriod WHOLE = new ReportPeriod(LocalDate.of(2026, 9, 1), LocalDate.of(2026, 11, 30));
    static final ReportPeriod OCTOBER = new ReportPeriod(LocalDate.of(2026, 10, 5), LocalDate.of(2026, 10, 18));
    static final String LONE_GROUP = "Eenling";
    static final String NAMED_THREAD = "t-named";
    static final String NAMED_TITLE = "Lotte Eenling vraagt: wie ruilt de nachtdienst van roos?";
    static final List<String> FORMULA_NAMES = List.of("=HYPERLINK(\"http://example.org\";\"klik\")", "+31 6 1234 5678",
            "-Min Teken", "@Apenstaart");

    final DemoCourseServer server;
    final Cache cache;
    final Path dataDir;
    final Messages messages = new Messages(Locale.forLanguageTag("nl"));

    private ReportFixture(DemoCourseServer server, Cache cache, Path dataDir) {
        this.server = server;
        this.cache = cache;
        this.dataDir = dataDir;
    }

    static ReportFixture start(Path dir) throws Exception {
        return start(dir, true);
    }

    /** The demo course as it is, without the added cases: for the example files in docs/. */
    static ReportFixture plain(Path dir) throws Exception {
        return start(dir, false);
    }

    private static ReportFixture start(Path dir, boolean cases) throws Exception {
        DemoCourseServer server = DemoCourseServer.builder().referenceCourses(List.of(COURSE)).now(NOW).live(java.time.Duration.ZERO).start();
        if (!cases) {
            Cache cache = Cache.open(dir);
            try (CourseSyncApiConnector connector = new CourseSyncApiConnector(ServerAddress.of(server.baseUri().toString()),
                    server.token()); SyncEngine engine = new SyncEngine(connector, cache, SyncSettings.oneOff())) {
                engine.syncOnce();
            }
            return new ReportFixture(server, cache, dir);
        }
        DemoCourse course = server.course(COURSE);
        Instant start = course.course().startsAt();
        String group = course.participants().stream().map(Participant::group)
                .filter(g -> g != null && !g.equals("E-moderatoren")).sorted().findFirst().orElseThrow();
        int n = 0;
        for (String name : FORMULA_NAMES) {
            String id = "formula-" + n;
            course.put(new Participant(COURSE, id, name, ParticipantRole.PARTICIPANT, group, start));
            course.put(new Post(COURSE, "formula-post-" + n, "t-1", null, id, LocalDate.of(2026, 10, 7).atTime(10, n)
                    .atZone(AMS).toInstant(), null, "<p>Hallo</p>", false, false, Approval.APPROVED, 0, 1));
            n++;
        }
        course.put(new Participant(COURSE, "lone", "Lotte Eenling", ParticipantRole.PARTICIPANT, LONE_GROUP, start));
        course.put(new Post(COURSE, "lone-post", "t-1", null, "lone", LocalDate.of(2026, 10, 8).atTime(9, 0).atZone(AMS)
                .toInstant(), null, "<p>Ik ben alleen</p>", false, false, Approval.APPROVED, 0, 1));
        // A thread whose title names its author: an aggregate report must not.
        Instant asked = LocalDate.of(2026, 10, 9).atTime(9, 0).atZone(AMS).toInstant();
        course.put(new nl.sociallearning.workstation.domain.DiscussionThread(COURSE, NAMED_THREAD, NAMED_TITLE, null, "lone",
                asked, asked, false, false, 1));
        course.put(new Post(COURSE, "named-post", NAMED_THREAD, null, "lone", asked, null, "<p>Wie ruilt?</p>", false, false,
                Approval.APPROVED, 0, 1));
        Cache cache = Cache.open(dir);
        try (CourseSyncApiConnector connector = new CourseSyncApiConnector(ServerAddress.of(server.baseUri().toString()),
                server.token()); SyncEngine engine = new SyncEngine(connector, cache, SyncSettings.oneOff())) {
            engine.syncOnce();
        }
        // A course with six people and no activity at all.
        cache.changes().saveCourses(List.of(new Course(EMPTY, "Lege cursus", "Gemeente Nergens", Audience.EMPLOYER,
                Instant.parse("2026-09-01T00:00:00Z"), Instant.parse("2026-10-31T00:00:00Z"), AMS, 6)));
        try (PageTransaction page = cache.changes().beginPage(EMPTY)) {
            for (int i = 0; i < 6; i++) {
                page.apply(new Change.ParticipantUpsert(new Participant(EMPTY, "leeg-" + i, "Persoon " + i,
                        ParticipantRole.PARTICIPANT, "Team " + (i % 2), start)));
            }
            page.commit("c-1", true);
        }
        return new ReportFixture(server, cache, dir);
    }

    ReportExporter exporter() {
        return new ReportExporter(cache, Pseudonyms.in(dataDir), messages, CLOCK);
    }

    ReportRequest request(ReportPreset preset, ReportFormat format, PrivacyMode mode, ReportPeriod period, Path file) {
        return new ReportRequest(COURSE, preset, format, mode, period, "Verantwoording aan de opdrachtgever", file);
    }

    /** Posts per participant id in the period, counted by SQL on the cache (not by the report code). */
    Map<String, Long> postsByAuthor(String courseId, ReportPeriod period) throws Exception {
        return countBy("SELECT author_id, COUNT(*) FROM post WHERE course_id = ? AND created_at >= ? AND created_at < ?"
                + " GROUP BY author_id", courseId, period);
    }

    /** Reads (VIEW activity) per participant id in the period, by SQL on the cache. */
    Map<String, Long> readsByParticipant(String courseId, ReportPeriod period) throws Exception {
        return countBy("SELECT participant_id, COUNT(*) FROM activity WHERE course_id = ? AND type = 'VIEW'"
                + " AND at >= ? AND at < ? GROUP BY participant_id", courseId, period);
    }

    /** Participants (role PARTICIPANT) per id: name and group. */
    Map<String, String[]> participants(String courseId) throws Exception {
        Map<String, String[]> out = new HashMap<>();
        try (var c = DriverManager.getConnection(jdbcUrl(), "workstation", "");
             var s = c.prepareStatement("SELECT id, display_name, group_name FROM participant WHERE course_id = ? AND role = 'PARTICIPANT'")) {
            s.setString(1, courseId);
            try (var r = s.executeQuery()) {
                while (r.next()) {
                    out.put(r.getString(1), new String[] {r.getString(2), r.getString(3)});
                }
            }
        }
        return out;
    }

    private Map<String, Long> countBy(String sql, String courseId, ReportPeriod period) throws Exception {
        Map<String, Long> out = new HashMap<>();
        try (var c = DriverManager.getConnection(jdbcUrl(), "workstation", ""); var s = c.prepareStatement(sql)) {
            s.setString(1, courseId);
            s.setObject(2, period.start(AMS));
            s.setObject(3, period.end(AMS));
            try (var r = s.executeQuery()) {
                while (r.next()) {
                    out.put(r.getString(1), r.getLong(2));
                }
            }
        }
        return out;
    }

    private String jdbcUrl() {
        return "jdbc:h2:file:" + dataDir.resolve("cache").toAbsolutePath() + ";DB_CLOSE_ON_EXIT=FALSE";
    }

    @Override
    public void close() {
        cache.close();
        server.close();
    }
}
