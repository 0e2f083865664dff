package nl.sociallearning.workstation.sync.platform;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import nl.sociallearning.workstation.sync.SyncException;

import java.time.Instant;
import java.util.Iterator;
import java.util.Map;

/**
 * The cursor of a platform without a change feed: a small JSON object of named values, chiefly the watermark
 * (the newest activity passed on) and, during a long first sync, where it stopped. The engine stores it with
 * each page and never looks inside; an unreadable one means "start over" ({@code CURSOR_EXPIRED}).
 * <p>
 * A platform read in passes over a course by activity (Moodle, Canvas) keeps its pass here as well: the pass id,
 * the newest activity seen in it ({@code mark}, the next watermark), whether it reconciles, and its own place.
 */
public final class WatermarkCursor {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** The version of the shape; a cursor of another version is read as expired, so an upgrade starts over cleanly. */
    private static final int VERSION = 1;

    private final ObjectNode values;

    private WatermarkCursor(ObjectNode values) {
        this.values = values;
    }

    public static WatermarkCursor start() {
        return new WatermarkCursor(JSON.createObjectNode().put("v", VERSION));
    }

    /** Reads a stored cursor; null (a first sync) gives {@link #start()}. */
    public static WatermarkCursor decode(String text) throws SyncException {
        if (text == null) {
            return start();
        }
        try {
            JsonNode node = JSON.readTree(text);
            if (node instanceof ObjectNode object && object.path("v").asInt() == VERSION) {
                return new WatermarkCursor(object);
            }
            if (node instanceof ObjectNode object && !object.has("v") && object.has("since")) {
                return unversioned(object);
            }
        } catch (JsonProcessingException e) {
            // read as expired below
        }
        throw new SyncException(SyncException.Kind.CURSOR_EXPIRED,
                "The stored position of this course cannot be read; syncing the course again from the start.");
    }

    /** Fields of the unversioned shape that are not a platform's own place. */
    private static final java.util.Set<String> UNVERSIONED_PASS = java.util.Set.of("since", "reconciledAt", "inPass", "mark",
            "reconcile", "passId");

    /**
     * The shape the Moodle and Canvas connectors first stored, still in users' caches: times in Unix seconds,
     * {@code since} (the watermark), {@code reconciledAt}, and during a pass {@code inPass}, {@code mark},
     * {@code reconcile}, {@code passId} and the platform's own place (kept as it is).
     */
    private static WatermarkCursor unversioned(ObjectNode old) {
        WatermarkCursor cursor = start();
        long since = old.path("since").asLong(0);
        if (since > 0) {
            cursor = cursor.withWatermark(Instant.ofEpochSecond(since));
        }
        long reconciledAt = old.path("reconciledAt").asLong(0);
        if (reconciledAt > 0) {
            cursor = cursor.with("reconciledAt", Instant.ofEpochSecond(reconciledAt));
        }
        if (!old.path("inPass").asBoolean(false)) {
            return cursor;
        }
        cursor = cursor.startPass(old.path("reconcile").asBoolean(false), old.path("passId").asText("unversioned"))
                .with("mark", Instant.ofEpochSecond(old.path("mark").asLong(0)));
        for (Map.Entry<String, JsonNode> field : old.properties()) {
            if (!UNVERSIONED_PASS.contains(field.getKey()) && !field.getValue().isNull()) {
                cursor.values.set(field.getKey(), field.getValue());
            }
        }
        return cursor;
    }

    public String encode() {
        return values.toString();
    }

    public boolean isFirstSync() {
        return !values.has("watermark");
    }

    /** The newest activity time passed on; {@link Instant#EPOCH} before the first sync. */
    public Instant watermark() {
        return instant("watermark");
    }

    public WatermarkCursor withWatermark(Instant value) {
        return with("watermark", value);
    }

    public Instant instant(String name) {
        return values.has(name) ? Instant.ofEpochMilli(values.get(name).asLong()) : Instant.EPOCH;
    }

    public long number(String name, long otherwise) {
        return values.has(name) ? values.get(name).asLong() : otherwise;
    }

    public String text(String name) {
        JsonNode v = values.get(name);
        return v == null || v.isNull() ? null : v.asText();
    }

    public boolean flag(String name) {
        return values.path(name).asBoolean(false);
    }

    // --- a pass over a course ------------------------------------------------------------------------

    public boolean inPass() {
        return values.has("pass");
    }

    public String passId() {
        return text("pass");
    }

    /** Whether this pass reads every thread, to find the ones the platform deleted. */
    public boolean reconciling() {
        return flag("reconcile");
    }

    /** When the last reconciling pass ended; {@link Instant#EPOCH} if none did. */
    public Instant reconciledAt() {
        return instant("reconciledAt");
    }

    public WatermarkCursor startPass(boolean reconcile, String passId) {
        return with("pass", passId).with("mark", watermark()).with("reconcile", reconcile);
    }

    /** An activity seen in the pass: the newest becomes the watermark when the pass ends. */
    public WatermarkCursor seen(Instant activity) {
        return activity.isAfter(instant("mark")) ? with("mark", activity) : this;
    }

    /** The pass ended at {@code now}: the watermark moves up to its mark, and its place is forgotten. */
    public WatermarkCursor endPass(Instant now) {
        Instant mark = instant("mark");
        WatermarkCursor ended = start();
        Instant watermark = mark.isAfter(watermark()) ? mark : watermark();
        if (watermark.isAfter(Instant.EPOCH)) {
            ended = ended.withWatermark(watermark);
        }
        Instant reconciled = reconciling() ? now : reconciledAt();
        return reconciled.isAfter(Instant.EPOCH) ? ended.with("reconciledAt", reconciled) : ended;
    }

    public WatermarkCursor with(String name, boolean value) {
        return value ? copy(c -> c.put(name, true)) : without(name);
    }

    public WatermarkCursor with(String name, Instant value) {
        return copy(c -> c.put(name, value.toEpochMilli()));
    }

    public WatermarkCursor with(String name, long value) {
        return copy(c -> c.put(name, value));
    }

    public WatermarkCursor with(String name, String value) {
        return copy(c -> {
            if (value == null) {
                c.remove(name);
            } else {
                c.put(name, value);
            }
        });
    }

    public WatermarkCursor without(String name) {
        return copy(c -> c.remove(name));
    }

    private WatermarkCursor copy(java.util.function.Consumer<ObjectNode> change) {
        ObjectNode copy = values.deepCopy();
        change.accept(copy);
        return new WatermarkCursor(copy);
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder();
        for (Iterator<Map.Entry<String, JsonNode>> it = values.properties().iterator(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            text.append(e.getKey()).append('=').append(e.getValue().asText()).append(it.hasNext() ? ", " : "");
        }
        return text.toString();
    }
}
