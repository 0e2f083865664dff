package nl.sociallearning.workstation.reports;

import nl.sociallearning.workstation.domain.Participant;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Blanks the names of a course's people out of free text (thread titles) for reports that promise no names: every
 * capitalised part of a display name of three letters or more ("Sanne", "Vries"; not the particles "de", "van") is
 * replaced wherever it stands as a word of its own. Words are compared exactly, so "Roos" the person goes and
 * "roos" the flower stays.
 */
final class NameMask {

    private final Set<String> names = new HashSet<>();
    private final String mask;

    NameMask(List<Participant> people, String mask) {
        this.mask = mask;
        for (Participant p : people) {
            forEachWord(p.displayName(), (start, end) -> {
                String word = p.displayName().substring(start, end);
                if (word.length() >= 3 && Character.isUpperCase(word.codePointAt(0))) {
                    names.add(word);
                }
            });
        }
    }

    /** The text with every name part replaced by the mask. */
    String apply(String text) {
        if (text == null || names.isEmpty()) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length());
        int[] copied = {0};
        forEachWord(text, (start, end) -> {
            if (names.contains(text.substring(start, end))) {
                out.append(text, copied[0], start).append(mask);
                copied[0] = end;
            }
        });
        return out.append(text, copied[0], text.length()).toString();
    }

    @FunctionalInterface
    private interface WordSink {
        void accept(int start, int end);
    }

    /** Each run of letters (accents included) as a word; anything else separates words. */
    private static void forEachWord(String text, WordSink sink) {
        int i = 0;
        while (i < text.length()) {
            while (i < text.length() && !Character.isLetter(text.codePointAt(i))) {
                i += Character.charCount(text.codePointAt(i));
            }
            int start = i;
            while (i < text.length() && Character.isLetter(text.codePointAt(i))) {
                i += Character.charCount(text.codePointAt(i));
            }
            if (i > start) {
                sink.accept(start, i);
            }
        }
    }
}
