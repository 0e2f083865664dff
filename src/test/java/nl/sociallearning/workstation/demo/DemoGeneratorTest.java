package nl.sociallearning.workstation.demo;

import nl.sociallearning.workstation.domain.Approval;
import nl.sociallearning.workstation.domain.Participant;
import nl.sociallearning.workstation.domain.ParticipantRole;
import nl.sociallearning.workstation.domain.Post;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

class DemoGeneratorTest {

    static final Instant NOW = Instant.parse("2026-11-20T10:00:00Z");

    static DemoCourse generate(String id) {
        DemoContent content = DemoContent.load(id);
        return new DemoGenerator(content, CourseSize.reference(content.participants()), 42, NOW).generate();
    }

    @ParameterizedTest
    @CsvSource({"vakmanschap,814", "beoordelen,433", "kringlooplandbouw,360", "kinderzorg,238"})
    void referenceCoursesHaveTheDesignedNumberOfParticipants(String id, int participants) {
        DemoCourse course = generate(id);
        assertThat(course.participants().size()).isEqualTo(participants);
        assertThat(course.course().participantCount()).isEqualTo(participants);
        assertThat(course.posts().size()).isEqualTo(participants * 5);
        assertThat(course.participant(DemoGenerator.ME_ID)).get().extracting(Participant::role)
                .isEqualTo(ParticipantRole.MODERATOR);
    }

    @Test
    void theSameSeedGivesTheSameCourse() {
        DemoCourse a = generate("kinderzorg");
        DemoCourse b = generate("kinderzorg");
        assertThat(sorted(a.posts()).equals(sorted(b.posts()))).as("same posts").isTrue();
        assertThat(new java.util.HashSet<>(a.participants())).isEqualTo(new java.util.HashSet<>(b.participants()));
    }

    @Test
    void activityIsHeavyTailed() {
        DemoCourse course = generate("vakmanschap");
        Map<String, Long> postsByAuthor = course.posts().stream()
                .filter(p -> p.authorId().startsWith("p-"))
                .collect(Collectors.groupingBy(Post::authorId, Collectors.counting()));
        long learners = course.participants().stream().filter(p -> p.role() == ParticipantRole.PARTICIPANT).count();
        List<Long> counts = postsByAuthor.values().stream().sorted(Comparator.reverseOrder()).toList();
        long total = counts.stream().mapToLong(Long::longValue).sum();
        long topTenth = counts.stream().limit(learners / 10).mapToLong(Long::longValue).sum();
        assertThat((double) topTenth / total).as("share of posts by the busiest tenth").isGreaterThan(0.4);
        assertThat(learners - postsByAuthor.size()).as("participants who never post").isGreaterThan(learners / 4);
        long readersOnly = course.activity().stream().map(a -> a.participantId()).distinct()
                .filter(id -> !postsByAuthor.containsKey(id) && id.startsWith("p-")).count();
        assertThat(readersOnly).as("participants who only read").isGreaterThan(learners / 10);
    }

    @Test
    void repliesFormTreesInsideTheirThreadAndAfterTheirParent() {
        DemoCourse course = generate("beoordelen");
        Map<String, Post> byId = course.posts().stream().collect(Collectors.toMap(Post::id, Function.identity()));
        long nested = 0;
        for (Post p : course.posts()) {
            if (p.parentId() == null) {
                continue;
            }
            Post parent = byId.get(p.parentId());
            assertThat(parent).as("parent of " + p.id()).isNotNull();
            assertThat(parent.threadId()).isEqualTo(p.threadId());
            assertThat(p.createdAt()).isAfterOrEqualTo(parent.createdAt());
            assertThat(p.createdAt()).isBefore(NOW);
            if (parent.parentId() != null) {
                nested++;
            }
        }
        assertThat(nested).as("replies to replies").isGreaterThan(course.posts().size() / 10);
        Map<String, Long> openers = course.posts().stream().filter(p -> p.parentId() == null)
                .collect(Collectors.groupingBy(Post::threadId, Collectors.counting()));
        assertThat(openers.keySet()).hasSize(course.threads().size());
        assertThat(openers.values()).allMatch(n -> n == 1);
    }

    @Test
    void aModeratorMeetsFlagsEditsAndHeldPosts() {
        DemoCourse course = generate("vakmanschap");
        assertThat(course.posts().stream().anyMatch(p -> p.flagCount() > 0)).as("flagged posts").isTrue();
        assertThat(course.posts().stream().anyMatch(p -> p.version() > 1 && p.editedAt() != null)).as("edits").isTrue();
        assertThat(course.posts().stream().filter(p -> p.approval() == Approval.PENDING).count()).as("held").isEqualTo(3);
        assertThat(course.posts().stream().filter(p -> p.authorId().startsWith("mod-")).count())
                .as("moderator posts").isGreaterThan(course.threads().size() / 2);
        assertThat(course.threads().stream().anyMatch(t -> t.locked())).as("locked threads").isTrue();
        assertThat(course.threads().stream().filter(t -> t.pinned()).count()).as("pinned welcomes").isGreaterThan(0);
        assertThat(course.participants().stream().allMatch(p -> p.group() != null || p.role() != ParticipantRole.PARTICIPANT))
                .as("every learner has a group").isTrue();
    }

    @Test
    void theLargeCourseHasExactlyTheBenchmarkSize() {
        long start = System.nanoTime();
        DemoCourse course = new DemoGenerator(DemoContent.load("vakmanschap"), "groot", "Groot", CourseSize.large(), 7, NOW)
                .generate();
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertThat(course.participants().size()).isEqualTo(1000);
        assertThat(course.threads().size()).isEqualTo(10_000);
        assertThat(course.posts().size()).isEqualTo(100_000);
        System.out.println("large course generated in " + millis + " ms, activity " + course.activity().size());
    }

    private static List<Post> sorted(java.util.Collection<Post> posts) {
        return posts.stream().sorted(Comparator.comparing(Post::id)).toList();
    }
}
