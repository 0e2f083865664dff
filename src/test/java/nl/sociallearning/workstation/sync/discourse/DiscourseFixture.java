package nl.sociallearning.workstation.sync.discourse;

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
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static nl.sociallearning.workstation.sync.contract.FixtureServer.JSON;
import static nl.sociallearning.workstation.sync.contract.FixtureServer.json;
import static nl.sociallearning.workstation.sync.contract.FixtureServer.load;

/**
 * A Discourse site built from the published responses in {@code platforms/discourse} (the API docs' and the
 * API gem's fixtures; see the .source.txt files): the listing is {@code latest_topics_response.json} as it is
 * (topics 13, 12 and 8), topic 13 is {@code topic_response.json} as it is (its {@code last_posted_at} is null),
 * and topics 12 and 8 are that topic's shape with their posts, each post shaped like the published ones. Topic
 * 12 holds 25 posts, so its last five come in a batch ({@code /t/12/posts.json?post_ids[]=}). The review queue,
 * {@code /about.json}, {@code /categories.json} and {@code /u/:username.json}, for which nothing is published
 * here, follow Discourse's serializers. Writes change the site as Discourse does: a reply bumps its topic.
 */
final class DiscourseFixture implements ServedFixture {

    static final String KEY = "f3b5e1d2c4a6b8d0e2f4a6c8e0b2d4f6a8c0e2b4d6f8a0c2e4b6d8f0a2c4e6b8";
    static final String USER = "discourse1";
    static final String DIR = "discourse/";

    final FixtureServer server;
    final ObjectNode listing = (ObjectNode) load(DIR + "latest_topics_response.json");
    final Map<String, ObjectNode> topics = new LinkedHashMap<>();
    final ArrayNode review = JSON.createArrayNode();
    /** Categories made on the site after the published ones (id to name). */
    final Map<Integer, String> newCategories = new java.util.concurrent.ConcurrentHashMap<>();
    private final Duration sweepEvery;
    private final int perMinute;
    private Instant clock = Instant.parse("2016-10-29T15:00:00Z");

    DiscourseFixture(Duration sweepEvery, int perMinute) throws Exception {
        this.sweepEvery = sweepEvery;
        this.perMinute = perMinute;
        topics.put("13", (ObjectNode) load(DIR + "topic_response.json"));
        topics.put("12", topicLike("12", 25));
        topics.put("8", topicLike("8", 1));
        ((ObjectNode) topic("8").get("post_stream").get("posts").get(0)).put("user_id", -1).put("username", "system")
                .put("name", "system");
        for (JsonNode t : listing.get("topic_list").get("topics")) {
            if (t.get("id").asText().equals("12")) {
                ((ObjectNode) t).put("posts_count", 25).put("highest_post_number", 25);
            }
        }
        review.addObject().put("id", 7).put("type", "ReviewableQueuedPost").put("status", 0).put("topic_id", 12)
                .put("created_at", "2016-10-29T14:20:00.000Z").put("version", 2).put("created_by_id", 1)
                .put("target_created_by_id", 2).putObject("payload").put("raw", "Can I still join the course late?");
        review.addObject().put("id", 8).put("type", "ReviewableQueuedPost").put("status", 0).putNull("topic_id")
                .put("created_at", "2016-10-29T14:21:00.000Z").put("version", 1).put("created_by_id", 2)
                .put("target_created_by_id", 2).putObject("payload").put("raw", "Is there a reading list?")
                .put("title", "Reading list");
        server = new FixtureServer(r -> KEY.equals(r.getHeaders().get("Api-Key")) && USER.equals(r.getHeaders().get("Api-Username")),
                () -> json(403, JSON.createObjectNode().put("error_type", "invalid_access").set("errors", JSON.createArrayNode()
                        .add("You are not permitted to view the requested resource. The API username or key is invalid."))),
                () -> new MockResponse.Builder().code(429).setHeader("Retry-After", "1")
                        .setHeader("Content-Type", "application/json; charset=utf-8")
                        .body("{\"errors\":[\"You’ve performed this action too many times. Please wait 1 second before trying again.\"],"
                                + "\"error_type\":\"rate_limit\",\"extras\":{\"wait_seconds\":1,\"time_left\":\"1 second\"}}").build());
        routes();
    }

    /** A topic in the shape of the published topic response, with {@code count} posts by two members. */
    private ObjectNode topicLike(String id, int count) {
        ObjectNode topic = (ObjectNode) load(DIR + "topic_response.json");
        JsonNode listed = listed(id);
        topic.put("id", Integer.parseInt(id)).put("title", listed.get("title").asText())
                .put("fancy_title", listed.get("fancy_title").asText()).put("created_at", listed.get("created_at").asText())
                .put("last_posted_at", listed.get("last_posted_at").asText()).put("posts_count", count)
                .put("highest_post_number", count).put("category_id", listed.get("category_id").asInt()).put("pinned", false);
        JsonNode template = topic.get("post_stream").get("posts").get(0);
        ArrayNode posts = JSON.createArrayNode();
        ArrayNode stream = JSON.createArrayNode();
        Instant start = Instant.parse(listed.get("created_at").asText());
        int base = id.equals("12") ? 100 : 9;
        for (int n = 1; n <= count; n++) {
            ObjectNode p = template.deepCopy();
            int user = n % 2 == 1 ? 1 : 2;
            p.put("id", base + n - 1).put("post_number", n).put("topic_id", Integer.parseInt(id)).put("topic_slug", listed.get("slug").asText())
                    .put("user_id", user).put("username", user == 1 ? "discourse1" : "johndoe").put("name", user == 1 ? "" : "John Doe")
                    .put("admin", user == 1).put("staff", user == 1)
                    .put("created_at", start.plusSeconds(n).toString()).put("updated_at", start.plusSeconds(n).toString())
                    .put("cooked", "<p>Post " + n + " of topic " + id + "</p>");
            if (n == 5 || n == 22) {
                p.put("reply_to_post_number", n == 5 ? 2 : 3);
            }
            posts.add(p);
            stream.add(base + n - 1);
        }
        ((ObjectNode) topic.get("post_stream")).set("posts", posts);
        ((ObjectNode) topic.get("post_stream")).set("stream", stream);
        return topic;
    }

    private void routes() {
        server.on("GET", "/latest.json", (r, m) -> json(page(r, "page") == 0 ? listing : emptyListing()))
                .on("GET", "/t/(\\d+)\\.json", (r, m) -> {
                    ObjectNode topic = topics.get(m.group(1));
                    return topic == null ? json(404, errors("The requested URL or resource could not be found.")) : json(firstChunk(topic));
                })
                .on("GET", "/t/(\\d+)/posts\\.json", (r, m) -> {
                    List<String> ids = r.getUrl().queryParameterValues("post_ids[]").stream().map(String::valueOf).toList();
                    ArrayNode posts = JSON.createArrayNode();
                    for (JsonNode p : topic(m.group(1)).get("post_stream").get("posts")) {
                        if (ids.contains(p.get("id").asText())) {
                            posts.add(p);
                        }
                    }
                    ObjectNode answer = JSON.createObjectNode();
                    answer.putObject("post_stream").set("posts", posts);
                    return json(answer.put("id", Integer.parseInt(m.group(1))));
                })
                .on("GET", "/posts\\.json", (r, m) -> json(latestPosts(r.getUrl().queryParameter("before"))))
                .on("GET", "/posts/(\\d+)\\.json", (r, m) -> {
                    ObjectNode p = post(m.group(1));
                    return p == null ? json(404, errors("The requested URL or resource could not be found.")) : json(p);
                })
                .on("GET", "/about\\.json", (r, m) -> {
                    ObjectNode about = JSON.createObjectNode();
                    about.putObject("about").put("title", "Colloquy").putObject("stats").put("topics_count", topics.size())
                            .put("posts_count", postIds().size()).put("users_count", 2);
                    return json(about);
                })
                .on("GET", "/categories\\.json", (r, m) -> {
                    ObjectNode list = JSON.createObjectNode();
                    ArrayNode categories = list.putObject("category_list").putArray("categories");
                    categories.addObject().put("id", 1).put("name", "Uncategorized");
                    categories.addObject().put("id", 5).put("name", "Staff");
                    newCategories.forEach((id, name) -> categories.addObject().put("id", id).put("name", name));
                    return json(list);
                })
                .on("GET", "/u/([^/]+)\\.json", (r, m) -> {
                    ObjectNode user = JSON.createObjectNode();
                    user.putObject("user").put("id", 1).put("username", USER).put("name", "Discourse One");
                    return json(user);
                })
                .on("GET", "/review\\.json", (r, m) -> {
                    ObjectNode answer = JSON.createObjectNode();
                    answer.set("reviewables", review.deepCopy());
                    answer.putArray("users");
                    return json(answer);
                })
                .on("POST", "/posts\\.json", (r, m) -> {
                    JsonNode body = JSON.readTree(r.getBody().utf8());
                    return json(reply(body.get("topic_id").asText(), body.path("reply_to_post_number").asInt(0),
                            "<p>" + body.get("raw").asText() + "</p>"));
                })
                .on("DELETE", "/posts/(\\d+)\\.json", (r, m) -> {
                    post(m.group(1)).put("deleted_at", tick().toString());
                    return new MockResponse.Builder().code(200).body("").build();
                })
                .on("PUT", "/posts/(\\d+)/recover\\.json", (r, m) -> json(post(m.group(1)).putNull("deleted_at")))
                .on("POST", "/post_actions\\.json", (r, m) -> {
                    ObjectNode p = post(JSON.readTree(r.getBody().utf8()).get("id").asText());
                    ((ArrayNode) p.get("actions_summary")).addObject().put("id", 7).put("count", 1);
                    return json(p);
                })
                .on("PUT", "/t/(\\d+)/status\\.json", (r, m) -> {
                    JsonNode body = JSON.readTree(r.getBody().utf8());
                    String field = body.get("status").asText().equals("closed") ? "closed" : "pinned";
                    topic(m.group(1)).put(field, body.get("enabled").asText().equals("true"));
                    return json(JSON.createObjectNode().put("success", "OK").putNull("topic_status_update"));
                })
                .on("PUT", "/review/(\\d+)/perform/([a-z_]+)\\.json", (r, m) -> {
                    for (int i = 0; i < review.size(); i++) {
                        JsonNode item = review.get(i);
                        if (item.get("id").asText().equals(m.group(1))) {
                            int version = item.get("version").asInt();
                            if (!String.valueOf(version).equals(r.getUrl().queryParameter("version"))) {
                                return json(409, errors("The reviewable was changed by someone else. Reload it to see its current state."));
                            }
                            review.remove(i);
                            ObjectNode answer = JSON.createObjectNode();
                            answer.putObject("reviewable_perform_result").put("success", true).put("version", version + 1)
                                    .putArray("remove_reviewable_ids").add(Integer.parseInt(m.group(1)));
                            return json(answer);
                        }
                    }
                    return json(404, errors("The requested URL or resource could not be found."));
                });
    }

    // --- the site, changed as Discourse changes it ------------------------------------------------------

    /** The first response of a topic holds its first 20 posts; all ids are in the stream. */
    private static JsonNode firstChunk(ObjectNode topic) {
        ObjectNode copy = topic.deepCopy();
        ArrayNode posts = (ArrayNode) copy.get("post_stream").get("posts");
        while (posts.size() > 20) {
            posts.remove(posts.size() - 1);
        }
        return copy;
    }

    synchronized ObjectNode reply(String tid, int replyTo, String cooked) {
        ObjectNode topic = topic(tid);
        ArrayNode posts = (ArrayNode) topic.get("post_stream").get("posts");
        ObjectNode post = posts.get(posts.size() - 1).deepCopy();
        int id = allPosts().stream().mapToInt(p -> p.get("id").asInt()).max().orElse(0) + 1;
        int number = posts.size() + 1;
        Instant now = tick();
        post.put("id", id).put("post_number", number).put("cooked", cooked).put("created_at", now.toString())
                .put("updated_at", now.toString()).put("version", 1).putNull("deleted_at").put("user_id", 1)
                .put("username", "discourse1").put("name", "");
        if (replyTo > 0) {
            post.put("reply_to_post_number", replyTo);
        } else {
            post.putNull("reply_to_post_number");
        }
        posts.add(post);
        ((ArrayNode) topic.get("post_stream").get("stream")).add(id);
        topic.put("posts_count", posts.size()).put("highest_post_number", number).put("last_posted_at", now.toString());
        ArrayNode listed = (ArrayNode) listing.get("topic_list").get("topics");
        for (int i = 0; i < listed.size(); i++) {
            if (listed.get(i).get("id").asText().equals(tid)) {
                ObjectNode moved = (ObjectNode) listed.remove(i);
                moved.put("bumped_at", now.toString()).put("last_posted_at", now.toString()).put("posts_count", posts.size())
                        .put("highest_post_number", number);
                listed.insert(0, moved);
                break;
            }
        }
        return post;
    }

    private Instant tick() {
        clock = clock.plusSeconds(60);
        return clock;
    }

    ObjectNode topic(String tid) {
        return topics.get(tid);
    }

    private JsonNode listed(String tid) {
        for (JsonNode t : listing.get("topic_list").get("topics")) {
            if (t.get("id").asText().equals(tid)) {
                return t;
            }
        }
        throw new IllegalArgumentException("no topic " + tid);
    }

    List<ObjectNode> allPosts() {
        List<ObjectNode> all = new ArrayList<>();
        topics.values().forEach(t -> t.get("post_stream").get("posts").forEach(p -> all.add((ObjectNode) p)));
        return all;
    }

    ObjectNode post(String id) {
        return allPosts().stream().filter(p -> p.get("id").asText().equals(id)).findFirst().orElse(null);
    }

    /** /posts.json: the newest 50 posts below {@code before}, newest first, with their topic's title. */
    private JsonNode latestPosts(String before) {
        long limit = before == null ? Long.MAX_VALUE : Long.parseLong(before);
        ArrayNode latest = JSON.createArrayNode();
        allPosts().stream().filter(p -> p.get("id").asLong() < limit)
                .sorted(Comparator.comparingLong((JsonNode p) -> p.get("id").asLong()).reversed()).limit(50)
                .forEach(p -> latest.add(p.deepCopy().put("topic_title", topic(p.get("topic_id").asText()).get("title").asText())));
        ObjectNode answer = JSON.createObjectNode();
        answer.set("latest_posts", latest);
        return answer;
    }

    private JsonNode emptyListing() {
        ObjectNode copy = listing.deepCopy();
        ((ObjectNode) copy.get("topic_list")).set("topics", JSON.createArrayNode());
        return copy;
    }

    private static int page(RecordedRequest r, String name) {
        String v = r.getUrl().queryParameter(name);
        return v == null ? 0 : Integer.parseInt(v);
    }

    private static ObjectNode errors(String message) {
        ObjectNode e = JSON.createObjectNode();
        e.putArray("errors").add(message);
        return e.put("error_type", "not_found");
    }

    // --- PlatformFixture ---------------------------------------------------------------------------------

    DiscourseConnector connector(String key, Clock clock) {
        return new DiscourseConnector(ServerAddress.of(server.url("/").toString()), new ServerCredentials(key, USER),
                new DiscourseConnector.Settings(perMinute, sweepEvery, Duration.ofMillis(50), clock));
    }

    @Override
    public CourseConnector connect() {
        return connector(KEY, Clock.systemUTC());
    }

    @Override
    public CourseConnector connectWithWrongToken() {
        return connector("revoked-" + KEY, Clock.systemUTC());
    }

    @Override
    public String courseId() {
        return connector(KEY, Clock.systemUTC()).courseId();
    }

    @Override
    public synchronized Set<String> postIds() {
        Set<String> ids = new TreeSet<>();
        allPosts().forEach(p -> ids.add(p.get("id").asText()));
        review.forEach(r -> ids.add("review-" + r.get("id").asText()));
        return ids;
    }

    @Override
    public synchronized Set<String> threadIds() {
        Set<String> ids = new TreeSet<>(topics.keySet());
        review.forEach(r -> {
            if (r.get("topic_id").isNull()) {
                ids.add("review-" + r.get("id").asText());
            }
        });
        return ids;
    }

    @Override
    public String addReply() {
        return reply("12", 2, "<p>Thanks, that helps.</p>").get("id").asText();
    }

    @Override
    public synchronized String editPost() {
        ObjectNode p = post("101");
        p.put("cooked", p.get("cooked").asText() + "<p>" + EDIT_MARK + "</p>").put("version", 2)
                .put("updated_at", tick().toString());
        return "101";
    }

    @Override
    public synchronized String deletePost() {
        post("102").put("deleted_at", tick().toString());
        return "102";
    }

    @Override
    public Target target(ActionType type) {
        return switch (type) {
            case REPLY -> new Target("101", null, Map.of("bodyHtml", "<p>See the <i>syllabus</i>.</p>"));
            case DELETE, RESTORE, FLAG, HIDE, UNHIDE -> Target.of("103");
            case APPROVE -> new Target("review-7", 2, Map.of());
            case REJECT -> new Target("review-8", 1, Map.of());
            case LOCK, UNLOCK, PIN, UNPIN -> Target.of("12");
            case SET_TRIAGE -> new Target("12", null, Map.of("state", "DONE"));
            case NOTE -> new Target("12", null, Map.of("text", "Check again on Monday"));
        };
    }

    @Override
    public Map<ActionType, String> localOnly() {
        return Map.of(ActionType.HIDE, "flags hide", ActionType.UNHIDE, "flags hide",
                ActionType.SET_TRIAGE, "no triage state", ActionType.NOTE, "no notes");
    }

    @Override
    public FixtureServer server() {
        return server;
    }

}
