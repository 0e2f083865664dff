package nl.sociallearning.workstation.sync.discourse;

import com.fasterxml.jackson.databind.JsonNode;
import nl.sociallearning.workstation.domain.Audience;
import nl.sociallearning.workstation.domain.Change;
import nl.sociallearning.workstation.domain.Course;
import nl.sociallearning.workstation.domain.EntityKind;
import nl.sociallearning.workstation.domain.ModerationAction;
import nl.sociallearning.workstation.domain.Participant;
import nl.sociallearning.workstation.domain.Post;
import nl.sociallearning.workstation.domain.UserIdentity;
import nl.sociallearning.workstation.sync.ActionOutcome;
import nl.sociallearning.workstation.sync.CacheIndex;
import nl.sociallearning.workstation.sync.ChangeSink;
import nl.sociallearning.workstation.sync.PullRequest;
import nl.sociallearning.workstation.sync.PullResult;
import nl.sociallearning.workstation.sync.ServerAddress;
import nl.sociallearning.workstation.sync.ServerCredentials;
import nl.sociallearning.workstation.sync.SyncException;
import nl.sociallearning.workstation.sync.SyncException.Kind;
import nl.sociallearning.workstation.sync.TransferListener;
import nl.sociallearning.workstation.sync.platform.CourseIds;
import nl.sociallearning.workstation.sync.platform.HttpFailures;
import nl.sociallearning.workstation.sync.platform.IdSets;
import nl.sociallearning.workstation.sync.platform.PlatformConnector;
import nl.sociallearning.workstation.sync.platform.PlatformHttp;
import nl.sociallearning.workstation.sync.platform.PlatformText;
import nl.sociallearning.workstation.sync.platform.PollPacer;
import nl.sociallearning.workstation.sync.platform.RateBudget;
import nl.sociallearning.workstation.sync.platform.WatermarkCursor;
import okhttp3.HttpUrl;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import static nl.sociallearning.workstation.sync.platform.PlatformHttp.read;

/**
 * A Discourse site as one course, its categories as modules; an {@code Api-Key} with the {@code Api-Username}
 * it acts as (a moderator). Discourse allows 60 requests a minute per key by default, so every request is
 * spent from a {@link RateBudget}: a page ends while the budget still covers it, and waits for the budget (not
 * a 429) inside a long topic.
 *
 * <p>First sync (and a sweep every {@code sweepEvery}): {@code /latest.json?order=activity} page by page, each
 * topic read whole ({@code /t/:id.json}, then the ids of {@code post_stream.stream} it did not include, in
 * batches of 20 through {@code /t/:id/posts.json?post_ids[]=}); the cursor stores the listing page and the
 * topics done on it, so a restart resumes there. {@code /about.json} gives the site's post count for an honest
 * estimate. After that: topics bumped after the activity watermark and topics of posts newer than the post-id
 * watermark ({@code /posts.json?before=}) are read again; the review queue gives pending posts and flagged
 * topics. Soft-deleted posts come with {@code deleted_at}; posts gone from a topic's stream are removed.
 */
public final class DiscourseConnector extends PlatformConnector {

    /** Budget and pace; the clock, for tests. */
    public record Settings(int requestsPerMinute, Duration sweepEvery, Duration pollInterval, Clock clock) {
        public static Settings defaults() {
            return new Settings(60, Duration.ofHours(24), Duration.ofSeconds(30), Clock.systemUTC());
        }
    }

    static final int BATCH = 20;
    private static final int PER_PAGE = 100;

    private final String courseId;
    private final String username;
    private final DiscourseReader reader;
    private final Settings settings;
    private final DiscourseActions actions;
    private volatile Map<String, String> categories;
    /** The transfer of the pull running on this thread, if any. */
    private final ThreadLocal<TransferListener> pullTransfer = ThreadLocal.withInitial(() -> TransferListener.NONE);
    /** Category ids still unknown after the categories were read again for them: not asked about twice. */
    private final Set<String> unknownCategories = ConcurrentHashMap.newKeySet();
    /** Each topic's opener, learnt while reading topics: the parent of a queued reply. */
    private final Map<String, String> openers = new ConcurrentHashMap<>();

    public DiscourseConnector(ServerAddress server, ServerCredentials credentials) {
        this(server, credentials, Settings.defaults());
    }

    public DiscourseConnector(ServerAddress server, ServerCredentials credentials, Settings settings) {
        super(connect(server, credentials, settings), new PollPacer(settings.pollInterval()));
        this.username = credentials.username();
        this.settings = settings;
        this.courseId = CourseIds.forSite("discourse", server);
        this.reader = new DiscourseReader(courseId);
        this.actions = new DiscourseActions(this);
    }

    private static PlatformHttp connect(ServerAddress server, ServerCredentials credentials, Settings settings) {
        String username = credentials.username();
        if (username == null || username.isBlank()) {
            throw new IllegalArgumentException("Discourse needs the username the API key acts as (Api-Username).");
        }
        return new PlatformHttp(server, r -> r.header("Api-Key", credentials.token()).header("Api-Username", username),
                new RateBudget(settings.requestsPerMinute(), Duration.ofMinutes(1), settings.clock()),
                answer -> failure(username, answer));
    }

    /** Discourse answers a wrong key with 403 "invalid_access", and throttling with 429 and a wait. */
    private static SyncException failure(String username, PlatformHttp.Answer answer) {
        int code = answer.code();
        JsonNode body = answer.body();
        String type = body.path("error_type").asText("");
        if ((code == 403 && type.equals("invalid_access")) || code == 401) {
            return new SyncException(Kind.UNAUTHORIZED, "Discourse did not accept the API key (token) for user '"
                    + username + "'. Make a key for that user in the admin panel (API › New key) and enter it again.");
        }
        if (code == 429) {
            Duration wait = HttpFailures.retryAfter(answer.headers().get("Retry-After"));
            if (wait == null && body.path("extras").has("wait_seconds")) {
                wait = Duration.ofSeconds(body.path("extras").path("wait_seconds").asLong(1));
            }
            wait = wait == null ? Duration.ofSeconds(60) : wait;
            return new SyncException(Kind.RATE_LIMITED, "Discourse asks us to slow down; trying again in "
                    + Math.max(1, wait.toSeconds()) + " s.", wait, null);
        }
        return null;
    }

    public String courseId() {
        return courseId;
    }

    PlatformHttp http() {
        return http;
    }

    DiscourseReader reader() {
        return reader;
    }

    @Override
    public String describe() {
        return "Discourse " + http.server();
    }

    @Override
    public UserIdentity me() throws SyncException {
        JsonNode user = get(null, http.url("u", username + ".json")).path("user");
        return read(() -> new UserIdentity(PlatformText.id(user, "id"),
                user.path("name").asText("").isBlank() ? user.path("username").asText(username) : user.get("name").asText()));
    }

    @Override
    public List<Course> courses() throws SyncException {
        JsonNode about = get(null, http.url("about.json")).path("about");
        JsonNode stats = about.path("stats");
        int users = stats.path("users_count").asInt(stats.path("user_count").asInt(0));
        return List.of(new Course(courseId, about.path("title").asText("Discourse"), null, Audience.NETWORK, null, null,
                ZoneId.systemDefault(), users));
    }

    // --- the emulated change feed ----------------------------------------------------------------------

    @Override
    public PullResult pull(PullRequest request, ChangeSink sink, TransferListener transfer) throws SyncException {
        checkCourse(request.courseId());
        WatermarkCursor cursor = WatermarkCursor.decode(request.cursor());
        pacer.pace(courseId, request.longPoll());
        CacheIndex cache = request.cache() == null ? (c, k) -> Set.of() : request.cache();
        Page page = new Page(sink, Math.max(1, request.limit()));
        boolean sweeping = cursor.isFirstSync() || cursor.text("sweepPage") != null
                || !settings.clock().instant().isBefore(cursor.instant("sweptAt").plus(settings.sweepEvery()));
        // Every request of this pull, however deep, counts towards its transfer; requests of actions, made on
        // another thread meanwhile, do not.
        pullTransfer.set(PlatformHttp.runningTotal(transfer));
        try {
            return read(() -> sweeping ? sweep(cursor, cache, page) : incremental(cursor, cache, page));
        } finally {
            pullTransfer.remove();
        }
    }

    /** A whole pass over the site by activity, resumable at any topic. */
    private PullResult sweep(WatermarkCursor start, CacheIndex cache, Page page) throws SyncException {
        WatermarkCursor cursor = start;
        if (cursor.text("sweepPage") == null) {
            JsonNode stats = get(courseId, http.url("about.json")).path("about").path("stats");
            long total = stats.path("posts_count").asLong(stats.path("post_count").asLong(0));
            JsonNode latest = get(courseId, http.url("posts.json")).path("latest_posts");
            long newestPost = 0;
            for (JsonNode p : latest) {
                newestPost = Math.max(newestPost, p.path("id").asLong());
            }
            cursor = cursor.with("sweepPage", "0").with("sweepIndex", 0).with("total", total).with("done", 0)
                    .with("sweepPostId", newestPost).without("sweepActivity");
        }
        int pageNo = Integer.parseInt(cursor.text("sweepPage"));
        int index = (int) cursor.number("sweepIndex", 0);
        long done = cursor.number("done", 0);
        while (true) {
            JsonNode list = get(courseId, latest(pageNo));
            List<JsonNode> topics = topics(list);
            if (pageNo == 0 && index == 0 && !topics.isEmpty() && cursor.text("sweepActivity") == null) {
                cursor = cursor.with("sweepActivity", bumped(topics.get(0)));
            }
            for (; index < topics.size(); index++) {
                JsonNode topic = topics.get(index);
                int cost = cost(topic) + (categories == null ? 1 : 0);
                if (page.topics > 0 && (page.full() || http.budget().available() < cost)) {
                    cursor = cursor.with("sweepPage", String.valueOf(pageNo)).with("sweepIndex", index).with("done", done);
                    return new PullResult(cursor.encode(), true, OptionalLong.of(Math.max(1, cursor.number("total", 0) - done)));
                }
                readTopic(PlatformText.id(topic, "id"), cache, page);
                done += topic.path("posts_count").asLong(1);
            }
            if (topics.isEmpty() || !list.path("topic_list").hasNonNull("more_topics_url")) {
                if (page.topics > 0 && http.budget().available() < 1) {
                    // The review queue ends the sweep: in the next page, rather than waiting for the budget here.
                    cursor = cursor.with("sweepPage", String.valueOf(pageNo)).with("sweepIndex", index).with("done", done);
                    return new PullResult(cursor.encode(), true, OptionalLong.of(1));
                }
                break;
            }
            pageNo++;
            index = 0;
        }
        Instant activity = cursor.text("sweepActivity") == null ? cursor.watermark() : cursor.instant("sweepActivity");
        cursor = cursor.withWatermark(activity.isAfter(cursor.watermark()) ? activity : cursor.watermark())
                .with("postId", Math.max(cursor.number("postId", 0), cursor.number("sweepPostId", 0)))
                .with("sweptAt", settings.clock().instant())
                .without("sweepPage").without("sweepIndex").without("sweepActivity").without("sweepPostId")
                .without("done").without("total");
        cursor = readReviewQueue(cursor, true, cache, page);
        return new PullResult(cursor.encode(), false, OptionalLong.of(0));
    }

    /** What changed since the watermarks: bumped topics, topics of new posts, the review queue. */
    private PullResult incremental(WatermarkCursor start, CacheIndex cache, Page page) throws SyncException {
        WatermarkCursor cursor = readReviewQueue(start, false, cache, page);
        Map<String, Instant> todo = new LinkedHashMap<>();
        Instant activity = cursor.watermark();
        for (int pageNo = 0; ; pageNo++) {
            JsonNode list = get(courseId, latest(pageNo));
            List<JsonNode> topics = topics(list);
            boolean older = false;
            for (JsonNode t : topics) {
                Instant bumped = bumped(t);
                if (!bumped.isAfter(activity)) {
                    older = true;
                    break;
                }
                todo.put(PlatformText.id(t, "id"), bumped);
            }
            if (older || topics.isEmpty() || !list.path("topic_list").hasNonNull("more_topics_url")) {
                break;
            }
        }
        long postId = cursor.number("postId", 0);
        long newestPost = postId;
        String before = null;
        for (int pages = 0; pages < 10; pages++) {
            HttpUrl.Builder url = http.url("posts.json");
            if (before != null) {
                url.addQueryParameter("before", before);
            }
            JsonNode posts = get(courseId, url).path("latest_posts");
            boolean older = posts.isEmpty();
            for (JsonNode p : posts) {
                long id = p.path("id").asLong();
                if (id <= postId) {
                    older = true;
                    break;
                }
                newestPost = Math.max(newestPost, id);
                Instant created = PlatformText.required(PlatformText.iso(p, "created_at"), "created_at");
                todo.merge(PlatformText.id(p, "topic_id"), created, (a, b) -> a.isAfter(b) ? a : b);
                before = String.valueOf(id);
            }
            if (older) {
                break;
            }
        }
        List<Map.Entry<String, Instant>> ordered = todo.entrySet().stream().sorted(Map.Entry.comparingByValue()).toList();
        int done = 0;
        for (Map.Entry<String, Instant> topic : ordered) {
            if (page.topics > 0 && (page.full() || http.budget().available() < 2)) {
                break;
            }
            readTopic(topic.getKey(), cache, page);
            if (topic.getValue().isAfter(activity)) {
                activity = topic.getValue();
            }
            done++;
        }
        boolean more = done < ordered.size();
        cursor = cursor.withWatermark(activity);
        if (!more) {
            cursor = cursor.with("postId", newestPost);
        }
        long remaining = ordered.size() - done;
        return new PullResult(cursor.encode(), more, OptionalLong.of(remaining));
    }

    /** Reads a topic whole and emits it; a topic that is gone (404) is removed. */
    private void readTopic(String tid, CacheIndex cache, Page page) throws SyncException {
        List<Change> changes = topic(tid);
        page.topics++;
        if (changes == null) {
            page.accept(new Change.Removal(EntityKind.THREAD, tid));
            return;
        }
        Set<String> ids = new java.util.HashSet<>();
        for (Change c : changes) {
            page.accept(c);
            if (c instanceof Change.PostUpsert p) {
                ids.add(p.post().id());
            }
        }
        Set<String> cached = cache.postsOf(courseId, tid).stream()
                .filter(id -> !id.startsWith(DiscourseReader.REVIEW_PREFIX)).collect(Collectors.toSet());
        IdSets.removeMissing(EntityKind.POST, cached, ids, page);
    }

    /** A topic's participants, thread and every post of its stream; null if Discourse no longer has it. */
    List<Change> topic(String tid) throws SyncException {
        PlatformHttp.Reply reply = getReply(courseId, http.url("t", tid + ".json"), Set.of(404));
        if (reply.code() == 404) {
            return null;
        }
        JsonNode topic = reply.body();
        JsonNode stream = topic.path("post_stream").path("stream");
        if (!stream.isArray()) {
            throw new PlatformText.MalformedException("topic " + tid + " has no post_stream.stream");
        }
        Map<String, JsonNode> posts = new LinkedHashMap<>();
        topic.path("post_stream").path("posts").forEach(p -> posts.put(p.path("id").asText(), p));
        List<String> missing = new ArrayList<>();
        stream.forEach(id -> {
            if (!posts.containsKey(id.asText())) {
                missing.add(id.asText());
            }
        });
        for (int i = 0; i < missing.size(); i += BATCH) {
            HttpUrl.Builder url = http.url("t", tid, "posts.json");
            missing.subList(i, Math.min(missing.size(), i + BATCH)).forEach(id -> url.addQueryParameter("post_ids[]", id));
            getReply(courseId, url, Set.of()).body().path("post_stream").path("posts")
                    .forEach(p -> posts.put(p.path("id").asText(), p));
        }
        Map<Integer, String> byNumber = new HashMap<>();
        posts.values().forEach(p -> byNumber.put(p.path("post_number").asInt(), p.path("id").asText()));
        String opener = byNumber.get(1);
        if (opener != null) {
            openers.put(tid, opener);
        }
        boolean topicDeleted = topic.hasNonNull("deleted_at");
        Map<String, Participant> authors = new LinkedHashMap<>();
        List<Change> postChanges = new ArrayList<>();
        for (JsonNode p : posts.values()) {
            int number = p.path("post_number").asInt();
            String parent = number == 1 ? null
                    : p.hasNonNull("reply_to_post_number") ? byNumber.getOrDefault(p.get("reply_to_post_number").asInt(), opener)
                    : opener;
            Participant author = reader.participant(p);
            authors.putIfAbsent(author.id(), author);
            postChanges.add(new Change.PostUpsert(reader.post(p, parent, topicDeleted)));
        }
        List<Change> changes = new ArrayList<>();
        authors.values().forEach(a -> changes.add(new Change.ParticipantUpsert(a)));
        changes.add(new Change.ThreadUpsert(reader.thread(topic, categories(PlatformText.optionalId(topic, "category_id")))));
        changes.addAll(postChanges);
        return changes;
    }

    /** The review queue: queued posts as pending posts (gone ones removed), flagged topics read again on change. */
    private WatermarkCursor readReviewQueue(WatermarkCursor cursor, boolean always, CacheIndex cache, Page page)
            throws SyncException {
        List<JsonNode> items = reviewables();
        if (items == null) {
            return cursor;
        }
        String digest = items.stream().map(r -> r.path("id").asText() + ":" + r.path("version").asText())
                .sorted().collect(Collectors.joining(","));
        String state = Integer.toHexString(digest.hashCode()) + "/" + items.size();
        if (!always && state.equals(cursor.text("review"))) {
            return cursor;
        }
        Set<String> queued = new java.util.HashSet<>();
        Set<String> flaggedTopics = new java.util.TreeSet<>();
        for (JsonNode r : items) {
            String type = r.path("type").asText();
            if (type.equals("ReviewableQueuedPost")) {
                Post post = reader.queued(r, openers.get(r.path("topic_id").asText()));
                if (!r.hasNonNull("topic_id")) {
                    // A queued new topic: the thread it will become, pending with its opener.
                    page.accept(new Change.ThreadUpsert(new nl.sociallearning.workstation.domain.DiscussionThread(courseId,
                            post.id(), r.path("payload").path("title").asText("(new topic)"), null, post.authorId(),
                            post.createdAt(), post.createdAt(), false, false, 1)));
                }
                page.accept(new Change.PostUpsert(post));
                queued.add(post.id());
            } else if (type.equals("ReviewableFlaggedPost") && r.hasNonNull("topic_id")) {
                flaggedTopics.add(r.get("topic_id").asText());
            }
        }
        Set<String> cachedQueued = cache.ids(courseId, EntityKind.POST).stream()
                .filter(id -> id.startsWith(DiscourseReader.REVIEW_PREFIX)).collect(Collectors.toSet());
        IdSets.removeMissing(EntityKind.POST, cachedQueued, queued, page);
        if (!always) {
            for (String tid : flaggedTopics) {
                readTopic(tid, cache, page);
            }
        }
        return cursor.with("review", state);
    }

    /** Pending reviewables, or null if this account may not see the queue. */
    List<JsonNode> reviewables() throws SyncException {
        PlatformHttp.Reply reply = getReply(courseId, http.url("review.json").addQueryParameter("status", "pending"),
                Set.of(403, 404));
        JsonNode list = reply.body().path("reviewables");
        if (reply.code() != 200 || !list.isArray()) {
            return null;
        }
        List<JsonNode> items = new ArrayList<>();
        list.forEach(items::add);
        return items;
    }

    /**
     * The site's categories by id, read once and again when a topic names one not seen before (a category made
     * since), so that its module gets its name; an id that stays unknown (e.g. hidden from this user) is not asked
     * about again.
     */
    private Map<String, String> categories(String wanted) throws SyncException {
        Map<String, String> known = categories;
        if (known == null || (wanted != null && !known.containsKey(wanted) && unknownCategories.add(wanted))) {
            Map<String, String> names = new HashMap<>();
            for (JsonNode c : get(courseId, http.url("categories.json")).path("category_list").path("categories")) {
                names.put(c.path("id").asText(), c.path("name").asText());
            }
            categories = known = names;
        }
        return known;
    }

    private HttpUrl.Builder latest(int pageNo) {
        return http.url("latest.json").addQueryParameter("order", "activity")
                .addQueryParameter("per_page", String.valueOf(PER_PAGE)).addQueryParameter("page", String.valueOf(pageNo));
    }

    /** The listing's topics, each once (a listing can repeat a topic while topics move). */
    private static List<JsonNode> topics(JsonNode list) {
        JsonNode topics = list.path("topic_list").path("topics");
        if (!topics.isArray()) {
            throw new PlatformText.MalformedException("the topic list has no 'topic_list.topics'");
        }
        Map<String, JsonNode> unique = new LinkedHashMap<>();
        topics.forEach(t -> unique.putIfAbsent(PlatformText.id(t, "id"), t));
        return new ArrayList<>(unique.values());
    }

    private static Instant bumped(JsonNode topic) {
        Instant bumped = PlatformText.iso(topic, "bumped_at");
        Instant last = PlatformText.iso(topic, "last_posted_at");
        Instant created = PlatformText.iso(topic, "created_at");
        return bumped != null ? bumped : last != null ? last : PlatformText.required(created, "created_at");
    }

    /** Requests a topic costs: the topic and a batch per further 20 posts. */
    static int cost(JsonNode topic) {
        int posts = topic.path("posts_count").asInt(1);
        return 1 + Math.max(0, (posts - BATCH + BATCH - 1) / BATCH);
    }

    // --- budgeted requests -----------------------------------------------------------------------------

    JsonNode get(String course, HttpUrl.Builder url) throws SyncException {
        return getReply(course, url, Set.of()).body();
    }

    PlatformHttp.Reply getReply(String course, HttpUrl.Builder url, Set<Integer> tolerated) throws SyncException {
        awaitBudget(course);
        return http.get(course, url.build(), tolerated, pullTransfer.get());
    }

    /** Waits for the budget rather than fail: a long topic is read across budget windows. */
    void awaitBudget(String course) throws SyncException {
        Duration wait = http.budget().waitTime();
        if (!wait.isZero()) {
            pacer.sleep(course == null ? "" : course, wait);
        }
    }

    @Override
    public List<Change> thread(String courseId, String threadId) throws SyncException {
        checkCourse(courseId);
        List<Change> changes = read(() -> topic(threadId));
        if (changes == null) {
            throw new SyncException(Kind.NOT_FOUND, "Discourse no longer has topic " + threadId + ".");
        }
        return changes;
    }

    @Override
    public ActionOutcome send(ModerationAction action) throws SyncException {
        checkCourse(action.courseId());
        return read(() -> actions.send(action));
    }

    private void checkCourse(String id) throws SyncException {
        if (!courseId.equals(id)) {
            throw new SyncException(Kind.NOT_FOUND, "This Discourse site is course " + courseId + ", not " + id + ".");
        }
    }

    /** One page's changes, counted, with how many topics it read. */
    private static final class Page implements ChangeSink {
        private final ChangeSink sink;
        private final int limit;
        int count;
        int topics;

        Page(ChangeSink sink, int limit) {
            this.sink = sink;
            this.limit = limit;
        }

        boolean full() {
            return count >= limit;
        }

        @Override
        public void accept(Change change) {
            sink.accept(change);
            count++;
        }
    }

}
