package nl.sociallearning.workstation.feed.html;

import java.util.List;

/**
 * A post body as plain data: what {@link PostHtml} kept of the HTML, ready to be shown without a browser.
 *
 * @param blocks         the blocks in reading order
 * @param truncated      the body had more than {@link PostHtml#MAX_TEXT_CHARS} characters of text (or more
 *                       HTML than {@link PostHtml#MAX_HTML_CHARS}); the blocks hold the first part
 * @param originalLength the length of the HTML the content came from, in chars
 */
public record PostContent(List<Block> blocks, boolean truncated, int originalLength) {

    public static final PostContent EMPTY = new PostContent(List.of(), false, 0);

    public PostContent {
        blocks = List.copyOf(blocks);
    }

    public boolean isEmpty() {
        return blocks.isEmpty();
    }

    /** Characters of text kept, alt texts included. */
    public int textLength() {
        int length = 0;
        for (Block block : blocks) {
            for (Run run : block.runs()) {
                length += run.text().length();
            }
        }
        return length;
    }

    /**
     * The text on one line, for previews and search: blocks and line breaks become single spaces, images their
     * alt text in brackets, removed parts nothing.
     */
    public String plainText() {
        StringBuilder out = new StringBuilder();
        for (Block block : blocks) {
            for (Run run : block.runs()) {
                if (run instanceof Run.Image image) {
                    if (!image.alt().isBlank()) {
                        appendSpaced(out, "[" + image.alt() + "]");
                    }
                } else {
                    appendSpaced(out, run.text());
                }
            }
            appendSpaced(out, " ");
        }
        return out.toString().strip();
    }

    /** Appends with every run of white space (including new lines) as one space. */
    private static void appendSpaced(StringBuilder out, String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c)) {
                if (out.length() > 0 && out.charAt(out.length() - 1) != ' ') {
                    out.append(' ');
                }
            } else {
                out.append(c);
            }
        }
    }
}
