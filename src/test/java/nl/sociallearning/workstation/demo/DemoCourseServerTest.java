package nl.sociallearning.workstation.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import nl.sociallearning.workstation.domain.DiscussionThread;
import nl.sociallearning.workstation.domain.Post;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The demo course server over real HTTP, as any client of the Course Sync API sees it. */
class DemoCourseServerTest {

    static final String COURSE = "kinderzorg";
    static final ObjectMapper JSON = new ObjectMapper();

    DemoCourseServer server;
    HttpClient client;

    @BeforeEach
    void setUp() throws Exception {
        server = DemoCourseServer.builder().referenceCourses(List.of(COURSE)).start();
        client = newClient();
    }

    @AfterEach
    void tearDown() {
        server.close();
    }

    // --- authentication -------------------------------------------------------------------------------------

    @Test
    void withoutATokenTheAnswerIs401WithABearerChallenge() throws Exception {
        HttpResponse<String> response = client.send(HttpRequest.newBuilder(uri("/me")).GET().build(),
                HttpResponse.BodyHandlers.ofString());

        assertUnauthorized(response);
    }

    @Test
    void withAWrongTokenTheAnswerIs401WithABearerChallenge() throws Exception {
        HttpResponse<String> response = client.send(HttpRequest.newBuilder(uri("/courses/" + COURSE + "/changes"))
                .header("Authorization", "Bearer not-" + server.token()).GET().build(), HttpResponse.BodyHandlers.ofString());

        assertUnauthorized(response);
    }

    @Test
    void aTokenOfTheRightValueButAnotherSchemeIs401() throws Exception {
        HttpResponse<String> response = client.send(HttpRequest.newBuilder(uri("/me"))
                .header("Authorization", "Basic " + server.token()).GET().build(), HttpResponse.BodyHandlers.ofString());

        assertUnauthorized(response);
    }

    private static void assertUnauthorized(HttpResponse<String> response) throws IOException {
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(
                v -> assertThat(v).startsWith("Bearer"));
        assertProblem(response, 401);
    }

    // --- account --------------------------------------------------------------------------------------------

    @Test
    void meNamesTheUserAndTheirRolePerCourse() throws Exception {
        HttpResponse<String> response = get("/me");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                v -> assertThat(v).startsWith("application/json"));
        JsonNode me = JSON.readTree(response.body());
        assertThat(me.path("id").asText()).isEqualTo(DemoGenerator.ME_ID);
        assertThat(me.path("displayName").asText()).isNotBlank();
        assertThat(me.path("roles").isArray()).isTrue();
        assertThat(me.path("roles")).hasSize(1);
        assertThat(me.path("roles").get(0).path("courseId").asText()).isEqualTo(COURSE);
        assertThat(me.path("roles").get(0).path("role").asText()).isIn("moderator", "assessor", "coordinator");
        // The user is a participant of the course under the same id.
        assertThat(server.course(COURSE).participant(me.path("id").asText())).isPresent();
    }

    @Test
    void coursesListsTheServedCoursesWithEveryRequiredField() throws Exception {
        HttpResponse<String> response = get("/courses");

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode courses = JSON.readTree(response.body()).path("courses");
        assertThat(courses.isArray()).isTrue();
        assertThat(courses).hasSize(1);
        JsonNode c = courses.get(0);
        assertThat(fieldNames(c)).contains("id", "title", "organisation", "audience", "startsAt", "endsAt", "timeZone",
                "participantCount");
        assertThat(c.path("id").asText()).isEqualTo(COURSE);
        assertThat(c.path("title").asText()).isNotBlank();
        assertThat(c.path("audience").asText()).isIn("employer", "education", "network");
        assertThat(Instant.parse(c.path("startsAt").asText())).isBefore(Instant.parse(c.path("endsAt").asText()));
        assertThat(ZoneId.of(c.path("timeZone").asText())).isNotNull();
        assertThat(c.path("participantCount").asInt()).isEqualTo(server.course(COURSE).participants().size())
                .isPositive();
    }

    // --- the change feed --------------------------------------------------------------------------------------

    @Test
    void theFeedPagesThroughTheWholeCourseOnceInAscendingSeq() throws Exception {
        DemoCourse course = server.course(COURSE);
        List<JsonNode> pages = new ArrayList<>();
        List<JsonNode> changes = fullPass(500, pages);

        int live = course.participants().size() + course.threads().size() + course.posts().size()
                + course.activity().size();
        assertThat(pages).hasSizeGreaterThan(2);
        assertThat(changes).hasSize(live);
        long previous = 0;
        for (JsonNode change : changes) {
            assertThat(change.path("seq").asLong()).isGreaterThan(previous);
            previous = change.path("seq").asLong();
            assertThat(change.path("op").asText()).as("a compacted pass has no tombstones").isEqualTo("upsert");
        }
        List<String> ids = changes.stream().map(c -> c.path("data").path("id").asText()).toList();
        assertThat(ids).doesNotHaveDuplicates();
        Map<String, Long> perKind = changes.stream()
                .collect(Collectors.groupingBy(c -> c.path("kind").asText(), Collectors.counting()));
        assertThat(perKind).containsExactlyInAnyOrderEntriesOf(Map.of(
                "participant", (long) course.participants().size(),
                "thread", (long) course.threads().size(),
                "post", (long) course.posts().size(),
                "activity", (long) course.activity().size()));
        for (JsonNode page : pages.subList(0, pages.size() - 1)) {
            assertThat(page.path("hasMore").asBoolean()).isTrue();
            assertThat(page.path("changes")).hasSizeLessThanOrEqualTo(500);
        }
        JsonNode last = pages.get(pages.size() - 1);
        assertThat(last.path("hasMore").asBoolean()).isFalse();
        assertThat(last.path("remaining").asLong()).isZero();
        // Asking again with the last cursor: nothing new, the same cursor.
        JsonNode again = page("/courses/" + COURSE + "/changes?limit=500&cursor=" + last.path("cursor").asText());
        assertThat(again.path("changes")).isEmpty();
        assertThat(again.path("cursor").asText()).isEqualTo(last.path("cursor").asText());
        assertThat(again.path("hasMore").asBoolean()).isFalse();
    }

    @Test
    void aChangeCarriesTheEntityInTheProtocolsShape() throws Exception {
        DemoCourse course = server.course(COURSE);
        List<JsonNode> changes = fullPass(5000, new ArrayList<>());

        JsonNode post = changes.stream().filter(c -> c.path("kind").asText().equals("post")).findFirst().orElseThrow();
        Post expected = course.post(post.path("data").path("id").asText()).orElseThrow();
        JsonNode data = post.path("data");
        assertThat(fieldNames(data)).contains("id", "threadId", "parentId", "authorId", "createdAt", "editedAt",
                "bodyHtml", "hidden", "deleted", "approval", "flagCount", "version");
        assertThat(data.path("threadId").asText()).isEqualTo(expected.threadId());
        assertThat(Instant.parse(data.path("createdAt").asText())).isEqualTo(expected.createdAt());
        assertThat(data.path("approval").asText()).isEqualTo(expected.approval().name().toLowerCase());
        assertThat(data.path("version").asInt()).isEqualTo(expected.version());
    }

    @Test
    void aCursorFromAnotherServerRunHasExpired() throws Exception {
        String foreignCursor;
        try (DemoCourseServer other = DemoCourseServer.builder().referenceCourses(List.of(COURSE)).start()) {
            HttpResponse<String> response = client.send(HttpRequest.newBuilder(
                            URI.create(other.baseUri() + "/courses/" + COURSE + "/changes?limit=1"))
                    .header("Authorization", "Bearer " + other.token()).GET().build(), HttpResponse.BodyHandlers.ofString());
            foreignCursor = JSON.readTree(response.body()).path("cursor").asText();
        }

        HttpResponse<String> response = get("/courses/" + COURSE + "/changes?cursor=" + foreignCursor);

        assertThat(response.statusCode()).isEqualTo(410);
        JsonNode problem = assertProblem(response, 410);
        assertThat(problem.path("type").asText()).endsWith("cursor-expired");
    }

    @ParameterizedTest
    @ValueSource(strings = {"garbage", "Zm9vOmJhcg", "!!!"})
    void aCursorTheServerDoesNotKnowHasExpired(String cursor) throws Exception {
        HttpResponse<String> response = get("/courses/" + COURSE + "/changes?cursor=" + cursor);

        assertThat(response.statusCode()).isEqualTo(410);
        assertThat(assertProblem(response, 410).path("type").asText())
                .isEqualTo("https://sociallearning.nl/problems/cursor-expired");
    }

    @Test
    void aCursorOfAnotherCourseHasExpired() throws Exception {
        server.close();
        server = DemoCourseServer.builder().referenceCourses(List.of(COURSE, "beoordelen")).start();
        String cursor = page("/courses/beoordelen/changes?limit=10").path("cursor").asText();

        HttpResponse<String> response = get("/courses/" + COURSE + "/changes?cursor=" + cursor);

        assertThat(response.statusCode()).isEqualTo(410);
    }

    @ParameterizedTest
    @ValueSource(strings = {"limit=0", "limit=5001", "limit=-3", "limit=ten", "wait=31", "wait=-1", "wait=soon",
            "limit=10&wait=2.5"})
    void aLimitOrWaitOutOfRangeIsABadRequest(String query) throws Exception {
        HttpResponse<String> response = get("/courses/" + COURSE + "/changes?" + query);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(assertProblem(response, 400).path("detail").asText()).containsAnyOf("limit", "wait");
    }

    @Test
    void theLimitsOfTheRangesAreAccepted() throws Exception {
        assertThat(get("/courses/" + COURSE + "/changes?limit=1").statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(get("/courses/" + COURSE + "/changes?limit=1").body()).path("changes")).hasSize(1);
        assertThat(get("/courses/" + COURSE + "/changes?limit=5000&wait=0").statusCode()).isEqualTo(200);
    }

    @Test
    void anUnknownCourseIsNotFound() throws Exception {
        for (String path : List.of("/courses/no-such-course/changes", "/courses/no-such-course/threads/t-1")) {
            HttpResponse<String> response = get(path);
            assertThat(response.statusCode()).as(path).isEqualTo(404);
            assertThat(assertProblem(response, 404).path("detail").asText()).contains("no-such-course");
        }
        HttpResponse<String> action = postAction("no-such-course", UUID.randomUUID().toString(),
                action(UUID.randomUUID(), "lock", "t-1", null, Map.of()));
        assertThat(action.statusCode()).isEqualTo(404);
    }

    @Test
    void aThreadSnapshotHoldsTheThreadAllItsPostsAndTheirAuthors() throws Exception {
        DemoCourse course = server.course(COURSE);
        DiscussionThread thread = course.threads().stream()
                .filter(t -> course.postsOf(t.id()).size() > 2).findFirst().orElseThrow();

        HttpResponse<String> response = get("/courses/" + COURSE + "/threads/" + thread.id());

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode body = JSON.readTree(response.body());
        assertThat(body.path("thread").path("id").asText()).isEqualTo(thread.id());
        Set<String> postIds = new HashSet<>();
        Set<String> authors = new HashSet<>();
        for (JsonNode p : body.path("posts")) {
            assertThat(p.path("threadId").asText()).isEqualTo(thread.id());
            postIds.add(p.path("id").asText());
            authors.add(p.path("authorId").asText());
        }
        assertThat(postIds).isEqualTo(course.postsOf(thread.id()).stream().map(Post::id).collect(Collectors.toSet()));
        List<String> participants = new ArrayList<>();
        body.path("participants").forEach(p -> participants.add(p.path("id").asText()));
        assertThat(participants).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(authors);
        assertThat(get("/courses/" + COURSE + "/threads/t-does-not-exist").statusCode()).isEqualTo(404);
    }

    // --- long polls ---------------------------------------------------------------------------------------

    @Test
    void aLongPollWithNothingNewAnswersAfterTheWaitWithTheSameCursor() throws Exception {
        String cursor = lastCursor();

        long started = System.nanoTime();
        HttpResponse<String> response = get("/courses/" + COURSE + "/changes?wait=2&cursor=" + cursor);
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode page = JSON.readTree(response.body());
        assertThat(page.path("changes").isArray()).isTrue();
        assertThat(page.path("changes")).isEmpty();
        assertThat(page.path("cursor").asText()).isEqualTo(cursor);
        assertThat(page.path("hasMore").asBoolean()).isFalse();
        assertThat(took).isBetween(Duration.ofMillis(1900), Duration.ofMillis(3500));
    }

    @Test
    void aLongPollAnswersAsSoonAsSomethingChanges() throws Exception {
        String cursor = lastCursor();
        DemoCourse course = server.course(COURSE);
        long before = course.lastSeq();
        CompletableFuture<Void> ticker = CompletableFuture.runAsync(() -> {
            try {
                Thread.sleep(300);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            // Not every simulation step changes something (e.g. a reply to a locked thread is skipped).
            for (int i = 0; i < 100 && course.lastSeq() == before; i++) {
                server.simulation().tick();
            }
        });

        long started = System.nanoTime();
        HttpResponse<String> response = get("/courses/" + COURSE + "/changes?wait=2&cursor=" + cursor);
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        ticker.get(5, TimeUnit.SECONDS);

        assertThat(course.lastSeq()).isGreaterThan(before);
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode page = JSON.readTree(response.body());
        assertThat(page.path("changes")).isNotEmpty();
        assertThat(page.path("changes").get(0).path("seq").asLong()).isGreaterThan(before);
        assertThat(page.path("cursor").asText()).isNotEqualTo(cursor);
        assertThat(took).isBetween(Duration.ofMillis(250), Duration.ofMillis(1500));
    }

    // --- actions ------------------------------------------------------------------------------------------

    @Test
    void anActionWithoutIdempotencyKeyIsABadRequest() throws Exception {
        UUID id = UUID.randomUUID();
        HttpResponse<String> response = client.send(HttpRequest.newBuilder(uri("/courses/" + COURSE + "/actions"))
                .header("Authorization", "Bearer " + server.token())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(action(id, "lock", anyThread().id(), null, Map.of())))
                .build(), HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(assertProblem(response, 400).path("detail").asText()).contains("Idempotency-Key");
        assertThat(server.timesApplied(id)).isZero();
    }

    @Test
    void anIdempotencyKeyThatDiffersFromTheBodysIdIsABadRequest() throws Exception {
        UUID id = UUID.randomUUID();

        HttpResponse<String> response = postAction(COURSE, UUID.randomUUID().toString(),
                action(id, "lock", anyThread().id(), null, Map.of()));

        assertThat(response.statusCode()).isEqualTo(400);
        assertProblem(response, 400);
        assertThat(server.timesApplied(id)).isZero();
    }

    @Test
    void theSameKeyTwiceAppliesOnceAndReplaysTheAnswerAsDuplicate() throws Exception {
        DiscussionThread thread = anyThread();
        UUID id = UUID.randomUUID();
        String body = action(id, "lock", thread.id(), thread.version(), Map.of());

        HttpResponse<String> first = postAction(COURSE, id.toString(), body);
        HttpResponse<String> second = postAction(COURSE, id.toString(), body);

        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(first.headers().firstValue("Idempotent-Replayed")).isEmpty();
        JsonNode applied = JSON.readTree(first.body());
        assertThat(applied.path("status").asText()).isEqualTo("applied");
        assertThat(applied.path("entity").path("kind").asText()).isEqualTo("thread");
        assertThat(applied.path("entity").path("data").path("locked").asBoolean()).isTrue();
        assertThat(applied.path("entity").path("data").path("version").asInt()).isEqualTo(thread.version() + 1);

        assertThat(second.statusCode()).isEqualTo(200);
        assertThat(second.headers().firstValue("Idempotent-Replayed")).hasValue("true");
        JsonNode duplicate = JSON.readTree(second.body());
        assertThat(duplicate.path("status").asText()).isEqualTo("duplicate");
        assertThat(duplicate.path("entity")).isEqualTo(applied.path("entity"));

        assertThat(server.timesApplied(id)).isEqualTo(1);
        assertThat(server.appliedActions()).containsExactly(id.toString());
        assertThat(server.course(COURSE).thread(thread.id()).orElseThrow().version()).isEqualTo(thread.version() + 1);
    }

    @Test
    void aConcurrentRepeatOfAnActionIsAlsoMarkedAsReplayed() throws Exception {
        DiscussionThread thread = anyThread();
        UUID id = UUID.randomUUID();
        String body = action(id, "pin", thread.id(), thread.version(), Map.of());
        DemoCourse course = server.course(COURSE);
        CompletableFuture<HttpResponse<String>> first;
        CompletableFuture<HttpResponse<String>> second;
        // Holding the course's lock keeps the first request "still being processed" while the second arrives.
        synchronized (course) {
            first = client.sendAsync(actionRequest(COURSE, id.toString(), body), HttpResponse.BodyHandlers.ofString());
            second = client.sendAsync(actionRequest(COURSE, id.toString(), body), HttpResponse.BodyHandlers.ofString());
            Thread.sleep(500);
        }
        List<HttpResponse<String>> answers = List.of(first.get(5, TimeUnit.SECONDS), second.get(5, TimeUnit.SECONDS));

        assertThat(server.timesApplied(id)).isEqualTo(1);
        for (HttpResponse<String> answer : answers) {
            assertThat(answer.statusCode()).isEqualTo(200);
            boolean duplicate = JSON.readTree(answer.body()).path("status").asText().equals("duplicate");
            assertThat(answer.headers().firstValue("Idempotent-Replayed").isPresent())
                    .as("Idempotent-Replayed header on the %s answer", duplicate ? "duplicate" : "applied")
                    .isEqualTo(duplicate);
        }
    }

    @Test
    void aStaleBaseVersionIsAConflictCarryingTheCurrentEntity() throws Exception {
        DiscussionThread thread = anyThread();
        UUID lock = UUID.randomUUID();
        assertThat(postAction(COURSE, lock.toString(), action(lock, "lock", thread.id(), thread.version(), Map.of()))
                .statusCode()).isEqualTo(200);
        UUID pin = UUID.randomUUID();

        HttpResponse<String> response = postAction(COURSE, pin.toString(),
                action(pin, "pin", thread.id(), thread.version(), Map.of()));

        assertThat(response.statusCode()).isEqualTo(409);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                v -> assertThat(v).startsWith("application/json"));
        JsonNode conflict = JSON.readTree(response.body());
        assertThat(conflict.path("status").asText()).isEqualTo("conflict");
        assertThat(conflict.path("current").path("kind").asText()).isEqualTo("thread");
        JsonNode current = conflict.path("current").path("data");
        assertThat(current.path("id").asText()).isEqualTo(thread.id());
        assertThat(current.path("version").asInt()).isEqualTo(thread.version() + 1);
        assertThat(current.path("locked").asBoolean()).isTrue();
        assertThat(server.timesApplied(pin)).isZero();
        assertThat(server.course(COURSE).thread(thread.id()).orElseThrow().pinned()).isEqualTo(thread.pinned());
    }

    @Test
    void aReplyToALockedThreadIsRejectedAndTheRejectionIsReplayed() throws Exception {
        DemoCourse course = server.course(COURSE);
        DiscussionThread thread = anyThread();
        UUID lock = UUID.randomUUID();
        assertThat(postAction(COURSE, lock.toString(), action(lock, "lock", thread.id(), null, Map.of())).statusCode())
                .isEqualTo(200);
        Post target = course.postsOf(thread.id()).get(0);
        int posts = course.posts().size();
        UUID reply = UUID.randomUUID();
        String body = action(reply, "reply", target.id(), null, Map.of("bodyHtml", "<p>Toch nog even dit.</p>"));

        HttpResponse<String> response = postAction(COURSE, reply.toString(), body);
        HttpResponse<String> again = postAction(COURSE, reply.toString(), body);

        assertThat(response.statusCode()).isEqualTo(422);
        JsonNode problem = assertProblem(response, 422);
        assertThat(problem.path("type").asText()).isEqualTo("https://sociallearning.nl/problems/action-rejected");
        assertThat(problem.path("detail").asText()).contains("locked");
        assertThat(course.posts()).hasSize(posts);
        assertThat(server.timesApplied(reply)).isZero();
        assertThat(again.statusCode()).isEqualTo(422);
        assertThat(again.headers().firstValue("Idempotent-Replayed")).hasValue("true");
        assertThat(again.body()).isEqualTo(response.body());
    }

    @Test
    void anAppliedReplyAppearsInTheChangeFeed() throws Exception {
        String cursor = lastCursor();
        DiscussionThread thread = server.course(COURSE).threads().stream().filter(t -> !t.locked())
                .findFirst().orElseThrow();
        Post target = server.course(COURSE).postsOf(thread.id()).get(0);
        UUID reply = UUID.randomUUID();

        HttpResponse<String> response = postAction(COURSE, reply.toString(),
                action(reply, "reply", target.id(), null, Map.of("bodyHtml", "<p>Dank je!</p>")));

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode entity = JSON.readTree(response.body()).path("entity");
        assertThat(entity.path("kind").asText()).isEqualTo("post");
        assertThat(entity.path("data").path("parentId").asText()).isEqualTo(target.id());
        assertThat(entity.path("data").path("authorId").asText()).isEqualTo(DemoGenerator.ME_ID);
        JsonNode page = page("/courses/" + COURSE + "/changes?cursor=" + cursor);
        assertThat(page.path("changes").findValuesAsText("id")).contains(entity.path("data").path("id").asText());
    }

    // --- faults -------------------------------------------------------------------------------------------

    @Test
    void aScheduledServerErrorIs500OnceThenTheFeedAnswersAgain() throws Exception {
        server.faults().next(FaultPlan.Fault.SERVER_ERROR, 1);

        HttpResponse<String> failed = get("/courses/" + COURSE + "/changes?limit=10");
        HttpResponse<String> next = get("/courses/" + COURSE + "/changes?limit=10");

        assertThat(failed.statusCode()).isEqualTo(500);
        assertProblem(failed, 500);
        assertThat(next.statusCode()).isEqualTo(200);
    }

    @Test
    void aScheduledRateLimitIs429WithRetryAfter() throws Exception {
        server.faults().next(FaultPlan.Fault.RATE_LIMIT, 1);

        HttpResponse<String> response = get("/courses/" + COURSE + "/changes?limit=10");

        assertThat(response.statusCode()).isEqualTo(429);
        assertThat(response.headers().firstValue("Retry-After")).hasValue(
                String.valueOf(server.faults().retryAfterSeconds()));
        assertThat(Integer.parseInt(response.headers().firstValue("Retry-After").orElseThrow())).isNotNegative();
        assertProblem(response, 429);
    }

    @Test
    void aRateLimitCarriesTheConfiguredRetryAfter() throws Exception {
        server.faults().rateLimits(0, 7).next(FaultPlan.Fault.RATE_LIMIT, 1);

        HttpResponse<String> response = get("/courses/" + COURSE + "/changes?limit=10");

        assertThat(response.statusCode()).isEqualTo(429);
        assertThat(response.headers().firstValue("Retry-After")).hasValue("7");
    }

    @Test
    void truncatedJsonIsA200WhoseBodyDoesNotParse() throws Exception {
        server.faults().next(FaultPlan.Fault.TRUNCATED_JSON, 1);

        HttpResponse<String> response = get("/courses/" + COURSE + "/changes?limit=100");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).startsWith("{\"changes\":[");
        assertThatThrownBy(() -> JSON.readTree(response.body())).isInstanceOf(IOException.class);
        assertThat(JSON.readTree(get("/courses/" + COURSE + "/changes?limit=100").body()).path("changes")).hasSize(100);
    }

    @Test
    void aConnectionDroppedMidBodyIsAnIOExceptionForTheClient() throws Exception {
        server.faults().next(FaultPlan.Fault.DROP_MID_BODY, 1);

        assertThatThrownBy(() -> get("/courses/" + COURSE + "/changes?limit=100")).isInstanceOf(IOException.class);
        assertThat(get("/courses/" + COURSE + "/changes?limit=100").statusCode()).isEqualTo(200);
    }

    @Test
    void anUnreachableServerRefusesConnectionsAndServesAgainOnTheSamePort() throws Exception {
        String cursor = page("/courses/" + COURSE + "/changes?limit=10").path("cursor").asText();
        int port = server.port();

        server.setReachable(false);
        HttpClient fresh = newClient();
        assertThatThrownBy(() -> fresh.send(authorised("/me").build(), HttpResponse.BodyHandlers.ofString()))
                .isInstanceOf(ConnectException.class);

        server.setReachable(true);
        assertThat(server.port()).isEqualTo(port);
        assertThat(server.baseUri().getPort()).isEqualTo(port);
        HttpResponse<String> response = newClient().send(authorised("/courses/" + COURSE + "/changes?limit=10&cursor="
                + cursor).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as("the same courses and cursors as before").isEqualTo(200);
        assertThat(JSON.readTree(response.body()).path("changes")).hasSize(10);
    }

    // --- helpers --------------------------------------------------------------------------------------------

    private static HttpClient newClient() {
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
    }

    private URI uri(String path) {
        return URI.create(server.baseUri() + path);
    }

    private HttpRequest.Builder authorised(String path) {
        return HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(10))
                .header("Authorization", "Bearer " + server.token());
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return client.send(authorised(path).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private JsonNode page(String path) throws IOException, InterruptedException {
        HttpResponse<String> response = get(path);
        assertThat(response.statusCode()).as(path).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    /** Every change of a pass without cursor, following the cursors while hasMore. */
    private List<JsonNode> fullPass(int limit, List<JsonNode> pages) throws IOException, InterruptedException {
        List<JsonNode> changes = new ArrayList<>();
        String cursor = null;
        for (int i = 0; i < 10_000; i++) {
            JsonNode page = page("/courses/" + COURSE + "/changes?limit=" + limit + (cursor == null ? "" : "&cursor=" + cursor));
            pages.add(page);
            page.path("changes").forEach(changes::add);
            cursor = page.path("cursor").asText();
            if (!page.path("hasMore").asBoolean()) {
                return changes;
            }
        }
        throw new AssertionError("the feed never ended");
    }

    private String lastCursor() throws IOException, InterruptedException {
        List<JsonNode> pages = new ArrayList<>();
        fullPass(5000, pages);
        return pages.get(pages.size() - 1).path("cursor").asText();
    }

    private DiscussionThread anyThread() {
        return server.course(COURSE).threads().stream().filter(t -> !t.locked())
                .filter(t -> !server.course(COURSE).postsOf(t.id()).isEmpty())
                .min(java.util.Comparator.comparing(DiscussionThread::id)).orElseThrow();
    }

    private static String action(UUID id, String type, String target, Integer baseVersion, Map<String, String> payload) {
        ObjectNode body = JSON.createObjectNode()
                .put("id", id.toString())
                .put("type", type)
                .put("targetId", target)
                .put("createdAt", Instant.now().toString());
        if (baseVersion == null) {
            body.putNull("baseVersion");
        } else {
            body.put("baseVersion", baseVersion);
        }
        ObjectNode p = body.putObject("payload");
        payload.forEach(p::put);
        return body.toString();
    }

    private HttpRequest actionRequest(String courseId, String key, String body) {
        return authorised("/courses/" + courseId + "/actions")
                .header("Idempotency-Key", key)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }

    private HttpResponse<String> postAction(String courseId, String key, String body)
            throws IOException, InterruptedException {
        return client.send(actionRequest(courseId, key, body), HttpResponse.BodyHandlers.ofString());
    }

    /** Checks an RFC 9457 problem answer and returns its body. */
    private static JsonNode assertProblem(HttpResponse<String> response, int status) throws IOException {
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        JsonNode problem = JSON.readTree(response.body());
        assertThat(fieldNames(problem)).contains("type", "title", "status", "detail");
        assertThat(problem.path("status").asInt()).isEqualTo(status);
        assertThat(problem.path("title").asText()).isNotBlank();
        assertThat(problem.path("detail").asText()).isNotBlank();
        return problem;
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
