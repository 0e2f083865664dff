package nl.sociallearning.workstation.demo;

import nl.sociallearning.workstation.domain.ActivityEvent;
import nl.sociallearning.workstation.domain.ActivityType;
import nl.sociallearning.workstation.domain.Approval;
import nl.sociallearning.workstation.domain.DiscussionThread;
import nl.sociallearning.workstation.domain.Participant;
import nl.sociallearning.workstation.domain.ParticipantRole;
import nl.sociallearning.workstation.domain.Post;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Keeps the demo courses alive: every tick, somewhere, someone replies, opens a thread, edits, flags, reads,
 * enrols late, or removes a post; a held post waits for approval now and then. Bigger courses are busier.
 */
public final class LiveSimulation implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(LiveSimulation.class);

    private final List<DemoCourse> courses;
    private final Map<String, DemoText> texts;
    private final Map<String, DemoContent> contents;
    private final Random random;
    private final DemoContent.Names names = DemoContent.names();
    private ScheduledExecutorService timer;

    LiveSimulation(List<DemoCourse> courses, Map<String, DemoContent> contents, long seed) {
        this.courses = courses;
        this.contents = contents;
        this.texts = new java.util.HashMap<>();
        contents.forEach((id, c) -> texts.put(id, new DemoText(c)));
        this.random = new Random(seed);
    }

    void start(Duration interval) {
        timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "demo-live");
            t.setDaemon(true);
            return t;
        });
        timer.scheduleWithFixedDelay(this::safeTick, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void safeTick() {
        try {
            tick();
        } catch (RuntimeException e) {
            LOG.warn("Demo simulation step failed", e);
        }
    }

    /** One event in one course. */
    public synchronized void tick() {
        DemoCourse course = pickCourse();
        DemoContent content = contents.get(course.id());
        DemoText text = texts.get(course.id());
        Instant now = Instant.now();
        List<DiscussionThread> recent = course.threads().stream()
                .sorted(Comparator.comparing(DiscussionThread::lastActivityAt).reversed()).limit(25).toList();
        if (recent.isEmpty()) {
            return;
        }
        DiscussionThread thread = recent.get(random.nextInt(recent.size()));
        double r = random.nextDouble();
        if (r < 0.45) {
            reply(course, content, text, thread, now, Approval.APPROVED);
        } else if (r < 0.55) {
            openThread(course, content, text, now);
        } else if (r < 0.65) {
            recentPost(course, thread).ifPresent(p -> course.put(new Post(p.courseId(), p.id(), p.threadId(), p.parentId(),
                    p.authorId(), p.createdAt(), now, text.edit(random, p.bodyHtml()), p.hidden(), p.deleted(),
                    p.approval(), p.flagCount(), p.version() + 1)));
        } else if (r < 0.73) {
            recentPost(course, thread).ifPresent(p -> course.put(new Post(p.courseId(), p.id(), p.threadId(), p.parentId(),
                    p.authorId(), p.createdAt(), p.editedAt(), p.bodyHtml(), p.hidden(), p.deleted(), p.approval(),
                    p.flagCount() + 1, p.version() + 1)));
        } else if (r < 0.88) {
            Participant reader = participant(course);
            course.put(new ActivityEvent(course.id(), course.nextActivityId(), reader.id(), now, ActivityType.VIEW, thread.id()));
        } else if (r < 0.92) {
            reply(course, content, text, thread, now, Approval.PENDING);
        } else if (r < 0.95) {
            recentPost(course, thread).filter(p -> p.parentId() != null).ifPresent(p -> course.removePost(p.id()));
        } else {
            enrol(course, content, now);
        }
    }

    /**
     * A rush of replies in one course, as after a deadline: {@code count} new posts at once, spread over its
     * threads. For measuring how the workstation copes; the regular simulation adds one event a tick.
     */
    public synchronized void burst(String courseId, int count) {
        DemoCourse course = courses.stream().filter(c -> c.id().equals(courseId)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no demo course " + courseId));
        DemoText text = texts.get(courseId);
        java.util.Map<String, Post> openers = new java.util.HashMap<>();
        for (Post p : course.posts()) {
            if (p.parentId() == null) {
                openers.put(p.threadId(), p);
            }
        }
        List<DiscussionThread> threads = course.threads().stream().filter(t -> !t.locked() && openers.containsKey(t.id()))
                .sorted(Comparator.comparing(DiscussionThread::id)).toList();
        List<Participant> learners = course.participants().stream().filter(p -> p.role() == ParticipantRole.PARTICIPANT)
                .sorted(Comparator.comparing(Participant::id)).toList();
        Instant now = Instant.now();
        for (int i = 0; i < count; i++) {
            DiscussionThread thread = threads.get(random.nextInt(threads.size()));
            Participant author = learners.get(random.nextInt(learners.size()));
            course.put(new Post(courseId, course.nextPostId(), thread.id(), openers.get(thread.id()).id(), author.id(),
                    now.plusMillis(i), null, text.reply(random, null, thread.title(), thread.module()), false, false,
                    Approval.APPROVED, 0, 1));
        }
    }

    private DemoCourse pickCourse() {
        int total = courses.stream().mapToInt(c -> c.participants().size()).sum();
        int pick = random.nextInt(Math.max(1, total));
        for (DemoCourse c : courses) {
            pick -= c.participants().size();
            if (pick < 0) {
                return c;
            }
        }
        return courses.get(0);
    }

    private void reply(DemoCourse course, DemoContent content, DemoText text, DiscussionThread thread, Instant now,
                       Approval approval) {
        if (thread.locked()) {
            return;
        }
        List<Post> posts = course.postsOf(thread.id());
        if (posts.isEmpty()) {
            return;
        }
        Post parent = posts.get(random.nextInt(posts.size()));
        Participant author = participant(course);
        String toName = course.participant(parent.authorId()).map(p -> p.displayName().split(" ")[0]).orElse(null);
        Post reply = new Post(course.id(), course.nextPostId(), thread.id(), parent.id(), author.id(), now, null,
                text.reply(random, toName, thread.title(), thread.module()), false, false, approval, 0, 1);
        course.put(reply);
        course.put(new DiscussionThread(thread.courseId(), thread.id(), thread.title(), thread.module(), thread.authorId(),
                thread.createdAt(), now, thread.locked(), thread.pinned(), thread.version()));
    }

    private void openThread(DemoCourse course, DemoContent content, DemoText text, Instant now) {
        int week = (int) Math.min(content.modules().size() - 1,
                Duration.between(course.course().startsAt(), now).toDays() / 7);
        DemoContent.Module module = content.modules().get(Math.max(0, week));
        String title = DemoText.pick(random, module.threadTitles());
        Participant author = participant(course);
        String body = text.opener(random, title, module.title());
        DiscussionThread thread = new DiscussionThread(course.id(), course.nextThreadId(), title, module.title(),
                author.id(), now, now, false, false, 1);
        course.put(thread);
        course.put(new Post(course.id(), course.nextPostId(), thread.id(), null, author.id(), now, null, body, false,
                false, Approval.APPROVED, 0, 1));
    }

    private void enrol(DemoCourse course, DemoContent content, Instant now) {
        String name = DemoText.pick(random, names.firstNames()) + " " + DemoText.pick(random, names.surnames());
        String group = content.groups().get(random.nextInt(content.groups().size())).name();
        course.put(new Participant(course.id(), "p-late-" + course.nextActivityId(), name, ParticipantRole.PARTICIPANT,
                group, now));
    }

    private java.util.Optional<Post> recentPost(DemoCourse course, DiscussionThread thread) {
        List<Post> posts = course.postsOf(thread.id()).stream().filter(p -> !p.authorId().startsWith("mod-")).toList();
        return posts.isEmpty() ? java.util.Optional.empty() : java.util.Optional.of(posts.get(random.nextInt(posts.size())));
    }

    private Participant participant(DemoCourse course) {
        List<Participant> learners = course.participants().stream()
                .filter(p -> p.role() == ParticipantRole.PARTICIPANT).sorted(Comparator.comparing(Participant::id)).toList();
        // Heavy tail here too: the first few in a random order carry most of it.
        int i = (int) Math.min(learners.size() - 1, Math.abs(random.nextGaussian()) * learners.size() / 4);
        return learners.get((i * 7919) % learners.size());
    }

    @Override
    public void close() {
        if (timer != null) {
            timer.shutdownNow();
        }
    }
}
