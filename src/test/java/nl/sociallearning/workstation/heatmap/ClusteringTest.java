package nl.sociallearning.workstation.heatmap;

import nl.sociallearning.workstation.domain.Audience;
import nl.sociallearning.workstation.domain.Course;
import nl.sociallearning.workstation.domain.Participant;
import nl.sociallearning.workstation.domain.ParticipantRole;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** Clustering and the row orders, on patterns made to measure. */
class ClusteringTest {

    @Test
    void averageLinkageMatchesAHandWorkedExample() {
        // Cosine distances: a-b 0 (same direction), c-d 0, {a,b} and {c,d} orthogonal (1), e empty.
        float[][] rows = {{1, 0}, {2, 0}, {0, 1}, {0, 3}, {0, 0}};
        Clustering.Tree t = Clustering.cluster(rows);
        assertThat(t.left()).hasSize(4);
        float[] heights = t.height().clone();
        Arrays.sort(heights);
        assertThat(heights[0]).isZero();
        assertThat(heights[1]).isZero();
        // The empty row is at distance 1 of everyone; so are the two pairs of each other.
        assertThat(heights[2]).isEqualTo(1f);
        assertThat(heights[3]).isEqualTo(1f);
    }

    @Test
    void alikePatternsEndUpTogetherAndEmptyRowsLast() {
        Random random = new Random(7);
        int perGroup = 40;
        List<float[]> rows = new ArrayList<>();
        // Three patterns over 42 days: early birds, late starters, weekenders; and silent rows.
        for (int i = 0; i < perGroup * 4; i++) {
            float[] v = new float[42];
            int kind = i % 4;
            for (int d = 0; d < 42; d++) {
                boolean on = switch (kind) {
                    case 0 -> d < 14;
                    case 1 -> d >= 28;
                    case 2 -> d % 7 >= 5;
                    default -> false;
                };
                v[d] = on ? (float) Math.log1p(1 + random.nextInt(4)) : 0;
            }
            rows.add(v);
        }
        int[] order = Clustering.order(rows.toArray(float[][]::new));
        assertThat(new HashSet<>(Arrays.stream(order).boxed().toList())).hasSize(order.length);
        // Each kind forms one run in the order.
        int runs = 1;
        for (int i = 1; i < order.length; i++) {
            if (order[i] % 4 != order[i - 1] % 4) {
                runs++;
            }
        }
        assertThat(runs).isEqualTo(4);
        for (int i = order.length - perGroup; i < order.length; i++) {
            assertThat(order[i] % 4).as("silent rows last").isEqualTo(3);
        }
    }

    @Test
    void aThousandRowsClusterInWellUnderASecond() {
        Random random = new Random(1);
        float[][] rows = new float[1000][42];
        for (float[] row : rows) {
            for (int d = 0; d < 42; d++) {
                row[d] = random.nextDouble() < 0.2 ? random.nextInt(5) : 0;
            }
        }
        Clustering.order(rows); // warm up
        long start = System.nanoTime();
        int[] order = Clustering.order(rows);
        long ms = (System.nanoTime() - start) / 1_000_000;
        assertThat(order).hasSize(1000);
        assertThat(new HashSet<>(Arrays.stream(order).boxed().toList())).hasSize(1000);
        assertThat(ms).as("O(n²): measured, not a benchmark; generous bound").isLessThan(3000);
    }

    @Test
    void rowsSortByTotalFirstLastGroupAndNameAndSectionsAreMarked() {
        Course course = new Course("c", "C", null, Audience.EMPLOYER, Instant.parse("2026-01-05T00:00:00Z"),
                Instant.parse("2026-02-16T00:00:00Z"), ZoneId.of("UTC"), 4);
        List<Participant> people = List.of(
                new Participant("c", "a", "Anna", ParticipantRole.PARTICIPANT, "Zorg", null),
                new Participant("c", "b", "Bert", ParticipantRole.PARTICIPANT, "Advies", null),
                new Participant("c", "c", "Carla", ParticipantRole.PARTICIPANT, "Zorg", null),
                new Participant("c", "d", "Dave", ParticipantRole.PARTICIPANT, null, null));
        Events e = new Events(8);
        long day = 86_400;
        long t0 = course.startsAt().getEpochSecond();
        e.add(0, t0 + 2 * day, -1);                 // Anna: day 2 only (silent since week 2)
        e.add(1, t0 + 1 * day, -1);                 // Bert: days 1 and 30
        e.add(1, t0 + 30 * day, -1);
        e.add(1, t0 + 31 * day, -1);
        e.add(2, t0 + 20 * day, -1);                // Carla: day 20
        Axis axis = Axis.build(BinKind.DAY, course, List.of(), e, Instant.parse("2026-02-10T00:00:00Z"));
        Grid g = Grid.count(axis, e, 4);
        List<Integer> all = List.of(0, 1, 2, 3);
        long quiet = axis.weekStart(3).getEpochSecond(); // week 3 starts on day 14
        assertThat(names(RowOrder.order(g, people, all, RowSort.LAST_ACTIVITY, quiet), people)).containsExactly("Bert", "Carla", "Anna", "Dave");
        assertThat(names(RowOrder.order(g, people, all, RowSort.TOTAL, quiet), people)).containsExactly("Bert", "Anna", "Carla", "Dave");
        assertThat(names(RowOrder.order(g, people, all, RowSort.FIRST_ACTIVITY, quiet), people)).containsExactly("Bert", "Anna", "Carla", "Dave");
        assertThat(names(RowOrder.order(g, people, all, RowSort.GROUP, quiet), people)).containsExactly("Bert", "Anna", "Carla", "Dave");
        assertThat(names(RowOrder.order(g, people, all, RowSort.NAME, quiet), people)).containsExactly("Anna", "Bert", "Carla", "Dave");
        assertThat(names(RowOrder.order(g, people, List.of(0, 2), RowSort.TOTAL, quiet), people)).containsExactly("Anna", "Carla");

        Participant[] p = people.toArray(Participant[]::new);
        HeatmapPicture.Row[] rows = {row(p[1], g, 1), row(p[2], g, 2), row(p[0], g, 0), row(p[3], g, 3)};
        var bounds = RowOrder.boundaries(List.of(rows), RowSort.LAST_ACTIVITY, quiet);
        assertThat(bounds).containsExactly(new HeatmapPicture.Boundary(2, HeatmapPicture.BoundaryKind.QUIET, null, 1),
                new HeatmapPicture.Boundary(3, HeatmapPicture.BoundaryKind.NONE, null, 1));
        HeatmapPicture.Row[] byGroup = {row(p[1], g, 1), row(p[0], g, 0), row(p[2], g, 2), row(p[3], g, 3)};
        assertThat(RowOrder.boundaries(List.of(byGroup), RowSort.GROUP, quiet)).extracting(HeatmapPicture.Boundary::group)
                .containsExactly("Advies", "Zorg", null);
    }

    private static HeatmapPicture.Row row(Participant p, Grid g, int i) {
        return new HeatmapPicture.Row(p, g.total(i), g.outside(i), g.first(i), g.last(i), 0);
    }

    private static List<String> names(int[] order, List<Participant> people) {
        List<String> out = new ArrayList<>();
        for (int i : order) {
            out.add(people.get(i).displayName());
        }
        return out;
    }

    @SuppressWarnings("unused")
    private static Set<Integer> set(int... v) {
        return new HashSet<>(Arrays.stream(v).boxed().toList());
    }
}
