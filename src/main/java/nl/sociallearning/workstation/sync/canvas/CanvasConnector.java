package nl.sociallearning.workstation.sync.canvas;

import com.fasterxml.jackson.databind.JsonNode;
import nl.sociallearning.workstation.domain.ActionType;
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
import okhttp3.RequestBody;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
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
 * A Canvas LMS through its REST API (a user's access token). Canvas has no change feed, so this emulates one per
 * course (see docs/platforms.md): topics by recent activity down to the watermark, each newer topic read whole with
 * {@code /view} (retried while Canvas builds it: 503; if it stays unavailable, from the entry and reply lists), soft-deleted entries as deleted posts, and every
 * {@link #RECONCILE_EVERY} a pass over all topics that removes the ones Canvas no longer lists. An idle course costs
 * one request (the first topic page) per long-poll interval.
 */
public final class CanvasConnector extends PlatformConnector {

    static final int PER_PAGE = 50;
    static final Duration RECONCILE_EVERY = Duration.ofHours(6);
    private static final int VIEW_ATTEMPTS = 5;
    /** Between polls of a caught-up course: the engine's long poll (25 s) stands for the wait. */
    private static final Duration POLL_INTERVAL = Duration.ofSeconds(60);

    private final ServerAddress server;
    private final Clock clock;
    private final Duration reconcileEvery;
    private final Duration viewRetryBase;
    private final Map<String, Set<String>> enrolled = new ConcurrentHashMap<>();
    /** Each course's reconciling pass: the topics listed so far. */
    private final PassListings listed = new PassListings();

    public CanvasConnector(ServerAddress server, String token) {
        this(server, token, PlatformHttp.client(Duration.ofSeconds(60)), Clock.systemUTC(), Duration.ofSeconds(1));
    }

    CanvasConnector(ServerAddress server, String token, OkHttpClient http, Clock clock, Duration viewRetryBase) {
        this(server, token, http, clock, viewRetryBase, RECONCILE_EVERY, CanvasErrors.THROTTLE_WAIT);
    }

    /**
     * {@code reconcileEvery}: how often a pass reads every topic (zero: every pass); {@code throttleWait}: how long
     * to wait after Canvas throttled, as it says nothing of it.
     */
    CanvasConnector(ServerAddress server, String token, OkHttpClient http, Clock clock, Duration viewRetryBase,
                    Duration reconcileEvery, Duration throttleWait) {
        super(new PlatformHttp(server, request -> request.header("Authorization", "Bearer " + token),
                RateBudget.unlimited(), new CanvasErrors(server, throttleWait), http), new PollPacer(POLL_INTERVAL));
        this.server = server;
        this.reconcileEvery = reconcileEvery;
        this.clock = clock;
        this.viewRetryBase = viewRetryBase;
    }

    @Override
    public String describe() {
        return "Canvas " + server;
    }

    @Override
    public UserIdentity me() throws SyncException {
        JsonNode self = page(null, api("users", "self").build(), TransferListener.NONE).body();
        if (!self.isObject() || !self.has("id")) {
            throw new SyncException(Kind.MALFORMED, server + " answered, but not as Canvas does: is this a Canvas site?");
        }
        return read(() -> CanvasReader.identity(self));
    }

    @Override
    public List<Course> courses() throws SyncException {
        List<Course> courses = new ArrayList<>();
        HttpUrl url = api("courses").addQueryParameter("enrollment_state", "active")
                .addQueryParameter("include[]", "total_students").addQueryParameter("per_page", "100").build();
        while (url != null) {
            Page page = page(null, url, TransferListener.NONE);
            for (JsonNode c : array(page.body(), "course list")) {
                Course course = read(() -> CanvasReader.course(c, ZoneId.systemDefault()));
                if (course != null) {
                    courses.add(course);
                }
            }
            url = page.next();
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
            boolean reconcile = cursor.watermark().getEpochSecond() == 0
                    || now - cursor.reconciledAt().getEpochSecond() >= reconcileEvery.toSeconds();
            cursor = cursor.startPass(reconcile, UUID.randomUUID().toString());
            if (reconcile) {
                listed.start(course, cursor.passId());
            }
        }
        // The next topic page: the address Canvas gave, never built by us.
        HttpUrl url = cursor.text("next") != null ? HttpUrl.get(cursor.text("next"))
                : api("courses", course, "discussion_topics").addQueryParameter("order_by", "recent_activity")
                .addQueryParameter("per_page", String.valueOf(PER_PAGE)).build();
        Page page = page(course, url, transfer);
        JsonNode topics = array(page.body(), "topic list");
        Set<String> seen = cursor.reconciling() ? listed.of(course, cursor.passId()) : null;
        long since = cursor.watermark().getEpochSecond();
        List<JsonNode> newer = new ArrayList<>();
        boolean reachedWatermark = false;
        for (JsonNode t : topics) {
            String id = read(() -> CanvasReader.id(t, "id"));
            if (seen != null) {
                seen.add(id);
            }
            long activity = CanvasReader.activity(t);
            cursor = cursor.seen(Instant.ofEpochSecond(activity));
            if (since > 0 && activity <= since && !cursor.reconciling()) {
                // Pinned topics may stand first whatever their age; the first old unpinned one ends the news.
                if (!t.path("pinned").asBoolean(false)) {
                    reachedWatermark = true;
                    break;
                }
                continue;
            }
            // A reconciling pass reads old topics too: Canvas changes no topic time when an entry is edited or deleted.
            newer.add(t);
        }
        if (!cursor.flag("peopleRead") && (!newer.isEmpty() || cursor.reconciling())) {
            participants(course, sink, transfer);
            cursor = cursor.with("peopleRead", true);
        }
        for (JsonNode t : newer) {
            topic(request, t, sink, transfer);
        }
        if (page.next() != null && !reachedWatermark) {
            return new PullResult(cursor.with("next", page.next().toString()).encode(), true, OptionalLong.empty());
        }
        if (cursor.reconciling()) {
            removeUnlisted(request, cursor, sink);
        }
        return new PullResult(cursor.endPass(clock.instant()).encode(), false, OptionalLong.empty());
    }

    /** Enrolled users with their roles, and their groups (one request per group). */
    private void participants(String course, ChangeSink sink, TransferListener transfer) throws SyncException {
        Map<String, String> groupOf = new HashMap<>();
        for (JsonNode g : all(course, api("courses", course, "groups").addQueryParameter("per_page", "100").build(),
                transfer)) {
            String name = g.path("name").asText("");
            String groupId = read(() -> CanvasReader.id(g, "id"));
            for (JsonNode u : all(course, api("groups", groupId, "users").addQueryParameter("per_page", "100").build(),
                    transfer)) {
                groupOf.putIfAbsent(u.path("id").asText(), name);
            }
        }
        Set<String> ids = ConcurrentHashMap.newKeySet();
        for (JsonNode u : all(course, api("courses", course, "users").addQueryParameter("include[]", "enrollments")
                .addQueryParameter("per_page", "100").build(), transfer)) {
            Participant p = read(() -> CanvasReader.participant(course, u, groupOf.get(u.path("id").asText())));
            ids.add(p.id());
            sink.accept(new Change.ParticipantUpsert(p));
        }
        enrolled.put(course, ids);
    }

    private List<JsonNode> all(String course, HttpUrl first, TransferListener transfer) throws SyncException {
        List<JsonNode> items = new ArrayList<>();
        HttpUrl url = first;
        while (url != null) {
            Page page = page(course, url, transfer);
            array(page.body(), "list").forEach(items::add);
            url = page.next();
        }
        return items;
    }

    /** A topic whole: the thread, its opening post, every entry; cached posts Canvas no longer has are removed. */
    private void topic(PullRequest request, JsonNode topic, ChangeSink sink, TransferListener transfer)
            throws SyncException {
        String course = request.courseId();
        String topicId = read(() -> CanvasReader.id(topic, "id"));
        sink.accept(new Change.ThreadUpsert(read(() -> CanvasReader.thread(course, topic))));
        sink.accept(new Change.PostUpsert(read(() -> CanvasReader.openingPost(course, topic))));
        Set<String> sent = new HashSet<>();
        sent.add(topicId);
        for (Change c : entries(course, topicId, transfer)) {
            if (c.kind() == EntityKind.POST) {
                sent.add(c.entityId());
            }
            sink.accept(c);
        }
        if (request.cache() != null) {
            IdSets.removeMissing(EntityKind.POST, request.cache().postsOf(course, topicId), sent, sink);
        }
    }

    /** The entries of a topic from {@code /view}, which Canvas may still be building (503): then wait and ask again. */
    private List<Change> entries(String course, String topicId, TransferListener transfer) throws SyncException {
        HttpUrl url = api("courses", course, "discussion_topics", topicId, "view").build();
        Duration wait = viewRetryBase;
        for (int attempt = 1; ; attempt++) {
            try {
                return view(course, topicId, page(course, url, transfer).body());
            } catch (SyncException e) {
                if (e.kind() != Kind.SERVER_ERROR) {
                    throw e;
                }
                if (attempt >= VIEW_ATTEMPTS) {
                    return entryList(course, topicId, transfer);
                }
                Duration least = wait;
                Duration delay = e.retryAfter().filter(r -> r.compareTo(least) > 0).orElse(least);
                pacer.sleep(course, delay); // the whole wait: pace() would cut it to the poll interval, or to nothing
                // A Retry-After also paused the request budget; by the other clock it may end a moment later.
                pacer.sleep(course, http.budget().waitTime());
                wait = wait.multipliedBy(2);
            }
        }
    }

    /**
     * The slower way to a whole topic, when {@code /view} stays unavailable: the entry list (with each entry's
     * recent replies) and, where an entry has more, its reply list. Replies then hang below their entry.
     */
    private List<Change> entryList(String course, String topicId, TransferListener transfer) throws SyncException {
        Map<String, Change> posts = new LinkedHashMap<>();
        HttpUrl.Builder topic = api("courses", course, "discussion_topics", topicId, "entries");
        for (JsonNode e : all(course, topic.addQueryParameter("per_page", "100").build(), transfer)) {
            Change entry = new Change.PostUpsert(read(() -> CanvasReader.entry(course, topicId, e, topicId)));
            posts.put(entry.entityId(), entry);
            JsonNode replies = e.path("recent_replies");
            if (e.path("has_more_replies").asBoolean(false)) {
                replies = objects(all(course, api("courses", course, "discussion_topics", topicId, "entries",
                        read(() -> CanvasReader.id(e, "id")), "replies").addQueryParameter("per_page", "100").build(),
                        transfer));
            }
            for (JsonNode r : replies) {
                Change reply = new Change.PostUpsert(read(() -> CanvasReader.entry(course, topicId, r, entry.entityId())));
                posts.put(reply.entityId(), reply);
            }
        }
        return new ArrayList<>(posts.values());
    }

    private static JsonNode objects(List<JsonNode> items) {
        com.fasterxml.jackson.databind.node.ArrayNode array = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.arrayNode();
        items.forEach(array::add);
        return array;
    }

    private List<Change> view(String course, String topicId, JsonNode view) throws SyncException {
        if (!view.isObject() || !view.path("view").isArray()) {
            throw new SyncException(Kind.MALFORMED, "Canvas's topic view has no 'view' list.");
        }
        List<Change> changes = new ArrayList<>();
        Set<String> known = enrolled.getOrDefault(course, Set.of());
        for (JsonNode p : view.path("participants")) {
            if (p.hasNonNull("id") && !known.contains(p.get("id").asText())) {
                changes.add(new Change.ParticipantUpsert(read(() -> CanvasReader.threadParticipant(course, p))));
            }
        }
        Map<String, Change> posts = new LinkedHashMap<>();
        read(() -> {
            collect(course, topicId, view.path("view"), topicId, posts);
            // Entries made after Canvas built the cached view come separately; they may repeat one of the view.
            collect(course, topicId, view.path("new_entries"), topicId, posts);
            return posts;
        });
        changes.addAll(posts.values());
        return changes;
    }

    /** Flattens the entry tree; a malformed entry throws {@link nl.sociallearning.workstation.sync.platform.PlatformText.MalformedException}. */
    private void collect(String course, String topicId, JsonNode entries, String parentPostId, Map<String, Change> into) {
        for (JsonNode e : entries) {
            Change post = new Change.PostUpsert(CanvasReader.entry(course, topicId, e, parentPostId));
            into.put(post.entityId(), post);
            collect(course, topicId, e.path("replies"), post.entityId(), into);
        }
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
        JsonNode topic = page(courseId, api("courses", courseId, "discussion_topics", threadId).build(),
                TransferListener.NONE).body();
        List<Change> changes = new ArrayList<>();
        changes.add(new Change.ThreadUpsert(read(() -> CanvasReader.thread(courseId, topic))));
        changes.add(new Change.PostUpsert(read(() -> CanvasReader.openingPost(courseId, topic))));
        changes.addAll(entries(courseId, threadId, TransferListener.NONE));
        return changes;
    }

    @Override
    public ActionOutcome send(ModerationAction action) throws SyncException {
        try {
            return switch (action.type()) {
                case REPLY -> reply(action);
                case DELETE -> delete(action);
                case LOCK, UNLOCK -> updateTopic(action, "locked", action.type() == ActionType.LOCK);
                case PIN, UNPIN -> updateTopic(action, "pinned", action.type() == ActionType.PIN);
                case HIDE, UNHIDE -> localOnly("Canvas cannot hide a single reply");
                case RESTORE -> localOnly("Canvas cannot restore a deleted reply through its API");
                case APPROVE, REJECT -> localOnly("Canvas discussions have no approval queue");
                case FLAG -> localOnly("Canvas's reports of replies are not in its REST API");
                case SET_TRIAGE, NOTE -> localOnly("triage and notes are the workstation's own");
            };
        } catch (SyncException e) {
            return rejectedOrRethrow(e);
        }
    }

    private static ActionOutcome localOnly(String why) {
        return keptHere("Canvas", why);
    }

    /** A reply to the topic (its opening post) or to an entry ({@code <topic>.<entry>}). */
    private ActionOutcome reply(ModerationAction action) throws SyncException {
        String target = action.targetId();
        int dot = target.indexOf('.');
        String topicId = dot < 0 ? target : target.substring(0, dot);
        HttpUrl.Builder url = api("courses", action.courseId(), "discussion_topics", topicId, "entries");
        if (dot >= 0) {
            url.addPathSegment(target.substring(dot + 1)).addPathSegment("replies");
        }
        JsonNode entry = send(action.courseId(), "POST", url.build(),
                Map.of("message", action.payload().getOrDefault("bodyHtml", "")));
        List<Change> state = new ArrayList<>();
        if (entry.hasNonNull("id") && entry.hasNonNull("created_at")) {
            state.add(new Change.PostUpsert(read(() -> CanvasReader.entry(action.courseId(), topicId, entry, target))));
        }
        return new ActionOutcome.Applied(state, false);
    }

    private ActionOutcome delete(ModerationAction action) throws SyncException {
        String target = action.targetId();
        int dot = target.indexOf('.');
        if (dot < 0) {
            return localOnly("Canvas deletes a topic only with all its replies; delete it in Canvas if that is meant");
        }
        send(action.courseId(), "DELETE", api("courses", action.courseId(), "discussion_topics",
                target.substring(0, dot), "entries", target.substring(dot + 1)).build(), Map.of());
        return new ActionOutcome.Applied(List.of(), false);
    }

    private ActionOutcome updateTopic(ModerationAction action, String field, boolean value) throws SyncException {
        JsonNode topic = send(action.courseId(), "PUT", api("courses", action.courseId(),
                "discussion_topics", action.targetId()).build(), Map.of(field, String.valueOf(value)));
        List<Change> state = new ArrayList<>();
        if (topic.hasNonNull("id") && (topic.hasNonNull("posted_at") || topic.hasNonNull("created_at"))) {
            state.add(new Change.ThreadUpsert(read(() -> CanvasReader.thread(action.courseId(), topic))));
        }
        return new ActionOutcome.Applied(state, false);
    }

    /** A list page; the next page is the {@code Link} header's {@code rel="next"} address (null on the last). */
    record Page(JsonNode body, HttpUrl next) {
    }

    /** {@code /api/v1/…} on this server. */
    private HttpUrl.Builder api(String... segments) {
        String[] all = new String[segments.length + 2];
        all[0] = "api";
        all[1] = "v1";
        System.arraycopy(segments, 0, all, 2, segments.length);
        return http.url(all);
    }

    /** A read; a next page is followed as Canvas gives it, and only on this server, so the token never goes elsewhere. */
    private Page page(String course, HttpUrl url, TransferListener transfer) throws SyncException {
        HttpUrl base = http.url().build();
        if (!url.scheme().equals(base.scheme()) || !url.host().equals(base.host()) || url.port() != base.port()) {
            throw new SyncException(Kind.REFUSED, "Canvas pointed to another server (" + url.host()
                    + ") for the next page; the token is not sent there.");
        }
        PlatformHttp.Reply reply = http.get(course, url, Set.of(), transfer);
        return new Page(reply.body(), LinkHeader.next(reply.headers().values("Link"), url));
    }

    /** A write with Canvas's form parameters. */
    private JsonNode send(String course, String method, HttpUrl url, Map<String, String> form) throws SyncException {
        FormBody.Builder body = new FormBody.Builder();
        form.forEach(body::add);
        RequestBody content = method.equals("DELETE") && form.isEmpty() ? null : body.build();
        return http.call(course, new Request.Builder().url(url).method(method, content), Set.of(), TransferListener.NONE)
                .body();
    }

    private JsonNode array(JsonNode body, String what) throws SyncException {
        if (!body.isArray()) {
            throw new SyncException(Kind.MALFORMED, "Canvas's " + what + " is not a list.");
        }
        return body;
    }
}
