package nl.sociallearning.workstation.sync.moodle;

import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
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
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** The Moodle connector against a replayed Moodle site: the captured discussion list and answers modelled on it. */
class MoodleConnectorTest {

    static final String COURSE = "4321";

    MockWebServer server;
    MoodleReplay site;
    MutableClock clock;
    MoodleConnector connector;

    @BeforeEach
    void setUp() throws Exception {
        server = new MockWebServer();
        site = MoodleReplay.site();
        server.setDispatcher(site);
        server.start();
        clock = new MutableClock(Instant.ofEpochSecond(1653999000));
        connector = new MoodleConnector(ServerAddress.of(server.url("/").toString()), "moodle-token",
                new OkHttpClient.Builder().build(), clock);
    }

    @AfterEach
    void tearDown() {
        connector.close();
        server.close();
    }

    @Test
    void theTokenSaysWhoTheUserIsAndWhichCoursesTheyHave() throws Exception {
        assertThat(connector.me().id()).isEqualTo("12879");
        assertThat(connector.me().displayName()).isEqualTo("Taro Tanaka");
        List<Course> courses = connector.courses();
        assertThat(courses).singleElement().satisfies(c -> {
            assertThat(c.id()).isEqualTo(COURSE);
            assertThat(c.title()).isEqualTo("研究室体験 2022");
            assertThat(c.participantCount()).isEqualTo(3);
            assertThat(c.startsAt()).isEqualTo(Instant.ofEpochSecond(1648738800));
        });
        assertThat(site.calls.get(0).params()).containsEntry("wstoken", "moodle-token");
        assertThat(server.takeRequest().getUrl().queryParameter("wstoken"))
                .as("the token travels in the body, not the address").isNull();
        assertThat(connector.describe()).contains("Tokyo Tech T2SCHOLA (test)");
    }

    @Test
    void aFirstSyncReadsTheCapturedDiscussionsWithEveryPostAuthorAndTime() throws Exception {
        List<Change> changes = new ArrayList<>();
        PullResult result = connector.pull(new PullRequest(COURSE, null, 5000, Duration.ZERO, emptyCache()), changes::add,
                bytes -> { });

        assertThat(result.hasMore()).isFalse();
        assertThat(threads(changes)).extracting(DiscussionThread::id).containsExactly("20965", "20775");
        DiscussionThread first = threads(changes).get(0);
        assertThat(first.title()).isEqualTo("研究室体験　割り当てリスト添付します");
        assertThat(first.module()).isEqualTo("お知らせ・質問");
        assertThat(first.authorId()).isEqualTo("12879");
        assertThat(first.createdAt()).isEqualTo(Instant.ofEpochSecond(1653898688));
        // The captured quirk: the first post's edit (modified) is newer than the discussion's timemodified.
        assertThat(first.lastActivityAt()).isEqualTo(Instant.ofEpochSecond(1653898714));
        assertThat(posts(changes)).extracting(Post::id).containsExactly("24873", "24674");
        Post opening = posts(changes).get(0);
        assertThat(opening.threadId()).isEqualTo("20965");
        assertThat(opening.parentId()).isNull();
        assertThat(opening.authorId()).isEqualTo("12879");
        assertThat(opening.editedAt()).isEqualTo(Instant.ofEpochSecond(1653898714));
        assertThat(opening.bodyHtml()).contains("受講生各位");
        assertThat(participants(changes)).extracting(Participant::id, Participant::role, Participant::group).containsExactly(
                org.assertj.core.groups.Tuple.tuple("12879", ParticipantRole.MODERATOR, null),
                org.assertj.core.groups.Tuple.tuple("13001", ParticipantRole.PARTICIPANT, "Group A"),
                org.assertj.core.groups.Tuple.tuple("13002", ParticipantRole.PARTICIPANT, "Group B"));
        assertThat(WatermarkCursor.decode(result.cursor()).watermark()).isEqualTo(Instant.ofEpochSecond(1653898714));
        assertThat(site.calls).filteredOn(c -> c.function().equals("mod_forum_get_forum_discussions"))
                .singleElement().satisfies(c -> assertThat(c.params()).containsEntry("sortorder", "1")
                        .containsEntry("forumid", "22883").containsEntry("page", "0"));
    }

    @Test
    void aPullReportsTheBytesItReadAsARunningTotal() throws Exception {
        ServedBytes served = new ServedBytes(site);
        server.setDispatcher(served);
        connector.me();
        long before = served.total();
        List<Long> reports = new ArrayList<>();

        connector.pull(new PullRequest(COURSE, null, 5000, Duration.ZERO, emptyCache()), c -> { }, reports::add);

        assertThat(reports).as("one report per answer").hasSizeGreaterThan(1).isSorted();
        assertThat(reports.get(reports.size() - 1)).isPositive()
                .isCloseTo(served.total() - before, org.assertj.core.data.Percentage.withPercentage(2));
    }

    @Test
    void anIdleCourseCostsOneProbe() throws Exception {
        String cursor = firstSync();
        int before = site.calls.size();

        List<Change> changes = new ArrayList<>();
        PullResult result = connector.pull(new PullRequest(COURSE, cursor, 5000, Duration.ZERO, emptyCache()), changes::add,
                bytes -> { });

        assertThat(changes).isEmpty();
        assertThat(result.hasMore()).isFalse();
        assertThat(site.functions().subList(before, site.calls.size())).containsExactly("core_course_get_updates_since");
        assertThat(site.calls.get(before).params()).containsEntry("since", "1653898714");
    }

    @Test
    void aCursorStoredInTheFirstShapeStillCarriesTheWatermark() throws Exception {
        firstSync();
        int before = site.calls.size();
        // As this connector stored it before its cursor became a WatermarkCursor: Unix seconds, unversioned.
        String stored = "{\"since\":1653898714,\"reconciledAt\":1653998000}";

        PullResult result = connector.pull(new PullRequest(COURSE, stored, 5000, Duration.ZERO, emptyCache()), c -> { },
                b -> { });

        assertThat(site.functions().subList(before, site.calls.size())).containsExactly("core_course_get_updates_since");
        assertThat(site.calls.get(before).params()).containsEntry("since", "1653898714");
        assertThat(WatermarkCursor.decode(result.cursor()).watermark()).isEqualTo(Instant.ofEpochSecond(1653898714));
    }

    @Test
    void aPassStoredInTheFirstShapeResumesWhereItStood() throws Exception {
        String stored = "{\"since\":0,\"reconciledAt\":0,\"inPass\":true,\"mark\":0,\"forum\":1,\"page\":0,"
                + "\"reconcile\":true,\"passId\":\"2b1e\"}";

        List<Change> changes = new ArrayList<>();
        PullResult result = connector.pull(new PullRequest(COURSE, stored, 5000, Duration.ZERO, emptyCache()), changes::add,
                b -> { });

        assertThat(site.functions()).as("the course's only forum was listed already").doesNotContain("mod_forum_get_forum_discussions");
        assertThat(result.hasMore()).isFalse();
        assertThat(WatermarkCursor.decode(result.cursor()).inPass()).isFalse();
    }

    @Test
    void anIncrementalSyncReadsOnlyTheNewerDiscussionWithItsEditReplyAndDeletions() throws Exception {
        String cursor = firstSync();
        site.answer("core_course_get_updates_since", "core_course_get_updates_since_forum.json")
                .answer("mod_forum_get_forum_discussions", "mod_forum_get_forum_discussions_later.json")
                .answer("mod_forum_get_discussion_posts", p -> "mod_forum_get_discussion_posts_" + p.get("discussionid") + "_later.json");
        // The cache holds a reply Moodle has since deleted for good.
        CacheIndex cache = cacheWith(Map.of("20965", Set.of("24873", "24880", "local-9f1c")));
        int before = site.calls.size();

        List<Change> changes = new ArrayList<>();
        PullResult result = connector.pull(new PullRequest(COURSE, cursor, 5000, Duration.ZERO, cache), changes::add, b -> { });

        assertThat(site.functions().subList(before, site.calls.size())).containsExactly("core_course_get_updates_since",
                "mod_forum_get_forums_by_courses", "core_enrol_get_enrolled_users", "mod_forum_get_forum_discussions",
                "mod_forum_get_discussion_posts");
        assertThat(threads(changes)).singleElement().satisfies(t -> {
            assertThat(t.id()).isEqualTo("20965");
            assertThat(t.locked()).isTrue();
            assertThat(t.lastActivityAt()).isEqualTo(Instant.ofEpochSecond(1653990000));
        });
        Map<String, Post> posts = new java.util.HashMap<>();
        posts(changes).forEach(p -> posts.put(p.id(), p));
        assertThat(posts.get("24873").editedAt()).isEqualTo(Instant.ofEpochSecond(1653990000));
        assertThat(posts.get("24873").version()).isGreaterThan(MoodleReader.version(1653898714));
        assertThat(posts.get("24890").parentId()).isEqualTo("24873");
        assertThat(posts.get("24891").parentId()).isEqualTo("24890");
        assertThat(posts.get("24892").deleted()).isTrue();
        assertThat(posts.get("24893").authorId()).isEqualTo("13999");
        assertThat(participants(changes)).filteredOn(p -> p.id().equals("13999")).singleElement()
                .extracting(Participant::displayName).isEqualTo("Former Student");
        assertThat(changes).filteredOn(c -> c instanceof Change.Removal)
                .containsExactly(new Change.Removal(EntityKind.POST, "24880"));
        assertThat(WatermarkCursor.decode(result.cursor()).watermark()).isEqualTo(Instant.ofEpochSecond(1653990000));
    }

    @Test
    void everySixHoursAPassListsAllDiscussionsAndRemovesTheOnesMoodleDeleted() throws Exception {
        String cursor = firstSync();
        site.answer("mod_forum_get_forum_discussions", "mod_forum_get_forum_discussions_reconciled.json")
                .answer("mod_forum_get_discussion_posts", p -> "mod_forum_get_discussion_posts_" + p.get("discussionid") + "_later.json");
        clock.advance(Duration.ofHours(7));
        CacheIndex cache = new CacheIndex() {
            @Override
            public Set<String> ids(String courseId, EntityKind kind) {
                return kind == EntityKind.THREAD ? Set.of("20965", "20775") : Set.of();
            }
        };

        List<Change> changes = new ArrayList<>();
        connector.pull(new PullRequest(COURSE, cursor, 5000, Duration.ZERO, cache), changes::add, b -> { });

        assertThat(site.functions()).doesNotContain("core_course_get_updates_since");
        assertThat(changes).filteredOn(c -> c instanceof Change.Removal)
                .containsExactly(new Change.Removal(EntityKind.THREAD, "20775"));
    }

    @Test
    void aWrongTokenIsNamedAsSuch() {
        site.answer("core_webservice_get_site_info", "error_invalidtoken.json");

        SyncException e = catchThrowableOfType(SyncException.class, connector::me);

        assertThat(e.kind()).isEqualTo(Kind.UNAUTHORIZED);
        assertThat(e.getMessage()).contains("Moodle does not know this token");
    }

    @Test
    void aServerThatIsNotMoodleIsNamedAsSuch() {
        server.setDispatcher(new mockwebserver3.Dispatcher() {
            @Override
            public MockResponse dispatch(mockwebserver3.RecordedRequest request) {
                return new MockResponse.Builder().code(200).setHeader("Content-Type", "text/html")
                        .body("<html><body>Welcome to nginx</body></html>").build();
            }
        });

        SyncException e = catchThrowableOfType(SyncException.class, connector::me);

        assertThat(e.kind()).isEqualTo(Kind.MALFORMED);
        assertThat(e.getMessage()).contains("is this a Moodle site?");
    }

    @Test
    void aFunctionTheTokenMayNotCallIsNamedBeforeItIsCalled() {
        site.answer("core_webservice_get_site_info", "core_webservice_get_site_info_reader.json");

        SyncException e = catchThrowableOfType(SyncException.class, () -> connector.pull(
                new PullRequest(COURSE, null, 5000, Duration.ZERO, emptyCache()), c -> { }, b -> { }));

        assertThat(e.kind()).isEqualTo(Kind.FORBIDDEN);
        assertThat(e.getMessage()).contains("does not include mod_forum_get_forums_by_courses");
        assertThat(site.functions()).doesNotContain("mod_forum_get_forums_by_courses");
    }

    @Test
    void lockSendsTheCurrentStateAsMoodleExpectsWithTheDiscussionsForum() throws Exception {
        firstSync();
        site.answer("mod_forum_set_lock_state", "mod_forum_set_lock_state.json");

        ActionOutcome outcome = connector.send(action(ActionType.LOCK, "20965", Map.of()));

        assertThat(outcome).isInstanceOf(ActionOutcome.Applied.class);
        assertThat(site.calls).filteredOn(c -> c.function().equals("mod_forum_set_lock_state")).singleElement()
                .satisfies(c -> assertThat(c.params()).containsEntry("forumid", "22883")
                        .containsEntry("discussionid", "20965").containsEntry("targetstate", "0"));
    }

    @Test
    void pinAndDeleteAreSent() throws Exception {
        site.answer("mod_forum_set_pin_state", "mod_forum_set_lock_state.json")
                .answer("mod_forum_delete_post", p -> "mod_forum_set_lock_state.json");

        assertThat(connector.send(action(ActionType.PIN, "20965", Map.of()))).isInstanceOf(ActionOutcome.Applied.class);
        assertThat(connector.send(action(ActionType.DELETE, "24890", Map.of()))).isInstanceOf(ActionOutcome.Applied.class);

        assertThat(site.calls).filteredOn(c -> c.function().equals("mod_forum_set_pin_state")).singleElement()
                .satisfies(c -> assertThat(c.params()).containsEntry("discussionid", "20965").containsEntry("targetstate", "1"));
        assertThat(site.calls).filteredOn(c -> c.function().equals("mod_forum_delete_post")).singleElement()
                .satisfies(c -> assertThat(c.params()).containsEntry("postid", "24890"));
    }

    @Test
    void aPrivateReplyGoesWithMoodlesReplySubjectAndComesBackAsThePost() throws Exception {
        site.answer("mod_forum_get_discussion_post", "mod_forum_get_discussion_post_24890.json")
                .answer("mod_forum_add_discussion_post", "mod_forum_add_discussion_post.json");

        ActionOutcome outcome = connector.send(action(ActionType.REPLY, "24890",
                Map.of("bodyHtml", "<p>Lab 3.</p>", "private", "true")));

        assertThat(outcome).isInstanceOfSatisfying(ActionOutcome.Applied.class, a -> {
            assertThat(a.duplicate()).isFalse();
            assertThat(a.serverState()).singleElement().isInstanceOfSatisfying(Change.PostUpsert.class,
                    p -> assertThat(p.post().id()).isEqualTo("24900"));
        });
        assertThat(site.calls).filteredOn(c -> c.function().equals("mod_forum_add_discussion_post")).singleElement()
                .satisfies(c -> assertThat(c.params()).containsEntry("postid", "24890")
                        .containsEntry("subject", "Re: Re: 研究室体験　割り当てリスト添付します")
                        .containsEntry("message", "<p>Lab 3.</p>")
                        .containsEntry("options[0][name]", "private").containsEntry("options[0][value]", "1"));
    }

    @Test
    void aReplyWhoseAnswerWasLostIsNotPostedTwice() throws Exception {
        site.answer("mod_forum_get_discussion_post", "mod_forum_get_discussion_post_24890.json")
                .answer("mod_forum_get_discussion_posts", "mod_forum_get_discussion_posts_20965_later.json");
        connector.me();
        // The reply by the token's user (12879) to 24890 is already there: the first send arrived.
        ModerationAction reply = new ModerationAction(java.util.UUID.randomUUID(), COURSE, "12879", ActionType.REPLY,
                "24890", null, Map.of("bodyHtml", "<p>Lab 3, see the list.</p>"), Instant.ofEpochSecond(1653984990));

        ActionOutcome outcome = connector.send(reply);

        assertThat(outcome).isInstanceOfSatisfying(ActionOutcome.Applied.class, a -> assertThat(a.duplicate()).isTrue());
        assertThat(site.functions()).doesNotContain("mod_forum_add_discussion_post");
    }

    @Test
    void whatCoreMoodleCannotDoStaysLocalAndSaysSo() throws Exception {
        for (ActionType type : List.of(ActionType.HIDE, ActionType.APPROVE, ActionType.FLAG, ActionType.RESTORE)) {
            ActionOutcome outcome = connector.send(action(type, "24890", Map.of()));
            assertThat(outcome).isInstanceOfSatisfying(ActionOutcome.LocalOnly.class,
                    l -> assertThat(l.detail()).contains("not sent to Moodle"));
        }
        assertThat(site.calls).isEmpty();
    }

    @Test
    void aRefusalOfMoodleRejectsTheActionWithItsReason() throws Exception {
        firstSync();
        site.answer("mod_forum_set_lock_state", "error_errorcannotlock.json");

        ActionOutcome outcome = connector.send(action(ActionType.LOCK, "20965", Map.of()));

        assertThat(outcome).isInstanceOfSatisfying(ActionOutcome.Rejected.class,
                r -> assertThat(r.detail()).contains("permission to lock"));
    }

    private String firstSync() throws SyncException {
        return connector.pull(new PullRequest(COURSE, null, 5000, Duration.ZERO, emptyCache()), c -> { }, b -> { }).cursor();
    }

    private ModerationAction action(ActionType type, String target, Map<String, String> payload) {
        return ModerationAction.create(COURSE, "12879", type, target, null, payload, clock.instant());
    }

    static CacheIndex emptyCache() {
        return (course, kind) -> Set.of();
    }

    static CacheIndex cacheWith(Map<String, Set<String>> postsByThread) {
        return new CacheIndex() {
            @Override
            public Set<String> ids(String courseId, EntityKind kind) {
                return kind == EntityKind.THREAD ? postsByThread.keySet() : Set.of();
            }

            @Override
            public Set<String> postsOf(String courseId, String threadId) {
                return postsByThread.getOrDefault(threadId, Set.of());
            }
        };
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

    static final class MutableClock extends Clock {
        private Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
