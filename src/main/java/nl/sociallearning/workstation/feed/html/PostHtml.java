package nl.sociallearning.workstation.feed.html;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.TextNode;
import org.jsoup.parser.Parser;
import org.jsoup.parser.StreamParser;

import java.util.Iterator;
import java.util.List;

/**
 * Reads a post body as a course server sends it (HTML from any editor, pasted from anywhere, possibly hostile)
 * into a {@link PostContent}: nothing in it is executed or loaded, and only an allow-list of structure and
 * formatting survives. Thread-safe; every call has its own parser.
 */
public final class PostHtml {

    /** At most this much text is kept; the rest of a longer body is marked {@link PostContent#truncated()}. */
    public static final int MAX_TEXT_CHARS = 200_000;
    /** HTML beyond this is not read at all, whatever it holds: the parse's time and memory stay bounded. */
    public static final int MAX_HTML_CHARS = 2_000_000;

    private PostHtml() {
    }

    public static PostContent parse(String html) {
        return parse(html, MAX_TEXT_CHARS);
    }

    /**
     * The body as one line of plain text of at most {@code maxChars} characters, for previews and search
     * snippets; a longer text ends in "…", cut between words where one ends near the limit.
     */
    public static String plainText(String html, int maxChars) {
        if (maxChars <= 0) {
            return "";
        }
        PostContent content = parse(html, maxChars + 1);
        String text = content.plainText();
        if (text.length() <= maxChars && !content.truncated()) {
            return text;
        }
        int cut = TextBoundary.safeCut(text, Math.min(text.length(), maxChars - 1));
        int space = text.lastIndexOf(' ', cut);
        if (space > 0 && cut - space < 20) {
            cut = space;
        }
        return text.substring(0, cut).stripTrailing() + "…";
    }

    static PostContent parse(String html, int maxTextChars) {
        if (html == null || html.isBlank()) {
            return new PostContent(List.of(), false, html == null ? 0 : html.length());
        }
        boolean cut = html.length() > MAX_HTML_CHARS;
        String input = cut ? withoutUnfinishedTag(html.substring(0, TextBoundary.safeCut(html, MAX_HTML_CHARS))) : html;
        ParsedBody body = parseUntil(withoutLineFeeds(input), maxTextChars + Math.max(maxTextChars / 4, 4096));
        ContentBuilder builder = new ContentBuilder(maxTextChars);
        Element root = body.document().body();
        List<Block> blocks = builder.convert(root != null ? root : body.document());
        boolean truncated = cut || body.stoppedEarly() || builder.exhausted();
        return new PostContent(blocks, truncated, html.length());
    }

    /** A cut can leave half a tag at the end, which the parser would show as text ("<di"). */
    private static String withoutUnfinishedTag(String html) {
        int open = html.lastIndexOf('<');
        return open > html.lastIndexOf('>') ? html.substring(0, open) : html;
    }

    /**
     * Position tracking looks up a line number for every node, a binary search over the line starts; a body
     * without line feeds skips that work (a fifth of the parse). Every line ending becomes a lone carriage
     * return, which the tokeniser treats as the white space it is and {@link TextCleaner} turns back into a
     * new line.
     */
    private static String withoutLineFeeds(String html) {
        return html.indexOf('\n') < 0 ? html : html.replace("\r\n", "\r").replace('\n', '\r');
    }

    private record ParsedBody(Document document, boolean stoppedEarly) {
    }

    /**
     * Parses until the completed elements hold {@code rawTextChars} characters of text, then stops: a body of
     * many megabytes costs no more than the part that will be shown. Each text node is counted with its parent,
     * which the parser hands out once, when it is complete. Position tracking lets
     * {@link ContentBuilder} tell tags in the source from tags the parser re-opened.
     */
    private static ParsedBody parseUntil(String html, int rawTextChars) {
        try (StreamParser parser = new StreamParser(Parser.htmlParser().setTrackPosition(true))) {
            parser.parse(html, "");
            long text = 0;
            Iterator<Element> elements = parser.iterator();
            while (elements.hasNext()) {
                Element element = elements.next();
                for (int i = 0; i < element.childNodeSize(); i++) {
                    if (element.childNode(i) instanceof TextNode t) {
                        text += t.getWholeText().length();
                    }
                }
                if (text > rawTextChars) {
                    parser.stop();
                    return new ParsedBody(parser.document(), true);
                }
            }
            return new ParsedBody(parser.document(), false);
        }
    }
}
