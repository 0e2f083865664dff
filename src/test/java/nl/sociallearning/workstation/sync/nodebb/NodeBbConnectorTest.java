package nl.sociallearning.workstation.sync.nodebb;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import mockwebserver3.RecordedRequest;
import nl.sociallearning.workstation.domain.ActionType;
import nl.sociallearning.workstation.domain.Approval;
import nl.sociallearning.workstation.domain.Change;
import nl.sociallearning.workstation.domain.DiscussionThread;
import nl.sociallearning.workstation.domain.EntityKind;
import nl.sociallearning.workstation.domain.ModerationAction;
import nl.sociallearning.workstation.domain.OutboxState;
import nl.sociallearning.workstation.domain.Post;
import nl.sociallearning.workstation.store.Cache;
import nl.sociallearning.workstation.sync.ActionOutcome;
import nl.sociallearning.workstation.sync.PullRequest;
import nl.sociallearning.workstation.sync.PullResult;
import nl.sociallearning.workstation.sync.SyncEngine;
import nl.sociallearning.workstation.sync.SyncException;
import nl.sociallearning.workstation.sync.SyncSettings;
import nl.sociallearning.workstation.sync.TransferListener;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static nl.sociallearning.workstation.sync.contract.FixtureServer.load;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** What NodeBB's quirks ask of its connector, against the captured v4.10 forum. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class NodeBbConnectorTest {

    NodeBbFixture forum;
    NodeBbConnector connector;

    @BeforeEach
    void start() throws Exception {
        forum = new NodeBbFixture(Duration.ofHours(1));
        connector = forum.connector(NodeBbFixture.TOKEN);
    }

    @AfterEach
    void stop() {
        connector.close();
        forum.close();
    }

    @Test
    void everyCapturedPostAuthorParentTimeAndStateEndsUpInTheCache(@TempDir Path dir) throws Exception {
        try (Cache cache = Cache.open(dir); SyncEngine engine = new SyncEngine(connector, cache, fast())) {
            engine.syncOnce();

            String course = connector.courseId();
            int captured = 0;
            for (var file : NodeBbFixture.TOPIC_FILES.entrySet()) {
                JsonNode topic = load(NodeBbFixture.DIR + file.getValue());
                String mainPid = topic.get("mainPid").asText();
                DiscussionThread thread = cache.threads().find(course, file.getKey()).orElseThrow();
                assertThat(thread.title()).isEqualTo(topic.get("titleRaw").asText());
                assertThat(thread.module()).isEqualTo(topic.get("category").get("name").asText());
                assertThat(thread.locked()).isEqualTo(topic.get("locked").asInt() == 1);
                assertThat(thread.pinned()).isEqualTo(topic.get("pinned").asInt() == 1);
                for (JsonNode p : topic.get("posts")) {
                    captured++;
                    Post post = cache.posts().find(course, p.get("pid").asText()).orElseThrow();
                    assertThat(post.threadId()).isEqualTo(file.getKey());
                    assertThat(post.authorId()).isEqualTo(p.get("uid").asText());
                    assertThat(post.createdAt()).isEqualTo(Instant.ofEpochMilli(p.get("timestamp").asLong()));
                    assertThat(post.editedAt()).isEqualTo(p.get("edited").asLong() == 0 ? null
                            : Instant.ofEpochMilli(p.get("edited").asLong()));
                    assertThat(post.deleted()).as("post %s deleted", post.id()).isEqualTo(p.get("deleted").asInt() == 1);
                    assertThat(post.bodyHtml()).isEqualTo(p.get("content").asText());
                    String parent = p.get("pid").asText().equals(mainPid) ? null
                            : p.hasNonNull("toPid") ? p.get("toPid").asText() : mainPid;
                    assertThat(post.parentId()).as("parent of %s", post.id()).isEqualTo(parent);
                    assertThat(cache.participants().find(course, post.authorId())).as("author of %s", post.id()).isPresent();
                }
            }
            JsonNode queue = load(NodeBbFixture.DIR + "GET_api_post-queue.json").get("posts");
            for (JsonNode item : queue) {
                Post pending = cache.posts().find(course, "queue-" + item.get("id").asText()).orElseThrow();
                assertThat(pending.approval()).isEqualTo(Approval.PENDING);
                assertThat(pending.authorId()).isEqualTo(item.get("data").get("uid").asText());
            }
            assertThat(cache.posts().count(course)).isEqualTo(captured + queue.size());
            assertThat(captured).isEqualTo(17);
            // The quirks the README names: 14 edited, 15 deleted by a moderator, 17 deleted and restored, nested replies.
            assertThat(cache.posts().find(course, "14").orElseThrow().version()).isGreaterThan(1);
            assertThat(cache.posts().find(course, "15").orElseThrow().deleted()).isTrue();
            assertThat(cache.posts().find(course, "17").orElseThrow().deleted()).isFalse();
            assertThat(cache.posts().find(course, "10").orElseThrow().parentId()).isEqualTo("9");
        }
    }

    @Test
    void aPullReportsTheRunningTotalOfTheBytesItRead() throws Exception {
        List<Long> reports = new ArrayList<>();

        connector.pull(request(null), c -> { }, reports::add);

        assertThat(reports).as("one report per answer, each the total so far").hasSizeGreaterThan(2).isSorted()
                .doesNotHaveDuplicates();
    }

    @Test
    void aQuietForumCostsThreeRequestsAPollAndChangesNothing() throws Exception {
        String cursor = syncAll(null, new ArrayList<>());
        int before = forum.server.requests().size();

        List<Change> changes = new ArrayList<>();
        PullResult result = connector.pull(request(cursor), changes::add, TransferListener.NONE);

        assertThat(changes).isEmpty();
        assertThat(result.hasMore()).isFalse();
        assertThat(forum.server.requests().subList(before, forum.server.requests().size()))
                .extracting(r -> r.getUrl().encodedPath()).containsExactly("/api/flags", "/api/post-queue", "/api/recent");
    }

    @Test
    void aNewReplyReadsOnlyItsTopic() throws Exception {
        String cursor = syncAll(null, new ArrayList<>());
        String reply = forum.addReply();
        int before = forum.server.requests().size();

        List<Change> changes = new ArrayList<>();
        connector.pull(request(cursor), changes::add, TransferListener.NONE);

        assertThat(forum.server.requests().subList(before, forum.server.requests().size()))
                .extracting(r -> r.getUrl().encodedPath()).contains("/api/topic/4").doesNotContain("/api/topic/3");
        assertThat(changes).anySatisfy(c -> assertThat(c.entityId()).isEqualTo(reply));
    }

    @Test
    void aFirstSyncOfManyTopicsComesInPagesThatResumeFromTheCursor() throws Exception {
        List<Change> all = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        PullResult result;
        do {
            List<Change> page = new ArrayList<>();
            result = connector.pull(new PullRequest(connector.courseId(), cursor, 3, Duration.ZERO, null), page::add,
                    TransferListener.NONE);
            all.addAll(page);
            cursor = result.cursor();
            pages++;
            if (result.hasMore()) {
                assertThat(result.remaining().orElseThrow()).as("an honest estimate").isPositive();
            }
        } while (result.hasMore() && pages < 100);

        assertThat(result.hasMore()).as("caught up").isFalse();
        assertThat(pages).as("small pages").isGreaterThan(2);
        int finalPages = pages;
        assertThat(forum.server.requests()).as("one listing page a pull, not the whole list again")
                .filteredOn(r -> r.getUrl().encodedPath().equals("/api/recent")).hasSizeLessThanOrEqualTo(finalPages);
        assertThat(forum.server.requests()).as("each topic read once")
                .filteredOn(r -> r.getUrl().encodedPath().equals("/api/topic/4")).hasSize(1);
        assertThat(all.stream().filter(c -> c.kind() == EntityKind.POST).map(Change::entityId).distinct())
                .containsExactlyInAnyOrderElementsOf(forum.postIds());
    }

    @Test
    void aNewFlagOnAPostRereadsItsTopicWithTheFlagCount() throws Exception {
        String cursor = syncAll(null, new ArrayList<>());
        ObjectNode flag = ((ArrayNode) forum.flags.get("flags")).addObject();
        flag.put("state", "open").put("heat", 1).put("flagId", "3").put("type", "post").put("targetId", "12");

        List<Change> changes = new ArrayList<>();
        connector.pull(request(cursor), changes::add, TransferListener.NONE);

        Post flagged = changes.stream().filter(c -> c instanceof Change.PostUpsert p && p.post().id().equals("12"))
                .map(c -> ((Change.PostUpsert) c).post()).findFirst().orElseThrow();
        assertThat(flagged.flagCount()).isEqualTo(1);
    }

    @Test
    void aPurgedPostIsRemovedWhenItsTopicIsReadAgain() throws Exception {
        NodeBbFixture sweeping = new NodeBbFixture(Duration.ZERO);
        try (NodeBbConnector c = sweeping.connector(NodeBbFixture.TOKEN)) {
            var mirror = new java.util.HashMap<String, String>();
            List<Change> first = new ArrayList<>();
            String cursor = pullAll(c, null, first);
            first.stream().filter(x -> x instanceof Change.PostUpsert).forEach(x -> mirror.put(x.entityId(),
                    ((Change.PostUpsert) x).post().threadId()));
            ((ArrayNode) sweeping.topics.get("4").get("posts")).remove(3);

            List<Change> second = new ArrayList<>();
            c.pull(new PullRequest(c.courseId(), cursor, 100, Duration.ZERO, new nl.sociallearning.workstation.sync.CacheIndex() {
                @Override
                public Set<String> ids(String courseId, EntityKind kind) {
                    return kind == EntityKind.POST ? mirror.keySet() : Set.of("2", "3", "4", "5");
                }

                @Override
                public Set<String> postsOf(String courseId, String threadId) {
                    Set<String> ids = new java.util.HashSet<>();
                    mirror.forEach((pid, tid) -> {
                        if (tid.equals(threadId)) {
                            ids.add(pid);
                        }
                    });
                    return ids;
                }
            }), second::add, TransferListener.NONE);

            assertThat(second).contains(new Change.Removal(EntityKind.POST, "15"));
            assertThat(second).filteredOn(x -> x instanceof Change.Removal && x.kind() == EntityKind.POST).hasSize(1);
        } finally {
            sweeping.close();
        }
    }

    @Test
    void aReplyIsSentAsTextToItsTopicWithItsParent() throws Exception {
        ActionOutcome outcome = connector.send(action(ActionType.REPLY, "13", null,
                Map.of("bodyHtml", "<p>Good question: see <b>lecture 2</b>.</p><p>Second line</p>")));

        assertThat(outcome).isInstanceOf(ActionOutcome.Applied.class);
        RecordedRequest sent = forum.server.requests().stream().filter(r -> r.getMethod().equals("POST")).findFirst().orElseThrow();
        assertThat(sent.getUrl().encodedPath()).isEqualTo("/api/v3/topics/4");
        JsonNode body = nl.sociallearning.workstation.sync.contract.FixtureServer.JSON.readTree(sent.getBody().utf8());
        assertThat(body.get("content").asText()).isEqualTo("Good question: see lecture 2.\n\nSecond line");
        assertThat(body.get("toPid").asLong()).isEqualTo(13);
        assertThat(outcome.serverState()).anySatisfy(c -> assertThat(c.entityId()).isEqualTo("27"));
    }

    @Test
    void deletingAPostEditedSinceTheModeratorSawItIsAConflict() throws Exception {
        ActionOutcome outcome = connector.send(action(ActionType.DELETE, "14", 1, Map.of()));

        assertThat(outcome).isInstanceOf(ActionOutcome.Conflict.class);
        assertThat(forum.writesReceived()).isZero();
        assertThat(outcome.serverState()).anySatisfy(c -> assertThat(c.entityId()).isEqualTo("14"));
    }

    @Test
    void deletingAnAlreadyDeletedPostIsADuplicateNotAnError() throws Exception {
        ActionOutcome outcome = connector.send(action(ActionType.DELETE, "15", null, Map.of()));

        assertThat(outcome).isInstanceOfSatisfying(ActionOutcome.Applied.class, a -> assertThat(a.duplicate()).isTrue());
    }

    @Test
    void aNoteOnATopicWithoutAFlagStaysLocalAndSaysWhy() throws Exception {
        ActionOutcome outcome = connector.send(action(ActionType.NOTE, "4", null, Map.of("text", "watch this one")));

        assertThat(outcome).isInstanceOfSatisfying(ActionOutcome.LocalOnly.class,
                l -> assertThat(l.detail()).contains("no open flag"));
        assertThat(forum.writesReceived()).isZero();
    }

    @Test
    void triageOnAFlaggedTopicSetsTheFlagsStateAndAssignee() throws Exception {
        connector.send(action(ActionType.SET_TRIAGE, "7", null, Map.of("state", "DONE", "assignee", "4")));

        RecordedRequest sent = forum.server.requests().stream().filter(r -> r.getMethod().equals("PUT")).findFirst().orElseThrow();
        assertThat(sent.getUrl().encodedPath()).isEqualTo("/api/v3/flags/1");
        JsonNode body = nl.sociallearning.workstation.sync.contract.FixtureServer.JSON.readTree(sent.getBody().utf8());
        assertThat(body.get("state").asText()).isEqualTo("resolved");
        assertThat(body.get("assignee").asLong()).isEqualTo(4);
    }

    @Test
    void triageFindsTheTopicsFlagOnTheSecondPageOfFlags() throws Exception {
        // Page 1: only the user flag; page 2: the post flag on topic 7 (flag 1).
        com.fasterxml.jackson.databind.node.ObjectNode second = forum.flags.deepCopy();
        com.fasterxml.jackson.databind.node.ArrayNode all = (com.fasterxml.jackson.databind.node.ArrayNode) forum.flags.get("flags");
        second.putArray("flags").add(all.get(1));
        second.with("pagination").put("currentPage", 2).put("pageCount", 2);
        all.remove(1);
        forum.flags.with("pagination").put("pageCount", 2);
        forum.flagsPage2 = second;

        connector.send(action(ActionType.SET_TRIAGE, "7", null, Map.of("state", "DONE")));

        assertThat(forum.server.requests()).filteredOn(r -> r.getMethod().equals("PUT"))
                .extracting(r -> r.getUrl().encodedPath()).containsExactly("/api/v3/flags/1");
    }

    @Test
    void aHiddenPostStaysHiddenLocallyAfterTheNextSync(@TempDir Path dir) throws Exception {
        try (Cache cache = Cache.open(dir); SyncEngine engine = new SyncEngine(connector, cache, fast())) {
            engine.syncOnce();
            String course = connector.courseId();
            ModerationAction hide = engine.submit(course, ActionType.HIDE, "13", null, Map.of());

            engine.syncOnce();
            forum.editPost();
            engine.syncOnce();

            assertThat(cache.outbox().find(hide.id()).orElseThrow().state()).isEqualTo(OutboxState.LOCAL_ONLY);
            assertThat(cache.outbox().find(hide.id()).orElseThrow().detail()).contains("hidden on this computer only");
            assertThat(cache.posts().find(course, "13").orElseThrow().hidden()).isTrue();
            assertThat(forum.writesReceived()).isZero();
        }
    }

    @Test
    void aWrongTokenSaysWhereToMakeANewOne() throws Exception {
        try (NodeBbConnector wrong = forum.connector("wrong")) {
            SyncException e = catchThrowableOfType(SyncException.class, wrong::me);
            assertThat(e.kind()).isEqualTo(SyncException.Kind.UNAUTHORIZED);
            assertThat(e.getMessage()).contains("NodeBB did not accept the token").contains("API Access");
        }
    }

    // --- helpers -----------------------------------------------------------------------------------------

    private ModerationAction action(ActionType type, String target, Integer base, Map<String, String> payload) {
        return ModerationAction.create(connector.courseId(), "1", type, target, base, payload, Instant.now());
    }

    private PullRequest request(String cursor) {
        return new PullRequest(connector.courseId(), cursor, 100, Duration.ZERO, null);
    }

    private String syncAll(String cursor, List<Change> into) throws SyncException {
        return pullAll(connector, cursor, into);
    }

    private static String pullAll(NodeBbConnector c, String cursor, List<Change> into) throws SyncException {
        PullResult result;
        String current = cursor;
        do {
            result = c.pull(new PullRequest(c.courseId(), current, 100, Duration.ZERO, null), into::add, TransferListener.NONE);
            current = result.cursor();
        } while (result.hasMore());
        return current;
    }

    static SyncSettings fast() {
        return SyncSettings.defaults().withBackoff(Duration.ofMillis(20), Duration.ofMillis(200))
                .withMaxAttempts(3).withSendDelay(Duration.ZERO);
    }
}
