package nl.sociallearning.workstation.ui;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Dutch and English say the same things, every key the code asks for exists, and no key lies unused. */
class MessagesTest {

    static final Path SOURCES = Path.of("src/main/java");
    // messages.get("key" ...) and keys built as "prefix." + enum name
    static final Pattern LITERAL_KEY = Pattern.compile("\"([a-z][a-zA-Z]*(?:\\.[a-zA-Z0-9]+)+)\"");

    @Test
    void dutchAndEnglishHaveTheSameKeys() throws IOException {
        assertThat(keys("messages_nl.properties")).isEqualTo(keys("messages.properties"));
    }

    @Test
    void everyKeyTheCodeUsesExistsAndEveryKeyIsUsed() throws IOException {
        Set<String> defined = keys("messages.properties");
        Set<String> used = usedKeys(defined);
        assertThat(defined).as("keys used in the code").containsAll(used);
        assertThat(used).as("keys defined in the bundles").containsAll(defined);
    }

    @Test
    void dutchLocalesGetDutchAndOthersEnglish() {
        assertThat(new Messages(Locale.forLanguageTag("nl-NL")).get("overview.courses")).isEqualTo("Cursussen");
        assertThat(new Messages(Locale.forLanguageTag("nl-BE")).get("overview.courses")).isEqualTo("Cursussen");
        assertThat(new Messages(Locale.GERMANY).get("overview.courses")).isEqualTo("Courses");
        assertThat(new Messages(Locale.ENGLISH).get("no.such.key")).isEqualTo("!no.such.key!");
    }

    @Test
    void argumentsAreFormattedForTheLocale() {
        assertThat(new Messages(Locale.forLanguageTag("nl")).get("status.outbox", 1234)).isEqualTo("Outbox: 1.234");
        assertThat(new Messages(Locale.ENGLISH).get("status.outbox", 1234)).isEqualTo("Outbox: 1,234");
    }

    static Set<String> keys(String file) throws IOException {
        Properties p = new Properties();
        try (InputStream in = Messages.class.getResourceAsStream(file)) {
            assertThat(in).as(file).isNotNull();
            p.load(new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8));
        }
        return new TreeSet<>(p.stringPropertyNames());
    }

    /**
     * Keys the code names: string literals in a key family ("overview.courses"), and families built from a literal
     * prefix and an enum's name ("sync.phase." + phase.name()), which count for every key under that prefix.
     */
    static Set<String> usedKeys(Set<String> defined) throws IOException {
        Set<String> families = new TreeSet<>();
        defined.forEach(k -> families.add(k.substring(0, k.indexOf('.') + 1)));
        Set<String> used = new TreeSet<>();
        Set<String> prefixes = new TreeSet<>();
        Pattern prefixPlus = Pattern.compile("\"([a-z][a-zA-Z.]*\\.)\"\\s*\\+");
        try (Stream<Path> files = Files.walk(SOURCES)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                String code = Files.readString(file);
                Matcher literal = LITERAL_KEY.matcher(code);
                while (literal.find()) {
                    boolean fileName = literal.group(1).matches(".*\\.(css|png|json|sql|properties|xml|yaml|txt)");
                    if (!fileName && families.stream().anyMatch(literal.group(1)::startsWith)) {
                        used.add(literal.group(1));
                    }
                }
                Matcher prefix = prefixPlus.matcher(code);
                while (prefix.find()) {
                    prefixes.add(prefix.group(1));
                }
            }
        }
        defined.stream().filter(k -> prefixes.stream().anyMatch(k::startsWith)).forEach(used::add);
        return used;
    }
}
