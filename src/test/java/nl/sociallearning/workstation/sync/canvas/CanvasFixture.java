package nl.sociallearning.workstation.sync.canvas;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import nl.sociallearning.workstation.domain.ActionType;
import nl.sociallearning.workstation.sync.CourseConnector;
import nl.sociallearning.workstation.sync.ServerAddress;
import nl.sociallearning.workstation.sync.contract.FixtureServer;
import nl.sociallearning.workstation.sync.contract.ServedFixture;
import okhttp3.OkHttpClient;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * A Canvas course for the connector contract: the documented topic (with the {@code author} object current Canvas
 * adds) and a second, older one, their entries from the modelled {@code /view}, held as JSON that changes the way
 * Canvas changes it: a reply moves the topic's {@code last_reply_at}, an edit only the entry's {@code updated_at}, a
 * deletion marks the entry {@code deleted} and drops its text and author. Lists page with {@code Link} headers;
 * throttling is Canvas's 403 with an empty bucket.
 */
final class CanvasFixture implements ServedFixture {

    static final String TOKEN = "contract-token";
    static final String COURSE = "1";

    private final FixtureServer server;
    private final Duration reconcileEvery;
    private final List<ObjectNode> topics = new ArrayList<>();
    /** Entries, flat, each with its topic_id. */
    private final List<ObjectNode> entries = new ArrayList<>();
    private Instant now = Instant.parse("2037-08-01T00:00:00Z");
    private int nextId = 2000;

    CanvasFixture(Duration reconcileEvery) throws Exception {
        this.reconcileEvery = reconcileEvery;
        ObjectNode first = (ObjectNode) FixtureServer.load("canvas/list_discussion_topics.json").get(0);
        ObjectNode second = (ObjectNode) FixtureServer.load("canvas/list_discussion_topics_page2.json").get(0);
        first.putObject("author").put("id", 7086).put("display_name", "Noor de Vries");
        second.putObject("author").put("id", 7090).put("display_name", "Sam Bakker");
        topics.add(first);
        topics.add(second);
        flatten(FixtureServer.load("canvas/topic_view_1.json").path("view"), 1);
        flatten(FixtureServer.load("canvas/topic_view_1.json").path("new_entries"), 1);
        // The contract starts from a course whose every post has an author: the removed entry (and the answer to it)
        // are the contract's own deletion to make.
        entries.removeIf(e -> e.path("deleted").asBoolean(false) || e.path("parent_id").asLong() == 1018);
        server = new FixtureServer(r -> ("Bearer " + TOKEN).equals(r.getHeaders().get("Authorization")),
                () -> status(401, FixtureServer.load("canvas/error_invalid_token.json").toString()),
                () -> new MockResponse.Builder().code(403).setHeader("X-Rate-Limit-Remaining", "0.0")
                        .body("403 Forbidden (Rate Limit Exceeded)").build());
        server.on("GET", "/api/v1/users/self", (r, m) -> ok(FixtureServer.load("canvas/users_self.json"), null));
        server.on("GET", "/api/v1/courses/1/users", (r, m) -> ok(FixtureServer.load("canvas/course_users.json"), null));
        server.on("GET", "/api/v1/courses/1/groups", (r, m) -> ok(FixtureServer.load("canvas/course_groups.json"), null));
        server.on("GET", "/api/v1/groups/41/users", (r, m) -> ok(FixtureServer.load("canvas/group_users.json"), null));
        server.on("GET", "/api/v1/courses/1/discussion_topics", (r, m) -> topicPage(r));
        server.on("GET", "/api/v1/courses/1/discussion_topics/(\\d+)/view", (r, m) -> view(Long.parseLong(m.group(1))));
        server.on("GET", "/api/v1/courses/1/discussion_topics/(\\d+)", (r, m) -> ok(topic(Long.parseLong(m.group(1))), null));
        server.on("POST", "/api/v1/courses/1/discussion_topics/(\\d+)/entries", (r, m) ->
                ok(add(Long.parseLong(m.group(1)), null, 7086, FixtureServer.form(r).get("message")), null));
        server.on("POST", "/api/v1/courses/1/discussion_topics/(\\d+)/entries/(\\d+)/replies", (r, m) ->
                ok(add(Long.parseLong(m.group(1)), Long.parseLong(m.group(2)), 7086, FixtureServer.form(r).get("message")), null));
        server.on("DELETE", "/api/v1/courses/1/discussion_topics/(\\d+)/entries/(\\d+)", (r, m) -> {
            softDelete(Long.parseLong(m.group(2)));
            return new MockResponse.Builder().code(204).build();
        });
        server.on("PUT", "/api/v1/courses/1/discussion_topics/(\\d+)", (r, m) -> {
            ObjectNode t = topic(Long.parseLong(m.group(1)));
            FixtureServer.form(r).forEach((k, v) -> t.put(k, Boolean.parseBoolean(v)));
            return ok(t, null);
        });
    }

    private void flatten(JsonNode list, long topicId) {
        for (JsonNode e : list) {
            ObjectNode copy = ((ObjectNode) e).deepCopy();
            copy.remove("replies");
            copy.put("topic_id", topicId);
            entries.add(copy);
            flatten(e.path("replies"), topicId);
        }
    }

    private synchronized MockResponse topicPage(RecordedRequest r) {
        int perPage = Integer.parseInt(r.getUrl().queryParameter("per_page") == null ? "10" : r.getUrl().queryParameter("per_page"));
        int page = Integer.parseInt(r.getUrl().queryParameter("page") == null ? "1" : r.getUrl().queryParameter("page"));
        perPage = Math.min(perPage, 1); // one topic a page, so the contract follows Link headers
        List<ObjectNode> sorted = new ArrayList<>(topics);
        sorted.sort(Comparator.comparingLong((ObjectNode t) -> CanvasReader.activity(t)).reversed());
        ArrayNode list = FixtureServer.JSON.createArrayNode();
        sorted.stream().skip((long) (page - 1) * perPage).limit(perPage).forEach(list::add);
        String next = page * perPage < sorted.size()
                ? r.getUrl().newBuilder().setQueryParameter("page", String.valueOf(page + 1)).build().toString() : null;
        return ok(list, next);
    }

    private synchronized MockResponse view(long topicId) {
        ObjectNode view = FixtureServer.JSON.createObjectNode();
        view.putArray("unread_entries");
        view.putArray("forced_entries");
        view.putObject("entry_ratings");
        ArrayNode participants = view.putArray("participants");
        Set<Long> users = new TreeSet<>();
        entries.stream().filter(e -> e.path("topic_id").asLong() == topicId && e.has("user_id"))
                .forEach(e -> users.add(e.path("user_id").asLong()));
        users.forEach(u -> participants.addObject().put("id", u).put("display_name", u == 7099 ? "Former Student" : "User " + u));
        view.set("view", tree(topicId, null));
        view.putArray("new_entries");
        return ok(view, null);
    }

    private ArrayNode tree(long topicId, Long parent) {
        ArrayNode list = FixtureServer.JSON.createArrayNode();
        for (ObjectNode e : entries) {
            boolean child = parent == null ? !e.hasNonNull("parent_id") : e.path("parent_id").asLong() == parent;
            if (e.path("topic_id").asLong() == topicId && child) {
                ObjectNode copy = e.deepCopy();
                copy.remove("topic_id");
                ArrayNode replies = tree(topicId, e.path("id").asLong());
                if (!replies.isEmpty()) {
                    copy.set("replies", replies);
                }
                list.add(copy);
            }
        }
        return list;
    }

    private ObjectNode topic(long id) {
        return topics.stream().filter(t -> t.path("id").asLong() == id).findFirst().orElseThrow();
    }

    private synchronized ObjectNode add(long topicId, Long parent, long userId, String message) {
        now = now.plusSeconds(60);
        ObjectNode e = FixtureServer.JSON.createObjectNode().put("id", ++nextId).put("user_id", userId)
                .put("created_at", now.toString()).put("updated_at", now.toString()).put("message", message);
        if (parent == null) {
            e.putNull("parent_id");
        } else {
            e.put("parent_id", parent);
        }
        e.put("topic_id", topicId);
        entries.add(e);
        topic(topicId).put("last_reply_at", now.toString());
        ObjectNode answer = e.deepCopy();
        answer.remove("topic_id");
        return answer;
    }

    private synchronized void softDelete(long entryId) {
        now = now.plusSeconds(60);
        for (ObjectNode e : entries) {
            if (e.path("id").asLong() == entryId) {
                e.put("deleted", true).put("updated_at", now.toString());
                e.remove("message");
                e.remove("user_id");
            }
        }
    }

    private static MockResponse ok(JsonNode body, String next) {
        MockResponse.Builder b = new MockResponse.Builder().code(200).setHeader("Content-Type", "application/json; charset=utf-8")
                .setHeader("X-Rate-Limit-Remaining", "699.5").body(body.toString());
        if (next != null) {
            b.setHeader("Link", "<" + next + ">; rel=\"next\"");
        }
        return b.build();
    }

    private static MockResponse status(int code, String body) {
        return new MockResponse.Builder().code(code).setHeader("Content-Type", "application/json").body(body).build();
    }

    @Override
    public CourseConnector connect() {
        return connector(TOKEN);
    }

    @Override
    public CourseConnector connectWithWrongToken() {
        return connector("not-" + TOKEN);
    }

    private CourseConnector connector(String token) {
        return new CanvasConnector(ServerAddress.of(server.url("/").toString()), token, new OkHttpClient.Builder().build(),
                Clock.systemUTC(), Duration.ofMillis(10), reconcileEvery, Duration.ofSeconds(1));
    }

    @Override
    public String courseId() {
        return COURSE;
    }

    @Override
    public synchronized Set<String> postIds() {
        Set<String> ids = new TreeSet<>();
        topics.forEach(t -> ids.add(t.path("id").asText()));
        entries.forEach(e -> ids.add(CanvasReader.entryId(e.path("topic_id").asText(), e.path("id").asText())));
        return ids;
    }

    @Override
    public synchronized Set<String> threadIds() {
        Set<String> ids = new TreeSet<>();
        topics.forEach(t -> ids.add(t.path("id").asText()));
        return ids;
    }

    @Override
    public String addReply() {
        return "2." + add(2, null, 7090, "<p>A new reply</p>").path("id").asText();
    }

    @Override
    public synchronized String editPost() {
        now = now.plusSeconds(60);
        for (ObjectNode e : entries) {
            if (e.path("id").asLong() == 1017) {
                e.put("message", e.path("message").asText() + "<p>" + EDIT_MARK + "</p>").put("updated_at", now.toString());
            }
        }
        return "1.1017";
    }

    @Override
    public String deletePost() {
        softDelete(1019);
        return "1.1019";
    }

    @Override
    public Target target(ActionType type) {
        return switch (type) {
            case REPLY -> new Target("1.1016", null, Map.of("bodyHtml", "<p>Thanks!</p>"));
            case LOCK, UNLOCK, PIN, UNPIN, SET_TRIAGE, NOTE -> Target.of("1");
            default -> Target.of("1.1021");
        };
    }

    @Override
    public Map<ActionType, String> localOnly() {
        return Map.of(ActionType.HIDE, "Canvas cannot hide a reply", ActionType.UNHIDE, "Canvas cannot hide a reply",
                ActionType.RESTORE, "Canvas's API cannot restore a deleted reply",
                ActionType.FLAG, "reports are not in Canvas's REST API",
                ActionType.APPROVE, "Canvas discussions have no approval queue",
                ActionType.REJECT, "Canvas discussions have no approval queue",
                ActionType.SET_TRIAGE, "triage is the workstation's own", ActionType.NOTE, "notes are the workstation's own");
    }

    @Override
    public FixtureServer server() {
        return server;
    }

}
