package nl.sociallearning.workstation.assessment.report;

import nl.sociallearning.workstation.files.AtomicFile;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;

/**
 * The report as JSON: {@code {"format": "wacker-report", "version": 1, "report": {…}}} with the fields of
 * {@link AssessmentReport}, times as ISO-8601 instants, days as ISO dates, enums by name. Readable back with
 * {@link #read}.
 */
public final class ReportJson {

    public static final String FORMAT = "wacker-report";
    public static final int VERSION = 1;

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private ReportJson() {
    }

    /** Writes the report; the stream is flushed, not closed. */
    public static void write(AssessmentReport report, OutputStream out) throws IOException {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("format", FORMAT);
        root.put("version", VERSION);
        root.set("report", MAPPER.valueToTree(report));
        MAPPER.writeValue(out, root);
        out.flush();
    }

    /** Writes the file whole or not at all ({@link AtomicFile}). */
    public static void write(AssessmentReport report, Path file) throws IOException {
        new AtomicFile().write(file, out -> write(report, out));
    }

    /** Reads a report written by {@link #write}; anything else is refused with a message that says what it is not. */
    public static AssessmentReport read(InputStream in) throws IOException {
        JsonNode root = MAPPER.readTree(in);
        if (root == null || !FORMAT.equals(root.path("format").asText()) || !root.has("report")) {
            throw new IOException("Not a WACKER report: the field \"format\" must be \"" + FORMAT + "\" with a \"report\"");
        }
        int version = root.path("version").asInt(-1);
        if (version != VERSION) {
            throw new IOException("WACKER report version " + version + " is not supported (expected " + VERSION + ")");
        }
        return MAPPER.treeToValue(root.get("report"), AssessmentReport.class);
    }
}
