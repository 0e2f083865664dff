package nl.sociallearning.workstation.sync.discourse;

import com.fasterxml.jackson.databind.JsonNode;
import mockwebserver3.RecordedRequest;
import nl.sociallearning.workstation.domain.ActionType;
import nl.sociallearning.workstation.domain.Change;
import nl.sociallearning.workstation.domain.EntityKind;
import nl.sociallearning.workstation.domain.ModerationAction;
import nl.sociallearning.workstation.domain.Post;
import nl.sociallearning.workstation.sync.ActionOutcome;
import nl.sociallearning.workstation.sync.PullRequest;
import nl.sociallearning.workstation.sync.PullResult;
import nl.sociallearning.workstation.sync.SyncException;
import nl.sociallearning.workstation.sync.TransferListener;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static nl.sociallearning.workstation.sync.contract.FixtureServer.JSON;
import static nl.sociallearning.workstation.sync.contract.FixtureServer.load;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** What Discourse's limits and quirks ask of its connector. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class DiscourseConnectorTest {

    DiscourseFixture site;

    @AfterEach
    void stop() {
        if (site != null) {
            site.close();
        }
    }

    /** A clock the test moves on, so the budget's minute passes without waiting a minute. */
    static final class TestClock extends Clock {
        Instant now = Instant.parse("2026-11-29T08:00:00Z");

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    @Test
    void aFirstSyncSpendsTheBudgetInWholePagesAndResumesAfterARestart() throws Exception {
        site = new DiscourseFixture(Duration.ofHours(24), 6);
        TestClock clock = new TestClock();
        List<Change> all = new ArrayList<>();
        String cursor = null;
        PullResult result;
        int pulls = 0;
        List<Long> estimates = new ArrayList<>();
        do {
            // Each pull is a fresh program: only the cursor survives.
            try (DiscourseConnector connector = site.connector(DiscourseFixture.KEY, clock)) {
                int before = site.server.requests().size();
                result = connector.pull(new PullRequest(connector.courseId(), cursor, 500, Duration.ZERO, null), all::add,
                        TransferListener.NONE);
                assertThat(site.server.requests().size() - before).as("requests in one minute").isLessThanOrEqualTo(6);
            }
            cursor = result.cursor();
            result.remaining().ifPresent(estimates::add);
            clock.now = clock.now.plusSeconds(60);
            pulls++;
        } while (result.hasMore() && pulls < 30);

        assertThat(result.hasMore()).isFalse();
        assertThat(pulls).as("the budget split the first sync").isGreaterThanOrEqualTo(2);
        assertThat(estimates.get(0)).as("an estimate from the site's post count").isGreaterThanOrEqualTo(20);
        assertThat(all.stream().filter(c -> c.kind() == EntityKind.POST).map(Change::entityId).distinct())
                .containsExactlyInAnyOrderElementsOf(site.postIds());
        assertThat(site.server.requests()).as("each topic read once").filteredOn(r -> r.getUrl().encodedPath().equals("/t/12.json"))
                .hasSize(1);
        assertThat(site.server.requests()).filteredOn(r -> r.getHeaders().get("Api-Key") != null).isNotEmpty();
    }

    @Test
    void theWholeSiteEndsUpInTheCacheThroughTheEngine(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        site = new DiscourseFixture(Duration.ofHours(24), 1000);
        try (DiscourseConnector connector = site.connector(DiscourseFixture.KEY, Clock.systemUTC());
             nl.sociallearning.workstation.store.Cache cache = nl.sociallearning.workstation.store.Cache.open(dir);
             nl.sociallearning.workstation.sync.SyncEngine engine = new nl.sociallearning.workstation.sync.SyncEngine(
                     connector, cache, nl.sociallearning.workstation.sync.SyncSettings.defaults().withSendDelay(Duration.ZERO))) {
            engine.syncOnce();

            String course = connector.courseId();
            assertThat(cache.posts().ids(course)).containsExactlyInAnyOrderElementsOf(site.postIds());
            for (com.fasterxml.jackson.databind.node.ObjectNode p : site.allPosts()) {
                Post cached = cache.posts().find(course, p.get("id").asText()).orElseThrow();
                assertThat(cached.authorId()).isEqualTo(p.get("user_id").asText());
                assertThat(cached.createdAt()).isEqualTo(Instant.parse(p.get("created_at").asText()));
                assertThat(cached.threadId()).isEqualTo(p.get("topic_id").asText());
                assertThat(cache.participants().find(course, cached.authorId())).isPresent();
            }
            assertThat(cache.posts().find(course, "review-7").orElseThrow().approval())
                    .isEqualTo(nl.sociallearning.workstation.domain.Approval.PENDING);
            assertThat(cache.threads().find(course, "12").orElseThrow().module()).isEqualTo("Uncategorized");
        }
    }

    @Test
    void aLongTopicsFurtherPostsComeInOneBatchByTheirIds() throws Exception {
        site = new DiscourseFixture(Duration.ofHours(24), 1000);
        try (DiscourseConnector connector = site.connector(DiscourseFixture.KEY, Clock.systemUTC())) {
            List<Change> changes = connector.thread(connector.courseId(), "12");

            RecordedRequest batch = site.server.requests().stream()
                    .filter(r -> r.getUrl().encodedPath().equals("/t/12/posts.json")).findFirst().orElseThrow();
            assertThat(batch.getUrl().queryParameterValues("post_ids[]")).containsExactly("120", "121", "122", "123", "124");
            Post reply = post(changes, "121");
            assertThat(reply.parentId()).as("reply_to_post_number 3 is post 102").isEqualTo("102");
            assertThat(post(changes, "104").parentId()).isEqualTo("101");
            assertThat(post(changes, "105").parentId()).as("no number: the opener").isEqualTo("100");
            assertThat(post(changes, "100").parentId()).isNull();
        }
    }

    @Test
    void thePublishedTopicIsReadAsItIsWithItsNullLastPostTime() throws Exception {
        site = new DiscourseFixture(Duration.ofHours(24), 1000);
        JsonNode published = load(DiscourseFixture.DIR + "topic_response.json");
        JsonNode first = published.get("post_stream").get("posts").get(0);
        try (DiscourseConnector connector = site.connector(DiscourseFixture.KEY, Clock.systemUTC())) {
            List<Change> changes = connector.thread(connector.courseId(), "13");

            var thread = changes.stream().filter(c -> c instanceof Change.ThreadUpsert).map(c -> ((Change.ThreadUpsert) c).thread())
                    .findFirst().orElseThrow();
            assertThat(thread.title()).isEqualTo(published.get("title").asText());
            assertThat(thread.pinned()).isTrue();
            assertThat(thread.lastActivityAt()).isEqualTo(Instant.parse(published.get("created_at").asText()));
            Post post = post(changes, first.get("id").asText());
            assertThat(post.authorId()).isEqualTo(first.get("user_id").asText());
            assertThat(post.createdAt()).isEqualTo(Instant.parse(first.get("created_at").asText()));
            assertThat(post.bodyHtml()).isEqualTo(first.get("cooked").asText());
            assertThat(post.version()).isEqualTo(first.get("version").asInt());
        }
    }

    @Test
    void theGemsPostsWithOffsetTimesMapToTheSameInstants() {
        DiscourseReader reader = new DiscourseReader("c");
        for (String file : List.of("gem_posts_before.json", "gem_posts_latest.json")) {
            for (JsonNode p : load(DiscourseFixture.DIR + file).get("latest_posts")) {
                Post post = reader.post(p, null, false);
                assertThat(post.id()).isEqualTo(p.get("id").asText());
                assertThat(post.threadId()).isEqualTo(p.get("topic_id").asText());
                assertThat(post.authorId()).isEqualTo(p.get("user_id").asText());
                assertThat(post.createdAt()).isEqualTo(Instant.parse(p.get("created_at").asText()));
            }
        }
        JsonNode gemTopic = load(DiscourseFixture.DIR + "gem_latest.json").get("topic_list").get("topics").get(0);
        var thread = reader.thread(gemTopic, Map.of("1", "Uncategorized"));
        assertThat(thread.createdAt()).isEqualTo(Instant.parse("2013-02-04T20:26:25.977Z"));
        assertThat(thread.module()).isEqualTo("Uncategorized");
    }

    @Test
    void aTopicInACategoryMadeSinceTheFirstSyncGetsItsNameAsModule() throws Exception {
        site = new DiscourseFixture(Duration.ofHours(24), 1000);
        try (DiscourseConnector connector = site.connector(DiscourseFixture.KEY, Clock.systemUTC())) {
            syncAll(connector, null, new ArrayList<>());
            site.newCategories.put(9, "Week 2: verzorgen");
            site.topic("12").put("category_id", 9);

            List<Change> twice = new ArrayList<>(connector.thread(connector.courseId(), "12"));
            twice.addAll(connector.thread(connector.courseId(), "13"));
            site.topic("13").put("category_id", 77); // hidden from this user: asked for once
            twice.addAll(connector.thread(connector.courseId(), "13"));
            twice.addAll(connector.thread(connector.courseId(), "13"));

            assertThat(twice).filteredOn(c -> c instanceof Change.ThreadUpsert).extracting(c -> ((Change.ThreadUpsert) c).thread().module())
                    .containsExactly("Week 2: verzorgen", "Staff", "Category 77", "Category 77");
            assertThat(site.server.requests()).filteredOn(r -> r.getUrl().encodedPath().equals("/categories.json")).hasSize(3);
        }
    }

    @Test
    void aFirstPullReportsTheRunningTotalOfTheBytesOfEveryRequest() throws Exception {
        site = new DiscourseFixture(Duration.ofHours(24), 1000);
        try (DiscourseConnector connector = site.connector(DiscourseFixture.KEY, Clock.systemUTC())) {
            List<Long> reports = new ArrayList<>();
            int before = site.server.requests().size();

            connector.pull(new PullRequest(connector.courseId(), null, 1000, Duration.ZERO, null), c -> { }, reports::add);

            assertThat(reports).as("one report per answer, each the total so far")
                    .hasSize(site.server.requests().size() - before).isSorted().doesNotHaveDuplicates();
            assertThat(reports.get(reports.size() - 1)).isGreaterThan(1000);
        }
    }

    @Test
    void aQuietSiteCostsThreeRequestsAPoll() throws Exception {
        site = new DiscourseFixture(Duration.ofHours(24), 1000);
        try (DiscourseConnector connector = site.connector(DiscourseFixture.KEY, Clock.systemUTC())) {
            String cursor = syncAll(connector, null, new ArrayList<>());
            int before = site.server.requests().size();

            List<Change> changes = new ArrayList<>();
            connector.pull(new PullRequest(connector.courseId(), cursor, 100, Duration.ZERO, null), changes::add,
                    TransferListener.NONE);

            assertThat(changes).isEmpty();
            assertThat(site.server.requests().subList(before, site.server.requests().size()))
                    .extracting(r -> r.getUrl().encodedPath()).containsExactly("/review.json", "/latest.json", "/posts.json");
        }
    }

    @Test
    void approvingWithAStaleReviewVersionIsAConflict() throws Exception {
        site = new DiscourseFixture(Duration.ofHours(24), 1000);
        try (DiscourseConnector connector = site.connector(DiscourseFixture.KEY, Clock.systemUTC())) {
            ActionOutcome outcome = connector.send(ModerationAction.create(connector.courseId(), "1", ActionType.APPROVE,
                    "review-7", 1, Map.of(), Instant.now()));

            assertThat(outcome).isInstanceOfSatisfying(ActionOutcome.Conflict.class,
                    c -> assertThat(c.detail()).contains("now version 2"));
            assertThat(outcome.serverState()).singleElement().satisfies(c -> assertThat(c.entityId()).isEqualTo("review-7"));
        }
    }

    @Test
    void aReplyIsSentAsTextWithThePostNumberItAnswers() throws Exception {
        site = new DiscourseFixture(Duration.ofHours(24), 1000);
        try (DiscourseConnector connector = site.connector(DiscourseFixture.KEY, Clock.systemUTC())) {
            ActionOutcome outcome = connector.send(ModerationAction.create(connector.courseId(), "1", ActionType.REPLY,
                    "104", null, Map.of("bodyHtml", "<p>See the <i>syllabus</i>.</p>"), Instant.now()));

            assertThat(outcome).isInstanceOf(ActionOutcome.Applied.class);
            RecordedRequest sent = site.server.requests().stream().filter(r -> r.getMethod().equals("POST")).findFirst().orElseThrow();
            JsonNode body = JSON.readTree(sent.getBody().utf8());
            assertThat(body.get("raw").asText()).isEqualTo("See the syllabus.");
            assertThat(body.get("topic_id").asInt()).isEqualTo(12);
            assertThat(body.get("reply_to_post_number").asInt()).isEqualTo(5);
        }
    }

    @Test
    void aWrongKeyNamesTheUserItWasFor() throws Exception {
        site = new DiscourseFixture(Duration.ofHours(24), 1000);
        try (DiscourseConnector connector = site.connector("nope", Clock.systemUTC())) {
            SyncException e = catchThrowableOfType(SyncException.class, connector::me);

            assertThat(e.kind()).isEqualTo(SyncException.Kind.UNAUTHORIZED);
            assertThat(e.getMessage()).contains("API key").contains("discourse1");
        }
    }

    private static Post post(List<Change> changes, String id) {
        return changes.stream().filter(c -> c instanceof Change.PostUpsert p && p.post().id().equals(id))
                .map(c -> ((Change.PostUpsert) c).post()).findFirst().orElseThrow();
    }

    private static String syncAll(DiscourseConnector c, String cursor, List<Change> into) throws SyncException {
        PullResult result;
        String current = cursor;
        do {
            result = c.pull(new PullRequest(c.courseId(), current, 100, Duration.ZERO, null), into::add, TransferListener.NONE);
            current = result.cursor();
        } while (result.hasMore());
        return current;
    }
}
