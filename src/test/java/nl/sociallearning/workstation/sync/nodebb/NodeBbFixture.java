package nl.sociallearning.workstation.sync.nodebb;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import nl.sociallearning.workstation.domain.ActionType;
import nl.sociallearning.workstation.sync.CourseConnector;
import nl.sociallearning.workstation.sync.ServerAddress;
import nl.sociallearning.workstation.sync.ServerCredentials;
import nl.sociallearning.workstation.sync.contract.FixtureServer;
import nl.sociallearning.workstation.sync.contract.PlatformFixture;
import nl.sociallearning.workstation.sync.contract.ServedFixture;

import java.time.Clock;
import java.time.Duration;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static nl.sociallearning.workstation.sync.contract.FixtureServer.JSON;
import static nl.sociallearning.workstation.sync.contract.FixtureServer.json;
import static nl.sociallearning.workstation.sync.contract.FixtureServer.load;

/**
 * The NodeBB v4.10 forum captured in {@code platforms/nodebb/live} (see its README), served again: every read
 * answers the captured body, kept as JSON the test and the write routes change the way NodeBB would (a reply is
 * appended to its topic and moves the topic up in /api/recent, a delete sets {@code deleted}, a lock
 * {@code locked}). Topics 1, 6 and 7 are listed by /api/recent but were not captured: they answer 404, as a
 * purged topic does. Write answers are the captured ones; the answer to a reply that is not queued, which the
 * capture lacks, is shaped like the captured edit answer (PUT /api/v3/posts/14), which is the same post object.
 */
final class NodeBbFixture implements ServedFixture {

    static final String TOKEN = "0b6c7a52-11c4-4bd4-9a4b-2d6a0a0d2f61";
    static final String DIR = "nodebb/live/";
    static final Map<String, String> TOPIC_FILES = Map.of(
            "2", "GET_api_topic_2_welcome-to-cs101-read-this-first.json",
            "3", "GET_api_topic_3_lecture-3-why-is-recursion-depth-limited.json",
            "4", "GET_api_topic_4_hw1-q2-off-by-one-in-my-loop.json",
            "5", "GET_api_topic_5_hw1-deadline-extended-to-friday.json");

    final FixtureServer server;
    final ObjectNode recent = (ObjectNode) load(DIR + "GET_api_recent.json");
    final Map<String, ObjectNode> topics = new LinkedHashMap<>();
    final ObjectNode queue = (ObjectNode) load(DIR + "GET_api_post-queue.json");
    final ObjectNode flags = (ObjectNode) load(DIR + "GET_api_flags.json");
    final JsonNode flag1 = load(DIR + "GET_api_v3_flags_1.json");
    /** A second page of flags, when a test needs more flags than one page holds. */
    volatile ObjectNode flagsPage2;
    private final Duration sweepEvery;

    NodeBbFixture(Duration sweepEvery) throws Exception {
        this.sweepEvery = sweepEvery;
        TOPIC_FILES.forEach((tid, file) -> topics.put(tid, (ObjectNode) load(DIR + file)));
        server = new FixtureServer(r -> ("Bearer " + TOKEN).equals(r.getHeaders().get("Authorization")),
                () -> json(401, JSON.createObjectNode().<ObjectNode>set("status", JSON.createObjectNode()
                        .put("code", "not-authorised")
                        .put("message", "A valid login session was not found. Please log in and try again."))
                        .set("response", JSON.createObjectNode())),
                () -> new MockResponse.Builder().code(429).setHeader("Retry-After", "1")
                        .setHeader("Content-Type", "text/plain").body("Too Many Requests").build());
        routes();
    }

    private void routes() {
        server.on("GET", "/api/config", (r, m) -> json(load(DIR + "GET_api_config.json")))
                .on("GET", "/api/users", (r, m) -> json(page(r) == 1 ? load(DIR + "GET_api_users.json")
                        : empty(load(DIR + "GET_api_users.json"), "users")))
                .on("GET", "/api/recent", (r, m) -> json(page(r) == 1 ? recent : empty(recent, "topics")))
                .on("GET", "/api/flags", (r, m) -> json(page(r) == 1 ? flags
                        : page(r) == 2 && flagsPage2 != null ? flagsPage2 : empty(flags, "flags")))
                .on("GET", "/api/post-queue", (r, m) -> json(page(r) == 1 ? queue : empty(queue, "posts")))
                .on("GET", "/api/topic/(\\d+)(/[^/]*)?", (r, m) -> {
                    ObjectNode topic = topics.get(m.group(1));
                    if (topic == null) {
                        return json(404, JSON.createObjectNode().put("path", "/topic/" + m.group(1))
                                .put("title", "[[global:404.title]]"));
                    }
                    return json(page(r) == 1 ? topic : empty(topic, "posts"));
                })
                .on("GET", "/api/v3/posts/(\\d+)", (r, m) -> {
                    JsonNode post = writeApiPost(m.group(1));
                    return post == null ? json(404, status("not-found", "[[error:no-post]]")) : json(ok(post));
                })
                .on("GET", "/api/v3/users/(\\d+)", (r, m) -> json(load(DIR + "GET_api_v3_users_2.json")))
                .on("POST", "/api/v3/topics/(\\d+)", (r, m) -> {
                    JsonNode body = JSON.readTree(r.getBody().utf8());
                    ObjectNode post = reply(m.group(1), body.path("toPid").asText(), "<p>" + body.path("content").asText() + "</p>");
                    ObjectNode answer = (ObjectNode) load(DIR + "PUT_api_v3_posts_14.json");
                    ((ObjectNode) answer.get("response")).put("pid", post.get("pid").asInt()).put("tid", post.get("tid").asInt())
                            .put("toPid", post.get("toPid").asText()).put("content", post.get("content").asText())
                            .put("timestamp", post.get("timestamp").asLong()).put("edited", 0);
                    return json(answer);
                })
                .on("DELETE", "/api/v3/posts/(\\d+)/state", (r, m) -> postState(m.group(1), true))
                .on("PUT", "/api/v3/posts/(\\d+)/state", (r, m) -> postState(m.group(1), false))
                .on("PUT", "/api/v3/topics/(\\d+)/(lock|pin)", (r, m) -> topicState(m.group(1), m.group(2), true))
                .on("DELETE", "/api/v3/topics/(\\d+)/(lock|pin)", (r, m) -> topicState(m.group(1), m.group(2), false))
                .on("POST", "/api/v3/flags", (r, m) -> json(load(DIR + "POST_api_v3_flags__by_moderator.json")))
                .on("POST", "/api/v3/flags/(\\d+)/notes", (r, m) -> json(load(DIR + "POST_api_v3_flags_1_notes.json")))
                .on("PUT", "/api/v3/flags/(\\d+)", (r, m) -> json(load(DIR + "PUT_api_v3_flags_1.json")))
                .on("POST", "/api/v3/posts/queue/(.+)", (r, m) -> {
                    JsonNode item = unqueue(m.group(1));
                    if (item == null) {
                        return json(400, status("bad-request", "[[error:no-post]]"));
                    }
                    JsonNode data = item.path("data");
                    ObjectNode accepted = reply(data.path("tid").asText(), data.path("toPid").asText(), data.path("content").asText());
                    return json(ok(JSON.createObjectNode().put("type", item.path("type").asText())
                            .put("pid", accepted.get("pid").asInt()).put("tid", accepted.get("tid").asInt())));
                })
                .on("DELETE", "/api/v3/posts/queue/(.+)", (r, m) -> unqueue(m.group(1)) == null
                        ? json(400, status("bad-request", "[[error:no-post]]")) : json(ok(JSON.createObjectNode())));
    }

    // --- the forum, changed as NodeBB changes it ---------------------------------------------------------

    /** Appends a reply to a topic and moves the topic to the top of /api/recent, as NodeBB does. */
    synchronized ObjectNode reply(String tid, String toPid, String content) {
        ObjectNode topic = topics.get(tid);
        ArrayNode posts = (ArrayNode) topic.get("posts");
        ObjectNode post = posts.get(posts.size() - 1).deepCopy();
        long now = newestTime() + 1000;
        post.put("pid", maxPid() + 1).put("content", content).put("timestamp", now).put("edited", 0)
                .put("deleted", 0).put("deleterUid", 0).put("index", posts.size()).set("editor", null);
        post.put("uid", 4).set("user", posts.get(posts.size() - 1).get("user"));
        if (toPid == null || toPid.isEmpty() || toPid.equals("0")) {
            post.remove("toPid");
        } else {
            post.put("toPid", toPid);
        }
        posts.add(post);
        topic.put("lastposttime", now).put("postcount", posts.size());
        ArrayNode listed = (ArrayNode) recent.get("topics");
        for (Iterator<JsonNode> it = listed.iterator(); it.hasNext(); ) {
            JsonNode t = it.next();
            if (t.path("tid").asText().equals(tid)) {
                ObjectNode moved = ((ObjectNode) t).put("lastposttime", now).put("postcount", posts.size());
                it.remove();
                listed.insert(0, moved);
                break;
            }
        }
        return post;
    }

    ObjectNode post(String pid) {
        for (ObjectNode topic : topics.values()) {
            for (JsonNode p : topic.get("posts")) {
                if (p.path("pid").asText().equals(pid)) {
                    return (ObjectNode) p;
                }
            }
        }
        return null;
    }

    private JsonNode writeApiPost(String pid) {
        ObjectNode p = post(pid);
        if (p != null) {
            ObjectNode copy = p.deepCopy();
            copy.remove("user");
            return copy;
        }
        JsonNode target = flag1.path("response").path("target");
        return target.path("pid").asText().equals(pid) ? target : null;
    }

    private synchronized MockResponse postState(String pid, boolean delete) {
        ObjectNode p = post(pid);
        if (p == null) {
            return json(404, status("not-found", "[[error:no-post]]"));
        }
        if ((p.path("deleted").asInt() == 1) == delete) {
            return json(400, status("bad-request", delete ? "[[error:post-already-deleted]]" : "[[error:post-already-restored]]"));
        }
        p.put("deleted", delete ? 1 : 0).put("deleterUid", delete ? 1 : 0);
        return json(load(DIR + (delete ? "DELETE_api_v3_posts_15_state.json" : "PUT_api_v3_posts_17_state__restore.json")));
    }

    private synchronized MockResponse topicState(String tid, String what, boolean on) {
        String field = what.equals("lock") ? "locked" : "pinned";
        ObjectNode topic = topics.get(tid);
        if (topic == null) {
            return json(404, status("not-found", "[[error:no-topic]]"));
        }
        topic.put(field, on ? 1 : 0);
        for (JsonNode t : recent.get("topics")) {
            if (t.path("tid").asText().equals(tid)) {
                ((ObjectNode) t).put(field, on ? 1 : 0);
            }
        }
        return json(load(DIR + (what.equals("lock") ? "PUT_api_v3_topics_5_lock.json" : "PUT_api_v3_topics_2_pin.json")));
    }

    private synchronized JsonNode unqueue(String id) {
        ArrayNode items = (ArrayNode) queue.get("posts");
        for (int i = 0; i < items.size(); i++) {
            if (items.get(i).path("id").asText().equals(id)) {
                return items.remove(i);
            }
        }
        return null;
    }

    private long newestTime() {
        long newest = 0;
        for (ObjectNode topic : topics.values()) {
            for (JsonNode p : topic.get("posts")) {
                newest = Math.max(newest, Math.max(p.path("timestamp").asLong(), p.path("edited").asLong()));
            }
        }
        for (JsonNode t : recent.get("topics")) {
            newest = Math.max(newest, t.path("lastposttime").asLong());
        }
        return newest;
    }

    private int maxPid() {
        int max = 0;
        for (ObjectNode topic : topics.values()) {
            for (JsonNode p : topic.get("posts")) {
                max = Math.max(max, p.path("pid").asInt());
            }
        }
        return Math.max(max, 26);
    }

    private static int page(RecordedRequest r) {
        String page = r.getUrl().queryParameter("page");
        return page == null ? 1 : Integer.parseInt(page);
    }

    /** The same page data with its list empty: what NodeBB answers past the last page. */
    private static JsonNode empty(JsonNode page, String list) {
        ObjectNode copy = page.deepCopy();
        copy.set(list, JSON.createArrayNode());
        return copy;
    }

    private static ObjectNode ok(JsonNode response) {
        ObjectNode wrapper = JSON.createObjectNode();
        wrapper.putObject("status").put("code", "ok").put("message", "OK");
        wrapper.set("response", response);
        return wrapper;
    }

    private static ObjectNode status(String code, String message) {
        ObjectNode wrapper = JSON.createObjectNode();
        wrapper.putObject("status").put("code", code).put("message", message);
        wrapper.putObject("response");
        return wrapper;
    }

    // --- PlatformFixture ---------------------------------------------------------------------------------

    NodeBbConnector connector(String token) {
        return new NodeBbConnector(ServerAddress.of(server.url("/").toString()), ServerCredentials.token(token),
                new NodeBbConnector.Settings(sweepEvery, Duration.ofMillis(50), Clock.systemUTC()));
    }

    @Override
    public CourseConnector connect() {
        return connector(TOKEN);
    }

    @Override
    public CourseConnector connectWithWrongToken() {
        return connector("expired-" + TOKEN);
    }

    @Override
    public String courseId() {
        return connector(TOKEN).courseId();
    }

    @Override
    public synchronized Set<String> postIds() {
        Set<String> ids = new TreeSet<>();
        topics.values().forEach(t -> t.get("posts").forEach(p -> ids.add(p.path("pid").asText())));
        queue.get("posts").forEach(item -> ids.add("queue-" + item.path("id").asText()));
        return ids;
    }

    @Override
    public synchronized Set<String> threadIds() {
        Set<String> ids = new TreeSet<>(topics.keySet());
        queue.get("posts").forEach(item -> {
            if ("topic".equals(item.path("type").asText())) {
                ids.add("queue-" + item.path("id").asText());
            }
        });
        return ids;
    }

    @Override
    public String addReply() {
        return reply("4", "13", "<p dir=\"auto\">Thanks, that helped.</p>\n").get("pid").asText();
    }

    @Override
    public synchronized String editPost() {
        ObjectNode p = post("13");
        p.put("content", p.get("content").asText() + "<p dir=\"auto\">" + EDIT_MARK + "</p>\n")
                .put("edited", newestTime() + 1000);
        return "13";
    }

    @Override
    public synchronized String deletePost() {
        post("16").put("deleted", 1).put("deleterUid", 4);
        return "16";
    }

    @Override
    public Target target(ActionType type) {
        return switch (type) {
            case REPLY -> new Target("13", null, Map.of("bodyHtml", "<p>Good question: see <b>lecture 2</b>.</p>"));
            case HIDE, UNHIDE -> Target.of("13");
            case DELETE, RESTORE, FLAG -> Target.of("12");
            case APPROVE -> Target.of("queue-reply-1795923752636");
            case REJECT -> Target.of("queue-topic-1795923752643");
            case LOCK, UNLOCK, PIN, UNPIN -> Target.of("3");
            case SET_TRIAGE -> new Target("7", null, Map.of("state", "IN_PROGRESS", "assignee", "1"));
            case NOTE -> new Target("7", null, Map.of("text", "Spoke to the student."));
        };
    }

    @Override
    public Map<ActionType, String> localOnly() {
        return Map.of(ActionType.HIDE, "NodeBB only deletes", ActionType.UNHIDE, "NodeBB only deletes");
    }

    @Override
    public FixtureServer server() {
        return server;
    }

}
