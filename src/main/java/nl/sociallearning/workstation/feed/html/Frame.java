package nl.sociallearning.workstation.feed.html;

/**
 * What an open element means for the text inside it: style, link, quote depth, list item, direction. Immutable,
 * so an element that changes nothing shares its parent's frame (a body of 100 000 nested {@code <div>}s holds
 * 100 000 references to one frame).
 */
final class Frame {

    static final Frame ROOT = new Frame(Style.PLAIN, null, 0, false, null, 0, null, null, false);

    final Style style;
    /** The target of the link the text is in, or null. */
    final String href;
    final int quoteDepth;
    final boolean preformatted;
    /** Direction set by a {@code dir} attribute: true for rtl, false for ltr, null when not set. */
    final Boolean rtl;
    final int headingLevel;
    final ListLevel list;
    final ListEntry item;
    /** Inside a table cell, where blocks are lines of the cell's paragraph rather than paragraphs. */
    final boolean inCell;

    private Frame(Style style, String href, int quoteDepth, boolean preformatted, Boolean rtl, int headingLevel,
                  ListLevel list, ListEntry item, boolean inCell) {
        this.style = style;
        this.href = href;
        this.quoteDepth = quoteDepth;
        this.preformatted = preformatted;
        this.rtl = rtl;
        this.headingLevel = headingLevel;
        this.list = list;
        this.item = item;
        this.inCell = inCell;
    }

    Frame withStyle(Style newStyle) {
        return newStyle.equals(style) ? this
                : new Frame(newStyle, href, quoteDepth, preformatted, rtl, headingLevel, list, item, inCell);
    }

    Frame withHref(String newHref) {
        return new Frame(style, newHref, quoteDepth, preformatted, rtl, headingLevel, list, item, inCell);
    }

    Frame quoted() {
        return new Frame(style, href, quoteDepth + 1, preformatted, rtl, headingLevel, list, item, inCell);
    }

    Frame preformatted() {
        return preformatted ? this : new Frame(style, href, quoteDepth, true, rtl, headingLevel, list, item, inCell);
    }

    Frame withRtl(boolean newRtl) {
        return rtl != null && rtl == newRtl ? this
                : new Frame(style, href, quoteDepth, preformatted, newRtl, headingLevel, list, item, inCell);
    }

    Frame withHeading(int level) {
        return new Frame(style, href, quoteDepth, preformatted, rtl, level, list, item, inCell);
    }

    Frame withList(ListLevel newList) {
        return new Frame(style, href, quoteDepth, preformatted, rtl, headingLevel, newList, item, inCell);
    }

    Frame withItem(ListEntry newItem) {
        return new Frame(style, href, quoteDepth, preformatted, rtl, headingLevel, list, newItem, inCell);
    }

    Frame withInCell(boolean cell) {
        return cell == inCell ? this : new Frame(style, href, quoteDepth, preformatted, rtl, headingLevel, list, item, cell);
    }

    /** An open {@code <ul>} or {@code <ol>}: counts its items. */
    static final class ListLevel {
        final boolean ordered;
        final int depth;
        int next;

        ListLevel(boolean ordered, int depth, int start) {
            this.ordered = ordered;
            this.depth = depth;
            this.next = start;
        }
    }

    /** An open {@code <li>}: its first block shows the marker, later ones continue the item. */
    static final class ListEntry {
        final boolean ordered;
        final int number;
        final int depth;
        boolean markerShown;

        ListEntry(boolean ordered, int number, int depth) {
            this.ordered = ordered;
            this.number = number;
            this.depth = depth;
        }
    }
}
