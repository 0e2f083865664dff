package nl.sociallearning.workstation.ui.shell;

import java.text.Normalizer;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Locale;
import java.util.Optional;

/**
 * A query matches a text when all its letters occur in the text in order, ignoring case, accents and the
 * query's spaces: "vrg" matches "Vergrendelen", "categorieen" matches "Categorieën". Among matches, letters at
 * word starts and letters in a row score higher, gaps lower, so "vrg" ranks "Vergrendelen" above "Vorige draad".
 */
final class FuzzyMatch {

    private static final int WORD_START = 10;
    private static final int IN_A_ROW = 8;
    private static final int MAX_GAP_PENALTY = 5;
    private static final int UNREACHABLE = Integer.MIN_VALUE / 2;

    /** Matches nothing in particular: what an empty query gives. */
    static final FuzzyMatch NONE = new FuzzyMatch(0, new BitSet());

    private final int score;
    private final BitSet positions;

    private FuzzyMatch(int score, BitSet positions) {
        this.score = score;
        this.positions = positions;
    }

    int score() {
        return score;
    }

    /** Whether the character at this index of the text is one the query matched (for highlighting). */
    boolean matchedAt(int index) {
        return positions.get(index);
    }

    static Optional<FuzzyMatch> of(String query, String text) {
        char[] q = fold(query.replaceAll("\\s+", ""));
        char[] t = fold(text);
        if (q.length == 0) {
            return Optional.of(NONE);
        }
        if (!isSubsequence(q, t)) {
            return Optional.empty();
        }
        return Optional.of(best(q, t, text));
    }

    /**
     * The best placement of the query's letters, by dynamic programming: score[i][j] is the best score with
     * letter i of the query at index j of the text. Labels are short, so O(query × text²) is nothing.
     */
    private static FuzzyMatch best(char[] q, char[] t, String original) {
        int[][] score = new int[q.length][t.length];
        int[][] previous = new int[q.length][t.length];
        for (int i = 0; i < q.length; i++) {
            Arrays.fill(score[i], UNREACHABLE);
            for (int j = i; j < t.length; j++) {
                if (t[j] != q[i]) {
                    continue;
                }
                int own = 1 + (isWordStart(original, j) ? WORD_START : 0);
                if (i == 0) {
                    score[i][j] = own - Math.min(j, MAX_GAP_PENALTY);
                    continue;
                }
                for (int k = i - 1; k < j; k++) {
                    if (score[i - 1][k] == UNREACHABLE) {
                        continue;
                    }
                    int link = k == j - 1 ? IN_A_ROW : -Math.min(j - k - 1, MAX_GAP_PENALTY);
                    if (score[i - 1][k] + link + own > score[i][j]) {
                        score[i][j] = score[i - 1][k] + link + own;
                        previous[i][j] = k;
                    }
                }
            }
        }
        int last = q.length - 1;
        int end = 0;
        for (int j = 1; j < t.length; j++) {
            if (score[last][j] > score[last][end]) {
                end = j;
            }
        }
        BitSet positions = new BitSet(t.length);
        for (int i = last, j = end; i >= 0; j = previous[i][j], i--) {
            positions.set(j);
        }
        return new FuzzyMatch(score[last][end], positions);
    }

    private static boolean isSubsequence(char[] q, char[] t) {
        int i = 0;
        for (int j = 0; j < t.length && i < q.length; j++) {
            if (t[j] == q[i]) {
                i++;
            }
        }
        return i == q.length;
    }

    private static boolean isWordStart(String text, int index) {
        return index == 0 || !Character.isLetterOrDigit(text.charAt(index - 1))
                || Character.isUpperCase(text.charAt(index)) && Character.isLowerCase(text.charAt(index - 1));
    }

    /** Lower case without accents, one char for each char of the text so that indexes stay the text's. */
    static char[] fold(String text) {
        char[] folded = new char[text.length()];
        for (int i = 0; i < text.length(); i++) {
            String bare = Normalizer.normalize(String.valueOf(text.charAt(i)), Normalizer.Form.NFD)
                    .replaceAll("\\p{M}", "").toLowerCase(Locale.ROOT);
            folded[i] = bare.length() == 1 ? bare.charAt(0) : Character.toLowerCase(text.charAt(i));
        }
        return folded;
    }
}
