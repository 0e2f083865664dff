package nl.sociallearning.workstation.feed.html;

/**
 * Where text may be cut without leaving half a character on the screen: not inside a surrogate pair, before a
 * combining mark, variation selector or skin tone, around a zero-width joiner, or between the two halves of a
 * flag.
 */
final class TextBoundary {

    private TextBoundary() {
    }

    /** The largest index at or below {@code index} where {@code text} can be cut. */
    static int safeCut(CharSequence text, int index) {
        if (index >= text.length()) {
            return text.length();
        }
        int i = Math.max(index, 0);
        while (i > 0 && !isBoundary(text, i)) {
            i--;
        }
        return i;
    }

    static boolean isBoundary(CharSequence text, int i) {
        if (i <= 0 || i >= text.length()) {
            return true;
        }
        char before = text.charAt(i - 1);
        char after = text.charAt(i);
        if (Character.isHighSurrogate(before) && Character.isLowSurrogate(after)) {
            return false;
        }
        if (before == '\r' && after == '\n') {
            return false;
        }
        int next = Character.codePointAt(text, i);
        int previous = Character.codePointBefore(text, i);
        if (previous == 0x200D || extendsPrevious(next)) {
            return false;
        }
        return !(isRegionalIndicator(previous) && isRegionalIndicator(next) && regionalIndicatorsBefore(text, i) % 2 == 1);
    }

    /** Code points that belong to the character before them. */
    private static boolean extendsPrevious(int cp) {
        if (cp == 0x200D || (cp >= 0xFE00 && cp <= 0xFE0F) || (cp >= 0xE0100 && cp <= 0xE01EF)
                || (cp >= 0x1F3FB && cp <= 0x1F3FF) || (cp >= 0xE0020 && cp <= 0xE007F)) {
            return true;
        }
        int type = Character.getType(cp);
        return type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK
                || type == Character.COMBINING_SPACING_MARK;
    }

    private static boolean isRegionalIndicator(int cp) {
        return cp >= 0x1F1E6 && cp <= 0x1F1FF;
    }

    private static int regionalIndicatorsBefore(CharSequence text, int i) {
        int count = 0;
        while (i > 1 && isRegionalIndicator(Character.codePointBefore(text, i))) {
            count++;
            i -= 2;
        }
        return count;
    }
}
