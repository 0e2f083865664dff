package nl.sociallearning.workstation.demo;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * The Dutch text a demo course is written from: its title, groups, modules with thread titles, and pools of
 * posts (resources under {@code demo/content/}). Placeholders: {name}, {names}, {module}, {thread}.
 */
public record DemoContent(
        String id,
        String title,
        String organisation,
        String audience,
        int participants,
        List<Group> groups,
        List<Module> modules,
        List<String> openers,
        List<String> replies,
        List<String> questions,
        List<String> moderatorReplies,
        List<String> weaves,
        List<String> edits) {

    public record Group(String name, double weight) { }

    public record Module(String title, List<String> threadTitles) { }

    public record Names(List<String> firstNames, List<String> surnames) { }

    /** The four reference courses, largest first. */
    public static final List<String> REFERENCE_COURSES = List.of("vakmanschap", "beoordelen", "kringlooplandbouw", "kinderzorg");

    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    public static DemoContent load(String id) {
        return read(id + ".json", DemoContent.class);
    }

    public static Names names() {
        return read("names.json", Names.class);
    }

    private static <T> T read(String file, Class<T> type) {
        try (InputStream in = DemoContent.class.getResourceAsStream("content/" + file)) {
            if (in == null) {
                throw new IllegalStateException("demo content missing: " + file);
            }
            return JSON.readValue(in, type);
        } catch (IOException e) {
            throw new UncheckedIOException("demo content unreadable: " + file, e);
        }
    }
}
