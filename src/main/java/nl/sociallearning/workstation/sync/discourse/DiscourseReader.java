package nl.sociallearning.workstation.sync.discourse;

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
 * Maps Discourse's JSON to domain records. Ids are Discourse's; a post's parent is named by its number in the
 * topic ({@code reply_to_post_number}), which the caller resolves to an id from the topic's posts; no number
 * means a reply to the opener. A queued post of the review queue becomes a pending post {@code review-<id>}
 * whose version is the reviewable's version (sent back when approving or rejecting). Quirks handled: times
 * with offsets, {@code last_posted_at} null, titles HTML-escaped in {@code fancy_title} but plain in {@code title}.
 */
final class DiscourseReader {

    static final String REVIEW_PREFIX = "review-";
    /** Flag action types in {@code actions_summary}: off topic, inappropriate, notify user/moderators, spam, illegal. */
    private static final java.util.Set<Integer> FLAG_TYPES = java.util.Set.of(3, 4, 6, 7, 8, 10);

    private final String courseId;

    DiscourseReader(String courseId) {
        this.courseId = courseId;
    }

    DiscussionThread thread(JsonNode topic, Map<String, String> categories) {
        Instant created = PlatformText.required(PlatformText.iso(topic, "created_at"), "created_at");
        Instant last = first(PlatformText.iso(topic, "last_posted_at"), PlatformText.iso(topic, "bumped_at"), created);
        String author = topic.hasNonNull("user_id") ? topic.get("user_id").asText()
                : PlatformText.optionalId(topic.path("details").path("created_by"), "id");
        String category = PlatformText.optionalId(topic, "category_id");
        return new DiscussionThread(courseId, PlatformText.id(topic, "id"), text(topic, "title"),
                category == null ? null : categories.getOrDefault(category, "Category " + category), author, created, last,
                topic.path("closed").asBoolean(false), topic.path("pinned").asBoolean(false), 1);
    }

    /** A post; {@code parentId} already resolved from its reply number. */
    Post post(JsonNode post, String parentId, boolean topicDeleted) {
        Instant created = PlatformText.required(PlatformText.iso(post, "created_at"), "created_at");
        int version = Math.max(1, post.path("version").asInt(1));
        Instant updated = version > 1 ? PlatformText.iso(post, "updated_at") : null;
        boolean deleted = topicDeleted || post.hasNonNull("deleted_at") || post.path("user_deleted").asBoolean(false);
        return new Post(courseId, PlatformText.id(post, "id"), PlatformText.id(post, "topic_id"), parentId,
                PlatformText.id(post, "user_id"), created, updated, post.path("cooked").asText(""),
                post.path("hidden").asBoolean(false), deleted, Approval.APPROVED, flags(post), version);
    }

    Participant participant(JsonNode post) {
        String name = post.path("name").asText("");
        String shown = !name.isBlank() ? name : post.path("username").asText("");
        if (shown.isBlank()) {
            throw new MalformedException("a post has no author name");
        }
        boolean staff = post.path("staff").asBoolean(false) || post.path("moderator").asBoolean(false)
                || post.path("admin").asBoolean(false);
        return new Participant(courseId, PlatformText.id(post, "user_id"), shown,
                staff ? ParticipantRole.MODERATOR : ParticipantRole.PARTICIPANT,
                post.hasNonNull("primary_group_name") ? post.get("primary_group_name").asText() : null, null);
    }

    /** A queued post waiting in the review queue (ReviewableQueuedPost). */
    Post queued(JsonNode reviewable, String openerId) {
        JsonNode payload = reviewable.path("payload");
        Instant created = PlatformText.required(PlatformText.iso(reviewable, "created_at"), "created_at");
        String id = REVIEW_PREFIX + PlatformText.id(reviewable, "id");
        String topic = PlatformText.optionalId(reviewable, "topic_id");
        String author = reviewable.hasNonNull("target_created_by_id") ? reviewable.get("target_created_by_id").asText()
                : PlatformText.id(reviewable, "created_by_id");
        return new Post(courseId, id, topic == null ? id : topic, topic == null ? null : openerId, author, created, null,
                "<p>" + PlatformText.escapeHtml(payload.path("raw").asText("")) + "</p>", false, false, Approval.PENDING,
                0, Math.max(1, reviewable.path("version").asInt(1)));
    }

    /** The flags on a post, as far as this account may see them (staff see the counts). */
    static int flags(JsonNode post) {
        int count = 0;
        for (JsonNode action : post.path("actions_summary")) {
            if (FLAG_TYPES.contains(action.path("id").asInt())) {
                count += action.path("count").asInt(0);
            }
        }
        return count;
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull() || !v.isValueNode()) {
            throw new MalformedException("field '" + field + "' is missing");
        }
        return v.asText();
    }

    private static Instant first(Instant... candidates) {
        for (Instant i : candidates) {
            if (i != null) {
                return i;
            }
        }
        return null;
    }
}
