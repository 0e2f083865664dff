package nl.sociallearning.workstation.heatmap;

import nl.sociallearning.workstation.store.HeatmapRepository;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Every post of a course with its author's row, its parent and its module: the replies, the module columns and
 * who answers whom. Arrays, not objects; built once per course in the background.
 */
public final class PostGraph {

    private final int size;
    private final String[] ids;
    private final int[] author;
    private final int[] parent;
    private final int[] module;
    private final long[] at;
    private final boolean[] reply;

    PostGraph(String[] ids, int[] author, int[] parent, boolean[] reply, int[] module, long[] at) {
        this.size = ids.length;
        this.ids = ids;
        this.author = author;
        this.parent = parent;
        this.module = module;
        this.at = at;
        this.reply = reply;
    }

    static PostGraph load(HeatmapRepository repository, CourseActivity activity) {
        List<String> ids = new ArrayList<>();
        List<String> parentIds = new ArrayList<>();
        int[][] cols = {new int[1024], new int[1024]};
        long[][] times = {new long[1024]};
        repository.posts(activity.course().id(), (id, authorId, parentId, threadId, epochSecond) -> {
            int i = ids.size();
            if (i == cols[0].length) {
                cols[0] = Arrays.copyOf(cols[0], i * 2);
                cols[1] = Arrays.copyOf(cols[1], i * 2);
                times[0] = Arrays.copyOf(times[0], i * 2);
            }
            ids.add(id);
            parentIds.add(parentId);
            cols[0][i] = authorId == null ? -1 : activity.rowOf(authorId);
            cols[1][i] = activity.moduleOf(threadId);
            times[0][i] = epochSecond;
        });
        return of(ids, parentIds, Arrays.copyOf(cols[0], ids.size()), Arrays.copyOf(cols[1], ids.size()),
                Arrays.copyOf(times[0], ids.size()));
    }

    /** A graph from plain lists (parent ids resolved here; a parent not among the posts is no parent). */
    static PostGraph of(List<String> ids, List<String> parentIds, int[] author, int[] module, long[] at) {
        Map<String, Integer> index = new HashMap<>(ids.size() * 2);
        for (int i = 0; i < ids.size(); i++) {
            index.put(ids.get(i), i);
        }
        int[] parent = new int[ids.size()];
        boolean[] reply = new boolean[ids.size()];
        for (int i = 0; i < ids.size(); i++) {
            String p = parentIds.get(i);
            reply[i] = p != null;
            Integer pi = p == null ? null : index.get(p);
            parent[i] = pi == null ? -1 : pi;
        }
        return new PostGraph(ids.toArray(String[]::new), author, parent, reply, module, at);
    }

    public int size() { return size; }

    public String id(int post) { return ids[post]; }

    /** The row of the post's author, or -1 when the author is not enrolled. */
    public int author(int post) { return author[post]; }

    /** The index of the post this one answers, or -1 for an opening post (or a parent the cache lacks). */
    public int parent(int post) { return parent[post]; }

    /** Whether the post answers another post (even one the cache does not hold). */
    public boolean isReply(int post) { return reply[post]; }

    public int module(int post) { return module[post]; }

    public long at(int post) { return at[post]; }

    /** Every post as (who, when, module). */
    public Events postEvents() {
        Events e = new Events(size);
        for (int i = 0; i < size; i++) {
            if (author[i] >= 0) {
                e.add(author[i], at[i], module[i]);
            }
        }
        return e;
    }

    /** Every reply (a post with a parent) as (who, when, module). */
    public Events replyEvents() {
        Events e = new Events(size);
        for (int i = 0; i < size; i++) {
            if (author[i] >= 0 && reply[i]) {
                e.add(author[i], at[i], module[i]);
            }
        }
        return e;
    }
}
