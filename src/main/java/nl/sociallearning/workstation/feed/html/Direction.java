package nl.sociallearning.workstation.feed.html;

import java.util.List;

/** The direction of a block without a {@code dir} attribute: that of its first strong character, as dir="auto". */
final class Direction {

    private Direction() {
    }

    /** True for right-to-left (Arabic, Hebrew, ...), false for left-to-right, null when no character decides. */
    static Boolean firstStrong(List<Run> runs) {
        for (Run run : runs) {
            if (run instanceof Run.Image) {
                continue;
            }
            String text = run.text();
            for (int i = 0; i < text.length(); ) {
                int cp = text.codePointAt(i);
                switch (Character.getDirectionality(cp)) {
                    case Character.DIRECTIONALITY_LEFT_TO_RIGHT:
                        return false;
                    case Character.DIRECTIONALITY_RIGHT_TO_LEFT, Character.DIRECTIONALITY_RIGHT_TO_LEFT_ARABIC:
                        return true;
                    default:
                        break;
                }
                i += Character.charCount(cp);
            }
        }
        return null;
    }
}
