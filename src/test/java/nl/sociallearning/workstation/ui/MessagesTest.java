package nl.sociallearning.workstation.ui;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Dutch and English say the same things, every key the code asks for exists, and no key lies unused: in the
 * screen's words and in the documents' (the assessment report, its mapping from the cache, the bias sentences),
 * each a bundle of its own with a key family of its own.
 */
class MessagesTest {

    static final List<String> BUNDLES = List.of(Messages.BUNDLE, "nl.sociallearning.workstation.assessment.report.report",
            "nl.sociallearning.workstation.assessment.mapping.dossier", "nl.sociallearning.workstation.assessment.agreement.bias",
            "nl.sociallearning.workstation.assessment.agreement.agreementExport");

    static final Path SOURCES = Path.of("src/main/java");
    // messages.get("key" ...) and keys built as "prefix." + enum name
    static final Pattern LITERAL_KEY = Pattern.compile("\"([a-z][a-zA-Z]*(?:\\.[a-zA-Z0-9]+)+)\"");

    @ParameterizedTest
    @FieldSource("BUNDLES")
    void dutchAndEnglishHaveTheSameKeys(String bundle) throws IOException {
        assertThat(keys(bundle, "_nl")).isEqualTo(keys(bundle, "")).isNotEmpty();
    }

    @ParameterizedTest
    @FieldSource("BUNDLES")
    void everyKeyTheCodeUsesExistsAndEveryKeyIsUsed(String bundle) throws IOException {
        Set<String> defined = keys(bundle, "");
        Set<String> used = usedKeys(defined);
        assertThat(defined).as("keys used in the code").containsAll(used);
        assertThat(used).as("keys defined in " + bundle).containsAll(defined);
    }

    @Test
    void aNamedBundleGetsTheSameLanguageChoice() {
        String bias = "nl.sociallearning.workstation.assessment.agreement.bias";
        assertThat(new Messages(bias, Locale.forLanguageTag("nl-BE")).get("biasWarning.advisory")).startsWith("Dit is een advies");
        assertThat(new Messages(bias, Locale.GERMANY).get("biasWarning.advisory")).startsWith("This is advice");
        assertThat(new Messages(bias, Locale.ENGLISH).get("overview.courses")).isEqualTo("!overview.courses!");
        // A document asks with require: a missing text fails instead of printing a placeholder.
        assertThatThrownBy(() -> new Messages(bias, Locale.ENGLISH).require("no.such.key")).isInstanceOf(MissingResourceException.class);
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

    /** The keys of a bundle's file: base name, language suffix ("_nl" or "" for English). */
    static Set<String> keys(String bundle, String suffix) throws IOException {
        Properties p = new Properties();
        String file = "/" + bundle.replace('.', '/') + suffix + ".properties";
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
