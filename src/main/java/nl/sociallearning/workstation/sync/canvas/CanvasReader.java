package nl.sociallearning.workstation.sync.canvas;

import com.fasterxml.jackson.databind.JsonNode;
import nl.sociallearning.workstation.domain.Approval;
import nl.sociallearning.workstation.domain.Audience;
import nl.sociallearning.workstation.domain.Course;
import nl.sociallearning.workstation.domain.DiscussionThread;
import nl.sociallearning.workstation.domain.Participant;
import nl.sociallearning.workstation.domain.ParticipantRole;
import nl.sociallearning.workstation.domain.Post;
import nl.sociallearning.workstation.domain.UserIdentity;
import nl.sociallearning.workstation.sync.platform.PlatformText.MalformedException;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;

/**
 * Maps Canvas API objects to domain records. A topic is a thread and also its opening post (id: the topic id);
 * an entry's post id is {@code <topic>.<entry>}, so that an action on it knows its topic without asking.
 */
final class CanvasReader {

    private static final long VERSION_EPOCH = 946_684_800L;

    private CanvasReader() {
    }

    static UserIdentity identity(JsonNode self) {
        String name = self.path("name").asText(self.path("short_name").asText(""));
        return new UserIdentity(id(self, "id"), name.isEmpty() ? "#" + id(self, "id") : name);
    }

    /** Null for an entry Canvas lists without details (a course closed to the user by its dates). */
    static Course course(JsonNode c, ZoneId fallbackZone) {
        if (c.path("access_restricted_by_date").asBoolean(false) || !c.has("name")) {
            return null;
        }
        ZoneId zone = fallbackZone;
        String tz = c.path("time_zone").asText("");
        if (!tz.isEmpty()) {
            try {
                zone = ZoneId.of(tz);
            } catch (DateTimeException e) {
                zone = fallbackZone;
            }
        }
        String title = c.path("name").asText("");
        return new Course(id(c, "id"), title.isEmpty() ? c.path("course_code").asText(id(c, "id")) : title, null,
                Audience.EDUCATION, optionalTime(c, "start_at"), optionalTime(c, "end_at"), zone,
                c.path("total_students").asInt(0));
    }

    static Participant participant(String courseId, JsonNode user, String group) {
        ParticipantRole role = null;
        Instant enrolled = null;
        for (JsonNode e : user.path("enrollments")) {
            ParticipantRole r = switch (e.path("type").asText(e.path("role").asText(""))) {
                case "TeacherEnrollment", "TaEnrollment", "DesignerEnrollment", "teacher", "ta", "designer" ->
                        ParticipantRole.MODERATOR;
                case "StudentEnrollment", "student" -> ParticipantRole.PARTICIPANT;
                default -> ParticipantRole.OBSERVER;
            };
            if (role == null || rank(r) > rank(role)) {
                role = r;
            }
            Instant created = optionalTime(e, "created_at");
            if (created != null && (enrolled == null || created.isBefore(enrolled))) {
                enrolled = created;
            }
        }
        role = role == null ? ParticipantRole.PARTICIPANT : role;
        return new Participant(courseId, id(user, "id"), name(user), role, group, enrolled);
    }

    private static int rank(ParticipantRole role) {
        return switch (role) {
            case MODERATOR, EXPERT -> 2;
            case PARTICIPANT -> 1;
            case OBSERVER -> 0;
        };
    }

    /** Someone Canvas names only as a participant of a thread (not, or no longer, enrolled). */
    static Participant threadParticipant(String courseId, JsonNode p) {
        String name = p.path("display_name").asText("");
        return new Participant(courseId, id(p, "id"), name.isEmpty() ? "#" + id(p, "id") : name,
                ParticipantRole.PARTICIPANT, null, null);
    }

    static long activity(JsonNode topic) {
        Instant posted = optionalTime(topic, "posted_at");
        Instant reply = optionalTime(topic, "last_reply_at");
        long a = posted == null ? 0 : posted.getEpochSecond();
        return Math.max(a, reply == null ? 0 : reply.getEpochSecond());
    }

    static DiscussionThread thread(String courseId, JsonNode t) {
        Instant created = created(t);
        long activity = Math.max(activity(t), created.getEpochSecond());
        return new DiscussionThread(courseId, id(t, "id"), t.path("title").asText(""), null, author(t), created,
                Instant.ofEpochSecond(activity), t.path("locked").asBoolean(false), t.path("pinned").asBoolean(false),
                version(activity));
    }

    static Post openingPost(String courseId, JsonNode t) {
        Instant created = created(t);
        return new Post(courseId, id(t, "id"), id(t, "id"), null, author(t), created, null, t.path("message").asText(""),
                false, false, Approval.APPROVED, 0, version(created.getEpochSecond()));
    }

    /** An entry of a topic's view or entry list; {@code parentPostId} when the entry does not name its parent. */
    static Post entry(String courseId, String topicId, JsonNode e, String parentPostId) {
        Instant created = time(e, "created_at");
        Instant updated = optionalTime(e, "updated_at");
        String parent = e.hasNonNull("parent_id") ? topicId + "." + e.get("parent_id").asText() : parentPostId;
        boolean deleted = e.path("deleted").asBoolean(false);
        long changed = updated == null ? created.getEpochSecond() : Math.max(updated.getEpochSecond(), created.getEpochSecond());
        return new Post(courseId, entryId(topicId, id(e, "id")), topicId, parent,
                e.hasNonNull("user_id") ? e.get("user_id").asText() : null, created,
                !deleted && updated != null && updated.isAfter(created) ? updated : null,
                deleted ? "" : e.path("message").asText(""), false, deleted, Approval.APPROVED, 0, version(changed));
    }

    static String entryId(String topicId, String entryId) {
        return topicId + "." + entryId;
    }

    static int version(long epochSecond) {
        return (int) Math.max(1, Math.min(Integer.MAX_VALUE, epochSecond - VERSION_EPOCH));
    }

    static String name(JsonNode user) {
        String n = user.path("name").asText(user.path("short_name").asText(user.path("display_name").asText("")));
        return n.isEmpty() ? "#" + id(user, "id") : n;
    }

    private static String author(JsonNode t) {
        JsonNode author = t.path("author");
        if (author.hasNonNull("id")) {
            return author.get("id").asText();
        }
        return t.hasNonNull("user_id") ? t.get("user_id").asText() : null;
    }

    private static Instant created(JsonNode t) {
        Instant posted = optionalTime(t, "posted_at");
        Instant created = posted != null ? posted : optionalTime(t, "created_at");
        if (created == null) {
            throw new MalformedException("topic " + t.path("id").asText("?") + " has no posted_at");
        }
        return created;
    }

    static String id(JsonNode n, String field) {
        JsonNode v = n.get(field);
        if (v == null || v.isNull() || !v.isValueNode()) {
            throw new MalformedException("field '" + field + "' is missing");
        }
        return v.asText();
    }

    private static Instant time(JsonNode n, String field) {
        Instant t = optionalTime(n, field);
        if (t == null) {
            throw new MalformedException("field '" + field + "' is missing");
        }
        return t;
    }

    static Instant optionalTime(JsonNode n, String field) {
        JsonNode v = n.get(field);
        if (v == null || v.isNull() || v.asText().isEmpty()) {
            return null;
        }
        try {
            return Instant.parse(v.asText());
        } catch (DateTimeException e) {
            throw new MalformedException("field '" + field + "' is not an ISO-8601 time: " + v.asText());
        }
    }
}
