package nl.sociallearning.workstation.heatmap;

import nl.sociallearning.workstation.domain.Course;
import nl.sociallearning.workstation.domain.Participant;
import nl.sociallearning.workstation.store.HeatmapRepository;

import java.text.CollationKey;
import java.text.Collator;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What the heatmap knows of one course, read from the cache once and then binned, sorted and drawn as often as
 * the user likes without asking the cache again: the participants, every post as (who, when) and every read as
 * (who, when, module). The posts' parents and threads (for replies, module columns and the reply network) are a
 * second, slower read ({@link PostGraph}), done after the first picture is shown.
 */
public final class CourseActivity {

    private final Course course;
    private final List<Participant> participants;
    private final Map<String, Integer> rowOf;
    private final List<String> modules;
    private final Map<String, Integer> moduleOfThread;
    private final Events posts;
    private final Events views;
    private final int strayPosts;

    private CourseActivity(Course course, List<Participant> participants, Map<String, Integer> rowOf, List<String> modules,
                           Map<String, Integer> moduleOfThread, Events posts, Events views, int strayPosts) {
        this.course = course;
        this.participants = participants;
        this.rowOf = rowOf;
        this.modules = modules;
        this.moduleOfThread = moduleOfThread;
        this.posts = posts;
        this.views = views;
        this.strayPosts = strayPosts;
    }

    /** Reads a course: participants, modules, post times (one query) and reads (one query). */
    public static CourseActivity load(HeatmapRepository repository, Course course) {
        return read(repository, course, true);
    }

    /**
     * Reads only who is enrolled and the modules, without the posts and reads: for a caller that reads the events
     * its own way (a report needs each post's thread and parent) and must not scan them twice.
     */
    public static CourseActivity roster(HeatmapRepository repository, Course course) {
        return read(repository, course, false);
    }

    private static CourseActivity read(HeatmapRepository repository, Course course, boolean withEvents) {
        List<Participant> people = byName(repository.participants(course.id()));
        Map<String, Integer> rowOf = new HashMap<>(people.size() * 2);
        for (int i = 0; i < people.size(); i++) {
            rowOf.put(people.get(i).id(), i);
        }
        // Modules in the order the course opened them (their first thread), threads mapped to their module.
        Map<String, Instant> opened = new HashMap<>();
        List<HeatmapRepository.ThreadModule> threads = repository.threadModules(course.id());
        for (HeatmapRepository.ThreadModule t : threads) {
            if (t.module() != null) {
                opened.merge(t.module(), t.createdAt(), (a, b) -> a.isBefore(b) ? a : b);
            }
        }
        List<String> modules = new ArrayList<>(opened.keySet());
        modules.sort(Comparator.comparing((String m) -> opened.get(m)).thenComparing(Comparator.naturalOrder()));
        Map<String, Integer> moduleIndex = new LinkedHashMap<>();
        for (int i = 0; i < modules.size(); i++) {
            moduleIndex.put(modules.get(i), i);
        }
        Map<String, Integer> moduleOfThread = new HashMap<>(threads.size() * 2);
        for (HeatmapRepository.ThreadModule t : threads) {
            moduleOfThread.put(t.threadId(), t.module() == null ? -1 : moduleIndex.get(t.module()));
        }

        Events posts = new Events(1024);
        Events views = new Events(1024);
        int[] stray = {0};
        if (!withEvents) {
            return new CourseActivity(course, List.copyOf(people), rowOf, List.copyOf(modules), moduleOfThread, posts, views, 0);
        }
        // The author index comes in author order: remember the last author instead of looking each one up.
        String[] lastAuthor = {null};
        int[] lastRow = {-1};
        repository.postTimes(course.id(), (who, at) -> {
            if (!who.equals(lastAuthor[0])) {
                lastAuthor[0] = who;
                Integer row = rowOf.get(who);
                lastRow[0] = row == null ? -1 : row;
            }
            if (lastRow[0] >= 0) {
                posts.add(lastRow[0], at, -1);
            } else {
                stray[0]++;
            }
        });
        repository.views(course.id(), (who, at, thread) -> {
            Integer row = rowOf.get(who);
            if (row != null) {
                Integer module = thread == null ? null : moduleOfThread.get(thread);
                views.add(row, at, module == null ? -1 : module);
            }
        });
        return new CourseActivity(course, List.copyOf(people), rowOf, List.copyOf(modules), moduleOfThread, posts, views,
                stray[0]);
    }

    /**
     * Sorts by name as Dutch readers expect (case and accents second), then by id. Each name's collation key is
     * made once: comparing through the collator made the sort a tenth of the whole read.
     */
    private static List<Participant> byName(List<Participant> participants) {
        Collator collator = Collator.getInstance(Locale.forLanguageTag("nl"));
        record Keyed(CollationKey key, Participant participant) { }
        List<Keyed> keyed = new ArrayList<>(participants.size());
        for (Participant p : participants) {
            keyed.add(new Keyed(collator.getCollationKey(p.displayName()), p));
        }
        keyed.sort(Comparator.comparing(Keyed::key).thenComparing(k -> k.participant().id()));
        List<Participant> people = new ArrayList<>(keyed.size());
        keyed.forEach(k -> people.add(k.participant()));
        return people;
    }

    public Course course() { return course; }

    /** Everyone enrolled, in a fixed order (by name): a participant's row number everywhere below. */
    public List<Participant> participants() { return participants; }

    /** The row of a participant id, or -1. */
    public int rowOf(String participantId) {
        Integer row = rowOf.get(participantId);
        return row == null ? -1 : row;
    }

    /** The course's modules, in the order they opened. */
    public List<String> modules() { return modules; }

    /** The module column of a thread, or -1. */
    public int moduleOf(String threadId) {
        Integer m = threadId == null ? null : moduleOfThread.get(threadId);
        return m == null ? -1 : m;
    }

    /** Every post as (who, when), without its module. */
    public Events postTimes() { return posts; }

    /** Every read as (who, when, module). */
    public Events views() { return views; }

    /** Posts by authors who are not (or no longer) enrolled: not on any row. */
    public int strayPosts() { return strayPosts; }

    /** Reads the posts' parents and threads: the second, slower read. */
    public PostGraph loadGraph(HeatmapRepository repository) {
        return PostGraph.load(repository, this);
    }
}
