package nl.sociallearning.workstation.heatmap;

import nl.sociallearning.workstation.domain.Participant;

import java.text.Collator;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/** Orders the rows of a picture and finds the boundaries between their sections. */
final class RowOrder {

    private RowOrder() {
    }

    private static final Collator NAMES = Collator.getInstance(Locale.forLanguageTag("nl"));

    /** The rows {@code shown} (indices into the grid) in the order of {@code sort}. */
    static int[] order(Grid grid, List<Participant> people, List<Integer> shown, RowSort sort, long quietFrom) {
        Comparator<Integer> byName = Comparator.comparing(i -> people.get(i).displayName(), NAMES);
        Comparator<Integer> byTotal = Comparator.comparingInt((Integer i) -> -grid.total(i));
        Comparator<Integer> activeFirst = Comparator.comparingInt((Integer i) -> grid.total(i) > 0 ? 0 : 1);
        List<Integer> rows = new ArrayList<>(shown);
        switch (sort) {
            case TOTAL -> rows.sort(byTotal.thenComparing(byName));
            case FIRST_ACTIVITY -> rows.sort(activeFirst.thenComparingLong(grid::first).thenComparing(byName));
            case LAST_ACTIVITY -> rows.sort(activeFirst.thenComparingLong(i -> -grid.last(i)).thenComparing(byName));
            case GROUP -> rows.sort(Comparator.comparing((Integer i) -> people.get(i).group(),
                    Comparator.nullsLast(NAMES::compare)).thenComparing(byTotal).thenComparing(byName));
            case NAME -> rows.sort(byName);
            case SIMILARITY -> {
                float[][] vectors = new float[rows.size()][];
                for (int r = 0; r < rows.size(); r++) {
                    int i = rows.get(r);
                    float[] v = new float[grid.columns()];
                    for (int c = 0; c < v.length; c++) {
                        // log1p: a pattern, not one burst, decides who is alike.
                        v[c] = (float) Math.log1p(grid.count(i, c));
                    }
                    vectors[r] = v;
                }
                int[] leafOrder = Clustering.order(vectors);
                List<Integer> ordered = new ArrayList<>(rows.size());
                for (int leaf : leafOrder) {
                    ordered.add(rows.get(leaf));
                }
                rows = ordered;
            }
        }
        return rows.stream().mapToInt(Integer::intValue).toArray();
    }

    /**
     * Where sections begin: by last activity, the first row silent since {@code quietFrom} and the first row
     * with no activity; by total or first activity, the first row with none; by group, each group.
     */
    static List<HeatmapPicture.Boundary> boundaries(List<HeatmapPicture.Row> rows, RowSort sort, long quietFrom) {
        List<HeatmapPicture.Boundary> out = new ArrayList<>();
        int n = rows.size();
        int none = n;
        for (int r = 0; r < n; r++) {
            if (rows.get(r).total() == 0) {
                none = r;
                break;
            }
        }
        switch (sort) {
            case LAST_ACTIVITY -> {
                int quiet = none;
                for (int r = 0; r < none; r++) {
                    if (rows.get(r).last() < quietFrom) {
                        quiet = r;
                        break;
                    }
                }
                out.add(new HeatmapPicture.Boundary(quiet, HeatmapPicture.BoundaryKind.QUIET, null, none - quiet));
                if (none < n) {
                    out.add(new HeatmapPicture.Boundary(none, HeatmapPicture.BoundaryKind.NONE, null, n - none));
                }
            }
            case TOTAL, FIRST_ACTIVITY -> {
                if (none < n) {
                    out.add(new HeatmapPicture.Boundary(none, HeatmapPicture.BoundaryKind.NONE, null, n - none));
                }
            }
            case GROUP -> {
                for (int r = 0; r < n; r++) {
                    String g = rows.get(r).participant().group();
                    if (r == 0 || !Objects.equals(g, rows.get(r - 1).participant().group())) {
                        int end = r + 1;
                        while (end < n && Objects.equals(g, rows.get(end).participant().group())) {
                            end++;
                        }
                        out.add(new HeatmapPicture.Boundary(r, HeatmapPicture.BoundaryKind.GROUP, g, end - r));
                    }
                }
            }
            default -> { }
        }
        return out;
    }
}
