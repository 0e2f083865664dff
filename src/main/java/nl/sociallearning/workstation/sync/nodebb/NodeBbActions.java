package nl.sociallearning.workstation.sync.nodebb;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import nl.sociallearning.workstation.domain.ActionType;
import nl.sociallearning.workstation.domain.Change;
import nl.sociallearning.workstation.domain.EntityKind;
import nl.sociallearning.workstation.domain.ModerationAction;
import nl.sociallearning.workstation.sync.ActionOutcome;
import nl.sociallearning.workstation.sync.SyncException;
import nl.sociallearning.workstation.sync.TransferListener;
import nl.sociallearning.workstation.sync.platform.PlatformHttp;
import nl.sociallearning.workstation.sync.platform.PlatformText;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The moderation actions through NodeBB's write API. Hiding does not exist in NodeBB (only deleting), so hide
 * and unhide stay local; triage and notes go to the topic's open flags (state, assignee, notes) and stay local
 * when it has none. NodeBB has no idempotency keys: a replay that finds the work done ("already deleted",
 * "already flagged") counts as a duplicate, not an error. A post edited since the moderator saw it is a conflict.
 */
final class NodeBbActions {

    private static final Set<Integer> ANSWERED = Set.of(400, 403, 404);

    private final PlatformHttp http;
    private final String courseId;
    private final NodeBbConnector connector;

    NodeBbActions(PlatformHttp http, String courseId, NodeBbConnector connector) {
        this.http = http;
        this.courseId = courseId;
        this.connector = connector;
    }

    ActionOutcome send(ModerationAction a) throws SyncException {
        return switch (a.type()) {
            case HIDE, UNHIDE -> new ActionOutcome.LocalOnly("NodeBB cannot hide a post without deleting it: "
                    + "hidden on this computer only.");
            case APPROVE, REJECT -> queueDecision(a);
            case LOCK, UNLOCK, PIN, UNPIN -> topicState(a);
            case SET_TRIAGE, NOTE -> onFlags(a);
            case REPLY, DELETE, RESTORE, FLAG -> onPost(a);
        };
    }

    private ActionOutcome onPost(ModerationAction a) throws SyncException {
        JsonNode post = connector.postObject(a.targetId());
        if (post == null) {
            return new ActionOutcome.Rejected("NodeBB no longer has this post.");
        }
        String tid = PlatformText.id(post, "tid");
        int version = PlatformText.versionOf(PlatformText.epochMillis(post, "timestamp"), PlatformText.epochMillis(post, "edited"));
        if (a.baseVersion() != null && version > a.baseVersion() && a.type() != ActionType.REPLY
                && a.type() != ActionType.FLAG) {
            return new ActionOutcome.Conflict(state(tid), "edited on NodeBB after you saw it");
        }
        PlatformHttp.Reply reply = switch (a.type()) {
            case REPLY -> {
                ObjectNode body = http.json().createObjectNode()
                        .put("content", PlatformText.htmlToText(a.payload().get("bodyHtml")))
                        .put("toPid", Long.parseLong(a.targetId()));
                yield http.write(courseId, "POST", NodeBbConnector.v3(http, "topics", tid).build(), body, ANSWERED);
            }
            case DELETE -> http.write(courseId, "DELETE", NodeBbConnector.v3(http, "posts", a.targetId(), "state").build(),
                    null, ANSWERED);
            case RESTORE -> http.write(courseId, "PUT", NodeBbConnector.v3(http, "posts", a.targetId(), "state").build(),
                    null, ANSWERED);
            default -> {
                ObjectNode body = http.json().createObjectNode().put("type", "post").put("id", Long.parseLong(a.targetId()))
                        .put("reason", a.payload().getOrDefault("reason", "Flagged by a moderator for follow-up"));
                yield http.write(courseId, "POST", NodeBbConnector.v3(http, "flags").build(), body, ANSWERED);
            }
        };
        if (reply.code() != 200 && reply.code() != 202) {
            return refused(reply, tid);
        }
        JsonNode response = reply.body().path("response");
        if (a.type() == ActionType.REPLY && response.path("queued").asBoolean(false)) {
            // The moderator's own reply went to the post queue: it shows as pending until someone accepts it.
            return new ActionOutcome.Applied(PlatformHttp.read(() -> queuedState(response)), false);
        }
        return new ActionOutcome.Applied(state(tid), false);
    }

    private List<Change> queuedState(JsonNode response) throws SyncException {
        List<JsonNode> queue = connector.queue(TransferListener.NONE);
        NodeBbReader reader = new NodeBbReader(courseId);
        List<Change> changes = new ArrayList<>();
        for (JsonNode item : queue == null ? List.<JsonNode>of() : queue) {
            if (item.path("id").asText().equals(response.path("id").asText())) {
                changes.add(new Change.PostUpsert(reader.queued(item)));
            }
        }
        return changes;
    }

    private ActionOutcome topicState(ModerationAction a) throws SyncException {
        String what = switch (a.type()) {
            case LOCK, UNLOCK -> "lock";
            default -> "pin";
        };
        boolean on = a.type() == ActionType.LOCK
                || a.type() == ActionType.PIN;
        PlatformHttp.Reply reply = http.write(courseId, on ? "PUT" : "DELETE",
                NodeBbConnector.v3(http, "topics", a.targetId(), what).build(), on ? http.json().createObjectNode() : null,
                ANSWERED);
        if (reply.code() != 200) {
            return refused(reply, a.targetId());
        }
        return new ActionOutcome.Applied(state(a.targetId()), false);
    }

    private ActionOutcome queueDecision(ModerationAction a) throws SyncException {
        if (!a.targetId().startsWith(NodeBbReader.QUEUE_PREFIX)) {
            return new ActionOutcome.Rejected("This post is not waiting in NodeBB's post queue.");
        }
        String id = a.targetId().substring(NodeBbReader.QUEUE_PREFIX.length());
        boolean accept = a.type() == ActionType.APPROVE;
        PlatformHttp.Reply reply = http.write(courseId, accept ? "POST" : "DELETE",
                NodeBbConnector.v3(http, "posts", "queue", id).build(), accept ? http.json().createObjectNode() : null,
                ANSWERED);
        if (reply.code() == 400 || reply.code() == 404) {
            return new ActionOutcome.Rejected("The post is no longer in NodeBB's queue (someone else decided on it).");
        }
        if (reply.code() != 200) {
            return refused(reply, null);
        }
        List<Change> state = new ArrayList<>();
        state.add(new Change.Removal(EntityKind.POST, a.targetId()));
        if (id.startsWith("topic-")) {
            state.add(new Change.Removal(EntityKind.THREAD, a.targetId()));
        }
        JsonNode accepted = reply.body().path("response");
        if (accept && accepted.hasNonNull("tid")) {
            List<Change> topic = connector.topic(accepted.get("tid").asText(), connector.readFlags(TransferListener.NONE),
                    TransferListener.NONE);
            if (topic != null) {
                state.addAll(topic);
            }
        }
        return new ActionOutcome.Applied(state, false);
    }

    /** Triage state and assignee, and notes, on the open flags of the topic's posts; none: local only. */
    private ActionOutcome onFlags(ModerationAction a) throws SyncException {
        List<String> flagIds = openFlagsOfTopic(a.targetId());
        if (flagIds.isEmpty()) {
            return new ActionOutcome.LocalOnly("NodeBB keeps notes and states only on flags, and this topic has no "
                    + "open flag: kept on this computer only.");
        }
        for (String flagId : flagIds) {
            PlatformHttp.Reply reply;
            if (a.type() == ActionType.NOTE) {
                reply = http.write(courseId, "POST", NodeBbConnector.v3(http, "flags", flagId, "notes").build(),
                        http.json().createObjectNode().put("note", a.payload().getOrDefault("text", "")), ANSWERED);
            } else {
                ObjectNode body = http.json().createObjectNode().put("state", flagState(a.payload().get("state")));
                String assignee = a.payload().get("assignee");
                if (assignee != null && assignee.matches("\\d+")) {
                    body.put("assignee", Long.parseLong(assignee));
                }
                reply = http.write(courseId, "PUT", NodeBbConnector.v3(http, "flags", flagId).build(), body, ANSWERED);
            }
            if (reply.code() != 200) {
                return refused(reply, null);
            }
        }
        return new ActionOutcome.Applied(List.of(), false);
    }

    /** The workstation's triage states as NodeBB's flag states (open, wip, resolved). */
    static String flagState(String triage) {
        if (triage == null) {
            return "open";
        }
        return switch (triage) {
            case "DONE" -> "resolved";
            case "NEW", "NEEDS_REPLY" -> "open";
            default -> "wip";
        };
    }

    private List<String> openFlagsOfTopic(String tid) throws SyncException {
        List<String> ids = new ArrayList<>();
        for (JsonNode f : connector.openPostFlags(TransferListener.NONE)) {
            if (tid.equals(connector.topicOf(f.path("targetId").asText()))) {
                ids.add(f.path("flagId").asText());
            }
        }
        return ids;
    }

    private static final Map<String, String> DONE_BEFORE = Map.of(
            "[[error:post-already-deleted]]", "already deleted",
            "[[error:post-already-restored]]", "already restored",
            "[[error:already-flagged]]", "already flagged");

    /** NodeBB's refusal: work already done (a replay) is a duplicate; a vanished post a rejection; else refused. */
    private ActionOutcome refused(PlatformHttp.Reply reply, String tid) throws SyncException {
        String message = reply.body().path("status").path("message").asText("HTTP " + reply.code());
        if (DONE_BEFORE.containsKey(message)) {
            return new ActionOutcome.Applied(tid == null ? List.of() : state(tid), true);
        }
        if (reply.code() == 404) {
            return new ActionOutcome.Rejected("NodeBB no longer has this (" + message + ").");
        }
        if (reply.code() == 403) {
            return new ActionOutcome.Rejected("NodeBB does not allow this account to do that (" + message + ").");
        }
        return new ActionOutcome.Rejected("NodeBB refused: " + message);
    }

    /** The topic as NodeBB has it now, for the cache. */
    private List<Change> state(String tid) throws SyncException {
        List<Change> topic = PlatformHttp.read(() -> connector.topic(tid, connector.readFlags(TransferListener.NONE),
                TransferListener.NONE));
        return topic == null ? List.of(new Change.Removal(EntityKind.THREAD, tid)) : topic;
    }
}
