package nl.sociallearning.workstation.heatmap;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;

/**
 * Orders rows so that alike activity patterns lie together: agglomerative hierarchical clustering with average
 * linkage (UPGMA) on the cosine distance between the rows, by the nearest-neighbour chain algorithm, which is
 * O(n²) in time and memory (one triangle of distances as floats: 2 MB for 1 000 rows). The row order is the
 * dendrogram's leaf order; at each merge the busier branch comes first, so the most active clusters end up on
 * top and the empty rows (all at distance 0 of each other) at the bottom.
 */
public final class Clustering {

    private Clustering() {
    }

    /** A dendrogram: for internal node {@code n + k}, its two children and the merge height. */
    public record Tree(int leaves, int[] left, int[] right, float[] height) {
        public int root() {
            return leaves == 0 ? -1 : leaves == 1 ? 0 : leaves + left.length - 1;
        }
    }

    /** The leaf order of the clustering of the rows (each a vector of the same length). */
    public static int[] order(float[][] rows) {
        int n = rows.length;
        if (n <= 2) {
            int[] identity = new int[n];
            Arrays.setAll(identity, i -> i);
            return identity;
        }
        Tree tree = cluster(rows);
        double[] weight = new double[2 * n - 1];
        for (int i = 0; i < n; i++) {
            double s = 0;
            for (float v : rows[i]) {
                s += v;
            }
            weight[i] = s;
        }
        int[] size = new int[2 * n - 1];
        Arrays.fill(size, 0, n, 1);
        for (int k = 0; k < n - 1; k++) {
            int node = n + k;
            weight[node] = weight[tree.left()[k]] + weight[tree.right()[k]];
            size[node] = size[tree.left()[k]] + size[tree.right()[k]];
        }
        int[] out = new int[n];
        int at = 0;
        Deque<Integer> stack = new ArrayDeque<>();
        stack.push(tree.root());
        while (!stack.isEmpty()) {
            int node = stack.pop();
            if (node < n) {
                out[at++] = node;
                continue;
            }
            int a = tree.left()[node - n];
            int b = tree.right()[node - n];
            boolean aFirst = weight[a] / size[a] >= weight[b] / size[b];
            stack.push(aFirst ? b : a);
            stack.push(aFirst ? a : b);
        }
        return out;
    }

    /** The average-linkage dendrogram on cosine distance. */
    public static Tree cluster(float[][] rows) {
        int n = rows.length;
        float[] d = distances(rows);
        int[] left = new int[Math.max(0, n - 1)];
        int[] right = new int[Math.max(0, n - 1)];
        float[] height = new float[Math.max(0, n - 1)];
        int[] size = new int[n];
        int[] node = new int[n];
        boolean[] active = new boolean[n];
        Arrays.fill(size, 1);
        Arrays.fill(active, true);
        Arrays.setAll(node, i -> i);
        int[] chain = new int[n];
        int chainLength = 0;
        int merges = 0;
        int nextStart = 0;
        while (merges < n - 1) {
            if (chainLength == 0) {
                while (!active[nextStart]) {
                    nextStart++;
                }
                chain[chainLength++] = nextStart;
            }
            int a = chain[chainLength - 1];
            int previous = chainLength >= 2 ? chain[chainLength - 2] : -1;
            int best = previous;
            float bestDistance = previous >= 0 ? d[index(a, previous, n)] : Float.POSITIVE_INFINITY;
            for (int k = 0; k < n; k++) {
                if (k != a && active[k]) {
                    float dk = d[index(a, k, n)];
                    if (dk < bestDistance) {
                        bestDistance = dk;
                        best = k;
                    }
                }
            }
            if (best == previous) {
                chainLength -= 2;
                // Merge b into a (a keeps the slot); Lance-Williams for average linkage.
                int i = Math.min(a, previous);
                int j = Math.max(a, previous);
                for (int k = 0; k < n; k++) {
                    if (active[k] && k != i && k != j) {
                        int ik = index(i, k, n);
                        d[ik] = (size[i] * d[ik] + size[j] * d[index(j, k, n)]) / (size[i] + size[j]);
                    }
                }
                left[merges] = node[i];
                right[merges] = node[j];
                height[merges] = bestDistance;
                node[i] = n + merges;
                size[i] += size[j];
                active[j] = false;
                merges++;
            } else {
                chain[chainLength++] = best;
            }
        }
        return new Tree(n, left, right, height);
    }

    /** The cosine distances of every pair, as the upper triangle. Two empty rows are alike (0); empty and not, 1. */
    static float[] distances(float[][] rows) {
        int n = rows.length;
        double[] norm = new double[n];
        for (int i = 0; i < n; i++) {
            double s = 0;
            for (float v : rows[i]) {
                s += (double) v * v;
            }
            norm[i] = Math.sqrt(s);
        }
        float[] d = new float[(int) ((long) n * (n - 1) / 2)];
        for (int i = 0; i < n; i++) {
            float[] a = rows[i];
            for (int j = i + 1; j < n; j++) {
                float dist;
                if (norm[i] == 0 || norm[j] == 0) {
                    dist = norm[i] == 0 && norm[j] == 0 ? 0f : 1f;
                } else {
                    float[] b = rows[j];
                    double dot = 0;
                    for (int k = 0; k < a.length; k++) {
                        dot += a[k] * b[k];
                    }
                    dist = (float) Math.max(0, 1 - dot / (norm[i] * norm[j]));
                }
                d[index(i, j, n)] = dist;
            }
        }
        return d;
    }

    /** Where the distance of i and j (i != j) lies in the triangle. */
    static int index(int i, int j, int n) {
        if (i > j) {
            int t = i;
            i = j;
            j = t;
        }
        return (int) ((long) i * (2L * n - i - 1) / 2 + (j - i - 1));
    }
}
