package nl.sociallearning.workstation.sync.nodebb;

import com.fasterxml.jackson.databind.JsonNode;
import nl.sociallearning.workstation.domain.Audience;
import nl.sociallearning.workstation.domain.Change;
import nl.sociallearning.workstation.domain.Course;
import nl.sociallearning.workstation.domain.EntityKind;
import nl.sociallearning.workstation.domain.ModerationAction;
import nl.sociallearning.workstation.domain.Participant;
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
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static nl.sociallearning.workstation.sync.platform.PlatformHttp.read;

/**
 * A NodeBB forum (v3/v4) as one course, its categories as modules. Reads the read API ({@code /api/…}, the data
 * of the forum's pages), acts through the write API ({@code /api/v3/…}); a Bearer token of a moderator or
 * administrator (made in the admin panel, Settings › API Access).
 *
 * <p>The change feed is emulated (docs/platforms.md). The first sync, and a sweep every {@code sweepEvery}, reads
 * every topic whole ({@code /api/topic/:tid}, page by page) in the order of {@code /api/recent}, the cursor keeping
 * the listing page and the topics done on it, so a page can end anywhere and resume. After that, topics with a
 * last post after the watermark are read, oldest first, the watermark advancing topic by topic. Edits, soft
 * deletes, locks and pins do not change a topic's last post time: the sweep finds them, and the topics and posts
 * deleted for good (id sets against the cache). Each pull also reads the flags (open flags give posts their flag
 * counts; a changed count re-reads the topic) and the post queue (pending posts).
 */
public final class NodeBbConnector extends PlatformConnector {

    /** How often to sweep and poll; the clock, for tests. */
    public record Settings(Duration sweepEvery, Duration pollInterval, Clock clock) {
        public static Settings defaults() {
            return new Settings(Duration.ofMinutes(15), Duration.ofSeconds(20), Clock.systemUTC());
        }
    }

    private final String courseId;
    private final NodeBbReader reader;
    private final Settings settings;
    private final NodeBbActions actions;
    /** Which topic a post is in, learnt while syncing; spares a request per action. */
    private final Map<String, String> topicOfPost = new java.util.concurrent.ConcurrentHashMap<>();

    public NodeBbConnector(ServerAddress server, ServerCredentials credentials) {
        this(server, credentials, Settings.defaults());
    }

    public NodeBbConnector(ServerAddress server, ServerCredentials credentials, Settings settings) {
        super(new PlatformHttp(server, r -> r.header("Authorization", "Bearer " + credentials.token()),
                RateBudget.unlimited(), NodeBbConnector::failure), new PollPacer(settings.pollInterval()));
        this.courseId = CourseIds.forSite("nodebb", server);
        this.reader = new NodeBbReader(courseId);
        this.settings = settings;
        this.actions = new NodeBbActions(http, courseId, this);
    }

    /** NodeBB's write API names its errors in {@code status.message}, e.g. "[[error:no-privileges]]". */
    private static SyncException failure(PlatformHttp.Answer answer) {
        if (answer.code() == 401) {
            return new SyncException(Kind.UNAUTHORIZED, "NodeBB did not accept the token ("
                    + answer.body().path("status").path("message").asText("HTTP 401") + "). Make a new one in the admin panel "
                    + "(Settings › API Access) and enter it again.");
        }
        return null;
    }

    public String courseId() {
        return courseId;
    }

    @Override
    public String describe() {
        return "NodeBB " + http.server();
    }

    @Override
    public UserIdentity me() throws SyncException {
        JsonNode config = http.get(null, http.url("api", "config").build());
        String uid = config.path("uid").asText("0");
        if (uid.equals("0")) {
            throw new SyncException(Kind.UNAUTHORIZED, "NodeBB treats this token as a guest: use a token made for a "
                    + "moderator or administrator (Settings › API Access).");
        }
        JsonNode user = http.get(null, http.url("api", "v3", "users", uid).build()).path("response");
        return read(() -> new UserIdentity(uid, reader.participant(user).displayName()));
    }

    @Override
    public List<Course> courses() throws SyncException {
        JsonNode config = http.get(null, http.url("api", "config").build());
        PlatformHttp.Reply users = http.get(null, http.url("api", "users").build(), Set.of(403), TransferListener.NONE);
        String title = NodeBbReader.unescape(config.path("siteTitle").asText("NodeBB"));
        return List.of(new Course(courseId, title, null, Audience.NETWORK, null, null, ZoneId.systemDefault(),
                users.body().path("userCount").asInt(0)));
    }

    // --- the emulated change feed ----------------------------------------------------------------------

    /** A topic as the listing shows it. */
    private record Listed(String tid, long lastPost, int posts) {
    }

    @Override
    public PullResult pull(PullRequest request, ChangeSink sink, TransferListener transfer) throws SyncException {
        checkCourse(request.courseId());
        WatermarkCursor cursor = WatermarkCursor.decode(request.cursor());
        pacer.pace(courseId, request.longPoll());
        return read(() -> pullPage(request, cursor, sink, PlatformHttp.runningTotal(transfer)));
    }

    private PullResult pullPage(PullRequest request, WatermarkCursor start, ChangeSink sink, TransferListener transfer)
            throws SyncException {
        Emitter out = new Emitter(sink);
        CacheIndex cache = request.cache() == null ? (c, k) -> Set.of() : request.cache();
        Instant now = settings.clock().instant();
        WatermarkCursor cursor = start;
        boolean sweeping = cursor.isFirstSync() || cursor.text("sweepPage") != null
                || !now.isBefore(cursor.instant("sweptAt").plus(settings.sweepEvery()));
        if (sweeping && cursor.text("sweepPage") == null) {
            cursor = cursor.with("sweepPage", "1").with("sweepIndex", 0).with("topicsDone", 0).with("changesDone", 0);
            readUsers(out, transfer);
        }

        Map<String, Integer> flags = readFlags(transfer);
        cursor = readQueue(cursor, sweeping, cache, out, transfer);
        Set<String> reread = new TreeSet<>();
        for (String pid : changedFlags(cursor.text("flags"), flags)) {
            String tid = topicOf(pid);
            if (tid != null) {
                reread.add(tid);
            }
        }
        cursor = cursor.with("flags", encodeFlags(flags));
        for (String tid : reread) {
            readTopic(tid, flags, cache, out, transfer);
        }
        return sweeping ? sweep(cursor, flags, cache, out, request.limit(), now, transfer)
                : incremental(cursor, flags, cache, out, request.limit(), transfer);
    }

    /**
     * Every topic again, newest first, page by page of /api/recent; the cursor keeps the page and the topics done
     * on it. Topics that move up meanwhile have a newer last post than the sweep's start: the watermark finds them.
     */
    private PullResult sweep(WatermarkCursor start, Map<String, Integer> flags, CacheIndex cache, Emitter out, int limit,
                             Instant now, TransferListener transfer) throws SyncException {
        WatermarkCursor cursor = start;
        int pageNo = Integer.parseInt(cursor.text("sweepPage"));
        int index = (int) cursor.number("sweepIndex", 0);
        long topicsDone = cursor.number("topicsDone", 0);
        long changesBefore = out.count;
        int done = 0;
        while (true) {
            JsonNode body = recent(pageNo, transfer);
            JsonNode topics = body.path("topics");
            if (pageNo == 1 && index == 0 && !topics.isEmpty() && cursor.text("sweepActivity") == null) {
                cursor = cursor.with("sweepActivity", topics.get(0).path("lastposttime").asText("0"));
            }
            for (; index < topics.size(); index++) {
                if (done > 0 && out.count >= Math.max(1, limit)) {
                    long changesDone = cursor.number("changesDone", 0) + out.count - changesBefore;
                    long perTopic = Math.max(1, changesDone / Math.max(1, topicsDone));
                    long remaining = Math.max(1, body.path("topicCount").asLong(0) - topicsDone) * perTopic;
                    cursor = cursor.with("sweepPage", String.valueOf(pageNo)).with("sweepIndex", index)
                            .with("topicsDone", topicsDone).with("changesDone", changesDone);
                    return new PullResult(cursor.encode(), true, OptionalLong.of(remaining));
                }
                readTopic(PlatformText.id(topics.get(index), "tid"), flags, cache, out, transfer);
                topicsDone++;
                done++;
            }
            if (topics.isEmpty() || pageNo >= body.path("pagination").path("pageCount").asInt(1)) {
                break;
            }
            pageNo++;
            index = 0;
        }
        if (!cursor.isFirstSync()) {
            // What the cache holds beyond the forum's topics is gone from it (purged): one more pass over the list.
            Set<String> listed = list(Long.MIN_VALUE, transfer).stream().map(Listed::tid).collect(Collectors.toSet());
            Set<String> cached = cache.ids(courseId, EntityKind.THREAD).stream()
                    .filter(id -> !id.startsWith(NodeBbReader.QUEUE_PREFIX)).collect(Collectors.toSet());
            IdSets.removeMissing(EntityKind.THREAD, cached, listed, out);
        }
        long activity = Long.parseLong(cursor.text("sweepActivity") == null ? "0" : cursor.text("sweepActivity"));
        cursor = cursor.withWatermark(Instant.ofEpochMilli(Math.max(activity, cursor.watermark().toEpochMilli())))
                .with("sweptAt", now).without("sweepPage").without("sweepIndex").without("sweepActivity")
                .without("topicsDone").without("changesDone");
        return new PullResult(cursor.encode(), false, OptionalLong.of(0));
    }

    /** Topics with a post after the watermark, oldest first, the watermark advancing topic by topic. */
    private PullResult incremental(WatermarkCursor start, Map<String, Integer> flags, CacheIndex cache, Emitter out,
                                   int limit, TransferListener transfer) throws SyncException {
        WatermarkCursor cursor = start;
        long from = cursor.watermark().toEpochMilli();
        List<Listed> todo = list(from, transfer).stream()
                .sorted(Comparator.comparingLong(Listed::lastPost).thenComparing(Listed::tid)).toList();
        long position = from;
        int done = 0;
        for (Listed topic : todo) {
            // At least one topic a page, so every page makes progress; never part of a run of equal times.
            boolean tie = topic.lastPost() == position;
            if (done > 0 && out.count >= Math.max(1, limit) && !tie) {
                break;
            }
            readTopic(topic.tid(), flags, cache, out, transfer);
            position = topic.lastPost();
            done++;
        }
        if (position > from) {
            cursor = cursor.withWatermark(Instant.ofEpochMilli(position));
        }
        long remaining = todo.subList(done, todo.size()).stream().mapToLong(t -> t.posts() + 1L).sum();
        return new PullResult(cursor.encode(), done < todo.size(), OptionalLong.of(remaining));
    }

    private JsonNode recent(int page, TransferListener transfer) throws SyncException {
        JsonNode body = http.get(courseId, http.url("api", "recent").addQueryParameter("page", String.valueOf(page)).build(),
                transfer);
        if (!body.path("topics").isArray()) {
            throw new PlatformText.MalformedException("the list of recent topics has no 'topics'");
        }
        return body;
    }

    /** Topics by last post, newest first, down to {@code after} (all of them for {@link Long#MIN_VALUE}). */
    private List<Listed> list(long after, TransferListener transfer) throws SyncException {
        List<Listed> topics = new ArrayList<>();
        for (int page = 1; ; page++) {
            JsonNode body = recent(page, transfer);
            JsonNode items = body.path("topics");
            boolean older = false;
            for (JsonNode t : items) {
                long last = t.path("lastposttime").asLong(0);
                if (last <= after) {
                    older = true;
                    break;
                }
                topics.add(new Listed(PlatformText.id(t, "tid"), last, t.path("postcount").asInt(0)));
            }
            if (older || items.isEmpty() || page >= body.path("pagination").path("pageCount").asInt(1)) {
                return topics;
            }
        }
    }

    /** Reads a topic whole, page by page, and emits it; a topic that is gone is removed. */
    private void readTopic(String tid, Map<String, Integer> flags, CacheIndex cache, Emitter out, TransferListener transfer)
            throws SyncException {
        List<Change> changes = topic(tid, flags, transfer);
        if (changes == null) {
            out.accept(new Change.Removal(EntityKind.THREAD, tid));
            return;
        }
        Set<String> pids = new HashSet<>();
        for (Change c : changes) {
            out.accept(c);
            if (c instanceof Change.PostUpsert p) {
                pids.add(p.post().id());
            }
        }
        Set<String> cachedPosts = cache.postsOf(courseId, tid).stream()
                .filter(id -> !id.startsWith(NodeBbReader.QUEUE_PREFIX)).collect(Collectors.toSet());
        IdSets.removeMissing(EntityKind.POST, cachedPosts, pids, out);
    }

    /** A topic's participants, thread and posts, or null if NodeBB no longer has it (404). */
    List<Change> topic(String tid, Map<String, Integer> flags, TransferListener transfer) throws SyncException {
        List<Change> changes = new ArrayList<>();
        Map<String, Participant> authors = new LinkedHashMap<>();
        List<Change> posts = new ArrayList<>();
        JsonNode first = null;
        for (int page = 1; ; page++) {
            PlatformHttp.Reply reply = http.get(courseId, http.url("api", "topic", tid)
                    .addQueryParameter("page", String.valueOf(page)).build(), Set.of(404), transfer);
            if (reply.code() == 404) {
                return page == 1 ? null : changes;
            }
            JsonNode body = reply.body();
            if (first == null) {
                first = body;
            }
            JsonNode items = body.path("posts");
            if (!items.isArray()) {
                throw new PlatformText.MalformedException("topic " + tid + " has no 'posts'");
            }
            String mainPid = PlatformText.id(first, "mainPid");
            boolean deleted = NodeBbReader.flag(first, "deleted");
            for (JsonNode p : items) {
                String pid = PlatformText.id(p, "pid");
                topicOfPost.put(pid, tid);
                if (p.path("user").isObject() && p.path("user").hasNonNull("uid")) {
                    Participant a = reader.participant(p.get("user"));
                    authors.putIfAbsent(a.id(), a);
                }
                posts.add(new Change.PostUpsert(reader.post(p, mainPid, deleted, flags.getOrDefault(pid, 0))));
            }
            if (items.isEmpty() || page >= body.path("pagination").path("pageCount").asInt(1)) {
                break;
            }
        }
        authors.values().forEach(a -> changes.add(new Change.ParticipantUpsert(a)));
        changes.add(new Change.ThreadUpsert(reader.thread(first)));
        changes.addAll(posts);
        return changes;
    }

    private void readUsers(Emitter out, TransferListener transfer) throws SyncException {
        for (int page = 1; ; page++) {
            PlatformHttp.Reply reply = http.get(courseId, http.url("api", "users")
                    .addQueryParameter("page", String.valueOf(page)).build(), Set.of(403), transfer);
            JsonNode users = reply.body().path("users");
            if (reply.code() == 403 || !users.isArray() || users.isEmpty()) {
                return;
            }
            for (JsonNode u : users) {
                out.accept(new Change.ParticipantUpsert(reader.participant(u)));
            }
            if (page >= reply.body().path("pagination").path("pageCount").asInt(1)) {
                return;
            }
        }
    }

    /** Open flags on posts: post id to number of reports. Who may not see flags sees none. */
    Map<String, Integer> readFlags(TransferListener transfer) throws SyncException {
        Map<String, Integer> counts = new TreeMap<>();
        for (JsonNode f : openPostFlags(transfer)) {
            counts.merge(PlatformText.id(f, "targetId"), Math.max(1, f.path("heat").asInt(1)), Integer::sum);
        }
        return counts;
    }

    /** Every open (or in progress) flag on a post, from all pages of {@code /api/flags}; none for who may not see them. */
    List<JsonNode> openPostFlags(TransferListener transfer) throws SyncException {
        List<JsonNode> open = new ArrayList<>();
        for (int page = 1; ; page++) {
            PlatformHttp.Reply reply = http.get(courseId, http.url("api", "flags")
                    .addQueryParameter("page", String.valueOf(page)).build(), Set.of(403), transfer);
            JsonNode flags = reply.body().path("flags");
            if (reply.code() == 403 || !flags.isArray()) {
                return open;
            }
            for (JsonNode f : flags) {
                String state = f.path("state").asText();
                if ("post".equals(f.path("type").asText()) && (state.equals("open") || state.equals("wip"))) {
                    open.add(f);
                }
            }
            if (flags.isEmpty() || page >= reply.body().path("pagination").path("pageCount").asInt(1)) {
                return open;
            }
        }
    }

    /** The post queue as pending posts (and pending new topics); what left the queue is removed. */
    private WatermarkCursor readQueue(WatermarkCursor cursor, boolean sweeping, CacheIndex cache, Emitter out,
                                      TransferListener transfer) throws SyncException {
        List<JsonNode> items = queue(transfer);
        if (items == null) {
            return cursor;
        }
        // Only a changed queue is passed on, so a quiet forum's polls change nothing in the cache.
        java.util.zip.CRC32 digest = new java.util.zip.CRC32();
        items.forEach(item -> digest.update((item.path("id").asText() + "/" + item.path("data").path("content").asText())
                .getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        String queueState = Long.toHexString(digest.getValue()) + "/" + items.size();
        if (!sweeping && queueState.equals(cursor.text("queue"))) {
            return cursor;
        }
        Set<String> posts = new HashSet<>();
        Set<String> topics = new HashSet<>();
        for (JsonNode item : items) {
            if (item.path("user").isObject() && item.path("user").hasNonNull("uid")) {
                out.accept(new Change.ParticipantUpsert(reader.participant(item.get("user"))));
            }
            if ("topic".equals(item.path("type").asText())) {
                var thread = reader.queuedTopic(item);
                out.accept(new Change.ThreadUpsert(thread));
                topics.add(thread.id());
            }
            var post = reader.queued(item);
            out.accept(new Change.PostUpsert(post));
            posts.add(post.id());
        }
        IdSets.removeMissing(EntityKind.POST, queued(cache.ids(courseId, EntityKind.POST)), posts, out);
        IdSets.removeMissing(EntityKind.THREAD, queued(cache.ids(courseId, EntityKind.THREAD)), topics, out);
        return cursor.with("queue", queueState);
    }

    /** The queue's items, or null if this account may not see it. */
    List<JsonNode> queue(TransferListener transfer) throws SyncException {
        List<JsonNode> items = new ArrayList<>();
        for (int page = 1; ; page++) {
            PlatformHttp.Reply reply = http.get(courseId, http.url("api", "post-queue")
                    .addQueryParameter("page", String.valueOf(page)).build(), Set.of(403), transfer);
            JsonNode posts = reply.body().path("posts");
            if (reply.code() == 403 || !posts.isArray()) {
                return page == 1 ? null : items;
            }
            posts.forEach(items::add);
            if (posts.isEmpty() || page >= reply.body().path("pagination").path("pageCount").asInt(1)) {
                return items;
            }
        }
    }

    private static Set<String> queued(Set<String> ids) {
        return ids.stream().filter(id -> id.startsWith(NodeBbReader.QUEUE_PREFIX)).collect(Collectors.toSet());
    }

    /** The topic a post is in: learnt while syncing, else asked ({@code /api/v3/posts/:pid}); null if it is gone. */
    String topicOf(String pid) throws SyncException {
        String known = topicOfPost.get(pid);
        if (known != null) {
            return known;
        }
        JsonNode post = postObject(pid);
        return post == null ? null : PlatformText.id(post, "tid");
    }

    /** The write API's post object (its content is the raw markdown), or null if NodeBB has no such post. */
    JsonNode postObject(String pid) throws SyncException {
        PlatformHttp.Reply reply = http.get(courseId, http.url("api", "v3", "posts", pid).build(), Set.of(404),
                TransferListener.NONE);
        if (reply.code() == 404) {
            return null;
        }
        JsonNode post = reply.body().path("response");
        topicOfPost.put(PlatformText.id(post, "pid"), PlatformText.id(post, "tid"));
        return post;
    }

    private static Set<String> changedFlags(String before, Map<String, Integer> now) {
        Map<String, String> old = new TreeMap<>();
        if (before != null && !before.isEmpty()) {
            for (String entry : before.split(",")) {
                String[] parts = entry.split(":");
                old.put(parts[0], parts.length > 1 ? parts[1] : "");
            }
        }
        Set<String> changed = new TreeSet<>();
        now.forEach((pid, count) -> {
            if (!String.valueOf(count).equals(old.get(pid))) {
                changed.add(pid);
            }
        });
        old.keySet().stream().filter(pid -> !now.containsKey(pid)).forEach(changed::add);
        return changed;
    }

    private static String encodeFlags(Map<String, Integer> flags) {
        return flags.entrySet().stream().map(e -> e.getKey() + ":" + e.getValue()).collect(Collectors.joining(","));
    }

    @Override
    public List<Change> thread(String courseId, String threadId) throws SyncException {
        checkCourse(courseId);
        if (threadId.startsWith(NodeBbReader.QUEUE_PREFIX)) {
            List<JsonNode> items = queue(TransferListener.NONE);
            return read(() -> {
                List<Change> changes = new ArrayList<>();
                for (JsonNode item : items == null ? List.<JsonNode>of() : items) {
                    if ((NodeBbReader.QUEUE_PREFIX + item.path("id").asText()).equals(threadId)) {
                        changes.add(new Change.ThreadUpsert(reader.queuedTopic(item)));
                        changes.add(new Change.PostUpsert(reader.queued(item)));
                    }
                }
                return changes;
            });
        }
        Map<String, Integer> flags = readFlags(TransferListener.NONE);
        List<Change> changes = read(() -> topic(threadId, flags, TransferListener.NONE));
        if (changes == null) {
            throw new SyncException(Kind.NOT_FOUND, "NodeBB no longer has topic " + threadId + ".");
        }
        return changes;
    }

    @Override
    public ActionOutcome send(ModerationAction action) throws SyncException {
        checkCourse(action.courseId());
        return actions.send(action);
    }

    private void checkCourse(String id) throws SyncException {
        if (!courseId.equals(id)) {
            throw new SyncException(Kind.NOT_FOUND, "This NodeBB forum is course " + courseId + ", not " + id + ".");
        }
    }

    /** Counts what it passes on, so a page ends near the engine's limit. */
    private static final class Emitter implements ChangeSink {
        private final ChangeSink sink;
        int count;

        Emitter(ChangeSink sink) {
            this.sink = sink;
        }

        @Override
        public void accept(Change change) {
            sink.accept(change);
            count++;
        }
    }

    static HttpUrl.Builder v3(PlatformHttp http, String... segments) {
        String[] all = new String[segments.length + 2];
        all[0] = "api";
        all[1] = "v3";
        System.arraycopy(segments, 0, all, 2, segments.length);
        return http.url(all);
    }
}
