package nl.sociallearning.workstation.sync.discourse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import nl.sociallearning.workstation.domain.ActionType;
import nl.sociallearning.workstation.domain.Change;
import nl.sociallearning.workstation.domain.EntityKind;
import nl.sociallearning.workstation.domain.ModerationAction;
import nl.sociallearning.workstation.sync.ActionOutcome;
import nl.sociallearning.workstation.sync.SyncException;
import nl.sociallearning.workstation.sync.platform.PlatformHttp;
import nl.sociallearning.workstation.sync.platform.PlatformText;
import okhttp3.HttpUrl;

import java.time.Duration;
import java.util.List;
import java.util.Set;

/**
 * The moderation actions through Discourse's API. Hiding is something flags do in Discourse, not an action
 * of its own, and Discourse keeps no triage state or notes per topic: those stay local. Review actions carry
 * the reviewable's version; a stale one is answered 409, which is our conflict. A post edited since the
 * moderator saw it (a higher {@code version}) is a conflict too.
 */
final class DiscourseActions {

    private static final Set<Integer> ANSWERED = Set.of(403, 404, 409, 422);
    /** Discourse's post action type for "notify moderators", the flag a moderator raises for follow-up. */
    private static final int NOTIFY_MODERATORS = 7;

    private final DiscourseConnector connector;
    private final PlatformHttp http;

    DiscourseActions(DiscourseConnector connector) {
        this.connector = connector;
        this.http = connector.http();
    }

    ActionOutcome send(ModerationAction a) throws SyncException {
        return switch (a.type()) {
            case HIDE, UNHIDE -> new ActionOutcome.LocalOnly("Discourse hides posts only through members' flags: "
                    + "hidden on this computer only.");
            case SET_TRIAGE, NOTE -> new ActionOutcome.LocalOnly("Discourse keeps no moderator state or notes per "
                    + "topic: kept on this computer only.");
            case APPROVE, REJECT -> review(a);
            case LOCK, UNLOCK, PIN, UNPIN -> status(a);
            case REPLY, DELETE, RESTORE, FLAG -> onPost(a);
        };
    }

    private ActionOutcome onPost(ModerationAction a) throws SyncException {
        PlatformHttp.Reply current = connector.getReply(a.courseId(), http.url("posts", a.targetId() + ".json"), Set.of(404));
        if (current.code() == 404) {
            return new ActionOutcome.Rejected("Discourse no longer has this post.");
        }
        JsonNode post = current.body();
        String tid = PlatformText.id(post, "topic_id");
        int version = post.path("version").asInt(1);
        if (a.baseVersion() != null && version > a.baseVersion() && a.type() != ActionType.REPLY && a.type() != ActionType.FLAG) {
            return new ActionOutcome.Conflict(state(tid), "edited on Discourse after you saw it (now version " + version + ")");
        }
        PlatformHttp.Reply reply = switch (a.type()) {
            case REPLY -> write(a, "POST", http.url("posts.json"), http.json().createObjectNode()
                    .put("topic_id", Long.parseLong(tid))
                    .put("raw", PlatformText.htmlToText(a.payload().get("bodyHtml")))
                    .put("reply_to_post_number", post.path("post_number").asInt()));
            case DELETE -> write(a, "DELETE", http.url("posts", a.targetId() + ".json"), null);
            case RESTORE -> write(a, "PUT", http.url("posts", a.targetId(), "recover.json"), http.json().createObjectNode());
            default -> write(a, "POST", http.url("post_actions.json"), http.json().createObjectNode()
                    .put("id", Long.parseLong(a.targetId())).put("post_action_type_id", NOTIFY_MODERATORS)
                    .put("message", a.payload().getOrDefault("reason", "Flagged by a moderator for follow-up.")));
        };
        if (reply.code() != 200) {
            return refused(reply, tid);
        }
        return new ActionOutcome.Applied(state(tid), false);
    }

    private ActionOutcome status(ModerationAction a) throws SyncException {
        boolean on = a.type() == ActionType.LOCK || a.type() == ActionType.PIN;
        ObjectNode body = http.json().createObjectNode()
                .put("status", a.type() == ActionType.LOCK || a.type() == ActionType.UNLOCK ? "closed" : "pinned")
                .put("enabled", String.valueOf(on));
        if (a.type() == ActionType.PIN) {
            // Discourse requires an end to a pin; a year is "until unpinned" for a course.
            body.put("until", a.createdAt().plus(Duration.ofDays(365)).toString().substring(0, 10));
        }
        PlatformHttp.Reply reply = write(a, "PUT", http.url("t", a.targetId(), "status.json"), body);
        if (reply.code() != 200) {
            return refused(reply, a.targetId());
        }
        return new ActionOutcome.Applied(state(a.targetId()), false);
    }

    /** Approve or reject a queued post with the reviewable's version; 409: someone else changed it first. */
    private ActionOutcome review(ModerationAction a) throws SyncException {
        if (!a.targetId().startsWith(DiscourseReader.REVIEW_PREFIX)) {
            return new ActionOutcome.Rejected("This post is not waiting in Discourse's review queue.");
        }
        String id = a.targetId().substring(DiscourseReader.REVIEW_PREFIX.length());
        Integer version = a.baseVersion() != null ? a.baseVersion() : currentVersion(id);
        if (version == null) {
            return new ActionOutcome.Rejected("The post is no longer in Discourse's review queue.");
        }
        String action = a.type() == ActionType.APPROVE ? "approve_post" : "reject_post";
        PlatformHttp.Reply reply = write(a, "PUT", http.url("review", id, "perform", action + ".json")
                .addQueryParameter("version", String.valueOf(version)), http.json().createObjectNode());
        if (reply.code() == 409) {
            List<Change> now = pending(id);
            return new ActionOutcome.Conflict(now, "changed in Discourse's review queue by someone else"
                    + (now.isEmpty() ? "" : " (now version " + ((Change.PostUpsert) now.get(0)).post().version() + ")"));
        }
        if (reply.code() != 200) {
            return refused(reply, null);
        }
        // A queued new topic had a pending thread of the same id: it goes with its post.
        return new ActionOutcome.Applied(List.of(new Change.Removal(EntityKind.POST, a.targetId()),
                new Change.Removal(EntityKind.THREAD, a.targetId())), false);
    }

    private Integer currentVersion(String id) throws SyncException {
        for (JsonNode r : reviewablesOrEmpty()) {
            if (r.path("id").asText().equals(id)) {
                return r.path("version").asInt(1);
            }
        }
        return null;
    }

    private List<Change> pending(String id) throws SyncException {
        for (JsonNode r : reviewablesOrEmpty()) {
            if (r.path("id").asText().equals(id) && r.path("type").asText().equals("ReviewableQueuedPost")) {
                return List.of(new Change.PostUpsert(connector.reader().queued(r, null)));
            }
        }
        return List.of(new Change.Removal(EntityKind.POST, DiscourseReader.REVIEW_PREFIX + id));
    }

    private List<JsonNode> reviewablesOrEmpty() throws SyncException {
        List<JsonNode> items = connector.reviewables();
        return items == null ? List.of() : items;
    }

    private PlatformHttp.Reply write(ModerationAction a, String method, HttpUrl.Builder url, JsonNode body)
            throws SyncException {
        connector.awaitBudget(a.courseId());
        return http.write(a.courseId(), method, url.build(), body, ANSWERED);
    }

    /** Discourse's refusal: "already done" (a replay) is a duplicate, a vanished target a rejection. */
    private ActionOutcome refused(PlatformHttp.Reply reply, String tid) throws SyncException {
        JsonNode errors = reply.body().path("errors");
        String message = errors.isArray() && !errors.isEmpty() ? errors.get(0).asText() : "HTTP " + reply.code();
        String lower = message.toLowerCase(java.util.Locale.ROOT);
        if (lower.contains("already")) {
            return new ActionOutcome.Applied(tid == null ? List.of() : state(tid), true);
        }
        if (reply.code() == 404) {
            return new ActionOutcome.Rejected("Discourse no longer has this (" + message + ").");
        }
        return new ActionOutcome.Rejected("Discourse refused: " + message);
    }

    private List<Change> state(String tid) throws SyncException {
        List<Change> topic = connector.topic(tid);
        return topic == null ? List.of(new Change.Removal(EntityKind.THREAD, tid)) : topic;
    }
}
