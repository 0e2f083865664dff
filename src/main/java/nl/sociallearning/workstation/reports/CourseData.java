package nl.sociallearning.workstation.reports;

import nl.sociallearning.workstation.domain.Course;
import nl.sociallearning.workstation.domain.Participant;
import nl.sociallearning.workstation.heatmap.CourseActivity;
import nl.sociallearning.workstation.store.Cache;
import nl.sociallearning.workstation.store.FeedRow;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What a report needs of one course, read from the cache once: the people and modules as the heatmap reads them
 * ({@link CourseActivity}), the threads with the feed's figures ({@link FeedRow}), and every post and read as
 * plain arrays (author row, time, parent, thread). Posts count as the heatmap counts them: soft-deleted and held
 * ones too, for they were written.
 */
final class CourseData {

    final Course course;
    final List<Participant> people;
    final List<String> modules;
    final List<FeedRow> threads;
    final int[] threadModule;
    final int posts;
    final int[] postAuthor;
    final long[] postAt;
    final int[] postParent;
    final int[] postThread;
    final int reads;
    final int[] readWho;
    final long[] readAt;
    final int[] readThread;

    private CourseData(Course course, List<Participant> people, List<String> modules, List<FeedRow> threads,
                       int[] threadModule, int posts, int[] postAuthor, long[] postAt, int[] postParent, int[] postThread,
                       int reads, int[] readWho, long[] readAt, int[] readThread) {
        this.course = course;
        this.people = people;
        this.modules = modules;
        this.threads = threads;
        this.threadModule = threadModule;
        this.posts = posts;
        this.postAuthor = postAuthor;
        this.postAt = postAt;
        this.postParent = postParent;
        this.postThread = postThread;
        this.reads = reads;
        this.readWho = readWho;
        this.readAt = readAt;
        this.readThread = readThread;
    }

    static CourseData load(Cache cache, Course course) {
        CourseActivity activity = CourseActivity.roster(cache.heatmap(), course);
        List<FeedRow> threads = cache.feed().rows(course.id());
        Map<String, Integer> threadIndex = new HashMap<>(threads.size() * 2);
        int[] threadModule = new int[threads.size()];
        for (int i = 0; i < threads.size(); i++) {
            String id = threads.get(i).thread().id();
            threadIndex.put(id, i);
            threadModule[i] = activity.moduleOf(id);
        }

        List<String> ids = new ArrayList<>();
        List<String> parentIds = new ArrayList<>();
        Columns cols = new Columns();
        cache.heatmap().posts(course.id(), (id, authorId, parentId, threadId, epochSecond) -> {
            ids.add(id);
            parentIds.add(parentId);
            cols.add(authorId == null ? -1 : activity.rowOf(authorId), epochSecond, threadIndex.getOrDefault(threadId, -1));
        });
        Map<String, Integer> postIndex = new HashMap<>(ids.size() * 2);
        for (int i = 0; i < ids.size(); i++) {
            postIndex.put(ids.get(i), i);
        }
        int[] parent = new int[ids.size()];
        for (int i = 0; i < ids.size(); i++) {
            String p = parentIds.get(i);
            parent[i] = p == null ? -1 : postIndex.getOrDefault(p, -1);
        }

        Columns views = new Columns();
        cache.heatmap().views(course.id(), (who, epochSecond, threadId) -> {
            int row = activity.rowOf(who);
            if (row >= 0) {
                views.add(row, epochSecond, threadId == null ? -1 : threadIndex.getOrDefault(threadId, -1));
            }
        });
        return new CourseData(course, activity.participants(), activity.modules(), threads, threadModule,
                cols.size, cols.who(), cols.at(), parent, cols.thread(),
                views.size, views.who(), views.at(), views.thread());
    }

    /** Growing arrays of (who, when, thread). */
    private static final class Columns {
        int size;
        int[] who = new int[1024];
        long[] at = new long[1024];
        int[] thread = new int[1024];

        void add(int w, long t, int th) {
            if (size == who.length) {
                who = Arrays.copyOf(who, size * 2);
                at = Arrays.copyOf(at, size * 2);
                thread = Arrays.copyOf(thread, size * 2);
            }
            who[size] = w;
            at[size] = t;
            thread[size] = th;
            size++;
        }

        int[] who() { return Arrays.copyOf(who, size); }

        long[] at() { return Arrays.copyOf(at, size); }

        int[] thread() { return Arrays.copyOf(thread, size); }
    }
}
