package nl.sociallearning.workstation.assessment.agreement;

import nl.sociallearning.workstation.assessment.agreement.AgreementTables.PairRow;
import nl.sociallearning.workstation.assessment.agreement.AgreementTables.Quality;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;

import static org.assertj.core.api.Assertions.assertThat;

class AgreementTablesTest {

    static final Map<String, String> NAMES = Map.of("anna", "Anna de Vries", "bram", "Bram Peters");

    /* The hand-computed case of StatisticsTest on criterion W1 (κ linear = 6/11 ≈ 0.55, exact 3/5, mean −0.4), plus W2
     * where both always agree on varied levels (α = 1). */
    @Test
    void rowsAreFormattedForTheLocaleWithNamesAndQuality() {
        List<Rating> ratings = new ArrayList<>();
        int[] anna = {0, 1, 2, 1, 0};
        int[] bram = {0, 1, 2, 2, 1};
        for (int i = 0; i < 5; i++) {
            ratings.add(Rating.of("a" + i, "W1", "anna", anna[i], 3));
            ratings.add(Rating.of("a" + i, "W1", "bram", bram[i], 3));
            ratings.add(Rating.of("a" + i, "W2", "anna", i % 3, 3));
            ratings.add(Rating.of("a" + i, "W2", "bram", i % 3, 3));
        }
        AgreementTables dutch = AgreementTables.of(ratings, id -> NAMES.getOrDefault(id, id), Locale.forLanguageTag("nl-NL"));

        assertThat(dutch.criteria()).extracting(AgreementTables.CriterionRow::criterionCode).containsExactly("W1", "W2");
        assertThat(dutch.criteria().get(0).exact()).isEqualTo("60%");
        assertThat(dutch.criteria().get(0).fewUnits()).isTrue();
        assertThat(dutch.criteria().get(1).alphaOrdinal()).isEqualTo("1,00");
        assertThat(dutch.criteria().get(1).quality()).isEqualTo(Quality.GOOD);

        PairRow pooled = dutch.pairs().get(0);
        assertThat(pooled.criterionCode()).isEmpty();
        assertThat(pooled.units()).isEqualTo(10);
        assertThat(pooled.fewUnits()).isFalse();
        PairRow w1 = dutch.pairs().stream().filter(p -> p.criterionCode().equals("W1")).findFirst().orElseThrow();
        assertThat(w1.assessorA()).isEqualTo("Anna de Vries");
        assertThat(w1.assessorB()).isEqualTo("Bram Peters");
        assertThat(w1.kappaLinear()).isEqualTo("0,55");
        assertThat(w1.kappaQuadratic()).isEqualTo("0,69");
        assertThat(w1.meanDifference()).isEqualTo("-0,4");
        assertThat(w1.withinOne()).isEqualTo("100%");
        assertThat(w1.quality()).isEqualTo(Quality.LOW);

        AgreementTables english = AgreementTables.of(ratings, id -> id, Locale.UK);
        assertThat(english.criteria().get(1).alphaOrdinal()).isEqualTo("1.00");
    }

    @Test
    void qualityBandsFollowKrippendorffsGuideline() {
        assertThat(Quality.of(OptionalDouble.of(0.8))).isEqualTo(Quality.GOOD);
        assertThat(Quality.of(OptionalDouble.of(0.7))).isEqualTo(Quality.TENTATIVE);
        assertThat(Quality.of(OptionalDouble.of(0.5))).isEqualTo(Quality.LOW);
        assertThat(Quality.of(OptionalDouble.empty())).isEqualTo(Quality.UNKNOWN);
    }

    @Test
    void warningsComeAsSentencesWithTheAssessorsName() {
        List<Rating> ratings = new ArrayList<>();
        for (String c : List.of("W1", "W2", "W3", "W4")) {
            ratings.add(Rating.of("a1", c, "anna", 2, 3));
        }
        AgreementTables tables = AgreementTables.of(ratings, id -> NAMES.getOrDefault(id, id), Locale.forLanguageTag("nl"));
        assertThat(tables.warnings()).singleElement().satisfies(w -> {
            assertThat(w.kind()).isEqualTo(BiasWarning.Kind.HALO);
            assertThat(w.assessor()).isEqualTo("Anna de Vries");
            assertThat(w.text()).startsWith("Anna de Vries gaf in 1 van 1 beoordelingen").contains("advies");
        });
    }
}
