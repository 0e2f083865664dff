package nl.sociallearning.workstation.assessment.agreement;

import nl.sociallearning.workstation.assessment.agreement.BiasWarning.Kind;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class BiasCheckTest {

    static final Instant DAY = Instant.parse("2026-09-01T09:00:00Z");
    static final List<String> CRITERIA = List.of("W1", "W2", "W3", "W4", "W5");

    private static Rating rating(String assessment, String criterion, String assessor, int level, int scale) {
        return new Rating(assessment, "student-" + assessment, criterion, assessor, level, scale, null, null);
    }

    @Test
    void theSameLevelOnEveryCriterionIsAHalo() {
        List<Rating> ratings = new ArrayList<>();
        for (String c : CRITERIA) {
            ratings.add(rating("a1", c, "anna", 2, 3));                      // anna: "goed" everywhere in a1
            ratings.add(rating("a2", c, "anna", c.equals("W3") ? 1 : 2, 3)); // but not in a2
            ratings.add(rating("a1", c, "bram", 1, 3));                      // bram: "voldoende" everywhere in a1
        }
        ratings.add(rating("a3", "W1", "bram", 1, 3));                       // a single criterion is no halo
        List<BiasWarning> halos = BiasCheck.check(ratings).stream().filter(w -> w.kind() == Kind.HALO).toList();
        assertThat(halos).extracting(BiasWarning::assessorId).containsExactly("anna", "bram");
        BiasWarning anna = halos.get(0);
        assertThat(anna.assessmentIds()).containsExactly("a1");
        assertThat(anna.count()).isEqualTo(1);
        assertThat(anna.total()).isEqualTo(2);
        assertThat(anna.advisory()).isTrue();
        assertThat(anna.describe("Anna de Vries", BiasWarning.texts(Locale.forLanguageTag("nl-NL"))))
                .isEqualTo("Anna de Vries gaf in 1 van 2 beoordelingen op elk criterium hetzelfde niveau (a1). "
                        + "Dit is een advies, geen oordeel: bekijk het bewijs nog eens.");
        assertThat(anna.describe("Anna de Vries", BiasWarning.texts(Locale.UK)))
                .startsWith("Anna de Vries gave the same level on every criterion in 1 of 2 assessments (a1).")
                .endsWith("This is advice, not a verdict: look at the evidence again.");
    }

    @Test
    void almostAlwaysTheMiddleIsCentralTendency() {
        List<Rating> ratings = new ArrayList<>();
        // cees: 9 of 10 levels in the middle of a five-level scale (level 2); dirk: 5 of 10.
        for (int i = 0; i < 10; i++) {
            ratings.add(rating("a" + i, "EPA" + (i % 2), "cees", i == 0 ? 4 : 2, 5));
            ratings.add(rating("a" + i, "EPA" + (i % 2), "dirk", i % 2 == 0 ? 2 : 3, 5));
        }
        List<BiasWarning> central = BiasCheck.check(ratings).stream().filter(w -> w.kind() == Kind.CENTRAL_TENDENCY).toList();
        assertThat(central).hasSize(1);
        assertThat(central.get(0).assessorId()).isEqualTo("cees");
        assertThat(central.get(0).count()).isEqualTo(9);
        assertThat(central.get(0).total()).isEqualTo(10);
        assertThat(central.get(0).describe("Cees", BiasWarning.texts(Locale.ENGLISH))).contains("9 of 10 levels (90%)");
    }

    @Test
    void middleLevelsOfOddAndEvenScales() {
        assertThat(BiasCheck.isMiddle(1, 3)).isTrue();
        assertThat(BiasCheck.isMiddle(0, 3)).isFalse();
        assertThat(BiasCheck.isMiddle(1, 4)).isTrue();
        assertThat(BiasCheck.isMiddle(2, 4)).isTrue();
        assertThat(BiasCheck.isMiddle(3, 4)).isFalse();
        assertThat(BiasCheck.isMiddle(0, 2)).isFalse();
    }

    /*
     * Twelve units (four students × three criteria) rated by eva, femke and gijs. Femke always one level above
     * eva and gijs (who agree): femke's mean difference from the others is +1.0; eva's and gijs's is
     * (−1 + 0)/2 = −0.5 each on every unit — exactly the threshold, so they are warned as severe too.
     * With the threshold at 0.6 only femke remains.
     */
    @Test
    void farAboveTheOthersOnTheSameAssessmentsIsLeniency() {
        List<Rating> ratings = new ArrayList<>();
        for (int s = 0; s < 4; s++) {
            for (String c : List.of("W1", "W2", "W3")) {
                int level = (s + c.charAt(1)) % 3 == 0 ? 0 : 1;
                ratings.add(rating("a" + s, c, "eva", level, 4));
                ratings.add(rating("a" + s, c, "gijs", level, 4));
                ratings.add(rating("a" + s, c, "femke", level + 1, 4));
            }
        }
        BiasCheck.Settings stricter = new BiasCheck.Settings(4, 0.8, 10, 0.6, 10, 3, 6, 0.5);
        List<BiasWarning> lenient = BiasCheck.check(ratings, stricter).stream()
                .filter(w -> w.kind() == Kind.LENIENCY || w.kind() == Kind.SEVERITY).toList();
        assertThat(lenient).hasSize(1);
        BiasWarning femke = lenient.get(0);
        assertThat(femke.kind()).isEqualTo(Kind.LENIENCY);
        assertThat(femke.assessorId()).isEqualTo("femke");
        assertThat(femke.value()).isCloseTo(1.0, within(1e-12));
        assertThat(femke.count()).isEqualTo(12);
        assertThat(femke.total()).isEqualTo(4);
        assertThat(femke.describe("Femke", BiasWarning.texts(Locale.forLanguageTag("nl"))))
                .startsWith("Femke scoorde gemiddeld 1,0 niveau hoger dan de andere beoordelaars op dezelfde 12 criteria in 4 beoordelingen.");

        List<BiasWarning> withDefaults = BiasCheck.check(ratings).stream()
                .filter(w -> w.kind() == Kind.LENIENCY || w.kind() == Kind.SEVERITY).toList();
        assertThat(withDefaults).extracting(w -> w.assessorId() + ":" + w.kind())
                .containsExactly("eva:SEVERITY", "femke:LENIENCY", "gijs:SEVERITY");
    }

    @Test
    void tooFewSharedAssessmentsSayNothingAboutLeniency() {
        List<Rating> ratings = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            ratings.add(new Rating("a1", "s1", "W" + i, "femke", 2, 3, null, null));
            ratings.add(new Rating("a1", "s1", "W" + i, "eva", 0, 3, null, null));
        }
        assertThat(BiasCheck.check(ratings)).noneMatch(w -> w.kind() == Kind.LENIENCY || w.kind() == Kind.SEVERITY);
    }

    @Test
    void levelsEnteredBeforeTheObservationEndedAreNamed() {
        Instant ended = DAY.plusSeconds(3600);
        List<Rating> ratings = List.of(
                new Rating("a1", "s1", "W1", "hans", 1, 3, DAY.plusSeconds(1800), ended),  // 30 minutes early
                new Rating("a1", "s1", "W2", "hans", 1, 3, DAY.plusSeconds(3000), ended),  // 10 minutes early
                new Rating("a1", "s1", "W3", "hans", 2, 3, ended.plusSeconds(600), ended),
                new Rating("a1", "s1", "W1", "ines", 1, 3, ended.plusSeconds(60), ended),
                new Rating("a2", "s2", "W1", "ines", 1, 3, DAY, null));                    // not ended: unknown, no warning
        List<BiasWarning> early = BiasCheck.check(ratings).stream()
                .filter(w -> w.kind() == Kind.ENTERED_BEFORE_OBSERVATION_ENDED).toList();
        assertThat(early).hasSize(1);
        BiasWarning hans = early.get(0);
        assertThat(hans.assessorId()).isEqualTo("hans");
        assertThat(hans.assessmentIds()).containsExactly("a1");
        assertThat(hans.count()).isEqualTo(2);
        assertThat(hans.total()).isEqualTo(3);
        assertThat(hans.value()).isEqualTo(30);
        assertThat(hans.describe("Hans", BiasWarning.texts(Locale.ENGLISH)))
                .startsWith("Hans entered 2 of 3 levels in assessment a1 before the observation ended (the earliest 30 minutes before).");
    }

    @Test
    void risingLevelsOverASeriesAreDrift() {
        List<Rating> ratings = new ArrayList<>();
        // jan: first four assessments mostly "voldoende" (1), last four "goed" (2); karin steady.
        for (int i = 0; i < 8; i++) {
            Instant at = DAY.plusSeconds(86_400L * i);
            for (String c : List.of("W1", "W2")) {
                int level = i < 4 ? (c.equals("W1") ? 1 : 0) : 2;
                ratings.add(new Rating("a" + i, "s" + i, c, "jan", level, 3, at, at));
                ratings.add(new Rating("b" + i, "t" + i, c, "karin", c.equals("W1") ? 1 : 2, 3, at, at));
            }
        }
        List<BiasWarning> drift = BiasCheck.check(ratings).stream().filter(w -> w.kind() == Kind.DRIFT).toList();
        assertThat(drift).hasSize(1);
        BiasWarning jan = drift.get(0);
        assertThat(jan.assessorId()).isEqualTo("jan");
        // First half: mean of (1 + 0)/2 over four assessments = 0.5; second half 2.0.
        assertThat(jan.value()).isCloseTo(0.5, within(1e-12));
        assertThat(jan.reference()).isCloseTo(2.0, within(1e-12));
        assertThat(jan.describe("Jan", BiasWarning.texts(Locale.ENGLISH))).contains("went from 1.5 in the first half to 3.0 in the second");
    }

    @Test
    void everyKindHasADutchAndAnEnglishSentence() {
        for (Kind kind : Kind.values()) {
            BiasWarning w = new BiasWarning(kind, "x", List.of("a1"), 1, 2, 0.5, 0.5);
            assertThat(w.describe("X", BiasWarning.texts(Locale.forLanguageTag("nl")))).contains("X").endsWith("bekijk het bewijs nog eens.");
            assertThat(w.describe("X", BiasWarning.texts(Locale.ENGLISH))).contains("X").endsWith("look at the evidence again.");
        }
    }
}
