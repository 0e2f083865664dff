package nl.sociallearning.workstation.sync.nodebb;

import com.fasterxml.jackson.databind.JsonNode;
import nl.sociallearning.workstation.domain.Approval;
import nl.sociallearning.workstation.domain.DiscussionThread;
import nl.sociallearning.workstation.domain.Participant;
import nl.sociallearning.workstation.domain.ParticipantRole;
import nl.sociallearning.workstation.domain.Post;
import nl.sociallearning.workstation.sync.platform.PlatformText;
import nl.sociallearning.workstation.sync.platform.PlatformText.MalformedException;

import java.time.Instant;
import java.util.Map;

/**
 * Maps NodeBB's JSON (read API page data and write API objects, v4) to domain records. Ids are NodeBB's own
 * (tid, pid, uid as text); a queued post becomes a pending post {@code queue-<queue id>}, a queued new topic
 * also a thread of that id. Quirks handled: numbers that arrive as text ({@code toPid: "13"}), 0 for "none" in
 * times and booleans, titles HTML-escaped in {@code title} but raw in {@code titleRaw}.
 */
final class NodeBbReader {

    static final String QUEUE_PREFIX = "queue-";

    private final String courseId;

    NodeBbReader(String courseId) {
        this.courseId = courseId;
    }

    /** A topic from a listing (/api/recent) or the topic page (/api/topic/:tid). */
    DiscussionThread thread(JsonNode topic) {
        Instant created = PlatformText.required(PlatformText.epochMillis(topic, "timestamp"), "timestamp");
        Instant last = PlatformText.epochMillis(topic, "lastposttime");
        String title = topic.hasNonNull("titleRaw") ? topic.get("titleRaw").asText() : unescape(text(topic, "title"));
        return new DiscussionThread(courseId, PlatformText.id(topic, "tid"), title, module(topic),
                PlatformText.optionalId(topic, "uid"), created, last == null ? created : last,
                flag(topic, "locked"), flag(topic, "pinned"), 1);
    }

    /**
     * A post of a topic. The opener has no parent; a reply without {@code toPid} answers the opener (NodeBB's
     * flat replies); a deleted topic shows all its posts as deleted.
     */
    Post post(JsonNode post, String mainPid, boolean topicDeleted, int flagCount) {
        String pid = PlatformText.id(post, "pid");
        String toPid = PlatformText.optionalId(post, "toPid");
        if ("0".equals(toPid)) {
            toPid = null;
        }
        String parent = pid.equals(mainPid) ? null : toPid != null ? toPid : mainPid;
        Instant created = PlatformText.required(PlatformText.epochMillis(post, "timestamp"), "timestamp");
        Instant edited = PlatformText.epochMillis(post, "edited");
        return new Post(courseId, pid, PlatformText.id(post, "tid"), parent, PlatformText.id(post, "uid"), created, edited,
                post.path("content").asText(""), false, topicDeleted || flag(post, "deleted"), Approval.APPROVED,
                flagCount, PlatformText.versionOf(created, edited));
    }

    /** An author as a post or listing shows them; administrators and global moderators moderate. */
    Participant participant(JsonNode user) {
        String fullName = user.path("fullname").asText("");
        String shown = !fullName.isBlank() ? fullName : user.hasNonNull("displayname") ? user.get("displayname").asText()
                : user.path("username").asText("");
        if (shown.isBlank()) {
            throw new MalformedException("a user has no name");
        }
        return new Participant(courseId, PlatformText.id(user, "uid"), unescape(shown), role(user), null,
                PlatformText.epochMillis(user, "joindate"));
    }

    /** A queued post (/api/post-queue): a pending reply in its topic, or a pending new topic's opener. */
    Post queued(JsonNode item) {
        JsonNode data = item.path("data");
        String id = QUEUE_PREFIX + PlatformText.id(item, "id");
        boolean newTopic = "topic".equals(item.path("type").asText());
        String threadId = newTopic ? id : PlatformText.id(data, "tid");
        String parent = newTopic ? null : PlatformText.optionalId(data, "toPid");
        Instant created = PlatformText.required(PlatformText.epochMillis(data, "timestamp"), "timestamp");
        return new Post(courseId, id, threadId, "0".equals(parent) ? null : parent, PlatformText.id(data, "uid"), created, null,
                data.path("content").asText(""), false, false, Approval.PENDING, 0, 1);
    }

    /** The thread a queued new topic will become. */
    DiscussionThread queuedTopic(JsonNode item) {
        JsonNode data = item.path("data");
        Instant created = PlatformText.required(PlatformText.epochMillis(data, "timestamp"), "timestamp");
        String module = item.path("category").hasNonNull("name") ? unescape(item.path("category").get("name").asText()) : null;
        return new DiscussionThread(courseId, QUEUE_PREFIX + PlatformText.id(item, "id"), text(data, "title"), module,
                PlatformText.id(data, "uid"), created, created, false, false, 1);
    }

    static boolean flag(JsonNode node, String field) {
        JsonNode v = node.path(field);
        return v.isBoolean() ? v.asBoolean() : v.asInt(0) != 0;
    }

    private static String module(JsonNode topic) {
        JsonNode category = topic.path("category");
        return category.hasNonNull("name") ? unescape(category.get("name").asText()) : null;
    }

    private static ParticipantRole role(JsonNode user) {
        for (JsonNode group : user.path("groupTitleArray")) {
            String name = group.asText();
            if (name.equals("administrators") || name.equals("Global Moderators")) {
                return ParticipantRole.MODERATOR;
            }
        }
        return ParticipantRole.PARTICIPANT;
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull() || !v.isValueNode()) {
            throw new MalformedException("field '" + field + "' is missing");
        }
        return v.asText();
    }

    private static final Map<String, String> ENTITIES = Map.of("&amp;", "&", "&lt;", "<", "&gt;", ">", "&quot;", "\"",
            "&#x27;", "'", "&#39;", "'", "&#x2F;", "/", "&#x3D;", "=", "&#x60;", "`");

    /** NodeBB escapes names and titles for HTML; the cache keeps text. */
    static String unescape(String text) {
        if (text.indexOf('&') < 0) {
            return text;
        }
        String out = text;
        for (Map.Entry<String, String> e : ENTITIES.entrySet()) {
            if (!e.getKey().equals("&amp;")) {
                out = out.replace(e.getKey(), e.getValue());
            }
        }
        return out.replace("&amp;", "&");
    }
}
