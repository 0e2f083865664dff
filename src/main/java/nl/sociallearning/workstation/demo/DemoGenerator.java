package nl.sociallearning.workstation.demo;

import nl.sociallearning.workstation.domain.ActivityEvent;
import nl.sociallearning.workstation.domain.ActivityType;
import nl.sociallearning.workstation.domain.Approval;
import nl.sociallearning.workstation.domain.Audience;
import nl.sociallearning.workstation.domain.Course;
import nl.sociallearning.workstation.domain.DiscussionThread;
import nl.sociallearning.workstation.domain.Participant;
import nl.sociallearning.workstation.domain.ParticipantRole;
import nl.sociallearning.workstation.domain.Post;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * Generates a believable six-week course from a fixed seed: Dutch participants in function groups, a
 * heavy-tailed activity pattern (a few carry the discussion, many post once or never, some only read, some go
 * quiet half-way), threads per weekly module with real reply trees, e-moderators who welcome, answer and weave,
 * and the flags, edits and held posts a moderator meets. The same seed and day give the same course.
 */
public final class DemoGenerator {

    /** The course runs six weeks; "now" is in its sixth week, so live posts keep arriving in it. */
    static final int COURSE_DAYS = 42;
    static final int DAYS_SO_FAR = 38;
    static final ZoneId ZONE = ZoneId.of("Europe/Amsterdam");
    /** The workstation's user in every demo course. */
    public static final String ME_ID = "mod-1";
    public static final String ME_NAME = "Marloes de Wit";

    private static final double[] WEEKDAY = {1.0, 1.0, 0.95, 0.9, 0.7, 0.3, 0.4};
    private static final double[] HOUR = {0, 0, 0, 0, 0, 0, 0.1, 0.4, 1.0, 1.3, 1.1, 0.9, 0.8, 1.1, 1.0, 0.9, 0.8,
            0.6, 0.4, 0.6, 0.9, 0.9, 0.5, 0.15};

    private final DemoContent content;
    private final DemoContent.Names names;
    private final DemoText text;
    private final CourseSize size;
    private final Random random;
    private final String courseId;
    private final String title;
    private final Instant now;
    private final Instant start;

    private final List<Participant> people = new ArrayList<>();
    private final Map<String, Profile> profiles = new HashMap<>();
    private final List<Participant> moderators = new ArrayList<>();
    private final List<ThreadDraft> threads = new ArrayList<>();
    private final List<Post> posts = new ArrayList<>();
    private final Map<String, String> firstNames = new HashMap<>();

    /** How a participant takes part: when, how much, and whether they write at all. */
    private record Profile(Participant person, boolean posts, boolean reads, double weight, int firstDay, int lastDay) { }

    private static final class ThreadDraft {
        final String id;
        final String title;
        final int module;
        final String authorId;
        final Instant createdAt;
        Instant lastActivity;
        final List<Post> posts = new ArrayList<>();

        ThreadDraft(String id, String title, int module, String authorId, Instant createdAt) {
            this.id = id;
            this.title = title;
            this.module = module;
            this.authorId = authorId;
            this.createdAt = createdAt;
            this.lastActivity = createdAt;
        }
    }

    public DemoGenerator(DemoContent content, CourseSize size, long seed, Instant now) {
        this(content, content.id(), content.title(), size, seed, now);
    }

    public DemoGenerator(DemoContent content, String courseId, String title, CourseSize size, long seed, Instant now) {
        this.content = content;
        this.names = DemoContent.names();
        this.text = new DemoText(content);
        this.size = size;
        this.courseId = courseId;
        this.title = title;
        this.random = new Random(seed ^ courseId.hashCode());
        this.now = now;
        LocalDate firstDay = now.atZone(ZONE).toLocalDate().minusDays(DAYS_SO_FAR);
        this.start = firstDay.atStartOfDay(ZONE).toInstant();
    }

    public DemoCourse generate() {
        Course course = new Course(courseId, title, content.organisation(),
                Audience.valueOf(content.audience().toUpperCase(Locale.ROOT)), start,
                start.plus(Duration.ofDays(COURSE_DAYS)), ZONE, size.participants());
        createPeople();
        int welcomes = addModuleWelcomes();
        createParticipantPosts(size.posts() - moderatorShare());
        createModeratorPosts(moderatorShare() - welcomes);
        markModeration();
        DemoCourse demo = new DemoCourse(course);
        people.forEach(demo::put);
        posts.sort(Comparator.comparing(Post::createdAt));
        for (ThreadDraft t : threads) {
            demo.put(new DiscussionThread(courseId, t.id, t.title, content.modules().get(t.module).title(), t.authorId,
                    t.createdAt, t.lastActivity, false, t.module == 0 && t.authorId.startsWith("mod-"), 1));
        }
        lockSomeOldThreads(demo);
        posts.forEach(demo::put);
        createActivity(demo);
        demo.setCounters(posts.size(), threads.size());
        return demo;
    }

    private int moderatorShare() {
        return Math.max(threads(), size.posts() * 7 / 100);
    }

    private int threads() {
        return size.threads();
    }

    // --- people ----------------------------------------------------------------------------------------

    private void createPeople() {
        int moderatorCount = Math.max(2, size.participants() / 200);
        Set<String> used = new HashSet<>();
        used.add(ME_NAME);
        addPerson(ME_ID, ME_NAME, ParticipantRole.MODERATOR, "E-moderatoren", start.minus(Duration.ofDays(14)), used);
        for (int i = 2; i <= moderatorCount; i++) {
            addPerson("mod-" + i, uniqueName(used), ParticipantRole.MODERATOR, "E-moderatoren",
                    start.minus(Duration.ofDays(14)), used);
        }
        addPerson("exp-1", uniqueName(used), ParticipantRole.EXPERT, null, start.minus(Duration.ofDays(7)), used);
        addPerson("exp-2", uniqueName(used), ParticipantRole.EXPERT, null, start.minus(Duration.ofDays(7)), used);
        addPerson("obs-1", uniqueName(used), ParticipantRole.OBSERVER, null, start.minus(Duration.ofDays(7)), used);
        int learners = size.participants() - people.size();
        for (int i = 1; i <= learners; i++) {
            boolean late = random.nextDouble() < 0.14;
            Instant enrolled = late
                    ? start.plus(Duration.ofMinutes((long) (random.nextDouble() * 21 * 24 * 60)))
                    : start.minus(Duration.ofMinutes((long) (random.nextDouble() * 5 * 24 * 60)));
            addPerson("p-" + i, uniqueName(used), ParticipantRole.PARTICIPANT, pickGroup(), enrolled, used);
        }
    }

    private void addPerson(String id, String name, ParticipantRole role, String group, Instant enrolled, Set<String> used) {
        Participant p = new Participant(courseId, id, name, role, group, enrolled);
        people.add(p);
        firstNames.put(id, name.split(" ")[0]);
        if (role == ParticipantRole.MODERATOR) {
            moderators.add(p);
            return;
        }
        int enrolDay = (int) Math.max(0, Duration.between(start, enrolled).toDays());
        double kind = random.nextDouble();
        boolean writes = role == ParticipantRole.EXPERT || kind < 0.62;
        boolean reads = writes || kind < 0.88;
        // Pareto (alpha 1.25): most write a little, a few write a great deal.
        double weight = writes ? Math.min(120, Math.pow(1 - random.nextDouble(), -1 / 1.25)) : 0;
        int first = Math.min(DAYS_SO_FAR - 1, enrolDay + (int) (-Math.log(1 - random.nextDouble()) * 2.5));
        int last = random.nextDouble() < 0.3 ? first + 4 + random.nextInt(Math.max(1, DAYS_SO_FAR - first - 4)) : DAYS_SO_FAR;
        profiles.put(id, new Profile(p, writes, reads, weight, first, Math.min(DAYS_SO_FAR, last)));
    }

    private String uniqueName(Set<String> used) {
        for (int attempt = 0; ; attempt++) {
            String name = DemoText.pick(random, names.firstNames()) + " " + DemoText.pick(random, names.surnames());
            if (used.add(name) || attempt > 50) {
                return name;
            }
        }
    }

    private String pickGroup() {
        double r = random.nextDouble();
        double sum = 0;
        for (DemoContent.Group g : content.groups()) {
            sum += g.weight();
            if (r < sum) {
                return g.name();
            }
        }
        return content.groups().get(content.groups().size() - 1).name();
    }

    // --- participants' posts ---------------------------------------------------------------------------

    private record Intent(Instant at, Profile author) { }

    private void createParticipantPosts(int count) {
        List<Intent> intents = intents(count);
        // Thread openers: the first post, each module's moderator welcome, and the rest spread over time.
        Set<Integer> openers = new HashSet<>();
        openers.add(0);
        int participantThreads = threads() - content.modules().size();
        while (openers.size() < Math.min(participantThreads, intents.size())) {
            openers.add(random.nextInt(intents.size()));
        }
        Map<Integer, Integer> titleUse = new HashMap<>();
        ArrayDeque<ThreadDraft> recent = new ArrayDeque<>(threads);
        for (int i = 0; i < intents.size(); i++) {
            Intent intent = intents.get(i);
            if (openers.contains(i)) {
                int module = moduleAt(intent.at());
                ThreadDraft t = openThread(intent.author().person(), intent.at(), module, titleUse);
                recent.addLast(t);
            } else {
                ThreadDraft t = chooseThread(recent, intent.at());
                reply(t, intent.author().person(), intent.at());
                recent.remove(t);
                recent.addLast(t);
            }
            while (recent.size() > 300) {
                recent.removeFirst();
            }
        }
    }

    /** When participants post: by day (weekday rhythm, interest fading over the weeks) and hour of day. */
    private List<Intent> intents(int count) {
        List<Profile> writers = profiles.values().stream().filter(Profile::posts)
                .sorted(Comparator.comparing(p -> p.person().id())).toList();
        double[] dayWeight = new double[DAYS_SO_FAR];
        for (int d = 0; d < DAYS_SO_FAR; d++) {
            int weekday = start.plus(Duration.ofDays(d)).atZone(ZONE).getDayOfWeek().getValue() - 1;
            dayWeight[d] = WEEKDAY[weekday] * (1.4 - d / (double) COURSE_DAYS);
        }
        double[] dayCumulative = cumulative(dayWeight);
        List<Intent> intents = new ArrayList<>(count);
        while (intents.size() < count) {
            int day = pickIndex(dayCumulative);
            Profile author = pickWriter(writers, day);
            if (author == null) {
                continue;
            }
            intents.add(new Intent(timeOn(day), author));
        }
        intents.sort(Comparator.comparing(Intent::at));
        return intents;
    }

    private final Map<Integer, double[]> writerCumulativeByDay = new HashMap<>();
    private final Map<Integer, List<Profile>> writersByDay = new HashMap<>();

    private Profile pickWriter(List<Profile> writers, int day) {
        List<Profile> active = writersByDay.computeIfAbsent(day, d -> writers.stream()
                .filter(p -> p.firstDay() <= d && d <= p.lastDay()).toList());
        if (active.isEmpty()) {
            return null;
        }
        double[] cumulative = writerCumulativeByDay.computeIfAbsent(day,
                d -> cumulative(active.stream().mapToDouble(Profile::weight).toArray()));
        return active.get(pickIndex(cumulative));
    }

    private Instant timeOn(int day) {
        int hour = pickIndex(cumulative(HOUR));
        ZonedDateTime t = start.plus(Duration.ofDays(day)).atZone(ZONE).withHour(hour)
                .withMinute(random.nextInt(60)).withSecond(random.nextInt(60));
        Instant at = t.toInstant();
        return at.isAfter(now) ? now.minusSeconds(60 + random.nextInt(3600)) : at;
    }

    private int moduleAt(Instant at) {
        int week = (int) (Duration.between(start, at).toDays() / 7);
        return Math.max(0, Math.min(content.modules().size() - 1, week));
    }

    /** Each module that has begun opens with a moderator's pinned welcome thread. Returns how many. */
    private int addModuleWelcomes() {
        int m = 0;
        for (; m < content.modules().size(); m++) {
            Instant at = start.plus(Duration.ofDays(7L * m)).plus(Duration.ofHours(8));
            if (at.isAfter(now)) {
                break;
            }
            Participant mod = moderators.get(m % moderators.size());
            String moduleTitle = content.modules().get(m).title();
            ThreadDraft t = new ThreadDraft(nextThreadId(), "Welkom bij " + moduleTitle, m, mod.id(), at);
            threads.add(t);
            String body = "<p>Welkom bij <strong>" + DemoText.escape(moduleTitle) + "</strong>! Deze week staan we stil bij "
                    + "wat dit onderwerp betekent in jullie eigen werk. Begin met een korte reactie hieronder: "
                    + "wat herken je, wat verbaast je?</p>";
            addPost(t, null, mod.id(), at, body);
        }
        return m;
    }

    private ThreadDraft openThread(Participant author, Instant at, int module, Map<Integer, Integer> titleUse) {
        List<String> titles = content.modules().get(module).threadTitles();
        int used = titleUse.merge(module, 1, Integer::sum) - 1;
        String moduleTitle = content.modules().get(module).title();
        String prepared = used < titles.size() ? titles.get(used) : null;
        String body = text.opener(random, prepared, moduleTitle);
        String threadTitle = prepared != null ? prepared : DemoText.titleFrom(body);
        ThreadDraft t = new ThreadDraft(nextThreadId(), threadTitle, module, author.id(), at);
        threads.add(t);
        addPost(t, null, author.id(), at, body);
        return t;
    }

    /** Recent, busy threads draw replies; so does the current module. */
    private ThreadDraft chooseThread(ArrayDeque<ThreadDraft> recent, Instant at) {
        int module = moduleAt(at);
        double[] weights = new double[recent.size()];
        List<ThreadDraft> candidates = new ArrayList<>(recent);
        for (int i = 0; i < candidates.size(); i++) {
            ThreadDraft t = candidates.get(i);
            double hours = Math.max(0, Duration.between(t.lastActivity, at).toMinutes() / 60.0);
            double popularity = Math.pow(1 + t.posts.size(), 0.85);
            double moduleBonus = t.module == module ? 3 : 1;
            weights[i] = popularity * moduleBonus * Math.exp(-hours / 60) + 0.01;
        }
        return candidates.get(pickIndex(cumulative(weights)));
    }

    private void reply(ThreadDraft t, Participant author, Instant at) {
        Post parent = chooseParent(t);
        String toName = firstName(parent.authorId());
        String body = text.reply(random, toName, t.title, content.modules().get(t.module).title());
        Instant when = at.isAfter(parent.createdAt()) ? at : parent.createdAt().plusSeconds(60 + random.nextInt(7200));
        addPost(t, parent, author.id(), min(when, now.minusSeconds(30)), body);
    }

    private Post chooseParent(ThreadDraft t) {
        if (t.posts.size() == 1 || random.nextDouble() < 0.45) {
            return t.posts.get(0);
        }
        int from = Math.max(1, t.posts.size() - 5);
        return t.posts.get(from + random.nextInt(t.posts.size() - from));
    }

    // --- moderators --------------------------------------------------------------------------------------

    /** E-moderators answer openers after some hours, prompt quiet threads and weave busy ones. */
    private void createModeratorPosts(int count) {
        List<ThreadDraft> order = new ArrayList<>(threads);
        Collections.shuffle(order, random);
        int added = 0;
        for (int round = 0; added < count && round < 20; round++) {
            for (ThreadDraft t : order) {
                if (added >= count) {
                    break;
                }
                // Most openers get a moderator's answer in the first round; some wait (triage has work).
                if (round == 0 && (t.authorId.startsWith("mod-") || random.nextDouble() < 0.3)) {
                    continue;
                }
                Participant mod = moderators.get(random.nextInt(moderators.size()));
                boolean weave = round > 0 && t.posts.size() >= 6 && random.nextDouble() < 0.5;
                Post parent = weave ? t.posts.get(0) : round == 0 ? t.posts.get(0) : chooseParent(t);
                Instant at = (weave ? t.lastActivity : parent.createdAt())
                        .plus(Duration.ofMinutes((long) (60 * Math.exp(random.nextGaussian() * 0.8 + 1.4))));
                if (at.isAfter(now)) {
                    continue;
                }
                String moduleTitle = content.modules().get(t.module).title();
                String body = weave ? text.weave(random, weaveNames(t), t.title, moduleTitle)
                        : text.moderatorReply(random, firstName(parent.authorId()), t.title, moduleTitle);
                addPost(t, parent, mod.id(), at, body);
                added++;
            }
        }
    }

    private List<String> weaveNames(ThreadDraft t) {
        LinkedHashMap<String, String> distinct = new LinkedHashMap<>();
        for (Post p : t.posts) {
            if (!p.authorId().startsWith("mod-")) {
                distinct.putIfAbsent(p.authorId(), firstName(p.authorId()));
            }
        }
        List<String> list = new ArrayList<>(distinct.values());
        Collections.shuffle(list, random);
        return list.subList(0, Math.max(1, Math.min(3, list.size())));
    }

    // --- flags, edits, held posts, locks -------------------------------------------------------------------

    private void markModeration() {
        for (int i = 0; i < posts.size(); i++) {
            Post p = posts.get(i);
            if (p.authorId().startsWith("mod-")) {
                continue;
            }
            double r = random.nextDouble();
            if (r < 0.04) {
                Instant edited = min(p.createdAt().plus(Duration.ofMinutes(5 + random.nextInt(600))), now);
                p = new Post(courseId, p.id(), p.threadId(), p.parentId(), p.authorId(), p.createdAt(), edited,
                        text.edit(random, p.bodyHtml()), false, false, Approval.APPROVED, 0, 2);
            } else if (r < 0.043) {
                int flags = 1 + random.nextInt(3);
                p = withState(p, flags >= 3 && random.nextBoolean(), false, Approval.APPROVED, flags);
            } else if (r < 0.0445) {
                p = withState(p, false, true, Approval.APPROVED, 1);
            } else if (r < 0.046) {
                p = new Post(courseId, p.id(), p.threadId(), p.parentId(), p.authorId(), p.createdAt(), null,
                        DemoText.MESSY_BODIES.get(random.nextInt(DemoText.MESSY_BODIES.size())), false, false,
                        Approval.APPROVED, 0, 1);
            }
            posts.set(i, p);
        }
        // The newest few posts of newcomers wait for approval (pre-moderation).
        posts.sort(Comparator.comparing(Post::createdAt));
        int held = 0;
        for (int i = posts.size() - 1; i >= 0 && held < 3; i--) {
            Post p = posts.get(i);
            if (!p.authorId().startsWith("mod-") && p.parentId() != null) {
                posts.set(i, withState(p, false, false, Approval.PENDING, 0));
                held++;
            }
        }
    }

    private Post withState(Post p, boolean hidden, boolean deleted, Approval approval, int flags) {
        return new Post(courseId, p.id(), p.threadId(), p.parentId(), p.authorId(), p.createdAt(), p.editedAt(),
                p.bodyHtml(), hidden, deleted, approval, flags, p.version());
    }

    private void lockSomeOldThreads(DemoCourse demo) {
        threads.stream().filter(t -> t.module == 0 && !t.authorId.startsWith("mod-")).limit(2).forEach(t ->
                demo.thread(t.id).ifPresent(th -> demo.put(th.withLocked(true))));
    }

    // --- reading ---------------------------------------------------------------------------------------------

    private void createActivity(DemoCourse demo) {
        List<ThreadDraft> byTime = new ArrayList<>(threads);
        byTime.sort(Comparator.comparing(t -> t.createdAt));
        Instant[] created = byTime.stream().map(t -> t.createdAt).toArray(Instant[]::new);
        Map<String, Long> postsBy = new HashMap<>();
        posts.forEach(p -> postsBy.merge(p.authorId(), 1L, Long::sum));
        for (Profile p : profiles.values().stream().sorted(Comparator.comparing(x -> x.person().id())).toList()) {
            if (!p.reads()) {
                continue;
            }
            double mean = size.readsPerParticipant() * (p.posts() ? 1.0 : 0.6)
                    + size.readsPerOwnPost() * postsBy.getOrDefault(p.person().id(), 0L);
            int views = (int) Math.min(400, poisson(mean));
            Set<Integer> loginDays = new HashSet<>();
            for (int v = 0; v < views; v++) {
                int day = p.firstDay() + random.nextInt(Math.max(1, p.lastDay() - p.firstDay()));
                Instant at = timeOn(Math.min(day, DAYS_SO_FAR - 1));
                int available = upperBound(created, at);
                if (available == 0) {
                    continue;
                }
                ThreadDraft t = byTime.get(random.nextInt(available));
                if (loginDays.add(day)) {
                    demo.put(new ActivityEvent(courseId, demo.nextActivityId(), p.person().id(), at.minusSeconds(90),
                            ActivityType.LOGIN, null));
                }
                demo.put(new ActivityEvent(courseId, demo.nextActivityId(), p.person().id(), at, ActivityType.VIEW, t.id));
            }
        }
    }

    // --- helpers -----------------------------------------------------------------------------------------------

    private int threadCounter;
    private int postCounter;

    private String nextThreadId() {
        return "t-" + (++threadCounter);
    }

    private void addPost(ThreadDraft t, Post parent, String authorId, Instant at, String body) {
        Post p = new Post(courseId, "m-" + (++postCounter), t.id, parent == null ? null : parent.id(), authorId, at, null,
                body, false, false, Approval.APPROVED, 0, 1);
        posts.add(p);
        t.posts.add(p);
        if (at.isAfter(t.lastActivity)) {
            t.lastActivity = at;
        }
    }

    private String firstName(String participantId) {
        return firstNames.get(participantId);
    }

    private static double[] cumulative(double[] weights) {
        double[] c = new double[weights.length];
        double sum = 0;
        for (int i = 0; i < weights.length; i++) {
            sum += weights[i];
            c[i] = sum;
        }
        return c;
    }

    private int pickIndex(double[] cumulative) {
        double r = random.nextDouble() * cumulative[cumulative.length - 1];
        int i = Arrays.binarySearch(cumulative, r);
        return Math.min(cumulative.length - 1, i >= 0 ? i + 1 : -i - 1);
    }

    private static int upperBound(Instant[] sorted, Instant at) {
        int lo = 0;
        int hi = sorted.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (sorted[mid].isAfter(at)) {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        return lo;
    }

    private double poisson(double mean) {
        if (mean > 30) {
            return Math.max(0, Math.round(mean + Math.sqrt(mean) * random.nextGaussian()));
        }
        double l = Math.exp(-mean);
        int k = 0;
        double p = 1;
        do {
            k++;
            p *= random.nextDouble();
        } while (p > l);
        return k - 1;
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }
}
