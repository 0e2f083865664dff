package nl.sociallearning.workstation.demo;

import com.fasterxml.jackson.databind.JsonNode;
import nl.sociallearning.workstation.domain.ActionType;
import nl.sociallearning.workstation.domain.Approval;
import nl.sociallearning.workstation.domain.DiscussionThread;
import nl.sociallearning.workstation.domain.EntityKind;
import nl.sociallearning.workstation.domain.Post;

import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Applies moderation actions to the demo courses, once per idempotency key: a key seen before gets the first
 * answer again (an applied action as "duplicate"). Versions guard against overwriting someone else's change.
 */
final class DemoActions {

    /** An HTTP answer: status code, body and content type; {@code replayed} when it repeats an earlier one. */
    record Answer(int status, byte[] body, String contentType, boolean replayed) {
        Answer(int status, byte[] body, String contentType) {
            this(status, body, contentType, false);
        }
    }

    private final Map<String, Answer> answers = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> applied = new ConcurrentHashMap<>();
    private final Map<String, Object> triage = new ConcurrentHashMap<>();
    private final java.util.List<String> order = new java.util.concurrent.CopyOnWriteArrayList<>();

    java.util.List<String> appliedOrder() {
        return java.util.List.copyOf(order);
    }

    /** How many times the action with this key took effect: the server's own proof of exactly-once. */
    int timesApplied(String key) {
        AtomicInteger n = applied.get(key);
        return n == null ? 0 : n.get();
    }

    /** The first answer given for this key, marked as a replay (an applied one as "duplicate"). */
    private Answer replay(Answer first) {
        byte[] body = first.status() != 200 ? first.body()
                : new String(first.body(), java.nio.charset.StandardCharsets.UTF_8)
                .replaceFirst("\"status\":\"applied\"", "\"status\":\"duplicate\"")
                .getBytes(java.nio.charset.StandardCharsets.UTF_8);
        return new Answer(first.status(), body, first.contentType(), true);
    }

    /** Applies an action and remembers the answer under its key. Synchronized per course for consistent versions. */
    Answer apply(DemoCourse course, String key, JsonNode action, String actorId) {
        synchronized (course) {
            Answer existing = answers.get(key);
            if (existing != null) {
                return replay(existing);
            }
            Answer answer = decide(course, action, actorId);
            if (answer.status() == 200) {
                applied.computeIfAbsent(key, k -> new AtomicInteger()).incrementAndGet();
                order.add(key);
            }
            if (answer.status() == 200 || answer.status() == 409 || answer.status() == 422) {
                answers.put(key, answer);
            }
            return answer;
        }
    }

    private Answer decide(DemoCourse course, JsonNode action, String actorId) {
        ActionType type;
        try {
            type = ActionType.fromWireName(action.path("type").asText());
        } catch (IllegalArgumentException e) {
            return rejected("unknown action type '" + action.path("type").asText() + "'");
        }
        String target = action.path("targetId").asText("");
        Integer baseVersion = action.hasNonNull("baseVersion") ? action.get("baseVersion").asInt() : null;
        JsonNode payload = action.path("payload");
        Instant now = Instant.now();
        if (type.target() == EntityKind.THREAD) {
            return onThread(course, type, target, baseVersion, payload, now);
        }
        Post post = course.post(target).orElse(null);
        if (post == null) {
            return rejected("post " + target + " does not exist (any more)");
        }
        if (baseVersion != null && baseVersion < post.version() && type != ActionType.REPLY && type != ActionType.FLAG) {
            return conflict(EntityKind.POST, post);
        }
        Post next;
        switch (type) {
            case REPLY -> {
                DiscussionThread thread = course.thread(post.threadId()).orElse(null);
                if (thread == null || post.deleted()) {
                    return rejected("the post replied to has been removed");
                }
                if (thread.locked()) {
                    return rejected("the thread is locked");
                }
                Post reply = new Post(course.id(), course.nextPostId(), post.threadId(), post.id(), actorId, now, null,
                        payload.path("bodyHtml").asText(""), false, false, Approval.APPROVED, 0, 1);
                course.put(reply);
                course.put(touch(thread, now));
                return applied(EntityKind.POST, reply);
            }
            case HIDE, UNHIDE -> next = with(post, type == ActionType.HIDE, post.deleted(), post.approval(), post.flagCount());
            case DELETE, RESTORE -> next = with(post, post.hidden(), type == ActionType.DELETE, post.approval(), post.flagCount());
            case FLAG -> next = with(post, post.hidden(), post.deleted(), post.approval(), post.flagCount() + 1);
            case APPROVE, REJECT -> {
                if (post.approval() != Approval.PENDING) {
                    return rejected("post " + target + " is not waiting for approval");
                }
                next = with(post, post.hidden(), post.deleted(),
                        type == ActionType.APPROVE ? Approval.APPROVED : Approval.REJECTED, post.flagCount());
            }
            default -> throw new IllegalStateException("not a post action: " + type);
        }
        course.put(next);
        return applied(EntityKind.POST, next);
    }

    private Answer onThread(DemoCourse course, ActionType type, String target, Integer baseVersion, JsonNode payload,
                            Instant now) {
        DiscussionThread thread = course.thread(target).orElse(null);
        if (type == ActionType.NOTE) {
            if (thread == null && course.participant(target).isEmpty()) {
                return rejected(target + " is neither a thread nor a participant of this course");
            }
            String id = java.util.UUID.randomUUID().toString();
            return applied("note", Map.of("id", id, "targetId", target, "text", payload.path("text").asText("")));
        }
        if (thread == null) {
            return rejected("thread " + target + " does not exist (any more)");
        }
        if (type == ActionType.SET_TRIAGE) {
            Map<String, Object> state = new java.util.LinkedHashMap<>();
            state.put("threadId", target);
            state.put("state", payload.path("state").asText("NEW"));
            state.put("assignee", payload.hasNonNull("assignee") ? payload.get("assignee").asText() : null);
            state.put("snoozedUntil", payload.hasNonNull("snoozedUntil") ? payload.get("snoozedUntil").asText() : null);
            triage.put(course.id() + "/" + target, state);
            return applied("triage", state);
        }
        if (baseVersion != null && baseVersion < thread.version()) {
            return conflict(EntityKind.THREAD, thread);
        }
        DiscussionThread next = new DiscussionThread(thread.courseId(), thread.id(), thread.title(), thread.module(),
                thread.authorId(), thread.createdAt(), thread.lastActivityAt(),
                type == ActionType.LOCK || (thread.locked() && type != ActionType.UNLOCK),
                type == ActionType.PIN || (thread.pinned() && type != ActionType.UNPIN), thread.version() + 1);
        course.put(next);
        return applied(EntityKind.THREAD, next);
    }

    private static DiscussionThread touch(DiscussionThread t, Instant now) {
        return new DiscussionThread(t.courseId(), t.id(), t.title(), t.module(), t.authorId(), t.createdAt(), now,
                t.locked(), t.pinned(), t.version());
    }

    private static Post with(Post p, boolean hidden, boolean deleted, Approval approval, int flags) {
        return new Post(p.courseId(), p.id(), p.threadId(), p.parentId(), p.authorId(), p.createdAt(), p.editedAt(),
                p.bodyHtml(), hidden, deleted, approval, flags, p.version() + 1);
    }

    private static Answer applied(EntityKind kind, Object entity) {
        return new Answer(200, FeedJson.bytes(g -> {
            g.writeStartObject();
            g.writeStringField("status", "applied");
            g.writeFieldName("entity");
            FeedJson.wrapped(g, kind, entity);
            g.writeEndObject();
        }), "application/json");
    }

    private static Answer applied(String kind, Map<String, ?> data) {
        return new Answer(200, FeedJson.bytes(g -> {
            g.writeStartObject();
            g.writeStringField("status", "applied");
            g.writeObjectFieldStart("entity");
            g.writeStringField("kind", kind);
            g.writeObjectFieldStart("data");
            for (Map.Entry<String, ?> e : data.entrySet()) {
                if (e.getValue() == null) {
                    g.writeNullField(e.getKey());
                } else {
                    g.writeStringField(e.getKey(), e.getValue().toString());
                }
            }
            g.writeEndObject();
            g.writeEndObject();
            g.writeEndObject();
        }), "application/json");
    }

    private static Answer conflict(EntityKind kind, Object current) {
        return new Answer(409, FeedJson.bytes(g -> {
            g.writeStartObject();
            g.writeStringField("status", "conflict");
            g.writeFieldName("current");
            FeedJson.wrapped(g, kind, current);
            g.writeEndObject();
        }), "application/json");
    }

    private static Answer rejected(String detail) {
        return new Answer(422, FeedJson.problem(422, "action-rejected", "The action cannot be applied", detail),
                "application/problem+json");
    }
}
