package nl.sociallearning.workstation.heatmap;

import nl.sociallearning.workstation.domain.Audience;
import nl.sociallearning.workstation.domain.Course;
import nl.sociallearning.workstation.domain.Participant;
import nl.sociallearning.workstation.domain.Post;
import nl.sociallearning.workstation.store.HeatmapRepository;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** Binning against a real cache synced from the demo server, with the hard cases put in on purpose. */
class HeatmapBinningTest {

    @TempDir
    static Path dir;
    static HeatmapFixture f;
    static CourseActivity data;
    static PostGraph graph;

    @BeforeAll
    static void sync() throws Exception {
        f = HeatmapFixture.start(dir);
        HeatmapRepository repo = f.cache.heatmap();
        data = CourseActivity.load(repo, f.cache.courses().find(HeatmapFixture.COURSE).orElseThrow());
        graph = data.loadGraph(repo);
    }

    @AfterAll
    static void close() {
        f.close();
    }

    private static Grid grid(BinKind kind, Events events) {
        Axis axis = Axis.build(kind, data.course(), data.modules(), events, HeatmapFixture.NOW);
        return Grid.count(axis, events, data.participants().size());
    }

    @Test
    void everyPostOfEveryParticipantIsCountedOnceInItsLocalDay() {
        Grid g = grid(BinKind.DAY, data.postTimes());
        ZoneId zone = data.course().timeZone();
        // The oracle: the server's own posts, counted per author and local date.
        Map<String, Map<LocalDate, Long>> expected = f.demo().posts().stream().filter(p -> p.authorId() != null)
                .collect(Collectors.groupingBy(Post::authorId,
                        Collectors.groupingBy(p -> p.createdAt().atZone(zone).toLocalDate(), Collectors.counting())));
        long checked = 0;
        for (Participant p : data.participants()) {
            int r = data.rowOf(p.id());
            Map<LocalDate, Long> days = expected.getOrDefault(p.id(), Map.of());
            long sum = 0;
            for (int c = 0; c < g.columns(); c++) {
                long want = days.getOrDefault(g.axis().date(c), 0L);
                assertThat(g.count(r, c)).as("%s on %s", p.id(), g.axis().date(c)).isEqualTo((int) want);
                sum += want;
                checked += want;
            }
            assertThat(g.total(r)).isEqualTo(days.values().stream().mapToLong(Long::longValue).sum());
            assertThat(g.total(r) - g.outside(r)).isEqualTo((int) sum);
        }
        assertThat(checked).isEqualTo(f.demo().posts().size() - 1); // the one post years later lies outside
    }

    @Test
    void theDayTheClocksGoBackHas25HoursAndItsPostsStayInIt() {
        Grid g = grid(BinKind.DAY, data.postTimes());
        Axis a = g.axis();
        int r = data.rowOf(HeatmapFixture.DST);
        int oct25 = a.column(HeatmapFixture.local(2026, 10, 25, 12, 0).getEpochSecond(), -1);
        assertThat(a.date(oct25)).isEqualTo(LocalDate.of(2026, 10, 25));
        assertThat(Duration.between(a.from(oct25), a.to(oct25))).isEqualTo(Duration.ofHours(25));
        assertThat(Duration.between(a.from(oct25 - 1), a.to(oct25 - 1))).isEqualTo(Duration.ofHours(24));
        assertThat(g.count(r, oct25)).as("00:30 CEST, 02:30 CEST, 02:30 CET, 23:30 CET").isEqualTo(4);
        assertThat(g.count(r, oct25 + 1)).as("00:30 CET on the 26th").isEqualTo(1);
        assertThat(g.count(r, oct25 - 1)).isZero();
        // In UTC the same posts would fall on the 24th, 25th (3) and 25th: the course's zone decides.
        assertThat(a.zone()).isEqualTo(ZoneId.of("Europe/Amsterdam"));
    }

    @Test
    void hoursOfTheWeekAreLocalHoursAndTheRepeatedHourCountsTwice() {
        Grid g = grid(BinKind.HOUR_OF_WEEK, data.postTimes());
        int r = data.rowOf(HeatmapFixture.DST);
        int sunday = 6 * 24;
        assertThat(g.columns()).isEqualTo(168);
        assertThat(g.count(r, sunday)).as("Sunday 00:00").isEqualTo(1);
        assertThat(g.count(r, sunday + 2)).as("Sunday 02:00, summer and winter time").isEqualTo(2);
        assertThat(g.count(r, sunday + 23)).as("Sunday 23:00").isEqualTo(1);
        assertThat(g.count(r, 0)).as("Monday 00:00").isEqualTo(1);
        assertThat(g.total(r)).isEqualTo(5);
    }

    @Test
    void weeksStartOnTheCoursesFirstDayInItsZone() {
        Grid g = grid(BinKind.WEEK, data.postTimes());
        Axis a = g.axis();
        assertThat(a.date(0)).isEqualTo(data.course().startsAt().atZone(a.zone()).toLocalDate());
        assertThat(a.week(0)).isEqualTo(1);
        int r = data.rowOf(HeatmapFixture.DST);
        int week = a.column(HeatmapFixture.local(2026, 10, 25, 12, 0).getEpochSecond(), -1);
        assertThat(g.count(r, week) + g.count(r, week + 1)).isEqualTo(5);
        // The week holding the change lasts 7 days and one hour.
        assertThat(Duration.between(a.from(week), a.to(week))).isIn(Duration.ofHours(7 * 24 + 1), Duration.ofHours(7 * 24));
    }

    @Test
    void activityBeforeEnrolmentIsCountedAndOnlyEmptyCellsBeforeItAreNotEnrolled() {
        Grid g = grid(BinKind.DAY, data.postTimes());
        HeatmapPicture p = HeatmapPicture.build(data, g, Measure.POSTS, RowSort.NAME, null, null, 5,
                ColourScale.Palette.VIRIDIS, ColourScale.Kind.LOG, HeatmapFixture.NOW);
        int row = rowOf(p, HeatmapFixture.EARLY);
        int posted = p.axis().column(HeatmapFixture.local(2026, 10, 1, 12, 0).getEpochSecond(), -1);
        int enrolled = p.axis().column(HeatmapFixture.local(2026, 10, 8, 9, 0).getEpochSecond(), -1);
        assertThat(p.count(row, posted)).isEqualTo(1);
        assertThat(p.beforeEnrolment(row, posted)).isTrue();
        assertThat(p.beforeEnrolment(row, enrolled - 1)).isTrue();
        assertThat(p.beforeEnrolment(row, enrolled)).as("the day of enrolment is partly enrolled").isFalse();
        // Someone enrolled before the course: no cell is before enrolment; a silent one is all zeros.
        int silent = rowOf(p, HeatmapFixture.SILENT);
        assertThat(p.beforeEnrolment(silent, 0)).isFalse();
        assertThat(p.rows().get(silent).total()).isZero();
        for (int c = 0; c < p.columns(); c++) {
            assertThat(p.count(silent, c)).isZero();
        }
        assertThat(p.rows().get(silent).last()).isEqualTo(Grid.NONE);
    }

    @Test
    void activityAfterTheEndStretchesTheColumnsAndWhatIsYearsAwayIsCountedOutside() {
        Grid g = grid(BinKind.DAY, data.postTimes());
        Axis a = g.axis();
        LocalDate first = data.course().startsAt().atZone(a.zone()).toLocalDate();
        assertThat(a.date(0)).isEqualTo(first);
        assertThat(a.date(a.columns() - 1)).isEqualTo(LocalDate.of(2026, 11, 20));
        assertThat(a.columns()).isEqualTo(42 + 12);
        int r = data.rowOf(HeatmapFixture.LATE);
        assertThat(g.count(r, a.columns() - 1)).isEqualTo(1);
        assertThat(g.outside(r)).isEqualTo(1);
        assertThat(g.total(r)).isEqualTo(2);
        HeatmapPicture p = HeatmapPicture.build(data, g, Measure.POSTS, RowSort.NAME, null, null, 5,
                ColourScale.Palette.VIRIDIS, ColourScale.Kind.LOG, HeatmapFixture.NOW);
        assertThat(p.future(a.column(HeatmapFixture.local(2026, 11, 20, 12, 0).getEpochSecond(), -1))).isTrue();
        assertThat(p.future(a.column(HeatmapFixture.local(2026, 11, 4, 12, 0).getEpochSecond(), -1))).isFalse();
        assertThat(p.nowColumn()).isEqualTo(a.column(HeatmapFixture.NOW.getEpochSecond(), -1));
    }

    @Test
    void thousandsOfPostsInOneHourFillOneCellWithTheDarkestColour() {
        Grid g = grid(BinKind.DAY, data.postTimes());
        int r = data.rowOf(HeatmapFixture.BURST);
        int c = g.axis().column(HeatmapFixture.local(2026, 10, 14, 10, 30).getEpochSecond(), -1);
        assertThat(g.count(r, c)).isEqualTo(HeatmapFixture.BURST_POSTS);
        assertThat(g.total(r)).isEqualTo(HeatmapFixture.BURST_POSTS);
        HeatmapPicture p = HeatmapPicture.build(data, g, Measure.POSTS, RowSort.TOTAL, null, null, 5,
                ColourScale.Palette.VIRIDIS, ColourScale.Kind.LOG, HeatmapFixture.NOW);
        assertThat(p.rows().get(0).participant().id()).isEqualTo(HeatmapFixture.BURST);
        assertThat(p.max()).isEqualTo(HeatmapFixture.BURST_POSTS);
        assertThat(p.scale().rgb(p.count(0, c))).isEqualTo(0x440154);
        Grid hours = grid(BinKind.HOUR_OF_WEEK, data.postTimes());
        int wednesday10 = 2 * 24 + 10;
        assertThat(hours.count(r, wednesday10)).isEqualTo(HeatmapFixture.BURST_POSTS);
    }

    @Test
    void readsAndRepliesAndModulesComeFromTheirOwnSources() {
        Grid reads = grid(BinKind.DAY, data.views());
        int reader = data.rowOf(HeatmapFixture.READER);
        assertThat(reads.total(reader)).isEqualTo(4);
        long views = f.demo().activity().stream().filter(a -> a.type() == nl.sociallearning.workstation.domain.ActivityType.VIEW)
                .filter(a -> data.rowOf(a.participantId()) >= 0).count();
        assertThat(data.views().size()).isEqualTo((int) views);

        Grid replies = grid(BinKind.DAY, graph.replyEvents());
        int bridge = data.rowOf(HeatmapFixture.BRIDGE);
        assertThat(replies.total(bridge)).isEqualTo(3);
        assertThat(replies.total(data.rowOf(HeatmapFixture.ALONE))).isZero();
        long serverReplies = f.demo().posts().stream().filter(p -> p.parentId() != null && data.rowOf(p.authorId()) >= 0).count();
        assertThat(graph.replyEvents().size()).isEqualTo((int) serverReplies);

        Grid modules = grid(BinKind.MODULE, graph.postEvents());
        assertThat(modules.columns()).isEqualTo(data.modules().size());
        String firstModule = f.demo().thread("t-1").orElseThrow().module();
        int column = data.modules().indexOf(firstModule);
        assertThat(modules.count(data.rowOf(HeatmapFixture.BURST), column)).isEqualTo(HeatmapFixture.BURST_POSTS);
        assertThat(data.modules()).hasSize(6).allMatch(m -> m.matches("\\d\\..*"));
        assertThat(data.modules().get(0)).startsWith("1.");
    }

    @Test
    void aCourseInAnotherZoneBinsInItsOwnZone() {
        // The same instant is 23:30 on the 1st in New York and 05:30 on the 2nd in Amsterdam.
        Instant t = Instant.parse("2026-03-02T04:30:00Z");
        Course ny = new Course("ny", "New York", null, Audience.EMPLOYER, Instant.parse("2026-02-23T05:00:00Z"),
                Instant.parse("2026-03-16T04:00:00Z"), ZoneId.of("America/New_York"), 1);
        Course ams = new Course("ams", "Amsterdam", null, Audience.EMPLOYER, Instant.parse("2026-02-22T23:00:00Z"),
                Instant.parse("2026-03-15T23:00:00Z"), ZoneId.of("Europe/Amsterdam"), 1);
        Axis a = Axis.build(BinKind.DAY, ny, List.of(), (Events) null, t);
        Axis b = Axis.build(BinKind.DAY, ams, List.of(), (Events) null, t);
        assertThat(a.date(a.column(t.getEpochSecond(), -1))).isEqualTo(LocalDate.of(2026, 3, 1));
        assertThat(b.date(b.column(t.getEpochSecond(), -1))).isEqualTo(LocalDate.of(2026, 3, 2));
        // New York springs forward on 8 March 2026: a day of 23 hours.
        int c = a.column(Instant.parse("2026-03-08T12:00:00Z").getEpochSecond(), -1);
        assertThat(Duration.between(a.from(c), a.to(c))).isEqualTo(Duration.ofHours(23));
        assertThat(a.columns()).isEqualTo(21);
    }

    static int rowOf(HeatmapPicture p, String id) {
        for (int r = 0; r < p.rowCount(); r++) {
            if (p.rows().get(r).participant().id().equals(id)) {
                return r;
            }
        }
        throw new AssertionError(id + " not shown");
    }
}
