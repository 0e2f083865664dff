package nl.sociallearning.workstation.sync.moodle;

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
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A Moodle site for the connector contract: the captured discussion list and the posts modelled on it, held as
 * JSON that changes the way Moodle changes it (a reply moves its discussion's {@code timemodified}; an edit of a
 * first post its {@code modified}; a deleted reply is gone for good and moves nothing). Web service functions
 * answer from that state; a wrong token gets Moodle's {@code invalidtoken}, throttling a proxy's 429.
 */
final class MoodleFixture implements ServedFixture {

    static final String TOKEN = "contract-token";
    static final String COURSE = "4321";
    private static final Set<String> WRITES = Set.of("mod_forum_add_discussion_post", "mod_forum_delete_post",
            "mod_forum_set_lock_state", "mod_forum_set_pin_state");

    private final FixtureServer server;
    private final Duration reconcileEvery;
    private final List<ObjectNode> discussions = new ArrayList<>();
    private final Map<String, List<ObjectNode>> posts = new LinkedHashMap<>();
    private final AtomicInteger writes = new AtomicInteger();
    private long now = 1_654_000_000L;
    private int nextId = 30_000;

    MoodleFixture(Duration reconcileEvery) throws Exception {
        this.reconcileEvery = reconcileEvery;
        for (JsonNode d : FixtureServer.load("moodle/mod_forum_get_forum_discussions.json").path("discussions")) {
            discussions.add((ObjectNode) d);
        }
        posts.put("20965", list(FixtureServer.load("moodle/mod_forum_get_discussion_posts_20965_later.json").path("posts")));
        posts.put("20775", list(FixtureServer.load("moodle/mod_forum_get_discussion_posts_20775.json").path("posts")));
        server = new FixtureServer(r -> TOKEN.equals(FixtureServer.form(r).get("wstoken")),
                () -> FixtureServer.json(FixtureServer.load("moodle/error_invalidtoken.json")),
                () -> new MockResponse.Builder().code(429).setHeader("Retry-After", "1").body("Too many requests").build());
        server.on("POST", "/webservice/rest/server.php", (request, path) -> answer(request));
    }

    private synchronized MockResponse answer(RecordedRequest request) {
        String function = request.getUrl().queryParameter("wsfunction");
        Map<String, String> p = FixtureServer.form(request);
        if (WRITES.contains(function)) {
            writes.incrementAndGet();
        }
        JsonNode body = switch (function) {
            case "core_webservice_get_site_info" -> FixtureServer.load("moodle/core_webservice_get_site_info.json");
            case "core_enrol_get_users_courses" -> FixtureServer.load("moodle/core_enrol_get_users_courses.json");
            case "core_enrol_get_enrolled_users" -> FixtureServer.load("moodle/core_enrol_get_enrolled_users.json");
            case "mod_forum_get_forums_by_courses" -> FixtureServer.load("moodle/mod_forum_get_forums_by_courses.json");
            case "core_course_get_updates_since" -> updatesSince(Long.parseLong(p.get("since")));
            case "mod_forum_get_forum_discussions" -> discussionPage(Integer.parseInt(p.get("page")), Integer.parseInt(p.get("perpage")));
            case "mod_forum_get_discussion_posts" -> discussionPosts(p.get("discussionid"));
            case "mod_forum_get_discussion_post" -> post(p.get("postid"));
            case "mod_forum_add_discussion_post" -> reply(p.get("postid"), "12879", p.get("message"));
            case "mod_forum_delete_post" -> delete(p.get("postid"));
            case "mod_forum_set_lock_state" -> FixtureServer.JSON.createObjectNode().put("id", Long.parseLong(p.get("discussionid")))
                    .put("locked", "0".equals(p.get("targetstate")));
            case "mod_forum_set_pin_state" -> discussion(p.get("discussionid"));
            default -> error("webservice_access_exception", "accessexception", "Access control exception");
        };
        return FixtureServer.json(body);
    }

    private JsonNode updatesSince(long since) {
        ObjectNode answer = FixtureServer.JSON.createObjectNode();
        ArrayNode instances = answer.putArray("instances");
        if (discussions.stream().anyMatch(d -> MoodleReader.activity(d) > since)) {
            instances.addObject().put("contextlevel", "module").put("id", 170965).putArray("updates").addObject()
                    .put("name", "discussions").put("timeupdated", now);
        }
        answer.putArray("warnings");
        return answer;
    }

    private JsonNode discussionPage(int page, int perPage) {
        List<ObjectNode> sorted = new ArrayList<>(discussions);
        sorted.sort(Comparator.comparingLong((ObjectNode d) -> MoodleReader.activity(d)).reversed());
        ObjectNode answer = FixtureServer.JSON.createObjectNode();
        ArrayNode list = answer.putArray("discussions");
        sorted.stream().skip((long) page * perPage).limit(perPage).forEach(list::add);
        answer.putArray("warnings");
        return answer;
    }

    private JsonNode discussionPosts(String discussionId) {
        List<ObjectNode> list = posts.get(discussionId);
        if (list == null) {
            return error("dml_missing_record_exception", "invalidrecord", "Can't find data record in database table forum_discussions.");
        }
        ObjectNode answer = FixtureServer.JSON.createObjectNode();
        list.forEach(answer.putArray("posts")::add);
        answer.put("forumid", 22883).put("courseid", 4321).putArray("warnings");
        return answer;
    }

    private JsonNode post(String postId) {
        ObjectNode p = find(postId);
        if (p == null) {
            return error("dml_missing_record_exception", "invalidrecord", "Can't find data record in database table forum_posts.");
        }
        ObjectNode answer = FixtureServer.JSON.createObjectNode();
        answer.set("post", p);
        answer.putArray("warnings");
        return answer;
    }

    private JsonNode reply(String parentId, String authorId, String message) {
        ObjectNode parent = find(parentId);
        if (parent == null) {
            return error("dml_missing_record_exception", "invalidrecord", "Can't find data record in database table forum_posts.");
        }
        String discussion = parent.path("discussionid").asText();
        ObjectNode reply = parent.deepCopy();
        now += 60;
        reply.put("id", ++nextId).put("hasparent", true).put("parentid", parent.path("id").asLong())
                .put("subject", parent.path("replysubject").asText()).put("message", message)
                .put("timecreated", now).put("timemodified", now).put("isdeleted", false).put("isprivatereply", false);
        ((ObjectNode) reply.path("author")).put("id", Long.parseLong(authorId));
        posts.get(discussion).add(reply);
        ObjectNode d = discussion(discussion);
        d.put("timemodified", now).put("numreplies", d.path("numreplies").asInt() + 1);
        ObjectNode answer = FixtureServer.JSON.createObjectNode().put("postid", nextId);
        answer.set("post", reply);
        answer.putArray("warnings");
        answer.putArray("messages");
        return answer;
    }

    private JsonNode delete(String postId) {
        ObjectNode p = find(postId);
        if (p == null) {
            return error("dml_missing_record_exception", "invalidrecord", "Can't find data record in database table forum_posts.");
        }
        // Moodle deletes a reply for good, with the replies below it; the discussion's time does not move forward.
        List<ObjectNode> list = posts.get(p.path("discussionid").asText());
        Set<String> gone = new TreeSet<>(Set.of(postId));
        boolean more = true;
        while (more) {
            more = list.removeIf(x -> gone.contains(x.path("id").asText()));
            for (ObjectNode x : list) {
                if (gone.contains(x.path("parentid").asText()) && gone.add(x.path("id").asText())) {
                    more = true;
                }
            }
        }
        return FixtureServer.JSON.createObjectNode().put("status", true).set("warnings", FixtureServer.JSON.createArrayNode());
    }

    private ObjectNode discussion(String id) {
        return discussions.stream().filter(d -> d.path("discussion").asText().equals(id)).findFirst().orElseThrow();
    }

    private ObjectNode find(String postId) {
        for (List<ObjectNode> list : posts.values()) {
            for (ObjectNode p : list) {
                if (p.path("id").asText().equals(postId)) {
                    return p;
                }
            }
        }
        return null;
    }

    private static JsonNode error(String exception, String code, String message) {
        return FixtureServer.JSON.createObjectNode().put("exception", exception).put("errorcode", code).put("message", message);
    }

    private static List<ObjectNode> list(JsonNode array) {
        List<ObjectNode> list = new ArrayList<>();
        array.forEach(n -> list.add((ObjectNode) n));
        return list;
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
        return new MoodleConnector(ServerAddress.of(server.url("/").toString()), token, new OkHttpClient.Builder().build(),
                Clock.systemUTC(), reconcileEvery);
    }

    @Override
    public String courseId() {
        return COURSE;
    }

    @Override
    public synchronized Set<String> postIds() {
        Set<String> ids = new TreeSet<>();
        posts.values().forEach(list -> list.forEach(p -> ids.add(p.path("id").asText())));
        return ids;
    }

    @Override
    public synchronized Set<String> threadIds() {
        Set<String> ids = new TreeSet<>();
        discussions.forEach(d -> ids.add(d.path("discussion").asText()));
        return ids;
    }

    @Override
    public synchronized String addReply() {
        return reply("24674", "13001", "<p>A new reply</p>").path("postid").asText();
    }

    @Override
    public synchronized String editPost() {
        ObjectNode first = find("24674");
        now += 60;
        first.put("message", first.path("message").asText() + "<p>" + EDIT_MARK + "</p>").put("timemodified", now);
        discussion("20775").put("modified", now);
        return "24674";
    }

    @Override
    public synchronized String deletePost() {
        delete("24893");
        return "24893";
    }

    @Override
    public int writesReceived() {
        return writes.get();
    }

    @Override
    public Target target(ActionType type) {
        return switch (type) {
            case REPLY -> new Target("24873", null, Map.of("bodyHtml", "<p>Thanks!</p>"));
            case LOCK, UNLOCK, PIN, UNPIN, SET_TRIAGE, NOTE -> Target.of("20965");
            case DELETE -> Target.of("24892");
            default -> Target.of("24890");
        };
    }

    @Override
    public Map<ActionType, String> localOnly() {
        return Map.of(ActionType.HIDE, "core Moodle cannot hide a post", ActionType.UNHIDE, "core Moodle cannot hide a post",
                ActionType.RESTORE, "Moodle deletes posts for good", ActionType.FLAG, "core Moodle forums have no flags",
                ActionType.APPROVE, "core Moodle forums have no approval queue",
                ActionType.REJECT, "core Moodle forums have no approval queue",
                ActionType.SET_TRIAGE, "triage is the workstation's own", ActionType.NOTE, "notes are the workstation's own");
    }

    @Override
    public FixtureServer server() {
        return server;
    }

}
