package nl.sociallearning.workstation.ui.shell;

import org.junit.jupiter.api.Test;

import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/** All typed letters in order, without regard to case or accents; the better match ranks higher. */
class FuzzyMatchTest {

    static final List<String> LABELS = List.of("Volgende draad", "Vorige draad", "Openen", "Beantwoorden",
            "Afgehandeld", "Sluimeren", "Selecteren", "Verbergen", "Vergrendelen", "Vastzetten", "Toewijzen",
            "Sneltoetsen tonen", "Opdrachtenpalet", "Categorieën beheren");

    @Test
    void vrgFindsVergrendelenFirst() {
        assertThat(ranked("vrg")).containsExactly("Vergrendelen", "Verbergen", "Vorige draad");
        assertThat(ranked("VRG")).isEqualTo(ranked("vrg"));
    }

    @Test
    void lettersMustComeInOrder() {
        assertThat(FuzzyMatch.of("grv", "Vergrendelen")).isEmpty();
        assertThat(FuzzyMatch.of("vergrendelenn", "Vergrendelen")).isEmpty();
    }

    @Test
    void accentsAndSpacesDoNotMatter() {
        assertThat(ranked("categorieen")).containsExactly("Categorieën beheren");
        assertThat(FuzzyMatch.of("CATEGORIËN", "categorieen beheren")).isPresent();
        assertThat(ranked("volg dr")).startsWith("Volgende draad");
    }

    @Test
    void wordStartsAndRunsBeatScatteredLetters() {
        assertThat(ranked("st")).startsWith("Sneltoetsen tonen");
        assertThat(ranked("ver")).startsWith("Verbergen", "Vergrendelen");
    }

    @Test
    void anEmptyQueryMatchesEverythingAlike() {
        assertThat(ranked("  ")).containsExactlyElementsOf(LABELS);
    }

    @Test
    void theMatchedLettersAreMarked() {
        FuzzyMatch match = FuzzyMatch.of("vrg", "Vergrendelen").orElseThrow();
        assertThat(IntStream.range(0, "Vergrendelen".length()).filter(match::matchedAt).boxed().toList())
                .containsExactly(0, 2, 3);
    }

    private static List<String> ranked(String query) {
        record Scored(String label, int score) {
        }
        return LABELS.stream()
                .flatMap(label -> FuzzyMatch.of(query, label).map(m -> new Scored(label, m.score())).stream())
                .sorted(Comparator.comparingInt(Scored::score).reversed())
                .map(Scored::label)
                .toList();
    }
}
