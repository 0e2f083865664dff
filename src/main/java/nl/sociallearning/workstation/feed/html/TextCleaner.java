package nl.sociallearning.workstation.feed.html;

/**
 * Removes characters a reader cannot see but that can hide or disguise text: control characters (new lines,
 * tabs and form feeds stay for the white-space rules), zero-width spaces and joiners, byte-order marks, soft
 * hyphens, bidirectional marks, overrides and isolates (the "Trojan Source" trick), unpaired surrogates. A
 * joiner inside an emoji sequence or a non-Latin word (Persian, Indic scripts) stays, as do emoji tag sequences
 * (the flags of Scotland and Wales). A carriage return becomes a new line, as in a browser's input stream.
 */
final class TextCleaner {

    private TextCleaner() {
    }

    static String clean(String raw) {
        if (isClean(raw)) {
            return raw;
        }
        StringBuilder out = new StringBuilder(raw.length());
        for (int i = 0; i < raw.length(); ) {
            int cp = raw.codePointAt(i);
            int next = i + Character.charCount(cp);
            if (cp == '\r') {
                if (next >= raw.length() || raw.charAt(next) != '\n') {
                    out.append('\n');
                }
            } else if (keep(raw, cp, next, out)) {
                out.appendCodePoint(cp);
            }
            i = next;
        }
        return out.toString();
    }

    /** Fast path for ordinary text: nothing that {@link #keep} could reject. */
    private static boolean isClean(String raw) {
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            boolean plain = (c >= 0x20 && c < 0x7F) || c == '\n' || c == '\t' || c == '\f'
                    || (c >= 0xA0 && c != 0xAD && (c < 0x2000 || c > 0x206F) && c < 0xD800
                    && c != 0x061C && c != 0x180E && c != 0x115F && c != 0x1160 && c != 0x3164)
                    || (c > 0xDFFF && c < 0xFE00);
            if (!plain) {
                return false;
            }
        }
        return true;
    }

    private static boolean keep(String raw, int cp, int next, StringBuilder out) {
        if (cp < 0x20) {
            return cp == '\n' || cp == '\t' || cp == '\f';
        }
        if (cp < 0x7F) {
            return true;
        }
        if (cp <= 0x9F || cp == 0xAD) {
            return false;
        }
        if (cp <= 0xFFFF && Character.isSurrogate((char) cp)) {
            return false; // half of a pair on its own: codePointAt returned the surrogate itself
        }
        int previous = out.length() == 0 ? ' ' : Character.codePointBefore(out, out.length());
        if (cp == 0x200C || cp == 0x200D) {
            return joinsWords(previous, next < raw.length() ? raw.codePointAt(next) : ' ');
        }
        if (cp >= 0xE0020 && cp <= 0xE007F) {
            return previous == 0x1F3F4 || (previous >= 0xE0020 && previous <= 0xE007E);
        }
        return !isInvisible(cp);
    }

    private static boolean isInvisible(int cp) {
        return cp == 0x061C || cp == 0x180E || cp == 0x3164 || cp == 0xFFA0 || cp == 0x115F || cp == 0x1160
                || (cp >= 0x200B && cp <= 0x200F) || (cp >= 0x202A && cp <= 0x202E)
                || (cp >= 0x2060 && cp <= 0x206F) || cp == 0xFEFF || (cp >= 0xFFF9 && cp <= 0xFFFB)
                || (cp >= 0xE0000 && cp <= 0xE007F);
    }

    /** A joiner between two non-ASCII, non-space characters (an emoji sequence, a Persian word) does work. */
    private static boolean joinsWords(int before, int after) {
        return before > 0x7F && after > 0x7F && !Character.isSpaceChar(before) && !Character.isSpaceChar(after);
    }
}
