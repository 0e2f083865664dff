package nl.sociallearning.workstation.sync.moodle;

import com.fasterxml.jackson.databind.JsonNode;
import nl.sociallearning.workstation.domain.Change;
import nl.sociallearning.workstation.domain.Course;
import nl.sociallearning.workstation.domain.EntityKind;
import nl.sociallearning.workstation.domain.ModerationAction;
import nl.sociallearning.workstation.domain.Participant;
import nl.sociallearning.workstation.domain.UserIdentity;
import nl.sociallearning.workstation.sync.ActionOutcome;
import nl.sociallearning.workstation.sync.ChangeSink;
import nl.sociallearning.workstation.sync.PullRequest;
import nl.sociallearning.workstation.sync.PullResult;
import nl.sociallearning.workstation.sync.ServerAddress;
import nl.sociallearning.workstation.sync.SyncException;
import nl.sociallearning.workstation.sync.SyncException.Kind;
import nl.sociallearning.workstation.sync.TransferListener;
import nl.sociallearning.workstation.sync.platform.IdSets;
import nl.sociallearning.workstation.sync.platform.PassListings;
import nl.sociallearning.workstation.sync.platform.PlatformConnector;
import nl.sociallearning.workstation.sync.platform.PlatformHttp;
import nl.sociallearning.workstation.sync.platform.PollPacer;
import nl.sociallearning.workstation.sync.platform.RateBudget;
import nl.sociallearning.workstation.sync.platform.WatermarkCursor;
import okhttp3.FormBody;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import static nl.sociallearning.workstation.sync.platform.PlatformHttp.read;

/**
 * A Moodle site through its web services (REST, a token of a service that includes the functions below).
 * Moodle has no change feed, so this emulates one per course (see docs/platforms.md):
 * <ul>
 * <li>an idle course costs one {@code core_course_get_updates_since} probe per long-poll interval;</li>
 * <li>a pass lists each forum's discussions by last post, newest first, down to the watermark, and reads each
 * newer discussion whole ({@code mod_forum_get_discussion_posts}); posts the cache holds for that discussion
 * but Moodle no longer sends are removed;</li>
 * <li>every {@link #RECONCILE_EVERY} a pass lists and reads every discussion: Moodle deletes posts for good and
 * deleting a reply does not make its discussion newer, so only such a pass finds what was deleted;</li>
 * <li>participants, with groups and roles, come with each pass ({@code core_enrol_get_enrolled_users}).</li>
 * </ul>
 * A pass stores its place in the cursor after each listing page, so a long first sync resumes after a restart.
 */
public final class MoodleConnector extends PlatformConnector {

    static final int PER_PAGE = 50;
    static final Duration RECONCILE_EVERY = Duration.ofHours(6);

    /** Between polls of a caught-up course: the engine's long poll (25 s) stands for the wait. */
    private static final Duration POLL_INTERVAL = Duration.ofSeconds(60);

    private final ServerAddress server;
    private final String token;
    private final Clock clock;
    private final Duration reconcileEvery;
    private volatile SiteInfo site;
    /** Per course: its forums, read at the start of a pass. */
    private final Map<String, List<Forum>> forums = new ConcurrentHashMap<>();
    /** Per course: who is enrolled, so that only other authors become participants from their posts. */
    private final Map<String, Set<String>> enrolled = new ConcurrentHashMap<>();
    /** Each course's reconciling pass: the discussions listed so far. */
    private final PassListings listed = new PassListings();
    private final Map<String, String> forumOfDiscussion = new ConcurrentHashMap<>();

    record SiteInfo(UserIdentity me, String siteName, String release, Set<String> functions) {
        boolean allows(String function) {
            return functions.isEmpty() || functions.contains(function);
        }
    }

    record Forum(String id, String name) {
    }

    public MoodleConnector(ServerAddress server, String token) {
        this(server, token, PlatformHttp.client(Duration.ofSeconds(60)), Clock.systemUTC());
    }

    MoodleConnector(ServerAddress server, String token, OkHttpClient http, Clock clock) {
        this(server, token, http, clock, RECONCILE_EVERY);
    }

    /** {@code reconcileEvery}: how often a pass lists and reads every discussion (zero: every pass). */
    MoodleConnector(ServerAddress server, String token, OkHttpClient http, Clock clock, Duration reconcileEvery) {
        super(new PlatformHttp(server, request -> { }, RateBudget.unlimited(),
                answer -> MoodleErrors.classify(server, answer), http), new PollPacer(POLL_INTERVAL));
        this.server = server;
        // The token travels in the POST body, not the address, so it stays out of server access logs.
        this.token = token;
        this.clock = clock;
        this.reconcileEvery = reconcileEvery;
    }

    @Override
    public String describe() {
        SiteInfo s = site;
        return s == null || s.siteName().isEmpty() ? "Moodle " + server : s.siteName() + " (Moodle, " + server + ")";
    }

    @Override
    public UserIdentity me() throws SyncException {
        return refreshSite().me();
    }

    /** {@code core_webservice_get_site_info}: who the token belongs to and which functions it may call. */
    SiteInfo refreshSite() throws SyncException {
        JsonNode info = call(null, "core_webservice_get_site_info", Map.of(), TransferListener.NONE);
        if (!info.isObject() || !info.has("userid")) {
            throw new SyncException(Kind.MALFORMED, server + " answered, but not as Moodle's site info does: is this a Moodle site?");
        }
        Set<String> functions = new HashSet<>();
        for (JsonNode f : info.path("functions")) {
            functions.add(f.path("name").asText());
        }
        SiteInfo fresh = read(() -> new SiteInfo(MoodleReader.identity(info), info.path("sitename").asText(""),
                info.path("release").asText(""), Set.copyOf(functions)));
        site = fresh;
        return fresh;
    }

    private SiteInfo site() throws SyncException {
        SiteInfo s = site;
        return s != null ? s : refreshSite();
    }

    private void require(String function) throws SyncException {
        SiteInfo s = site();
        if (!s.allows(function)) {
            throw new SyncException(Kind.FORBIDDEN, "The token's service on " + server + " does not include " + function
                    + (function.equals("mod_forum_get_forum_discussions") ? " (it needs Moodle 3.7 or newer; this site runs "
                    + s.release() + ")" : "") + ". Add it to the service, or use a token of a service that has it.");
        }
    }

    @Override
    public List<Course> courses() throws SyncException {
        SiteInfo s = site();
        require("core_enrol_get_users_courses");
        JsonNode list = call(null, "core_enrol_get_users_courses", params("userid", s.me().id()), TransferListener.NONE);
        List<Course> courses = new ArrayList<>();
        for (JsonNode c : list) {
            courses.add(read(() -> MoodleReader.course(c, s.siteName(), ZoneId.systemDefault())));
        }
        return courses;
    }

    @Override
    public PullResult pull(PullRequest request, ChangeSink sink, TransferListener transfer) throws SyncException {
        String course = request.courseId();
        WatermarkCursor cursor = WatermarkCursor.decode(request.cursor());
        transfer = PlatformHttp.runningTotal(transfer);
        if (!cursor.inPass()) {
            pacer.pace(course, request.longPoll());
            long now = clock.instant().getEpochSecond();
            long since = cursor.watermark().getEpochSecond();
            boolean reconcile = since == 0
                    || now - cursor.reconciledAt().getEpochSecond() >= reconcileEvery.toSeconds();
            if (!reconcile && !hasUpdates(course, since, transfer)) {
                return new PullResult(cursor.encode(), false, OptionalLong.empty());
            }
            cursor = cursor.startPass(reconcile, UUID.randomUUID().toString());
            forums.put(course, readForums(course, transfer));
            participants(course, sink, transfer);
            if (reconcile) {
                listed.start(course, cursor.passId());
            }
        }
        List<Forum> courseForums = forums.get(course);
        if (courseForums == null) {
            // A pass resumed after a restart: its forums are read again.
            courseForums = readForums(course, transfer);
            forums.put(course, courseForums);
            participants(course, sink, transfer);
        }
        if (forum(cursor) < courseForums.size()) {
            cursor = listPage(request, courseForums.get(forum(cursor)), cursor, sink, transfer);
        }
        if (forum(cursor) < courseForums.size()) {
            return new PullResult(cursor.encode(), true, OptionalLong.empty());
        }
        if (cursor.reconciling()) {
            removeUnlisted(request, cursor, sink);
        }
        forums.remove(course);
        return new PullResult(cursor.endPass(clock.instant()).encode(), false, OptionalLong.empty());
    }

    /** Where a pass stands: the index of the forum it lists. */
    private static int forum(WatermarkCursor cursor) {
        return (int) cursor.number("forum", 0);
    }

    /** The cheap probe of an idle course: has anything in it changed since the watermark? */
    private boolean hasUpdates(String course, long since, TransferListener transfer) throws SyncException {
        if (!site().allows("core_course_get_updates_since")) {
            return true;
        }
        JsonNode updates = call(course, "core_course_get_updates_since",
                params("courseid", course, "since", String.valueOf(since)), transfer);
        return updates.path("instances").size() > 0;
    }

    private List<Forum> readForums(String course, TransferListener transfer) throws SyncException {
        require("mod_forum_get_forums_by_courses");
        JsonNode list = call(course, "mod_forum_get_forums_by_courses", params("courseids[0]", course), transfer);
        List<Forum> result = new ArrayList<>();
        for (JsonNode f : list) {
            result.add(read(() -> new Forum(MoodleReader.id(f, "id"), f.path("name").asText(""))));
        }
        return result;
    }

    private void participants(String course, ChangeSink sink, TransferListener transfer) throws SyncException {
        if (!site().allows("core_enrol_get_enrolled_users")) {
            return;
        }
        JsonNode users = call(course, "core_enrol_get_enrolled_users", params("courseid", course), transfer);
        Set<String> ids = ConcurrentHashMap.newKeySet();
        for (JsonNode u : users) {
            Participant p = read(() -> MoodleReader.participant(course, u));
            ids.add(p.id());
            sink.accept(new Change.ParticipantUpsert(p));
        }
        enrolled.put(course, ids);
    }

    /** One listing page of one forum, and the discussions on it that are newer than the watermark. */
    private WatermarkCursor listPage(PullRequest request, Forum forum, WatermarkCursor cursor, ChangeSink sink,
                                  TransferListener transfer) throws SyncException {
        String course = request.courseId();
        require("mod_forum_get_forum_discussions");
        JsonNode page = call(course, "mod_forum_get_forum_discussions", params("forumid", forum.id(), "sortorder", "1",
                "page", String.valueOf(cursor.number("page", 0)), "perpage", String.valueOf(PER_PAGE)), transfer);
        JsonNode discussions = page.path("discussions");
        if (!discussions.isArray()) {
            throw new SyncException(Kind.MALFORMED, "Moodle's discussion list has no 'discussions'.");
        }
        Set<String> seen = cursor.reconciling() ? listed.of(course, cursor.passId()) : null;
        long since = cursor.watermark().getEpochSecond();
        boolean reachedWatermark = false;
        for (JsonNode d : discussions) {
            long activity = MoodleReader.activity(d);
            String id = read(() -> MoodleReader.id(d, "discussion"));
            forumOfDiscussion.put(id, forum.id());
            if (seen != null) {
                seen.add(id);
            }
            cursor = cursor.seen(Instant.ofEpochSecond(activity));
            boolean pinnedOutOfOrder = d.path("pinned").asBoolean(false);
            if (activity <= since && since > 0 && !cursor.reconciling()) {
                // Pinned discussions come first whatever their age; the first old unpinned one ends the news.
                if (!pinnedOutOfOrder) {
                    reachedWatermark = true;
                    break;
                }
                continue;
            }
            // A reconciling pass reads old discussions too: deleting a reply can move a discussion's time backwards.
            sink.accept(new Change.ThreadUpsert(read(() -> MoodleReader.thread(course, d, forum.name()))));
            discussionPosts(request, id, sink, transfer);
        }
        boolean lastPage = discussions.size() < PER_PAGE;
        if (lastPage || reachedWatermark) {
            return cursor.with("forum", forum(cursor) + 1).with("page", 0);
        }
        return cursor.with("page", cursor.number("page", 0) + 1);
    }

    /** A discussion's posts, whole; posts the cache holds for it that Moodle no longer sends are removed. */
    private void discussionPosts(PullRequest request, String discussionId, ChangeSink sink, TransferListener transfer)
            throws SyncException {
        String course = request.courseId();
        Set<String> sent = new HashSet<>();
        for (Change c : readDiscussion(course, discussionId, transfer)) {
            if (c.kind() == EntityKind.POST) {
                sent.add(c.entityId());
            }
            sink.accept(c);
        }
        if (request.cache() != null) {
            IdSets.removeMissing(EntityKind.POST, request.cache().postsOf(course, discussionId), sent, sink);
        }
    }

    private List<Change> readDiscussion(String course, String discussionId, TransferListener transfer)
            throws SyncException {
        require("mod_forum_get_discussion_posts");
        JsonNode answer = call(course, "mod_forum_get_discussion_posts", params("discussionid", discussionId,
                "sortby", "created", "sortdirection", "ASC"), transfer);
        if (answer.hasNonNull("forumid")) {
            forumOfDiscussion.put(discussionId, answer.get("forumid").asText());
        }
        Set<String> known = enrolled.getOrDefault(course, Set.of());
        Set<String> authors = new HashSet<>();
        List<Change> changes = new ArrayList<>();
        List<Change> posts = new ArrayList<>();
        for (JsonNode p : answer.path("posts")) {
            JsonNode author = p.path("author");
            if (author.hasNonNull("id") && !known.contains(author.get("id").asText()) && authors.add(author.get("id").asText())) {
                changes.add(new Change.ParticipantUpsert(read(() -> MoodleReader.author(course, author))));
            }
            posts.add(new Change.PostUpsert(read(() -> MoodleReader.post(course, p))));
        }
        changes.addAll(posts);
        return changes;
    }

    private void removeUnlisted(PullRequest request, WatermarkCursor cursor, ChangeSink sink) {
        Set<String> seen = listed.finish(request.courseId(), cursor.passId());
        if (seen == null || request.cache() == null) {
            return;
        }
        IdSets.removeMissing(EntityKind.THREAD, request.cache().ids(request.courseId(), EntityKind.THREAD), seen, sink);
    }

    @Override
    public List<Change> thread(String courseId, String threadId) throws SyncException {
        return readDiscussion(courseId, threadId, TransferListener.NONE);
    }

    @Override
    public ActionOutcome send(ModerationAction action) throws SyncException {
        try {
            return switch (action.type()) {
                case REPLY -> reply(action);
                case DELETE -> apply(action, "mod_forum_delete_post", params("postid", action.targetId()));
                case LOCK, UNLOCK -> lock(action);
                case PIN, UNPIN -> apply(action, "mod_forum_set_pin_state", params("discussionid", action.targetId(),
                        "targetstate", action.type() == nl.sociallearning.workstation.domain.ActionType.PIN ? "1" : "0"));
                case HIDE, UNHIDE -> localOnly("core Moodle cannot hide a post from students");
                case RESTORE -> localOnly("Moodle deletes posts for good; a deleted post cannot be restored");
                case APPROVE, REJECT -> localOnly("core Moodle forums have no approval queue");
                case FLAG -> localOnly("core Moodle forums have no flags");
                case SET_TRIAGE, NOTE -> localOnly("triage and notes are the workstation's own");
            };
        } catch (SyncException e) {
            return rejectedOrRethrow(e);
        }
    }

    private static ActionOutcome localOnly(String why) {
        return keptHere("Moodle", why);
    }

    private ActionOutcome apply(ModerationAction action, String function, Map<String, String> params) throws SyncException {
        require(function);
        call(action.courseId(), function, params, TransferListener.NONE);
        return new ActionOutcome.Applied(List.of(), false);
    }

    /** Moodle's quirk: {@code targetstate} is the discussion's current lock state (0 = unlocked), which it flips. */
    private ActionOutcome lock(ModerationAction action) throws SyncException {
        String discussion = action.targetId();
        String forum = forumOfDiscussion.get(discussion);
        if (forum == null) {
            readDiscussion(action.courseId(), discussion, TransferListener.NONE);
            forum = forumOfDiscussion.get(discussion);
            if (forum == null) {
                return new ActionOutcome.Rejected("Moodle did not say which forum discussion " + discussion + " is in.");
            }
        }
        boolean lock = action.type() == nl.sociallearning.workstation.domain.ActionType.LOCK;
        require("mod_forum_set_lock_state");
        JsonNode answer = call(action.courseId(), "mod_forum_set_lock_state", params("forumid", forum,
                "discussionid", discussion, "targetstate", lock ? "0" : "1"), TransferListener.NONE);
        if (answer.has("locked") && answer.get("locked").asBoolean() != lock) {
            return new ActionOutcome.Rejected("Moodle left the discussion " + (lock ? "unlocked" : "locked") + ".");
        }
        return new ActionOutcome.Applied(List.of(), false);
    }

    /**
     * A reply, also a private one (payload {@code private=true}: only the parent's author and teachers see it).
     * Moodle has no idempotency key: before posting, the discussion is checked for this same reply by this user
     * since the action was made, so that a reply whose answer was lost is not posted twice.
     */
    private ActionOutcome reply(ModerationAction action) throws SyncException {
        require("mod_forum_add_discussion_post");
        String body = action.payload().getOrDefault("bodyHtml", "");
        String subject = "Re:";
        String discussion = null;
        if (site().allows("mod_forum_get_discussion_post")) {
            JsonNode parent = call(action.courseId(), "mod_forum_get_discussion_post", params("postid", action.targetId()),
                    TransferListener.NONE).path("post");
            subject = parent.path("replysubject").asText(subject);
            discussion = parent.path("discussionid").asText(null);
        }
        if (discussion != null) {
            String me = site().me().id();
            for (Change c : readDiscussion(action.courseId(), discussion, TransferListener.NONE)) {
                if (c instanceof Change.PostUpsert up && me.equals(up.post().authorId())
                        && action.targetId().equals(up.post().parentId()) && body.equals(up.post().bodyHtml())
                        && !up.post().createdAt().isBefore(action.createdAt().minusSeconds(5))) {
                    return new ActionOutcome.Applied(List.of(c), true);
                }
            }
        }
        Map<String, String> params = params("postid", action.targetId(), "subject", subject, "message", body,
                "messageformat", "1");
        if (Boolean.parseBoolean(action.payload().getOrDefault("private", "false"))) {
            params.put("options[0][name]", "private");
            params.put("options[0][value]", "1");
        }
        JsonNode answer = call(action.courseId(), "mod_forum_add_discussion_post", params, TransferListener.NONE);
        List<Change> state = new ArrayList<>();
        if (answer.path("post").isObject()) {
            state.add(new Change.PostUpsert(read(() -> MoodleReader.post(action.courseId(), answer.get("post")))));
        }
        return new ActionOutcome.Applied(state, false);
    }

    /**
     * Calls web service {@code function} with Moodle's flat parameters ({@code courseids[0]=3}); the token goes in
     * the POST body. {@code courseId} scopes cancellation.
     */
    private JsonNode call(String courseId, String function, Map<String, String> params, TransferListener transfer)
            throws SyncException {
        FormBody.Builder body = new FormBody.Builder().add("wstoken", token);
        params.forEach(body::add);
        HttpUrl url = http.url("webservice", "rest", "server.php").addQueryParameter("wsfunction", function)
                .addQueryParameter("moodlewsrestformat", "json").build();
        return http.call(courseId, new Request.Builder().url(url).post(body.build()), Set.of(), transfer).body();
    }

    static Map<String, String> params(String... keyValues) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            map.put(keyValues[i], keyValues[i + 1]);
        }
        return map;
    }
}
