package nl.sociallearning.workstation.feed.html;

import java.util.Set;

/** The allow-list: what each HTML element becomes. An element not named here is unwrapped (its text stays). */
final class Tags {

    /** Dropped with everything inside, without a trace: invisible in a browser too, or form controls. */
    static final Set<String> DROPPED = Set.of("script", "style", "noscript", "template", "head", "title", "meta",
            "link", "base", "param", "source", "track", "xml", "input", "select", "option", "optgroup", "textarea",
            "button", "datalist", "output", "progress", "meter", "map", "area", "noembed", "noframes", "slot");

    /**
     * Dropped with everything inside, leaving a "removed" block: active or embedded content a moderator should
     * know was there.
     */
    static final Set<String> REMOVED = Set.of("iframe", "frame", "frameset", "object", "embed", "applet", "video",
            "audio", "canvas", "svg", "math", "form", "portal", "dialog");

    /** Elements that end the block before them and start a new one. */
    static final Set<String> BLOCKS = Set.of("p", "div", "address", "article", "aside", "blockquote", "center",
            "dd", "details", "dir", "dl", "dt", "fieldset", "figcaption", "figure", "footer", "h1", "h2", "h3", "h4",
            "h5", "h6", "header", "hgroup", "hr", "legend", "li", "listing", "main", "menu", "nav", "ol", "plaintext",
            "pre", "section", "summary", "table", "caption", "thead", "tbody", "tfoot", "tr", "ul", "xmp");

    static final Set<String> LISTS = Set.of("ul", "ol", "menu", "dir");
    static final Set<String> PREFORMATTED = Set.of("pre", "listing", "xmp", "plaintext");
    static final Set<String> CELLS = Set.of("td", "th");
    /** The table's own structure: rows are paragraphs even inside a cell (a table in a table). */
    static final Set<String> TABLE_PARTS = Set.of("table", "caption", "thead", "tbody", "tfoot", "tr");

    static final Set<String> BOLD = Set.of("b", "strong");
    static final Set<String> ITALIC = Set.of("i", "em", "cite", "dfn", "var");
    static final Set<String> UNDERLINE = Set.of("u", "ins");
    static final Set<String> STRIKE = Set.of("s", "strike", "del");
    static final Set<String> CODE = Set.of("code", "kbd", "samp", "tt");

    /**
     * The parser's formatting elements: the ones it re-opens after a block when they were left unclosed (see
     * {@code ContentBuilder#isReopened}).
     */
    static final Set<String> FORMATTING = Set.of("a", "b", "big", "code", "em", "font", "i", "nobr", "s", "small",
            "strike", "strong", "tt", "u");

    private Tags() {
    }

    /** Word's namespaced elements: document settings and shapes are dropped, equations removed, the rest kept. */
    static boolean isDroppedNamespace(String name) {
        return name.startsWith("w:") || name.startsWith("v:") || name.startsWith("o:") && !name.equals("o:p");
    }

    static boolean isRemovedNamespace(String name) {
        return name.startsWith("m:");
    }

    /** 1 to 6 for h1 to h6, else 0. */
    static int headingLevel(String name) {
        if (name.length() == 2 && name.charAt(0) == 'h' && name.charAt(1) >= '1' && name.charAt(1) <= '6') {
            return name.charAt(1) - '0';
        }
        return 0;
    }
}
