package nl.sociallearning.workstation.feed.html;

import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.Range;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeFilter;
import org.jsoup.select.NodeTraversor;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * Turns a parsed body into blocks, keeping only what {@link Tags} allows. Walks the tree with jsoup's
 * iterative traversal and its own stack of {@link Frame}s, so nesting depth costs memory, never the call stack.
 * Stops when {@code maxChars} characters of text are taken.
 */
final class ContentBuilder implements NodeFilter {

    private static final int MAX_ALT_CHARS = 300;
    private static final String CELL_SEPARATOR = " · ";

    private final List<Block> blocks = new ArrayList<>();
    private final BlockBuilder current = new BlockBuilder();
    private final Deque<Frame> frames = new ArrayDeque<>();
    private int budget;
    private boolean exhausted;

    ContentBuilder(int maxChars) {
        this.budget = maxChars;
        frames.push(Frame.ROOT);
    }

    List<Block> convert(Node root) {
        NodeTraversor.filter(this, root);
        flush(frames.peek()); // after a stop, the innermost open element decides what the last block is
        return blocks;
    }

    /** Text was left out because the budget ran out. */
    boolean exhausted() {
        return exhausted;
    }

    @Override
    public FilterResult head(Node node, int depth) {
        if (node instanceof TextNode text) {
            text(text);
        } else if (node instanceof Element element) {
            String name = element.normalName();
            // Most elements have no attributes; with position tracking every one has hidden ones, so ask once.
            String css = element.attributesSize() > 0 ? StyleHints.normalised(element.attr("style")) : "";
            if (Tags.DROPPED.contains(name) || Tags.isDroppedNamespace(name) || StyleHints.isWordListMarker(css)) {
                return FilterResult.SKIP_ENTIRELY;
            }
            if (Tags.REMOVED.contains(name) || Tags.isRemovedNamespace(name)) {
                removed(Tags.isRemovedNamespace(name) ? "math" : name);
                return exhausted ? FilterResult.STOP : FilterResult.SKIP_ENTIRELY;
            }
            enter(element, name, css);
        }
        return exhausted ? FilterResult.STOP : FilterResult.CONTINUE;
    }

    @Override
    public FilterResult tail(Node node, int depth) {
        if (node instanceof Element element) {
            Frame frame = frames.pop();
            endBlock(element.normalName(), frame);
        }
        return FilterResult.CONTINUE;
    }

    private void enter(Element element, String name, String css) {
        Frame parent = frames.peek();
        endBlock(name, parent);
        switch (name) {
            case "br" -> {
                if (budget > 0) {
                    budget -= current.lineBreak();
                }
            }
            case "img", "image" -> image(element);
            case "td", "th" -> current.separateNext(CELL_SEPARATOR);
            default -> {
                // everything else only changes the frame
            }
        }
        frames.push(frameFor(element, name, css, parent));
    }

    /** A block element ends the block before it and its own; inside a table cell it only starts a new line. */
    private void endBlock(String name, Frame frame) {
        if (!Tags.BLOCKS.contains(name)) {
            return;
        }
        if (frame.inCell && !Tags.TABLE_PARTS.contains(name)) {
            current.separateNext("\n");
        } else {
            flush(frame);
        }
    }

    private Frame frameFor(Element element, String name, String css, Frame parent) {
        boolean attributes = element.attributesSize() > 0;
        Frame frame = parent;
        if (!(Tags.FORMATTING.contains(name) && isReopened(element))) {
            frame = frame.withStyle(styleFor(name, css, parent.style));
            if (name.equals("a")) {
                frame = frame.withHref(attributes ? SafeUrl.of(element.attr("href")).orElse(null) : null);
            }
        }
        int heading = Tags.headingLevel(name);
        if (heading > 0) {
            frame = frame.withHeading(heading);
        }
        if (name.equals("blockquote")) {
            frame = frame.quoted();
        }
        if (Tags.PREFORMATTED.contains(name)) {
            frame = frame.preformatted();
        }
        String dir = attributes ? element.attr("dir") : "";
        if (dir.equalsIgnoreCase("rtl") || dir.equalsIgnoreCase("ltr")) {
            frame = frame.withRtl(dir.equalsIgnoreCase("rtl"));
        }
        if (Tags.CELLS.contains(name) || name.equals("table")) {
            frame = frame.withInCell(!name.equals("table"));
        }
        if (Tags.LISTS.contains(name)) {
            int depth = frame.list == null ? 1 : frame.list.depth + 1;
            frame = frame.withList(new Frame.ListLevel(name.equals("ol"), depth, number(element, "start", 1)));
        } else if (name.equals("li")) {
            frame = frame.withItem(listEntry(element, frame));
        } else if (!css.isEmpty() && (name.equals("p") || heading > 0)) {
            int level = StyleHints.wordListLevel(css);
            if (level > 0) {
                frame = frame.withItem(WordLists.entry(element, level));
            }
        }
        return frame;
    }

    private static Style styleFor(String name, String css, Style inherited) {
        Style style = inherited;
        if (Tags.BOLD.contains(name) || name.equals("th")) {
            style = style.withBold(true);
        } else if (Tags.ITALIC.contains(name)) {
            style = style.withItalic(true);
        } else if (Tags.UNDERLINE.contains(name)) {
            style = style.withUnderline(true);
        } else if (Tags.STRIKE.contains(name)) {
            style = style.withStrike(true);
        } else if (Tags.CODE.contains(name)) {
            style = style.withCode(true);
        }
        return css.isEmpty() ? style : StyleHints.apply(style, css);
    }

    /**
     * The parser re-opens a formatting element that was left unclosed at the start of every later block, as
     * browsers do: {@code <p><b>one</p><p>two} becomes {@code <p><b>one</b></p><p><b>two</b></p>}. A post with
     * one forgotten {@code </b>} would be bold to its end. Such a copy has neither a start nor an end tag in the
     * source (position tracking marks both implicit), so its formatting is ignored: a forgotten tag ends with its
     * block. One closed later by a real end tag was meant to span the blocks, and counts.
     */
    private static boolean isReopened(Element element) {
        Range end = element.endSourceRange();
        boolean explicitEnd = end.isTracked() && !end.isImplicit();
        return element.sourceRange().isImplicit() && !explicitEnd;
    }

    private static Frame.ListEntry listEntry(Element element, Frame frame) {
        Frame.ListLevel list = frame.list;
        if (list == null) { // an <li> outside a list
            return new Frame.ListEntry(false, 1, frame.item == null ? 1 : frame.item.depth + 1);
        }
        int number = number(element, "value", list.next);
        list.next = number + 1;
        return new Frame.ListEntry(list.ordered, number, list.depth);
    }

    private static int number(Element element, String attribute, int otherwise) {
        String value = element.attr(attribute).strip();
        if (value.isEmpty() || value.length() > 9) {
            return otherwise;
        }
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            return otherwise;
        }
    }

    private void text(TextNode node) {
        String text = TextCleaner.clean(node.getWholeText());
        if (text.length() > budget) {
            int cut = TextBoundary.safeCut(text, Math.max(budget, 0));
            exhausted |= !text.substring(cut).isBlank();
            text = text.substring(0, cut);
        }
        Frame frame = frames.peek();
        budget -= current.appendText(text, frame.style, frame.href, frame.preformatted);
    }

    private void image(Element element) {
        if (budget <= 0) {
            exhausted = true;
            return;
        }
        String alt = TextCleaner.clean(element.attr("alt")).replaceAll("\\s+", " ").strip();
        if (alt.length() > MAX_ALT_CHARS) {
            alt = alt.substring(0, TextBoundary.safeCut(alt, MAX_ALT_CHARS)) + "…";
        }
        budget -= current.appendImage(alt);
    }

    private void removed(String what) {
        flush(frames.peek());
        boolean repeated = !blocks.isEmpty() && blocks.get(blocks.size() - 1).equals(new Block.Removed(what));
        if (repeated) {
            return; // a thousand iframes are one notice
        }
        if (budget <= 0) {
            exhausted = true;
            return;
        }
        blocks.add(new Block.Removed(what));
        budget--;
    }

    private void flush(Frame frame) {
        List<Run> runs = current.take();
        if (runs.isEmpty()) {
            return;
        }
        boolean rtl = frame.rtl != null ? frame.rtl : Boolean.TRUE.equals(Direction.firstStrong(runs));
        blocks.add(block(frame, runs, rtl));
    }

    private static Block block(Frame frame, List<Run> runs, boolean rtl) {
        if (frame.preformatted) {
            return new Block.Code(runs);
        }
        Frame.ListEntry item = frame.item;
        if (frame.quoteDepth > 0) {
            if (item != null && !item.markerShown) { // a list inside a quote: the marker becomes text
                item.markerShown = true;
                List<Run> marked = new ArrayList<>(runs.size() + 1);
                marked.add(new Run.Text(listItem(item, false, runs, rtl).marker() + " ", Style.PLAIN));
                marked.addAll(runs);
                return new Block.Quote(frame.quoteDepth, marked, rtl);
            }
            return new Block.Quote(frame.quoteDepth, runs, rtl);
        }
        if (item != null) {
            boolean continuation = item.markerShown;
            item.markerShown = true;
            return listItem(item, continuation, runs, rtl);
        }
        if (frame.headingLevel > 0) {
            return new Block.Heading(frame.headingLevel, runs, rtl);
        }
        return new Block.Paragraph(runs, rtl);
    }

    private static Block.ListItem listItem(Frame.ListEntry item, boolean continuation, List<Run> runs, boolean rtl) {
        return new Block.ListItem(item.ordered, item.number, item.depth, continuation, runs, rtl);
    }
}
