package nl.sociallearning.workstation.sync.api;

import com.fasterxml.jackson.databind.JsonNode;
import nl.sociallearning.workstation.domain.ActivityEvent;
import nl.sociallearning.workstation.domain.ActivityType;
import nl.sociallearning.workstation.domain.Approval;
import nl.sociallearning.workstation.domain.Audience;
import nl.sociallearning.workstation.domain.Change;
import nl.sociallearning.workstation.domain.Course;
import nl.sociallearning.workstation.domain.DiscussionThread;
import nl.sociallearning.workstation.domain.EntityKind;
import nl.sociallearning.workstation.domain.Participant;
import nl.sociallearning.workstation.domain.ParticipantRole;
import nl.sociallearning.workstation.domain.Post;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/**
 * Maps the Course Sync API's JSON objects to domain records, strictly: a missing required field or a value
 * out of the protocol's range is a {@link MalformedException} that names it.
 */
final class WireReader {

    private WireReader() {
    }

    static final class MalformedException extends RuntimeException {
        MalformedException(String message) {
            super(message);
        }
    }

    static Change change(String courseId, JsonNode node) {
        String kindName = text(node, "kind");
        String op = text(node, "op");
        JsonNode data = node.get("data");
        if (data == null || !data.isObject()) {
            throw new MalformedException("a change has no data object");
        }
        EntityKind kind = enumValue(EntityKind.class, kindName, "kind");
        if (op.equals("delete")) {
            return new Change.Removal(kind, text(data, "id"));
        }
        if (!op.equals("upsert")) {
            throw new MalformedException("unknown change op '" + op + "'");
        }
        return entity(courseId, kind, data);
    }

    static Change entity(String courseId, EntityKind kind, JsonNode data) {
        return switch (kind) {
            case PARTICIPANT -> new Change.ParticipantUpsert(participant(courseId, data));
            case THREAD -> new Change.ThreadUpsert(thread(courseId, data));
            case POST -> new Change.PostUpsert(post(courseId, data));
            case ACTIVITY -> new Change.ActivityUpsert(activity(courseId, data));
        };
    }

    static Course course(JsonNode n) {
        return new Course(text(n, "id"), text(n, "title"), optionalText(n, "organisation"),
                enumValue(Audience.class, text(n, "audience"), "audience"), optionalInstant(n, "startsAt"),
                optionalInstant(n, "endsAt"), zone(optionalText(n, "timeZone")), n.path("participantCount").asInt(0));
    }

    static Participant participant(String courseId, JsonNode n) {
        return new Participant(courseId, text(n, "id"), text(n, "displayName"),
                enumValue(ParticipantRole.class, text(n, "role"), "role"), optionalText(n, "group"),
                optionalInstant(n, "enrolledAt"));
    }

    static DiscussionThread thread(String courseId, JsonNode n) {
        return new DiscussionThread(courseId, text(n, "id"), text(n, "title"), optionalText(n, "module"),
                optionalText(n, "authorId"), instant(n, "createdAt"), instant(n, "lastActivityAt"),
                n.path("locked").asBoolean(false), n.path("pinned").asBoolean(false), version(n));
    }

    static Post post(String courseId, JsonNode n) {
        String approval = optionalText(n, "approval");
        return new Post(courseId, text(n, "id"), text(n, "threadId"), optionalText(n, "parentId"),
                optionalText(n, "authorId"), instant(n, "createdAt"), optionalInstant(n, "editedAt"),
                optionalText(n, "bodyHtml"), n.path("hidden").asBoolean(false), n.path("deleted").asBoolean(false),
                approval == null ? Approval.APPROVED : enumValue(Approval.class, approval, "approval"),
                n.path("flagCount").asInt(0), version(n));
    }

    static ActivityEvent activity(String courseId, JsonNode n) {
        return new ActivityEvent(courseId, text(n, "id"), text(n, "participantId"), instant(n, "at"),
                enumValue(ActivityType.class, text(n, "type"), "type"), optionalText(n, "threadId"));
    }

    static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        if (v == null || v.isNull() || !v.isValueNode()) {
            throw new MalformedException("field '" + field + "' is missing");
        }
        return v.asText();
    }

    static String optionalText(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }

    private static int version(JsonNode n) {
        int v = n.path("version").asInt(1);
        if (v < 1) {
            throw new MalformedException("version must be 1 or more, was " + v);
        }
        return v;
    }

    private static Instant instant(JsonNode n, String field) {
        Instant t = optionalInstant(n, field);
        if (t == null) {
            throw new MalformedException("field '" + field + "' is missing");
        }
        return t;
    }

    private static Instant optionalInstant(JsonNode n, String field) {
        String text = optionalText(n, field);
        if (text == null) {
            return null;
        }
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw new MalformedException("field '" + field + "' is not an ISO-8601 time: " + text);
        }
    }

    private static ZoneId zone(String id) {
        try {
            return id == null ? ZoneId.of("Europe/Amsterdam") : ZoneId.of(id);
        } catch (RuntimeException e) {
            throw new MalformedException("unknown time zone '" + id + "'");
        }
    }

    private static <E extends Enum<E>> E enumValue(Class<E> type, String wire, String field) {
        try {
            return Enum.valueOf(type, wire.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new MalformedException("field '" + field + "' has an unknown value '" + wire + "'");
        }
    }
}
