package nl.sociallearning.workstation.sync.platform;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;
import java.time.format.DateTimeParseException;

/** Small readers for what platforms send: times in epoch milliseconds or ISO-8601, ids as numbers or text, plain text. */
public final class PlatformText {

    private PlatformText() {
    }

    /** A platform's answer does not have the shape its documentation promises. */
    public static final class MalformedException extends RuntimeException {
        public MalformedException(String message) {
            super(message);
        }
    }

    /** A required id (number or text) of a JSON object. */
    public static String id(JsonNode node, String field) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull() || !v.isValueNode() || v.asText().isEmpty()) {
            throw new MalformedException("field '" + field + "' is missing");
        }
        return v.asText();
    }

    public static String optionalId(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v == null || v.isNull() || !v.isValueNode() || v.asText().isEmpty() ? null : v.asText();
    }

    /** A time in epoch milliseconds (NodeBB) ; 0 or absent is "none". */
    public static Instant epochMillis(JsonNode node, String field) {
        long millis = node.path(field).asLong(0);
        return millis <= 0 ? null : Instant.ofEpochMilli(millis);
    }

    /** An ISO-8601 time (Discourse, Canvas); absent or null is "none". */
    public static Instant iso(JsonNode node, String field) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull() || v.asText().isEmpty()) {
            return null;
        }
        try {
            // Discourse writes offsets ("2013-02-04T15:26:25.977-05:00") as well as Z.
            return java.time.OffsetDateTime.parse(v.asText()).toInstant();
        } catch (DateTimeParseException e) {
            throw new MalformedException("field '" + field + "' is not an ISO-8601 time: " + v.asText());
        }
    }

    /** A required time, whichever way it comes. */
    public static Instant required(Instant value, String field) {
        if (value == null) {
            throw new MalformedException("field '" + field + "' is missing");
        }
        return value;
    }

    /** Plain text made safe to show as HTML. */
    public static String escapeHtml(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    /**
     * A moderator's reply, written as HTML in the workstation, as the plain text (markdown) forums take: paragraphs
     * and line breaks kept, markup dropped, so the forum's own renderer formats it.
     */
    public static String htmlToText(String html) {
        if (html == null || html.isBlank()) {
            return "";
        }
        StringBuilder out = new StringBuilder();
        org.jsoup.select.NodeTraversor.traverse(new org.jsoup.select.NodeVisitor() {
            @Override
            public void head(org.jsoup.nodes.Node node, int depth) {
                if (node instanceof org.jsoup.nodes.TextNode text) {
                    out.append(text.getWholeText());
                } else if (node instanceof org.jsoup.nodes.Element e) {
                    switch (e.normalName()) {
                        case "br" -> out.append('\n');
                        case "li" -> out.append("\n- ");
                        default -> { }
                    }
                }
            }

            @Override
            public void tail(org.jsoup.nodes.Node node, int depth) {
                if (node instanceof org.jsoup.nodes.Element e && e.isBlock() && !e.normalName().equals("li") && !e.normalName().equals("br")
                        && !e.normalName().equals("body")) {
                    out.append("\n\n");
                }
            }
        }, org.jsoup.Jsoup.parseBodyFragment(html).body());
        return out.toString().replaceAll("\n{3,}", "\n\n").strip();
    }

    /** A version number from a modified time: later edits give larger versions, within int range. */
    public static int versionOf(Instant created, Instant edited) {
        if (edited == null || created == null || !edited.isAfter(created)) {
            return 1;
        }
        long seconds = edited.getEpochSecond() - created.getEpochSecond();
        return (int) Math.min(Integer.MAX_VALUE - 1, Math.max(1, seconds)) + 1;
    }
}
