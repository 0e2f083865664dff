package nl.sociallearning.workstation.sync.moodle;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;

/**
 * The watermark a Moodle course's sync stores as its cursor. {@code since}: the newest activity (Unix seconds)
 * passed on completely; 0 before the first pass ends. During a pass: {@code mark}, the newest activity seen in it
 * (the next {@code since}), and where it stands ({@code forum} index, listing {@code page}). {@code reconcile}
 * passes list every discussion to find the ones Moodle deleted; {@code reconciledAt} is when the last one ended.
 */
record MoodleCursor(long since, long reconciledAt, boolean inPass, long mark, int forum, int page, boolean reconcile,
                    String passId) {

    private static final ObjectMapper JSON = new ObjectMapper();

    static final MoodleCursor FRESH = new MoodleCursor(0, 0, false, 0, 0, 0, false, null);

    static MoodleCursor parse(String text) {
        if (text == null || text.isEmpty()) {
            return FRESH;
        }
        try {
            JsonNode n = JSON.readTree(text);
            return new MoodleCursor(n.path("since").asLong(0), n.path("reconciledAt").asLong(0),
                    n.path("inPass").asBoolean(false), n.path("mark").asLong(0), n.path("forum").asInt(0),
                    n.path("page").asInt(0), n.path("reconcile").asBoolean(false), n.path("passId").asText(null));
        } catch (IOException | RuntimeException e) {
            // A cursor of another connector (the server's kind changed): start from scratch.
            return FRESH;
        }
    }

    String write() {
        ObjectNode n = JSON.createObjectNode().put("since", since).put("reconciledAt", reconciledAt);
        if (inPass) {
            n.put("inPass", true).put("mark", mark).put("forum", forum).put("page", page).put("reconcile", reconcile)
                    .put("passId", passId);
        }
        return n.toString();
    }

    MoodleCursor startPass(boolean reconcileNow, String id) {
        return new MoodleCursor(since, reconciledAt, true, since, 0, 0, reconcileNow, id);
    }

    MoodleCursor seen(long activity) {
        return new MoodleCursor(since, reconciledAt, inPass, Math.max(mark, activity), forum, page, reconcile, passId);
    }

    MoodleCursor nextPage() {
        return new MoodleCursor(since, reconciledAt, inPass, mark, forum, page + 1, reconcile, passId);
    }

    MoodleCursor nextForum() {
        return new MoodleCursor(since, reconciledAt, inPass, mark, forum + 1, 0, reconcile, passId);
    }

    MoodleCursor endPass(long now) {
        return new MoodleCursor(Math.max(since, mark), reconcile ? now : reconciledAt, false, 0, 0, 0, false, null);
    }
}
