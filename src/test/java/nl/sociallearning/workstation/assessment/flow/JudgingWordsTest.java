package nl.sociallearning.workstation.assessment.flow;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The word check flags judging words in Dutch and English, whole words only, and leaves quoted speech alone. */
class JudgingWordsTest {

    @Test
    void judgingWordsAndPhrasesInDutchAndEnglishAreFlagged() {
        assertThat(JudgingWords.check("Ze werkte netjes, vond ik. Lijkt zenuwachtig.")).extracting(JudgingWords.Flag::word)
                .containsExactly("netjes", "vond ik", "lijkt", "zenuwachtig");
        assertThat(JudgingWords.check("He seems nervous but did a good job")).extracting(JudgingWords.Flag::word)
                .containsExactly("seems", "nervous", "good");
    }

    @Test
    void behaviourIsNotFlagged() {
        assertThat(JudgingWords.check("Wiebelt 4 keer op zijn stoel; zegt goedemorgen; wast handen 20 seconden")).isEmpty();
    }

    @Test
    void wordsTheStudentSaidAreQuotedBehaviourNotJudgement() {
        var flags = JudgingWords.check("Vraagt: 'Is het goed zo?' Ik vond het goed");
        assertThat(flags).extracting(JudgingWords.Flag::word).containsExactly("ik vond", "goed");
        assertThat(flags.get(1).start()).isEqualTo("Vraagt: 'Is het goed zo?' Ik vond het ".length());
    }
}
