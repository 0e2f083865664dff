package nl.sociallearning.workstation.heatmap;

import nl.sociallearning.workstation.demo.DemoCourse;
import nl.sociallearning.workstation.demo.DemoCourseServer;
import nl.sociallearning.workstation.domain.ActivityEvent;
import nl.sociallearning.workstation.domain.ActivityType;
import nl.sociallearning.workstation.domain.Approval;
import nl.sociallearning.workstation.domain.DiscussionThread;
import nl.sociallearning.workstation.domain.Participant;
import nl.sociallearning.workstation.domain.ParticipantRole;
import nl.sociallearning.workstation.domain.Post;
import nl.sociallearning.workstation.store.Cache;
import nl.sociallearning.workstation.sync.ServerAddress;
import nl.sociallearning.workstation.sync.SyncEngine;
import nl.sociallearning.workstation.sync.SyncSettings;
import nl.sociallearning.workstation.sync.api.CourseSyncApiConnector;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;

/**
 * A real demo server (the kinderzorg course, 238 participants) whose "now" is 5 November 2026, so that the course
 * (28 September to 8 November, Europe/Amsterdam) holds the night of 25 October when the clocks go back; with known
 * participants added to it, each a case the heatmap must get right; synced into a real H2 cache.
 */
final class HeatmapFixture implements AutoCloseable {

    static final String COURSE = "kinderzorg";
    static final ZoneId AMS = ZoneId.of("Europe/Amsterdam");
    static final Instant NOW = Instant.parse("2026-11-05T10:00:00Z");
    static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

    /** Enrolled at the start, never did anything. */
    static final String SILENT = "hm-silent";
    /** Posts around the change from summer to winter time on 25 October. */
    static final String DST = "hm-dst";
    /** Enrolled on day 10, posted on day 3 (the platform let them in early). */
    static final String EARLY = "hm-early";
    /** Posted after the course ended (20 November), and once years later (outside every column). */
    static final String LATE = "hm-late";
    /** 3 000 posts within one hour on 14 October. */
    static final String BURST = "hm-burst";
    /** One opening post nobody answers, nothing else: isolated, first post unanswered. */
    static final String ALONE = "hm-alone";
    /** Answers three people of three other groups. */
    static final String BRIDGE = "hm-bridge";
    /** Reads only. */
    static final String READER = "hm-reader";
    static final int BURST_POSTS = 3000;

    final DemoCourseServer server;
    final Cache cache;
    final CourseSyncApiConnector connector;
    final SyncEngine engine;
    final List<String> groups;

    private HeatmapFixture(DemoCourseServer server, Cache cache, CourseSyncApiConnector connector, SyncEngine engine,
                           List<String> groups) {
        this.server = server;
        this.cache = cache;
        this.connector = connector;
        this.engine = engine;
        this.groups = groups;
    }

    static HeatmapFixture start(Path dir) throws Exception {
        DemoCourseServer server = DemoCourseServer.builder().referenceCourses(List.of(COURSE)).now(NOW).start();
        DemoCourse course = server.course(COURSE);
        List<String> groups = course.participants().stream().map(Participant::group)
                .filter(g -> g != null && !g.equals("E-moderatoren")).distinct().sorted().toList();
        Instant start = course.course().startsAt();
        String g0 = groups.get(0);
        course.put(new Participant(COURSE, SILENT, "Aaltje Stil", ParticipantRole.PARTICIPANT, g0, start.minusSeconds(86_400)));
        course.put(new Participant(COURSE, DST, "Bram Klokwissel", ParticipantRole.PARTICIPANT, g0, start));
        course.put(new Participant(COURSE, EARLY, "Cor Vroeg", ParticipantRole.PARTICIPANT, g0, local(2026, 10, 8, 9, 0)));
        course.put(new Participant(COURSE, LATE, "Dirk Laat", ParticipantRole.PARTICIPANT, g0, start));
        course.put(new Participant(COURSE, BURST, "Els Veelschrijver", ParticipantRole.PARTICIPANT, g0, start));
        course.put(new Participant(COURSE, ALONE, "Fenna Alleen", ParticipantRole.PARTICIPANT, groups.get(1), start));
        course.put(new Participant(COURSE, BRIDGE, "Gert Brug", ParticipantRole.PARTICIPANT, groups.get(0), start));
        course.put(new Participant(COURSE, READER, "Hanna Lezer", ParticipantRole.PARTICIPANT, groups.get(2), start));
        String module = course.thread("t-1").orElseThrow().module();
        course.put(new DiscussionThread(COURSE, "hm-t-1", "Heatmap: wie is er nog?", module, ALONE,
                local(2026, 10, 2, 10, 0), local(2026, 10, 2, 10, 0), false, false, 1));
        course.put(new DiscussionThread(COURSE, "hm-t-2", "Heatmap: brug", module, BRIDGE,
                local(2026, 10, 3, 10, 0), local(2026, 10, 3, 10, 0), false, false, 1));
        int[] n = {0};
        // Around the change to winter time: 00:30 and 02:30 summer time, 02:30 winter time, 23:30 (all 25 October,
        // a day of 25 hours), and 00:30 on 26 October.
        post(course, n, DST, "hm-t-2", null, Instant.parse("2026-10-24T22:30:00Z"));
        post(course, n, DST, "hm-t-2", null, Instant.parse("2026-10-25T00:30:00Z"));
        post(course, n, DST, "hm-t-2", null, Instant.parse("2026-10-25T01:30:00Z"));
        post(course, n, DST, "hm-t-2", null, Instant.parse("2026-10-25T22:30:00Z"));
        post(course, n, DST, "hm-t-2", null, Instant.parse("2026-10-25T23:30:00Z"));
        post(course, n, EARLY, "hm-t-2", null, local(2026, 10, 1, 12, 0));
        post(course, n, LATE, "hm-t-2", null, local(2026, 11, 20, 12, 0));
        post(course, n, LATE, "hm-t-2", null, local(2029, 1, 1, 12, 0));
        for (int i = 0; i < BURST_POSTS; i++) {
            post(course, n, BURST, "hm-t-2", null, local(2026, 10, 14, 10, 0).plusMillis(i * 1100L));
        }
        post(course, n, ALONE, "hm-t-1", null, local(2026, 10, 2, 10, 0));
        // The bridge answers the openers of three people of three other groups.
        for (int g = 1; g <= 3; g++) {
            String other = "hm-other-" + g;
            course.put(new Participant(COURSE, other, "Ingrid Ander " + g, ParticipantRole.PARTICIPANT, groups.get(g), start));
            String opener = post(course, n, other, "hm-t-2", null, local(2026, 10, 5, 9, g));
            post(course, n, BRIDGE, "hm-t-2", opener, local(2026, 10, 5, 11, g));
        }
        for (int i = 0; i < 4; i++) {
            course.put(new ActivityEvent(COURSE, "hm-a-" + i, READER, local(2026, 10, 6 + i, 20, 0), ActivityType.VIEW, "t-1"));
        }
        Cache cache = Cache.open(dir);
        CourseSyncApiConnector connector = new CourseSyncApiConnector(ServerAddress.of(server.baseUri().toString()), server.token());
        SyncEngine engine = new SyncEngine(connector, cache, SyncSettings.oneOff());
        engine.syncOnce();
        return new HeatmapFixture(server, cache, connector, engine, groups);
    }

    static Instant local(int y, int m, int d, int h, int min) {
        return LocalDateTime.of(y, m, d, h, min).atZone(AMS).toInstant();
    }

    private static String post(DemoCourse course, int[] n, String author, String thread, String parent, Instant at) {
        String id = "hm-p-" + (++n[0]);
        course.put(new Post(COURSE, id, thread, parent, author, at, null, "<p>hm</p>", false, false, Approval.APPROVED, 0, 1));
        return id;
    }

    DemoCourse demo() {
        return server.course(COURSE);
    }

    @Override
    public void close() {
        engine.close();
        connector.close();
        cache.close();
        server.close();
    }
}
