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
        } catch (JsonProcessingException e) {
            // read as expired below
        }
        throw new SyncException(SyncException.Kind.CURSOR_EXPIRED,
                "The stored position of this course cannot be read; syncing the course again from the start.");
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
