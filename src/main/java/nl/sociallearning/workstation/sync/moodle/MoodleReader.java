package nl.sociallearning.workstation.sync.moodle;

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

import java.time.Instant;
import java.time.ZoneId;
import java.util.Set;

/**
 * Maps Moodle web service answers to domain records. Moodle times are Unix seconds (0 meaning "none"); ids are
 * numbers, kept as their decimal text. A discussion's id in the cache is its {@code discussion} field: the
 * {@code id} of a discussion list entry is the id of its first post.
 */
final class MoodleReader {

    /** Versions count seconds from 2000-01-01, so that they fit an int well past 2038. */
    private static final long VERSION_EPOCH = 946_684_800L;
    private static final Set<String> MODERATOR_ROLES = Set.of("manager", "coursecreator", "editingteacher", "teacher");

    private MoodleReader() {
    }

    static UserIdentity identity(JsonNode siteInfo) {
        String name = siteInfo.path("fullname").asText("");
        return new UserIdentity(id(siteInfo, "userid"),
                name.isEmpty() ? siteInfo.path("username").asText(id(siteInfo, "userid")) : name);
    }

    static Course course(JsonNode c, String siteName, ZoneId zone) {
        String title = c.path("fullname").asText(c.path("displayname").asText(""));
        if (title.isEmpty()) {
            title = c.path("shortname").asText(id(c, "id"));
        }
        return new Course(id(c, "id"), title, siteName == null || siteName.isEmpty() ? null : siteName,
                Audience.EDUCATION, optionalTime(c, "startdate"), optionalTime(c, "enddate"), zone,
                c.path("enrolledusercount").asInt(0));
    }

    static Participant participant(String courseId, JsonNode user) {
        String group = null;
        for (JsonNode g : user.path("groups")) {
            group = g.path("name").asText(null);
            break;
        }
        return new Participant(courseId, id(user, "id"), displayName(user), role(user.path("roles")), group, null);
    }

    /** An author who is not (or no longer) enrolled: known only from a post. */
    static Participant author(String courseId, JsonNode author) {
        String group = null;
        for (JsonNode g : author.path("groups")) {
            group = g.path("name").asText(null);
            break;
        }
        String name = author.path("fullname").asText("");
        return new Participant(courseId, id(author, "id"), name.isEmpty() ? "#" + id(author, "id") : name,
                ParticipantRole.PARTICIPANT, group, null);
    }

    /** The most powerful of a user's course roles: a teacher who is also a student moderates. */
    static ParticipantRole role(JsonNode roles) {
        ParticipantRole best = ParticipantRole.PARTICIPANT;
        boolean anyStudent = false;
        for (JsonNode r : roles) {
            String shortName = r.path("shortname").asText("");
            if (MODERATOR_ROLES.contains(shortName)) {
                return ParticipantRole.MODERATOR;
            }
            if (shortName.equals("student")) {
                anyStudent = true;
            } else if (shortName.equals("guest") || shortName.equals("user") || shortName.equals("frontpage")) {
                best = anyStudent ? best : ParticipantRole.OBSERVER;
            }
        }
        return anyStudent ? ParticipantRole.PARTICIPANT : best;
    }

    /** The last activity of a list entry: the discussion's {@code timemodified}, or its first post's later edit. */
    static long activity(JsonNode discussion) {
        return Math.max(discussion.path("timemodified").asLong(0), discussion.path("modified").asLong(0));
    }

    static DiscussionThread thread(String courseId, JsonNode d, String forumName) {
        Instant created = time(d, "created");
        long activity = activity(d);
        return new DiscussionThread(courseId, id(d, "discussion"), text(d, "name"), forumName,
                optionalId(d, "userid"), created, Instant.ofEpochSecond(Math.max(activity, created.getEpochSecond())),
                d.path("locked").asBoolean(false), d.path("pinned").asBoolean(false), version(activity));
    }

    /** A post of {@code mod_forum_get_discussion_posts} (also the {@code post} of an add-post answer). */
    static Post post(String courseId, JsonNode p) {
        Instant created = time(p, "timecreated");
        long modified = p.path("timemodified").asLong(0);
        Instant edited = modified > created.getEpochSecond() ? Instant.ofEpochSecond(modified) : null;
        boolean hasParent = p.path("hasparent").asBoolean(false) && p.path("parentid").asLong(0) > 0;
        JsonNode author = p.path("author");
        return new Post(courseId, id(p, "id"), id(p, "discussionid"), hasParent ? id(p, "parentid") : null,
                author.isObject() && author.has("id") && !author.get("id").isNull() ? id(author, "id") : null,
                created, edited, p.path("message").asText(""), false, p.path("isdeleted").asBoolean(false),
                Approval.APPROVED, 0, version(Math.max(modified, created.getEpochSecond())));
    }

    static int version(long epochSecond) {
        return (int) Math.max(1, Math.min(Integer.MAX_VALUE, epochSecond - VERSION_EPOCH));
    }

    static String displayName(JsonNode user) {
        String full = user.path("fullname").asText("");
        if (!full.isEmpty()) {
            return full;
        }
        String joined = (user.path("firstname").asText("") + " " + user.path("lastname").asText("")).trim();
        return joined.isEmpty() ? user.path("username").asText("#" + id(user, "id")) : joined;
    }

    static String id(JsonNode n, String field) {
        JsonNode v = n.get(field);
        if (v == null || v.isNull() || !v.isValueNode()) {
            throw new MalformedException("field '" + field + "' is missing");
        }
        return v.asText();
    }

    private static String optionalId(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() || v.asLong(0) <= 0 ? null : v.asText();
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        if (v == null || v.isNull()) {
            throw new MalformedException("field '" + field + "' is missing");
        }
        return v.asText();
    }

    private static Instant time(JsonNode n, String field) {
        JsonNode v = n.get(field);
        if (v == null || !v.canConvertToLong()) {
            throw new MalformedException("field '" + field + "' is not a time");
        }
        return Instant.ofEpochSecond(v.asLong());
    }

    private static Instant optionalTime(JsonNode n, String field) {
        long seconds = n.path(field).asLong(0);
        return seconds <= 0 ? null : Instant.ofEpochSecond(seconds);
    }
}
