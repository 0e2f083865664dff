package nl.sociallearning.workstation.sync.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import mockwebserver3.MockResponse;
import mockwebserver3.MockResponseBody;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;
import nl.sociallearning.workstation.domain.ActionType;
import nl.sociallearning.workstation.domain.ActivityEvent;
import nl.sociallearning.workstation.domain.ActivityType;
import nl.sociallearning.workstation.domain.Approval;
import nl.sociallearning.workstation.domain.Audience;
import nl.sociallearning.workstation.domain.Change;
import nl.sociallearning.workstation.domain.Course;
import nl.sociallearning.workstation.domain.DiscussionThread;
import nl.sociallearning.workstation.domain.EntityKind;
import nl.sociallearning.workstation.domain.ModerationAction;
import nl.sociallearning.workstation.domain.Participant;
import nl.sociallearning.workstation.domain.ParticipantRole;
import nl.sociallearning.workstation.domain.Post;
import nl.sociallearning.workstation.domain.UserIdentity;
import nl.sociallearning.workstation.sync.ActionOutcome;
import nl.sociallearning.workstation.sync.PullRequest;
import nl.sociallearning.workstation.sync.PullResult;
import nl.sociallearning.workstation.sync.ServerAddress;
import nl.sociallearning.workstation.sync.SyncException;
import nl.sociallearning.workstation.sync.SyncException.Kind;
import nl.sociallearning.workstation.sync.TransferListener;
import okhttp3.HttpUrl;
import okio.BufferedSink;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** The Course Sync API connector against a scripted HTTP server: parsing, errors, actions, streaming. */
class CourseSyncApiConnectorTest {

    static final String COURSE = "kinderzorg";
    static final String TOKEN = "s3cret-token";
    static final ObjectMapper JSON = new ObjectMapper();

    MockWebServer server;
    CourseSyncApiConnector connector;
    List<Change> received;

    @BeforeEach
    void setUp() throws Exception {
        server = new MockWebServer();
        server.start();
        connector = new CourseSyncApiConnector(ServerAddress.of(server.url("/api/v1").toString()), TOKEN);
        received = new CopyOnWriteArrayList<>();
    }

    @AfterEach
    void tearDown() {
        connector.close();
        server.close();
    }

    // --- the change feed: parsing ------------------------------------------------------------------------

    @Test
    void aPageWithEveryKindOfChangeIsParsedInOrderWithItsValues() throws Exception {
        // Fields in an unusual order (data before kind, cursor before changes) and members the client
        // does not know, on every level: the client must read them all the same.
        enqueueJson(200, """
                {
                  "cursor": "Y3M6MTI5Mw",
                  "serverTime": "2026-11-20T11:21:00Z",
                  "links": {"self": "/x", "more": ["a", {"b": 1}]},
                  "changes": [
                    {"data": {"id": "u-1042", "displayName": "Anouk de Vries", "role": "participant",
                              "group": "Werkvoorbereiding", "enrolledAt": "2026-08-25T09:12:00Z",
                              "avatarUrl": "https://example.org/a.png"},
                     "op": "upsert", "kind": "participant", "seq": 118, "origin": {"node": 3}},
                    {"seq": 1012, "kind": "thread", "op": "upsert",
                     "data": {"version": 3, "pinned": true, "locked": false,
                              "lastActivityAt": "2026-11-20T10:04:00Z", "createdAt": "2026-11-19T14:30:00Z",
                              "authorId": "u-1042", "module": "Module 2 - Plannen",
                              "title": "Hoe plan je een verbouwing met bewoners?", "id": "t-311", "tags": ["x"]}},
                    {"kind": "post", "seq": 1291, "data": {"id": "m-5524", "threadId": "t-311", "parentId": "m-5521",
                              "authorId": "u-1077", "createdAt": "2026-11-20T11:02:00Z",
                              "editedAt": "2026-11-20T11:05:00Z", "bodyHtml": "<p>Dit hoort hier niet.</p>",
                              "hidden": true, "deleted": true, "approval": "pending", "flagCount": 2, "version": 3,
                              "reactions": {"like": 4}},
                     "op": "upsert"},
                    {"seq": 1292, "kind": "post", "op": "delete", "data": {"id": "m-5519"}},
                    {"op": "upsert", "data": {"id": "a-90001", "participantId": "u-1042",
                              "at": "2026-11-20T11:20:00Z", "type": "view", "threadId": "t-311"},
                     "kind": "activity", "seq": 1293}
                  ],
                  "hasMore": true,
                  "remaining": 42
                }
                """);

        PullResult result = connector.pull(new PullRequest(COURSE, "Y3M6MTI4OQ", 250, Duration.ZERO, null),
                received::add, TransferListener.NONE);

        assertThat(result.cursor()).isEqualTo("Y3M6MTI5Mw");
        assertThat(result.hasMore()).isTrue();
        assertThat(result.remaining()).isEqualTo(OptionalLong.of(42));
        assertThat(received).containsExactly(
                new Change.ParticipantUpsert(new Participant(COURSE, "u-1042", "Anouk de Vries",
                        ParticipantRole.PARTICIPANT, "Werkvoorbereiding", Instant.parse("2026-08-25T09:12:00Z"))),
                new Change.ThreadUpsert(new DiscussionThread(COURSE, "t-311", "Hoe plan je een verbouwing met bewoners?",
                        "Module 2 - Plannen", "u-1042", Instant.parse("2026-11-19T14:30:00Z"),
                        Instant.parse("2026-11-20T10:04:00Z"), false, true, 3)),
                new Change.PostUpsert(new Post(COURSE, "m-5524", "t-311", "m-5521", "u-1077",
                        Instant.parse("2026-11-20T11:02:00Z"), Instant.parse("2026-11-20T11:05:00Z"),
                        "<p>Dit hoort hier niet.</p>", true, true, Approval.PENDING, 2, 3)),
                new Change.Removal(EntityKind.POST, "m-5519"),
                new Change.ActivityUpsert(new ActivityEvent(COURSE, "a-90001", "u-1042",
                        Instant.parse("2026-11-20T11:20:00Z"), ActivityType.VIEW, "t-311")));
    }

    @Test
    void optionalFieldsMayBeNullOrAbsentAndAPageMayOmitRemaining() throws Exception {
        enqueueJson(200, """
                {"changes": [
                   {"seq": 1, "kind": "participant", "op": "upsert",
                    "data": {"id": "mod-1", "displayName": "Demo Moderator", "role": "moderator", "group": null}},
                   {"seq": 2, "kind": "post", "op": "upsert",
                    "data": {"id": "m-1", "threadId": "t-1", "createdAt": "2026-11-19T14:30:00Z"}}
                 ],
                 "cursor": "c2", "hasMore": false}
                """);

        PullResult result = connector.pull(request(null), received::add, TransferListener.NONE);

        assertThat(result).isEqualTo(new PullResult("c2", false, OptionalLong.empty()));
        assertThat(received).containsExactly(
                new Change.ParticipantUpsert(new Participant(COURSE, "mod-1", "Demo Moderator",
                        ParticipantRole.MODERATOR, null, null)),
                new Change.PostUpsert(new Post(COURSE, "m-1", "t-1", null, null, Instant.parse("2026-11-19T14:30:00Z"),
                        null, "", false, false, Approval.APPROVED, 0, 1)));
    }

    @Test
    void anEmptyLongPollAnswerIsAnEmptyPage() throws Exception {
        enqueueJson(200, "{\"changes\":[],\"cursor\":\"same\",\"hasMore\":false}");

        PullResult result = connector.pull(new PullRequest(COURSE, "same", 100, Duration.ofSeconds(20), null),
                received::add, TransferListener.NONE);

        assertThat(result.cursor()).isEqualTo("same");
        assertThat(result.hasMore()).isFalse();
        assertThat(received).isEmpty();
    }

    @Test
    void thePullRequestCarriesTheTokenLimitCursorAndWait() throws Exception {
        enqueueJson(200, "{\"changes\":[],\"cursor\":\"next\",\"hasMore\":false}");
        String cursor = "a+b/c=d e&f";

        connector.pull(new PullRequest("zorg-in-de-wijk", cursor, 250, Duration.ofSeconds(20), null),
                received::add, TransferListener.NONE);

        RecordedRequest request = server.takeRequest();
        assertThat(request.getMethod()).isEqualTo("GET");
        assertThat(request.getHeaders().get("Authorization")).isEqualTo("Bearer " + TOKEN);
        HttpUrl url = request.getUrl();
        assertThat(url.encodedPath()).isEqualTo("/api/v1/courses/zorg-in-de-wijk/changes");
        assertThat(url.queryParameter("limit")).isEqualTo("250");
        assertThat(url.queryParameter("cursor")).isEqualTo(cursor);
        assertThat(url.queryParameter("wait")).isEqualTo("20");
    }

    @Test
    void aFirstPullHasNoCursorAndNoWaitAndALongWaitIsCappedAtThirtySeconds() throws Exception {
        enqueueJson(200, "{\"changes\":[],\"cursor\":\"c\",\"hasMore\":false}");
        enqueueJson(200, "{\"changes\":[],\"cursor\":\"c\",\"hasMore\":false}");

        connector.pull(new PullRequest(COURSE, null, 1000, Duration.ZERO, null), received::add, TransferListener.NONE);
        connector.pull(new PullRequest(COURSE, "c", 1000, Duration.ofMinutes(2), null), received::add,
                TransferListener.NONE);

        HttpUrl first = server.takeRequest().getUrl();
        assertThat(first.queryParameterNames()).containsExactly("limit");
        assertThat(first.queryParameter("limit")).isEqualTo("1000");
        HttpUrl second = server.takeRequest().getUrl();
        assertThat(second.queryParameter("wait")).isEqualTo("30");
    }

    // --- the change feed: malformed answers ----------------------------------------------------------------

    @Test
    void truncatedJsonIsMalformedAndTheSinkSeesOnlyTheChangesBeforeTheCut() {
        String page = page(List.of(post("m-1", 1), post("m-2", 2), post("m-3", 3)), "c3", false);
        String cut = page.substring(0, page.indexOf("\"m-3\"") + 3);
        enqueueJson(200, cut);

        SyncException e = pullFails(Kind.MALFORMED);

        assertThat(e.getMessage()).contains("cut off or is not valid JSON");
        assertThat(ids(received)).containsExactly("m-1", "m-2");
    }

    @Test
    void aPageCutOffBetweenChangesIsMalformed() {
        String page = page(List.of(post("m-1", 1), post("m-2", 2)), "c2", false);
        enqueueJson(200, page.substring(0, page.indexOf("],\"cursor\"")));

        SyncException e = pullFails(Kind.MALFORMED);

        assertThat(e.getMessage()).contains("cut off");
        assertThat(ids(received)).containsExactly("m-1", "m-2");
    }

    @Test
    void anHtmlErrorPageWithStatus200IsMalformed() {
        server.enqueue(new MockResponse.Builder().code(200).setHeader("Content-Type", "text/html")
                .body("<html><body><h1>Bad gateway</h1></body></html>").build());

        SyncException e = pullFails(Kind.MALFORMED);

        assertThat(e.getMessage()).contains("not valid JSON");
        assertThat(e.retryable()).isTrue();
        assertThat(received).isEmpty();
    }

    @Test
    void anEmptyBodyIsMalformed() {
        enqueueJson(200, "");

        SyncException e = pullFails(Kind.MALFORMED);

        assertThat(e.getMessage()).contains("not a JSON object");
    }

    @Test
    void changesThatAreNotAnArrayAreMalformed() {
        enqueueJson(200, "{\"changes\":{\"seq\":1},\"cursor\":\"c\",\"hasMore\":false}");

        SyncException e = pullFails(Kind.MALFORMED);

        assertThat(e.getMessage()).contains("does not follow the protocol").contains("'changes' is not an array");
        assertThat(received).isEmpty();
    }

    @Test
    void anArrayOfChangesHoldingSomethingElseThanObjectsIsMalformed() {
        enqueueJson(200, "{\"changes\":[" + post("m-1", 1) + ",42],\"cursor\":\"c\",\"hasMore\":false}");

        SyncException e = pullFails(Kind.MALFORMED);

        assertThat(e.getMessage()).contains("'changes' holds something other than objects");
        assertThat(ids(received)).containsExactly("m-1");
    }

    @Test
    void aPostWithoutThreadIdIsMalformedAndNothingAfterItReachesTheSink() {
        String broken = "{\"seq\":2,\"kind\":\"post\",\"op\":\"upsert\",\"data\":{\"id\":\"m-2\","
                + "\"createdAt\":\"2026-11-20T10:00:00Z\"}}";
        enqueueJson(200, page(List.of(post("m-1", 1), broken, post("m-3", 3)), "c3", false));

        SyncException e = pullFails(Kind.MALFORMED);

        assertThat(e.getMessage()).contains("does not follow the protocol").contains("'threadId' is missing");
        assertThat(ids(received)).containsExactly("m-1");
    }

    @Test
    void aChangeWithoutDataIsMalformed() {
        enqueueJson(200, page(List.of(post("m-1", 1), "{\"seq\":2,\"kind\":\"post\",\"op\":\"upsert\"}"), "c", false));

        SyncException e = pullFails(Kind.MALFORMED);

        assertThat(e.getMessage()).contains("no data object");
        assertThat(ids(received)).containsExactly("m-1");
    }

    @Test
    void anUnknownKindIsMalformed() {
        String badge = "{\"seq\":2,\"kind\":\"badge\",\"op\":\"upsert\",\"data\":{\"id\":\"b-1\"}}";
        enqueueJson(200, page(List.of(post("m-1", 1), badge, post("m-3", 3)), "c3", false));

        SyncException e = pullFails(Kind.MALFORMED);

        assertThat(e.getMessage()).contains("kind").contains("badge");
        assertThat(ids(received)).containsExactly("m-1");
    }

    @Test
    void anUnknownOpIsMalformed() {
        String patch = "{\"seq\":2,\"kind\":\"post\",\"op\":\"patch\",\"data\":{\"id\":\"m-2\"}}";
        enqueueJson(200, page(List.of(patch, post("m-3", 3)), "c3", false));

        SyncException e = pullFails(Kind.MALFORMED);

        assertThat(e.getMessage()).contains("unknown change op 'patch'");
        assertThat(received).isEmpty();
    }

    @Test
    void aBadTimestampIsMalformedAndNamesTheField() {
        String bad = post("m-2", 2).replace("2026-11-20T10:00:00Z", "20-11-2026 10:00");
        enqueueJson(200, page(List.of(post("m-1", 1), bad), "c2", false));

        SyncException e = pullFails(Kind.MALFORMED);

        assertThat(e.getMessage()).contains("'createdAt'").contains("ISO-8601").contains("20-11-2026 10:00");
        assertThat(ids(received)).containsExactly("m-1");
    }

    @Test
    void anUnknownRoleIsMalformed() {
        String p = "{\"seq\":1,\"kind\":\"participant\",\"op\":\"upsert\",\"data\":{\"id\":\"u-1\","
                + "\"displayName\":\"X\",\"role\":\"overlord\"}}";
        enqueueJson(200, page(List.of(p), "c", false));

        SyncException e = pullFails(Kind.MALFORMED);

        assertThat(e.getMessage()).contains("'role'").contains("overlord");
    }

    @Test
    void aPageWithoutCursorIsMalformed() {
        enqueueJson(200, "{\"changes\":[" + post("m-1", 1) + "],\"hasMore\":false}");

        SyncException e = pullFails(Kind.MALFORMED);

        assertThat(e.getMessage()).contains("the page has no cursor");
    }

    @Test
    void aPageWithoutHasMoreIsMalformed() {
        enqueueJson(200, "{\"changes\":[],\"cursor\":\"c\"}");

        SyncException e = pullFails(Kind.MALFORMED);

        assertThat(e.getMessage()).contains("the page has no hasMore");
    }

    @Test
    void aPageThatIsAnArrayIsMalformed() {
        enqueueJson(200, "[" + post("m-1", 1) + "]");

        SyncException e = pullFails(Kind.MALFORMED);

        assertThat(e.getMessage()).contains("not a JSON object");
        assertThat(received).isEmpty();
    }

    // --- HTTP errors ------------------------------------------------------------------------------------------

    @Test
    void status401MeansTheTokenWasNotAccepted() {
        enqueueProblem(401, "The access token has expired.", Map.of("WWW-Authenticate", "Bearer"));

        SyncException e = pullFails(Kind.UNAUTHORIZED);

        assertThat(e.getMessage()).contains("token").contains("The access token has expired.");
        assertThat(e.retryable()).isFalse();
        assertThat(e.meansOffline()).isFalse();
    }

    @Test
    void status403MeansTheAccountMayNotDoThis() {
        enqueueProblem(403, "User mod-1 may not moderate course kinderzorg.", Map.of());

        SyncException e = pullFails(Kind.FORBIDDEN);

        assertThat(e.getMessage()).contains("may not").contains("User mod-1 may not moderate course kinderzorg.");
        assertThat(e.retryable()).isFalse();
    }

    @Test
    void status404MeansTheServerDoesNotKnowIt() {
        enqueueProblem(404, "No course 'kinderzorg'.", Map.of());

        SyncException e = pullFails(Kind.NOT_FOUND);

        assertThat(e.getMessage()).contains("does not know").contains("No course 'kinderzorg'.");
    }

    @Test
    void status410MeansTheCursorExpired() {
        server.enqueue(new MockResponse.Builder().code(410).setHeader("Content-Type", "application/problem+json")
                .body("{\"type\":\"https://sociallearning.nl/problems/cursor-expired\",\"title\":\"Cursor expired\","
                        + "\"status\":410,\"detail\":\"Start again without a cursor.\"}").build());

        SyncException e = pullFails(Kind.CURSOR_EXPIRED);

        assertThat(e.getMessage()).contains("from the start");
        assertThat(e.retryable()).isTrue();
    }

    @Test
    void status429IsRateLimitedWithTheServersRetryAfter() {
        enqueueProblem(429, "At most 120 requests per minute per token.", Map.of("Retry-After", "7"));

        SyncException e = pullFails(Kind.RATE_LIMITED);

        assertThat(e.retryAfter()).contains(Duration.ofSeconds(7));
        assertThat(e.getMessage()).contains("slow down").contains("7 s");
        assertThat(e.retryable()).isTrue();
    }

    @Test
    void status429WithoutRetryAfterHasNone() {
        enqueueProblem(429, "Slow down.", Map.of());

        SyncException e = pullFails(Kind.RATE_LIMITED);

        assertThat(e.retryAfter()).isEmpty();
    }

    @Test
    void status503IsAServerErrorWithRetryAfter() {
        enqueueProblem(503, "Scheduled maintenance until 06:00 UTC.", Map.of("Retry-After", "120"));

        SyncException e = pullFails(Kind.SERVER_ERROR);

        assertThat(e.retryAfter()).contains(Duration.ofSeconds(120));
        assertThat(e.getMessage()).contains("503").contains("Scheduled maintenance until 06:00 UTC.");
    }

    @Test
    void status500ShowsTheProblemsDetail() {
        enqueueProblem(500, "Database connection pool exhausted.", Map.of());

        SyncException e = pullFails(Kind.SERVER_ERROR);

        assertThat(e.getMessage()).contains("500").contains("Database connection pool exhausted.");
        assertThat(e.retryAfter()).isEmpty();
        assertThat(e.retryable()).isTrue();
    }

    @Test
    void a502FromAProxyWithAnHtmlBodyStillGivesAClearMessage() {
        server.enqueue(new MockResponse.Builder().code(502).setHeader("Content-Type", "text/html")
                .body("<html>Bad Gateway</html>").build());

        SyncException e = pullFails(Kind.SERVER_ERROR);

        assertThat(e.getMessage()).contains("HTTP 502");
    }

    @Test
    void anOther4xxIsARefusalThatIsNotRetried() {
        enqueueProblem(400, "limit must be between 1 and 5000, got 10000.", Map.of());

        SyncException e = pullFails(Kind.REFUSED);

        assertThat(e.getMessage()).contains("400").contains("limit must be between 1 and 5000, got 10000.");
        assertThat(e.retryable()).isFalse();
    }

    // --- the network ------------------------------------------------------------------------------------------

    @Test
    void aConnectionDroppedMidBodyIsInterrupted() {
        List<String> changes = new ArrayList<>();
        for (int i = 1; i <= 2000; i++) {
            changes.add(post("m-" + i, i));
        }
        server.enqueue(new MockResponse.Builder().code(200).setHeader("Content-Type", "application/json")
                .body(page(changes, "c", false))
                .onResponseBody(new SocketEffect.CloseSocket())
                .build());

        SyncException e = pullFails(Kind.INTERRUPTED);

        assertThat(e.getMessage()).contains("broke off");
        assertThat(e.retryable()).isTrue();
        assertThat(e.meansOffline()).isFalse();
        assertThat(received).hasSizeLessThan(2000);
    }

    @Test
    void aRefusedConnectionMeansOffline() {
        String address = server.url("/api/v1").toString();
        server.close();

        SyncException e = pullFails(Kind.OFFLINE);

        assertThat(e.meansOffline()).isTrue();
        assertThat(e.retryable()).isTrue();
        assertThat(e.getMessage()).contains("Cannot reach").contains(address.replaceAll("/$", ""))
                .contains("offline");
    }

    @Test
    void aServerThatDoesNotAnswerInTimeMeansOffline() {
        connector.close();
        connector = new CourseSyncApiConnector(ServerAddress.of(server.url("/api/v1").toString()), TOKEN,
                new okhttp3.OkHttpClient.Builder().readTimeout(Duration.ofMillis(300))
                        .retryOnConnectionFailure(false).build());
        server.enqueue(new MockResponse.Builder().code(200).headersDelay(2, TimeUnit.SECONDS)
                .body("{\"changes\":[],\"cursor\":\"c\",\"hasMore\":false}").build());

        SyncException e = pullFails(Kind.OFFLINE);

        assertThat(e.getMessage()).contains("does not answer");
    }

    @Test
    void cancellingAPullInProgressStopsIt() {
        List<String> changes = new ArrayList<>();
        for (int i = 1; i <= 5000; i++) {
            changes.add(post("m-" + i, i));
        }
        server.enqueue(new MockResponse.Builder().code(200).setHeader("Content-Type", "application/json")
                .body(page(changes, "c", false))
                .throttleBody(16 * 1024, 20, TimeUnit.MILLISECONDS)
                .build());

        SyncException e = catchThrowableOfType(SyncException.class, () -> connector.pull(request(null), change -> {
            if (received.isEmpty()) {
                connector.cancel(COURSE);
            }
            received.add(change);
        }, TransferListener.NONE));

        assertThat(e).isNotNull();
        assertThat(e.kind()).isEqualTo(Kind.CANCELLED);
        assertThat(e.getMessage()).contains("Stopped by the user");
        assertThat(e.retryable()).isFalse();
        assertThat(received).hasSizeLessThan(5000);
    }

    // --- streaming ------------------------------------------------------------------------------------------

    @Test
    void aLargePageIsParsedWhileItStreamsIn() throws Exception {
        int count = 20_000;
        List<String> changes = new ArrayList<>(count);
        for (int i = 1; i <= count; i++) {
            changes.add(post("m-" + i, i));
        }
        byte[] body = page(changes, "c-end", false).getBytes(StandardCharsets.UTF_8);
        // The server sends the first quarter, then holds the rest back until the sink has seen a change: a
        // connector that waits for the whole body before parsing cannot pass.
        CountDownLatch firstChangeSeen = new CountDownLatch(1);
        AtomicBoolean restHeldBackUntilThen = new AtomicBoolean();
        server.enqueue(new MockResponse.Builder().code(200).setHeader("Content-Type", "application/json")
                .body(new MockResponseBody() {
                    @Override
                    public long getContentLength() {
                        return body.length;
                    }

                    @Override
                    public void writeTo(BufferedSink sink) throws IOException {
                        sink.write(body, 0, body.length / 4);
                        sink.flush();
                        try {
                            restHeldBackUntilThen.set(firstChangeSeen.await(2, TimeUnit.SECONDS));
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                        sink.write(body, body.length / 4, body.length - body.length / 4);
                        sink.flush();
                    }
                }).build());
        List<Long> progress = new ArrayList<>();
        AtomicLong bytesAtFirstChange = new AtomicLong(-1);

        PullResult result = connector.pull(request(null), change -> {
            if (received.isEmpty()) {
                bytesAtFirstChange.set(progress.isEmpty() ? 0 : progress.get(progress.size() - 1));
                firstChangeSeen.countDown();
            }
            received.add(change);
        }, progress::add);

        assertThat(restHeldBackUntilThen).as("the sink saw a change before the whole page had arrived").isTrue();
        assertThat(bytesAtFirstChange.get()).isBetween(1L, (long) body.length / 4);
        assertThat(result.cursor()).isEqualTo("c-end");
        assertThat(received).hasSize(count);
        assertThat(received.get(0).entityId()).isEqualTo("m-1");
        assertThat(received.get(count - 1).entityId()).isEqualTo("m-" + count);
        assertThat(progress).isNotEmpty().isSorted().doesNotHaveDuplicates();
        assertThat(progress.get(progress.size() - 1)).isEqualTo(body.length);
    }

    @Test
    void aThrottledPageReportsItsBytesAsTheyArrive() throws Exception {
        List<String> changes = new ArrayList<>();
        for (int i = 1; i <= 2000; i++) {
            changes.add(post("m-" + i, i));
        }
        byte[] body = page(changes, "c", false).getBytes(StandardCharsets.UTF_8);
        server.enqueue(new MockResponse.Builder().code(200).setHeader("Content-Type", "application/json")
                .body(new okio.Buffer().write(body)).throttleBody(body.length / 10, 20, TimeUnit.MILLISECONDS).build());
        List<Long> progress = new ArrayList<>();

        connector.pull(request(null), received::add, progress::add);

        assertThat(received).hasSize(2000);
        assertThat(progress).hasSizeGreaterThanOrEqualTo(10).isSorted().doesNotHaveDuplicates();
        assertThat(progress.get(0)).isPositive();
        assertThat(progress.get(progress.size() - 1)).isEqualTo(body.length);
    }

    // --- thread snapshots --------------------------------------------------------------------------------

    @Test
    void aThreadSnapshotGivesItsAuthorsTheThreadAndItsPosts() throws Exception {
        enqueueJson(200, """
                {"thread": {"id": "t-312", "title": "Voorstelronde", "module": null, "authorId": "mod-1",
                            "createdAt": "2026-09-01T07:00:00Z", "lastActivityAt": "2026-09-02T07:00:00Z",
                            "locked": false, "pinned": true, "version": 2},
                 "posts": [
                   {"id": "m-6000", "threadId": "t-312", "parentId": null, "authorId": "mod-1",
                    "createdAt": "2026-09-01T07:00:00Z", "editedAt": null, "bodyHtml": "<p>Stel je voor!</p>",
                    "hidden": false, "deleted": false, "approval": "approved", "flagCount": 0, "version": 1},
                   {"id": "m-6001", "threadId": "t-312", "parentId": "m-6000", "authorId": "u-1",
                    "createdAt": "2026-09-02T07:00:00Z", "editedAt": null, "bodyHtml": "<p>Hoi</p>",
                    "hidden": true, "deleted": false, "approval": "rejected", "flagCount": 1, "version": 4}
                 ],
                 "participants": [
                   {"id": "mod-1", "displayName": "Demo Moderator", "role": "moderator", "group": null,
                    "enrolledAt": "2026-08-20T08:00:00Z"},
                   {"id": "u-1", "displayName": "Anouk", "role": "participant", "group": "Zorg",
                    "enrolledAt": "2026-08-21T08:00:00Z"}
                 ]}
                """);

        List<Change> changes = connector.thread(COURSE, "t-312");

        RecordedRequest request = server.takeRequest();
        assertThat(request.getUrl().encodedPath()).isEqualTo("/api/v1/courses/kinderzorg/threads/t-312");
        assertThat(request.getHeaders().get("Authorization")).isEqualTo("Bearer " + TOKEN);
        assertThat(changes).containsExactly(
                new Change.ParticipantUpsert(new Participant(COURSE, "mod-1", "Demo Moderator",
                        ParticipantRole.MODERATOR, null, Instant.parse("2026-08-20T08:00:00Z"))),
                new Change.ParticipantUpsert(new Participant(COURSE, "u-1", "Anouk", ParticipantRole.PARTICIPANT,
                        "Zorg", Instant.parse("2026-08-21T08:00:00Z"))),
                new Change.ThreadUpsert(new DiscussionThread(COURSE, "t-312", "Voorstelronde", null, "mod-1",
                        Instant.parse("2026-09-01T07:00:00Z"), Instant.parse("2026-09-02T07:00:00Z"), false, true, 2)),
                new Change.PostUpsert(new Post(COURSE, "m-6000", "t-312", null, "mod-1",
                        Instant.parse("2026-09-01T07:00:00Z"), null, "<p>Stel je voor!</p>", false, false,
                        Approval.APPROVED, 0, 1)),
                new Change.PostUpsert(new Post(COURSE, "m-6001", "t-312", "m-6000", "u-1",
                        Instant.parse("2026-09-02T07:00:00Z"), null, "<p>Hoi</p>", true, false,
                        Approval.REJECTED, 1, 4)));
    }

    @Test
    void anUnknownThreadIsNotFound() {
        enqueueProblem(404, "Thread t-999 does not exist in course kinderzorg.", Map.of());

        SyncException e = catchThrowableOfType(SyncException.class, () -> connector.thread(COURSE, "t-999"));

        assertThat(e.kind()).isEqualTo(Kind.NOT_FOUND);
        assertThat(e.getMessage()).contains("Thread t-999 does not exist");
    }

    @Test
    void aThreadSnapshotWithoutThreadIsMalformed() {
        enqueueJson(200, "{\"posts\":[],\"participants\":[]}");

        SyncException e = catchThrowableOfType(SyncException.class, () -> connector.thread(COURSE, "t-1"));

        assertThat(e.kind()).isEqualTo(Kind.MALFORMED);
        assertThat(e.getMessage()).contains("does not follow the protocol");
    }

    // --- account ----------------------------------------------------------------------------------------

    @Test
    void meAndCoursesAreRead() throws Exception {
        enqueueJson(200, "{\"id\":\"mod-1\",\"displayName\":\"Demo Moderator\",\"roles\":[{\"courseId\":\"kinderzorg\","
                + "\"role\":\"moderator\"}]}");
        enqueueJson(200, """
                {"courses": [
                  {"id": "vakmanschap", "title": "Vakmanschap in de praktijk", "organisation": "Bouwbedrijf Van Dijk",
                   "audience": "employer", "startsAt": "2026-09-01T07:00:00Z", "endsAt": "2026-12-18T16:00:00Z",
                   "timeZone": "Europe/Amsterdam", "participantCount": 148},
                  {"id": "zorg", "title": "Zorg in de wijk", "organisation": null, "audience": "education",
                   "startsAt": null, "endsAt": null, "timeZone": "Europe/Brussels", "participantCount": 62}
                ]}
                """);

        UserIdentity me = connector.me();
        List<Course> courses = connector.courses();

        assertThat(me).isEqualTo(new UserIdentity("mod-1", "Demo Moderator"));
        assertThat(courses).containsExactly(
                new Course("vakmanschap", "Vakmanschap in de praktijk", "Bouwbedrijf Van Dijk", Audience.EMPLOYER,
                        Instant.parse("2026-09-01T07:00:00Z"), Instant.parse("2026-12-18T16:00:00Z"),
                        ZoneId.of("Europe/Amsterdam"), 148),
                new Course("zorg", "Zorg in de wijk", null, Audience.EDUCATION, null, null,
                        ZoneId.of("Europe/Brussels"), 62));
        assertThat(server.takeRequest().getUrl().encodedPath()).isEqualTo("/api/v1/me");
        assertThat(server.takeRequest().getUrl().encodedPath()).isEqualTo("/api/v1/courses");
    }

    @Test
    void aCourseWithAnUnknownAudienceIsMalformed() {
        enqueueJson(200, "{\"courses\":[{\"id\":\"x\",\"title\":\"X\",\"audience\":\"aliens\"}]}");

        SyncException e = catchThrowableOfType(SyncException.class, () -> connector.courses());

        assertThat(e.kind()).isEqualTo(Kind.MALFORMED);
        assertThat(e.getMessage()).contains("audience").contains("aliens");
    }

    @Test
    void aMeAnswerWithoutDisplayNameIsMalformed() {
        enqueueJson(200, "{\"id\":\"mod-1\",\"roles\":[]}");

        assertThatThrownBy(() -> connector.me())
                .isInstanceOfSatisfying(SyncException.class, e -> {
                    assertThat(e.kind()).isEqualTo(Kind.MALFORMED);
                    assertThat(e.getMessage()).contains("displayName");
                });
    }

    // --- actions --------------------------------------------------------------------------------------------

    @Test
    void anActionIsPostedWithItsIdAsIdempotencyKeyAndTheProtocolsBody() throws Exception {
        enqueueJson(200, "{\"status\":\"applied\",\"entity\":{\"kind\":\"triage\",\"data\":{\"threadId\":\"t-311\","
                + "\"state\":\"SNOOZED\",\"assignee\":\"mod-1\",\"snoozedUntil\":\"2026-11-23T08:00:00Z\"}}}");
        ModerationAction action = new ModerationAction(UUID.fromString("6f7a8b9c-0d1e-4f2a-b3c4-d5e6f7a8b9c0"), COURSE,
                "mod-1", ActionType.SET_TRIAGE, "t-311", null,
                Map.of("state", "SNOOZED", "assignee", "mod-1", "snoozedUntil", "2026-11-23T08:00:00Z"),
                Instant.parse("2026-11-20T11:36:00Z"));

        ActionOutcome outcome = connector.send(action);

        assertThat(outcome).isEqualTo(new ActionOutcome.Applied(List.of(), false));
        RecordedRequest request = server.takeRequest();
        assertThat(request.getMethod()).isEqualTo("POST");
        assertThat(request.getUrl().encodedPath()).isEqualTo("/api/v1/courses/kinderzorg/actions");
        assertThat(request.getHeaders().get("Idempotency-Key")).isEqualTo("6f7a8b9c-0d1e-4f2a-b3c4-d5e6f7a8b9c0");
        assertThat(request.getHeaders().get("Authorization")).isEqualTo("Bearer " + TOKEN);
        assertThat(request.getHeaders().get("Content-Type")).startsWith("application/json");
        JsonNode body = JSON.readTree(request.getBody().utf8());
        assertThat(body.path("id").asText()).isEqualTo("6f7a8b9c-0d1e-4f2a-b3c4-d5e6f7a8b9c0");
        assertThat(body.path("type").asText()).isEqualTo("setTriage");
        assertThat(body.path("targetId").asText()).isEqualTo("t-311");
        assertThat(body.has("baseVersion")).as("baseVersion is present").isTrue();
        assertThat(body.get("baseVersion").isNull()).as("baseVersion is null").isTrue();
        assertThat(JSON.convertValue(body.path("payload"), Map.class)).isEqualTo(
                Map.of("state", "SNOOZED", "assignee", "mod-1", "snoozedUntil", "2026-11-23T08:00:00Z"));
        assertThat(body.path("createdAt").asText()).isEqualTo("2026-11-20T11:36:00Z");
        assertThat(body.has("actorId")).as("the actor is known from the token, not sent").isFalse();
    }

    @Test
    void anActionWithABaseVersionSendsItAsANumberAndAnEmptyPayloadAsAnObject() throws Exception {
        enqueueJson(200, "{\"status\":\"applied\",\"entity\":" + threadEntity(5, true) + "}");
        ModerationAction lock = action(ActionType.LOCK, "t-311", 4, Map.of());

        connector.send(lock);

        JsonNode body = JSON.readTree(server.takeRequest().getBody().utf8());
        assertThat(body.get("baseVersion").isInt()).isTrue();
        assertThat(body.get("baseVersion").asInt()).isEqualTo(4);
        assertThat(body.get("type").asText()).isEqualTo("lock");
        assertThat(body.get("payload").isObject()).isTrue();
        assertThat(body.get("payload").size()).isZero();
    }

    @Test
    void anAppliedActionCarriesTheEntityAsAChange() throws Exception {
        enqueueJson(200, """
                {"status": "applied", "entity": {"data": {"id": "m-5531", "threadId": "t-311", "parentId": "m-5520",
                  "authorId": "mod-1", "createdAt": "2026-11-20T11:40:12Z", "editedAt": null,
                  "bodyHtml": "<p>Dank voor het delen!</p>", "hidden": false, "deleted": false,
                  "approval": "approved", "flagCount": 0, "version": 1}, "kind": "post"}}
                """);

        ActionOutcome outcome = connector.send(action(ActionType.REPLY, "m-5520", null,
                Map.of("bodyHtml", "<p>Dank voor het delen!</p>")));

        assertThat(outcome).isEqualTo(new ActionOutcome.Applied(List.of(new Change.PostUpsert(new Post(COURSE,
                "m-5531", "t-311", "m-5520", "mod-1", Instant.parse("2026-11-20T11:40:12Z"), null,
                "<p>Dank voor het delen!</p>", false, false, Approval.APPROVED, 0, 1))), false));
    }

    @Test
    void aReplayedActionIsAppliedAsDuplicate() throws Exception {
        server.enqueue(new MockResponse.Builder().code(200).setHeader("Content-Type", "application/json")
                .setHeader("Idempotent-Replayed", "true")
                .body("{\"status\":\"duplicate\",\"entity\":" + threadEntity(6, true) + "}").build());

        ActionOutcome outcome = connector.send(action(ActionType.LOCK, "t-311", 5, Map.of()));

        assertThat(outcome).isInstanceOfSatisfying(ActionOutcome.Applied.class, applied -> {
            assertThat(applied.duplicate()).isTrue();
            assertThat(applied.serverState()).singleElement().isInstanceOfSatisfying(Change.ThreadUpsert.class,
                    t -> assertThat(t.thread().version()).isEqualTo(6));
        });
    }

    @Test
    void aConflictCarriesTheCurrentEntity() throws Exception {
        enqueueJson(409, "{\"status\":\"conflict\",\"current\":" + threadEntity(5, true) + "}");

        ActionOutcome outcome = connector.send(action(ActionType.PIN, "t-311", 3, Map.of()));

        assertThat(outcome).isInstanceOfSatisfying(ActionOutcome.Conflict.class, conflict -> {
            assertThat(conflict.serverState()).singleElement().isInstanceOfSatisfying(Change.ThreadUpsert.class, t -> {
                assertThat(t.thread().id()).isEqualTo("t-311");
                assertThat(t.thread().version()).isEqualTo(5);
                assertThat(t.thread().locked()).isTrue();
            });
            assertThat(conflict.detail()).contains("changed on the server").contains("version 5");
        });
    }

    @Test
    void aRejectionCarriesTheProblemsDetail() throws Exception {
        server.enqueue(new MockResponse.Builder().code(422).setHeader("Content-Type", "application/problem+json")
                .body("{\"type\":\"https://sociallearning.nl/problems/action-rejected\",\"title\":\"Action rejected\","
                        + "\"status\":422,\"detail\":\"Thread t-311 is locked; replies are not possible.\"}").build());

        ActionOutcome outcome = connector.send(action(ActionType.REPLY, "m-5520", null, Map.of("bodyHtml", "<p>x</p>")));

        assertThat(outcome).isEqualTo(new ActionOutcome.Rejected("Thread t-311 is locked; replies are not possible."));
        assertThat(outcome.serverState()).isEmpty();
    }

    @Test
    void aNoteAnswerHasNoServerStateForTheCache() throws Exception {
        enqueueJson(200, "{\"status\":\"applied\",\"entity\":{\"kind\":\"note\",\"data\":{\"id\":\"n-1\","
                + "\"targetId\":\"u-1077\",\"text\":\"Tweede keer off-topic\"}}}");

        ActionOutcome outcome = connector.send(action(ActionType.NOTE, "u-1077", null,
                Map.of("text", "Tweede keer off-topic")));

        assertThat(outcome).isEqualTo(new ActionOutcome.Applied(List.of(), false));
    }

    @Test
    void anActionRefusedForOtherReasonsIsASyncException() {
        enqueueProblem(429, "Slow down.", Map.of("Retry-After", "3"));

        SyncException e = catchThrowableOfType(SyncException.class,
                () -> connector.send(action(ActionType.HIDE, "m-1", 1, Map.of())));

        assertThat(e.kind()).isEqualTo(Kind.RATE_LIMITED);
        assertThat(e.retryAfter()).contains(Duration.ofSeconds(3));
    }

    @Test
    void anAppliedAnswerWithABrokenEntityIsMalformed() {
        enqueueJson(200, "{\"status\":\"applied\",\"entity\":{\"kind\":\"post\",\"data\":{\"id\":\"m-1\"}}}");

        SyncException e = catchThrowableOfType(SyncException.class,
                () -> connector.send(action(ActionType.HIDE, "m-1", 1, Map.of())));

        assertThat(e.kind()).isEqualTo(Kind.MALFORMED);
        assertThat(e.getMessage()).contains("threadId");
    }

    @Test
    void aCourseIdIsEncodedAsAPathSegment() throws Exception {
        enqueueJson(200, "{\"changes\":[],\"cursor\":\"c\",\"hasMore\":false}");

        connector.pull(new PullRequest("my course", null, 10, Duration.ZERO, null), received::add,
                TransferListener.NONE);

        assertThat(server.takeRequest().getUrl().pathSegments()).containsExactly("api", "v1", "courses", "my course",
                "changes");
    }

    // --- helpers ------------------------------------------------------------------------------------------

    private static PullRequest request(String cursor) {
        return new PullRequest(COURSE, cursor, 1000, Duration.ZERO, null);
    }

    private SyncException pullFails(Kind kind) {
        SyncException e = catchThrowableOfType(SyncException.class,
                () -> connector.pull(request("c0"), received::add, TransferListener.NONE));
        assertThat(e).as("pull fails with a SyncException").isNotNull();
        assertThat(e.kind()).isEqualTo(kind);
        assertThat(e.getMessage()).isNotBlank();
        return e;
    }

    private static ModerationAction action(ActionType type, String target, Integer baseVersion, Map<String, String> payload) {
        return new ModerationAction(UUID.randomUUID(), COURSE, "mod-1", type, target, baseVersion, payload,
                Instant.parse("2026-11-20T11:30:00Z"));
    }

    private void enqueueJson(int code, String body) {
        server.enqueue(new MockResponse.Builder().code(code).setHeader("Content-Type", "application/json")
                .body(body).build());
    }

    private void enqueueProblem(int code, String detail, Map<String, String> headers) {
        MockResponse.Builder b = new MockResponse.Builder().code(code)
                .setHeader("Content-Type", "application/problem+json")
                .body("{\"type\":\"about:blank\",\"title\":\"Error\",\"status\":" + code + ",\"detail\":\""
                        + detail + "\"}");
        headers.forEach(b::setHeader);
        server.enqueue(b.build());
    }

    private static String post(String id, long seq) {
        return "{\"seq\":" + seq + ",\"kind\":\"post\",\"op\":\"upsert\",\"data\":{\"id\":\"" + id + "\","
                + "\"threadId\":\"t-1\",\"parentId\":null,\"authorId\":\"u-1\",\"createdAt\":\"2026-11-20T10:00:00Z\","
                + "\"editedAt\":null,\"bodyHtml\":\"<p>Een bijdrage van enige lengte, zoals in een echte cursus.</p>\","
                + "\"hidden\":false,\"deleted\":false,\"approval\":\"approved\",\"flagCount\":0,\"version\":1}}";
    }

    private static String threadEntity(int version, boolean locked) {
        return "{\"kind\":\"thread\",\"data\":{\"id\":\"t-311\",\"title\":\"Hoe plan je een verbouwing?\","
                + "\"module\":\"Module 2\",\"authorId\":\"u-1042\",\"createdAt\":\"2026-11-19T14:30:00Z\","
                + "\"lastActivityAt\":\"2026-11-20T11:02:00Z\",\"locked\":" + locked + ",\"pinned\":true,"
                + "\"version\":" + version + "}}";
    }

    private static String page(List<String> changes, String cursor, boolean hasMore) {
        return "{\"changes\":[" + String.join(",", changes) + "],\"cursor\":\"" + cursor + "\",\"hasMore\":"
                + hasMore + "}";
    }

    private static List<String> ids(List<Change> changes) {
        return changes.stream().map(Change::entityId).toList();
    }
}
