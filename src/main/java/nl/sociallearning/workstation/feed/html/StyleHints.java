package nl.sociallearning.workstation.feed.html;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the few facts a {@code style} attribute may tell us; the CSS itself is never applied. Editors such as
 * Google Docs write bold as {@code <span style="font-weight:700">} and wrap whole pastes in
 * {@code <b style="font-weight:normal">}; Word marks its typed list bullets {@code mso-list:Ignore} and list
 * paragraphs {@code mso-list:l0 level2 lfo1}.
 */
final class StyleHints {

    /** Longer style attributes are read only this far: pasted CSS can be huge, and we want three properties. */
    private static final int MAX_CSS = 2000;
    private static final Pattern WORD_LIST_LEVEL = Pattern.compile("mso-list:\\s*l\\d+\\s+level(\\d+)");

    private StyleHints() {
    }

    /** {@code css} as {@link #normalised} returns it. */
    static Style apply(Style style, String css) {
        if (!css.contains("font-") && !css.contains("text-decoration")) {
            return style; // Word's spans: sizes, fonts and margins only
        }
        Style result = style;
        for (String declaration : css.split(";")) {
            int colon = declaration.indexOf(':');
            if (colon < 0) {
                continue;
            }
            String property = declaration.substring(0, colon).strip();
            String value = declaration.substring(colon + 1).strip();
            switch (property) {
                case "font-weight" -> result = result.withBold(isBold(value, result.bold()));
                case "font-style" -> result = result.withItalic(value.startsWith("italic") || value.startsWith("oblique"));
                case "text-decoration", "text-decoration-line" -> {
                    if (value.contains("none")) {
                        result = result.withUnderline(false).withStrike(false);
                    }
                    if (value.contains("underline")) {
                        result = result.withUnderline(true);
                    }
                    if (value.contains("line-through")) {
                        result = result.withStrike(true);
                    }
                }
                default -> {
                    // colours, fonts, sizes, positions, expression(), url(): not ours to show
                }
            }
        }
        return result;
    }

    private static boolean isBold(String value, boolean current) {
        if (value.startsWith("bold") || value.startsWith("bolder")) {
            return true;
        }
        if (value.startsWith("normal") || value.startsWith("lighter")) {
            return false;
        }
        try {
            return Integer.parseInt(value.replace("!important", "").strip()) >= 600;
        } catch (NumberFormatException e) {
            return current;
        }
    }

    /** Word's typed bullet or number in front of a list paragraph: the list item shows its own marker. */
    static boolean isWordListMarker(String css) {
        return css.contains("mso-list") && css.replace(" ", "").contains("mso-list:ignore");
    }

    /** The level of a Word list paragraph (1 for the outer list), or 0 when it is not one. */
    static int wordListLevel(String css) {
        if (!css.contains("mso-list")) {
            return 0;
        }
        Matcher matcher = WORD_LIST_LEVEL.matcher(css);
        if (!matcher.find()) {
            return 0;
        }
        try {
            return Math.max(1, Integer.parseInt(matcher.group(1)));
        } catch (NumberFormatException e) {
            return 1;
        }
    }

    /** The form the other methods read: lower case, and no longer than anyone writes by hand. */
    static String normalised(String css) {
        String head = css.length() > MAX_CSS ? css.substring(0, MAX_CSS) : css;
        return head.toLowerCase(Locale.ROOT);
    }
}
