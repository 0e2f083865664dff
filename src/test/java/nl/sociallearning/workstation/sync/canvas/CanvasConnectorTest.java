package nl.sociallearning.workstation.sync.canvas;

import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import nl.sociallearning.workstation.domain.ActionType;
import nl.sociallearning.workstation.domain.Change;
import nl.sociallearning.workstation.domain.Course;
import nl.sociallearning.workstation.domain.DiscussionThread;
import nl.sociallearning.workstation.domain.EntityKind;
import nl.sociallearning.workstation.domain.ModerationAction;
import nl.sociallearning.workstation.domain.Participant;
import nl.sociallearning.workstation.domain.ParticipantRole;
import nl.sociallearning.workstation.domain.Post;
import nl.sociallearning.workstation.sync.ActionOutcome;
import nl.sociallearning.workstation.sync.CacheIndex;
import nl.sociallearning.workstation.sync.PullRequest;
import nl.sociallearning.workstation.sync.PullResult;
import nl.sociallearning.workstation.sync.ServedBytes;
import nl.sociallearning.workstation.sync.ServerAddress;
import nl.sociallearning.workstation.sync.SyncException;
import nl.sociallearning.workstation.sync.SyncException.Kind;
import nl.sociallearning.workstation.sync.platform.WatermarkCursor;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.groups.Tuple.tuple;

/** The Canvas connector against a replayed Canvas: the documented topic and entries and answers modelled on them. */
class CanvasConnectorTest {

    static final String COURSE = "1";

    MockWebServer server;
    CanvasReplay canvas;
    CanvasConnector connector;
    Clock clock = Clock.fixed(Instant.parse("2037-08-01T00:00:00Z"), ZoneOffset.UTC);

    @BeforeEach
    void setUp() throws Exception {
        server = new MockWebServer();
        canvas = CanvasReplay.site();
        server.setDispatcher(canvas);
        server.start();
        connector = connector(clock);
    }

    private CanvasConnector connector(Clock at) {
        return new CanvasConnector(ServerAddress.of(server.url("/").toString()), "canvas-token",
                new OkHttpClient.Builder().build(), at, Duration.ofMillis(10));
    }

    @AfterEach
    void tearDown() {
        connector.close();
        server.close();
    }

    @Test
    void coursesFollowTheLinkHeaderAndSkipCoursesClosedByDate() throws Exception {
        assertThat(connector.me().displayName()).isEqualTo("Noor de Vries");
        List<Course> courses = connector.courses();

        assertThat(courses).extracting(Course::id, Course::title, Course::participantCount)
                .containsExactly(tuple("1", "Zorg en Welzijn 2037", 2), tuple("3", "Leren op de werkplek", 0));
        assertThat(courses.get(0).timeZone().getId()).isEqualTo("Europe/Amsterdam");
        RecordedRequest second = canvas.requests.get(2);
        assertThat(second.getUrl().toString()).isEqualTo(server.url("/api/v1/courses?page=2&per_page=100").toString());
        assertThat(second.getHeaders().get("Authorization")).isEqualTo("Bearer canvas-token");
    }

    @Test
    void aFirstSyncReadsEveryTopicEntryAuthorAndStateAcrossPages() throws Exception {
        List<Change> changes = new ArrayList<>();
        PullResult first = connector.pull(new PullRequest(COURSE, null, 5000, Duration.ZERO, emptyCache()), changes::add, b -> { });
        assertThat(first.hasMore()).isTrue();
        PullResult second = connector.pull(new PullRequest(COURSE, first.cursor(), 5000, Duration.ZERO, emptyCache()),
                changes::add, b -> { });
        assertThat(second.hasMore()).isFalse();

        assertThat(threads(changes)).extracting(DiscussionThread::id).containsExactly("1", "2");
        DiscussionThread topic = threads(changes).get(0);
        assertThat(topic.title()).isEqualTo("Topic 1");
        assertThat(topic.createdAt()).isEqualTo(Instant.parse("2037-07-21T13:29:31Z"));
        assertThat(topic.lastActivityAt()).isEqualTo(Instant.parse("2037-07-28T19:38:31Z"));
        Map<String, Post> posts = new HashMap<>();
        posts(changes).forEach(p -> posts.put(p.id(), p));
        assertThat(posts.get("1").bodyHtml()).isEqualTo("<p>content here</p>");
        assertThat(posts.get("1").parentId()).isNull();
        assertThat(posts.get("1.1016")).satisfies(p -> {
            assertThat(p.parentId()).isEqualTo("1");
            assertThat(p.authorId()).isEqualTo("7086");
            assertThat(p.editedAt()).isEqualTo(Instant.parse("2037-07-23T10:00:00Z"));
        });
        assertThat(posts.get("1.1017").parentId()).isEqualTo("1.1016");
        assertThat(posts.get("1.1018")).satisfies(p -> {
            assertThat(p.deleted()).isTrue();
            assertThat(p.authorId()).isNull();
            assertThat(p.bodyHtml()).isEmpty();
        });
        assertThat(posts.get("1.1020").parentId()).isEqualTo("1.1018");
        assertThat(posts.get("1.1021").parentId()).as("from new_entries").isEqualTo("1.1019");
        assertThat(participants(changes)).extracting(Participant::id, Participant::role, Participant::group).contains(
                tuple("7086", ParticipantRole.MODERATOR, null),
                tuple("7084", ParticipantRole.PARTICIPANT, "Team Noord"),
                tuple("7099", ParticipantRole.PARTICIPANT, null));
        // The second page is the Link header's address, as Canvas gave it.
        assertThat(canvas.requests).filteredOn(r -> r.getUrl().encodedPath().endsWith("/discussion_topics"))
                .extracting(r -> r.getUrl().queryParameter("page")).containsExactly(null, "2");
        assertThat(WatermarkCursor.decode(second.cursor()).watermark()).isEqualTo(Instant.parse("2037-07-28T19:38:31Z"));
    }

    @Test
    void aPullReportsTheBytesItReadAsARunningTotal() throws Exception {
        ServedBytes served = new ServedBytes(canvas);
        server.setDispatcher(served);
        List<Long> reports = new ArrayList<>();

        connector.pull(new PullRequest(COURSE, null, 5000, Duration.ZERO, emptyCache()), c -> { }, reports::add);

        assertThat(reports).as("one report per answer").hasSizeGreaterThan(1).isSorted();
        assertThat(reports.get(reports.size() - 1)).isPositive()
                .isCloseTo(served.total(), org.assertj.core.data.Percentage.withPercentage(2));
    }

    @Test
    void anIdleCourseCostsOneRequest() throws Exception {
        String cursor = fullSync();
        int before = canvas.requests.size();

        List<Change> changes = new ArrayList<>();
        PullResult result = connector.pull(new PullRequest(COURSE, cursor, 5000, Duration.ZERO, emptyCache()), changes::add, b -> { });

        assertThat(changes).isEmpty();
        assertThat(result.hasMore()).isFalse();
        assertThat(canvas.paths().subList(before, canvas.requests.size()))
                .containsExactly("GET /api/v1/courses/1/discussion_topics");
    }

    @Test
    void aPassStoredInTheFirstShapeResumesAtTheNextPageCanvasGave() throws Exception {
        // As this connector stored it before its cursor became a WatermarkCursor: Unix seconds, unversioned.
        String stored = "{\"since\":0,\"reconciledAt\":0,\"inPass\":true,\"mark\":2132422711,\"next\":\""
                + server.url("/api/v1/courses/1/discussion_topics?order_by=recent_activity&page=2&per_page=50")
                + "\",\"peopleRead\":true,\"reconcile\":false,\"passId\":\"2b1e\"}";

        PullResult result = connector.pull(new PullRequest(COURSE, stored, 5000, Duration.ZERO, emptyCache()), c -> { },
                b -> { });

        assertThat(canvas.requests.get(0).getUrl().queryParameter("page")).isEqualTo("2");
        assertThat(canvas.paths()).as("participants were read before the restart").noneMatch(p -> p.endsWith("/users"));
        assertThat(result.hasMore()).isFalse();
        assertThat(WatermarkCursor.decode(result.cursor()).watermark()).isEqualTo(Instant.parse("2037-07-28T19:38:31Z"));
    }

    @Test
    void aViewStillBeingBuiltIsAskedForAgain() throws Exception {
        Function<RecordedRequest, MockResponse> building = r -> CanvasReplay.status(503, "", Map.of("X-Rate-Limit-Remaining", "699"));
        canvas.sequence("GET /api/v1/courses/1/discussion_topics/1/view", List.of(building, building,
                r -> CanvasReplay.ok(CanvasReplay.read("topic_view_1.json"), null)));

        List<Change> changes = new ArrayList<>();
        long start = System.nanoTime();
        connector.pull(new PullRequest(COURSE, null, 5000, Duration.ZERO, emptyCache()), changes::add, b -> { });
        long waitedMs = (System.nanoTime() - start) / 1_000_000;

        assertThat(canvas.paths()).filteredOn(p -> p.endsWith("/1/view")).hasSize(3);
        assertThat(waitedMs).as("waited 10 ms, then 20 ms, before asking again").isGreaterThanOrEqualTo(30);
        assertThat(posts(changes)).extracting(Post::id).contains("1.1016", "1.1021");
    }

    @Test
    void aViewThatStaysUnavailableIsReadFromTheDocumentedEntryAndReplyLists() throws Exception {
        canvas.answer("GET /api/v1/courses/1/discussion_topics/1/view", r -> CanvasReplay.status(503, "", Map.of()))
                .answer("GET /api/v1/courses/1/discussion_topics/1/entries", r -> CanvasReplay.ok(
                        CanvasReplay.read("list_topic_entries.json").replace("\"has_more_replies\": false", "\"has_more_replies\": true"), null))
                .json("GET /api/v1/courses/1/discussion_topics/1/entries/1016/replies", "list_entry_replies.json", null);

        List<Change> changes = new ArrayList<>();
        connector.pull(new PullRequest(COURSE, null, 5000, Duration.ZERO, emptyCache()), changes::add, b -> { });

        assertThat(posts(changes)).filteredOn(p -> p.threadId().equals("1"))
                .extracting(Post::id, Post::parentId, Post::authorId, Post::bodyHtml).containsExactly(
                        tuple("1", null, null, "<p>content here</p>"),
                        tuple("1.1019", "1", "7086", "Newer entry"),
                        tuple("1.1016", "1", "7086", "first top-level entry"),
                        tuple("1.1015", "1.1016", "7084", "Newer message"),
                        tuple("1.1014", "1.1016", "7084", "Older message"));
        assertThat(posts(changes)).filteredOn(p -> p.id().equals("1.1014")).singleElement()
                .extracting(Post::createdAt).isEqualTo(Instant.parse("2011-11-03T21:26:44Z"));
    }

    @Test
    void a403WithAnEmptyRateLimitBucketIsThrottlingNotARefusal() {
        canvas.answer("GET /api/v1/courses/1/discussion_topics", r -> CanvasReplay.status(403, "403 Forbidden (Rate Limit Exceeded)",
                Map.of("X-Rate-Limit-Remaining", "0.0", "Content-Type", "text/plain")));

        SyncException e = catchThrowableOfType(SyncException.class, () -> connector.pull(
                new PullRequest(COURSE, null, 5000, Duration.ZERO, emptyCache()), c -> { }, b -> { }));

        assertThat(e.kind()).isEqualTo(Kind.RATE_LIMITED);
        assertThat(e.retryAfter()).isPresent();
    }

    @Test
    void a403WithARateLimitHeaderButBucketLeftIsARefusal() {
        canvas.answer("GET /api/v1/courses/1/discussion_topics", r -> CanvasReplay.status(403,
                CanvasReplay.read("error_unauthorized.json"), Map.of("X-Rate-Limit-Remaining", "650.2", "Content-Type", "application/json")));

        SyncException e = catchThrowableOfType(SyncException.class, () -> connector.pull(
                new PullRequest(COURSE, null, 5000, Duration.ZERO, emptyCache()), c -> { }, b -> { }));

        assertThat(e.kind()).isEqualTo(Kind.FORBIDDEN);
        assertThat(e.getMessage()).contains("user not authorized to perform that action");
    }

    @Test
    void aWrongTokenIsNamedAsSuch() {
        canvas.answer("GET /api/v1/users/self", r -> CanvasReplay.status(401, CanvasReplay.read("error_invalid_token.json"),
                Map.of("WWW-Authenticate", "Bearer realm=\"canvas-lms\"", "Content-Type", "application/json")));

        SyncException e = catchThrowableOfType(SyncException.class, connector::me);

        assertThat(e.kind()).isEqualTo(Kind.UNAUTHORIZED);
        assertThat(e.getMessage()).contains("Invalid access token.");
    }

    @Test
    void aServerThatIsNotCanvasIsNamedAsSuch() {
        canvas.answer("GET /api/v1/users/self", r -> CanvasReplay.status(404, "<html>Not Found</html>", Map.of("Content-Type", "text/html")));

        SyncException e = catchThrowableOfType(SyncException.class, connector::me);

        assertThat(e.getMessage()).contains("is this a Canvas site?");
    }

    @Test
    void aNextPageOnAnotherServerIsNotFollowedWithTheToken() {
        canvas.answer("GET /api/v1/courses", r -> CanvasReplay.ok(CanvasReplay.read("courses_page1.json"),
                "https://elsewhere.example/api/v1/courses?page=2"));

        SyncException e = catchThrowableOfType(SyncException.class, connector::courses);

        assertThat(e.kind()).isEqualTo(Kind.REFUSED);
        assertThat(e.getMessage()).contains("elsewhere.example");
    }

    @Test
    void everySixHoursAPassRemovesTopicsAndRepliesCanvasNoLongerHas() throws Exception {
        String cursor = fullSync();
        connector.close();
        connector = connector(Clock.offset(clock, Duration.ofHours(7)));
        canvas.json("GET /api/v1/courses/1/discussion_topics", "list_discussion_topics.json", null);
        CacheIndex cache = new CacheIndex() {
            @Override
            public Set<String> ids(String courseId, EntityKind kind) {
                return kind == EntityKind.THREAD ? Set.of("1", "2") : Set.of();
            }

            @Override
            public Set<String> postsOf(String courseId, String threadId) {
                return threadId.equals("1") ? Set.of("1", "1.1016", "1.999") : Set.of();
            }
        };

        List<Change> changes = new ArrayList<>();
        connector.pull(new PullRequest(COURSE, cursor, 5000, Duration.ZERO, cache), changes::add, b -> { });

        assertThat(changes).filteredOn(c -> c instanceof Change.Removal).containsExactlyInAnyOrder(
                new Change.Removal(EntityKind.POST, "1.999"), new Change.Removal(EntityKind.THREAD, "2"));
    }

    @Test
    void lockAndPinUpdateTheTopicAndBringItsNewState() throws Exception {
        canvas.json("PUT /api/v1/courses/1/discussion_topics/1", "topic_1_locked.json", null);

        ActionOutcome outcome = connector.send(action(ActionType.LOCK, "1", Map.of()));

        assertThat(outcome).isInstanceOfSatisfying(ActionOutcome.Applied.class, a -> assertThat(a.serverState()).singleElement()
                .isInstanceOfSatisfying(Change.ThreadUpsert.class, t -> assertThat(t.thread().locked()).isTrue()));
        RecordedRequest put = canvas.requests.get(0);
        assertThat(put.getBody().utf8()).isEqualTo("locked=true");
        connector.send(action(ActionType.UNPIN, "1", Map.of()));
        assertThat(canvas.requests.get(1).getBody().utf8()).isEqualTo("pinned=false");
    }

    @Test
    void repliesGoToTheTopicOrTheEntryTheyAnswer() throws Exception {
        canvas.json("POST /api/v1/courses/1/discussion_topics/1/entries/1019/replies", "entry_reply_created.json", null)
                .json("POST /api/v1/courses/1/discussion_topics/1/entries", "entry_reply_created.json", null);

        ActionOutcome toEntry = connector.send(action(ActionType.REPLY, "1.1019", Map.of("bodyHtml", "<p>Thanks, noted.</p>")));
        connector.send(action(ActionType.REPLY, "1", Map.of("bodyHtml", "<p>Welcome</p>")));

        assertThat(toEntry).isInstanceOfSatisfying(ActionOutcome.Applied.class, a -> assertThat(a.serverState()).singleElement()
                .isInstanceOfSatisfying(Change.PostUpsert.class, p -> {
                    assertThat(p.post().id()).isEqualTo("1.1030");
                    assertThat(p.post().parentId()).isEqualTo("1.1019");
                }));
        assertThat(canvas.paths()).containsExactly("POST /api/v1/courses/1/discussion_topics/1/entries/1019/replies",
                "POST /api/v1/courses/1/discussion_topics/1/entries");
        assertThat(java.net.URLDecoder.decode(canvas.requests.get(0).getBody().utf8(), java.nio.charset.StandardCharsets.UTF_8))
                .isEqualTo("message=<p>Thanks, noted.</p>");
    }

    @Test
    void deletingAnEntryIsSentAndWhatCanvasCannotDoStaysLocal() throws Exception {
        canvas.answer("DELETE /api/v1/courses/1/discussion_topics/1/entries/1017", r -> CanvasReplay.status(204, "", Map.of()));

        assertThat(connector.send(action(ActionType.DELETE, "1.1017", Map.of()))).isInstanceOf(ActionOutcome.Applied.class);
        for (ActionType type : List.of(ActionType.HIDE, ActionType.APPROVE, ActionType.FLAG)) {
            assertThat(connector.send(action(type, "1.1017", Map.of()))).isInstanceOfSatisfying(ActionOutcome.LocalOnly.class,
                    l -> assertThat(l.detail()).contains("not sent to Canvas"));
        }
        assertThat(canvas.paths()).containsExactly("DELETE /api/v1/courses/1/discussion_topics/1/entries/1017");
    }

    private String fullSync() throws SyncException {
        String cursor = null;
        PullResult r;
        do {
            r = connector.pull(new PullRequest(COURSE, cursor, 5000, Duration.ZERO, emptyCache()), c -> { }, b -> { });
            cursor = r.cursor();
        } while (r.hasMore());
        return cursor;
    }

    private ModerationAction action(ActionType type, String target, Map<String, String> payload) {
        return ModerationAction.create(COURSE, "7086", type, target, null, payload, clock.instant());
    }

    static CacheIndex emptyCache() {
        return (course, kind) -> Set.of();
    }

    static List<DiscussionThread> threads(List<Change> changes) {
        return changes.stream().filter(c -> c instanceof Change.ThreadUpsert).map(c -> ((Change.ThreadUpsert) c).thread()).toList();
    }

    static List<Post> posts(List<Change> changes) {
        return changes.stream().filter(c -> c instanceof Change.PostUpsert).map(c -> ((Change.PostUpsert) c).post()).toList();
    }

    static List<Participant> participants(List<Change> changes) {
        return changes.stream().filter(c -> c instanceof Change.ParticipantUpsert)
                .map(c -> ((Change.ParticipantUpsert) c).participant()).toList();
    }
}
