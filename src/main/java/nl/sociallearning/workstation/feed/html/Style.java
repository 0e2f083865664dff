package nl.sociallearning.workstation.feed.html;

/** The inline formatting of a run: the only presentation a post keeps from its HTML. */
public record Style(boolean bold, boolean italic, boolean underline, boolean strike, boolean code) {

    public static final Style PLAIN = new Style(false, false, false, false, false);

    public Style withBold(boolean on) {
        return new Style(on, italic, underline, strike, code);
    }

    public Style withItalic(boolean on) {
        return new Style(bold, on, underline, strike, code);
    }

    public Style withUnderline(boolean on) {
        return new Style(bold, italic, on, strike, code);
    }

    public Style withStrike(boolean on) {
        return new Style(bold, italic, underline, on, code);
    }

    public Style withCode(boolean on) {
        return new Style(bold, italic, underline, strike, on);
    }
}
