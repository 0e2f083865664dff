package nl.sociallearning.workstation.sync.canvas;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;

/**
 * The watermark a Canvas course's sync stores as its cursor: {@code since}, the newest topic activity (Unix
 * seconds) passed on completely. During a pass: {@code mark} (the next {@code since}), {@code next} (the address
 * Canvas gave for the next topic page; never built by us), whether participants were read, and whether the pass
 * reconciles (lists every topic to find the deleted ones).
 */
record CanvasCursor(long since, long reconciledAt, boolean inPass, long mark, String next, boolean peopleRead,
                    boolean reconcile, String passId) {

    private static final ObjectMapper JSON = new ObjectMapper();

    static final CanvasCursor FRESH = new CanvasCursor(0, 0, false, 0, null, false, false, null);

    static CanvasCursor parse(String text) {
        if (text == null || text.isEmpty()) {
            return FRESH;
        }
        try {
            JsonNode n = JSON.readTree(text);
            return new CanvasCursor(n.path("since").asLong(0), n.path("reconciledAt").asLong(0),
                    n.path("inPass").asBoolean(false), n.path("mark").asLong(0), n.path("next").asText(null),
                    n.path("peopleRead").asBoolean(false), n.path("reconcile").asBoolean(false), n.path("passId").asText(null));
        } catch (IOException | RuntimeException e) {
            return FRESH;
        }
    }

    String write() {
        ObjectNode n = JSON.createObjectNode().put("since", since).put("reconciledAt", reconciledAt);
        if (inPass) {
            n.put("inPass", true).put("mark", mark).put("next", next).put("peopleRead", peopleRead)
                    .put("reconcile", reconcile).put("passId", passId);
        }
        return n.toString();
    }

    CanvasCursor startPass(boolean reconcileNow, String id) {
        return new CanvasCursor(since, reconciledAt, true, since, null, false, reconcileNow, id);
    }

    CanvasCursor seen(long activity) {
        return new CanvasCursor(since, reconciledAt, inPass, Math.max(mark, activity), next, peopleRead, reconcile, passId);
    }

    CanvasCursor peopleDone() {
        return new CanvasCursor(since, reconciledAt, inPass, mark, next, true, reconcile, passId);
    }

    CanvasCursor continueAt(String url) {
        return new CanvasCursor(since, reconciledAt, inPass, mark, url, peopleRead, reconcile, passId);
    }

    CanvasCursor endPass(long now) {
        return new CanvasCursor(Math.max(since, mark), reconcile ? now : reconciledAt, false, 0, null, false, false, null);
    }
}
