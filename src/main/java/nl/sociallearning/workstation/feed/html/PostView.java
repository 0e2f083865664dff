package nl.sociallearning.workstation.feed.html;

import javafx.geometry.Insets;
import javafx.geometry.NodeOrientation;
import javafx.scene.Node;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.VBox;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;

import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Shows a {@link PostContent} as plain JavaFX nodes: one {@link TextFlow} per block, no web engine. Links are
 * {@link Hyperlink}s that only tell the caller which URL was clicked, and show it as their tooltip. A long post
 * is shown a page at a time (see {@link PostPages}) behind a "show more" link, so even a body at the text cap
 * opens at once. Add {@link #STYLESHEET} to the scene. Parse with {@link PostHtml} off the FX thread; build
 * the view on it.
 */
public final class PostView extends VBox {

    public static final String STYLESHEET =
            Objects.requireNonNull(PostView.class.getResource("post.css"), "post.css").toExternalForm();

    /** The words the view asks its caller for; the caller returns them in the user's language. */
    public static final String SHOW_MORE = "show more";
    /** Shown as "[image: alt text]". */
    public static final String IMAGE = "image";
    /** Shown as "[removed: iframe]". */
    public static final String REMOVED = "removed";
    /** Shown under a post whose body was longer than {@link PostHtml#MAX_TEXT_CHARS}. */
    public static final String SHORTENED = "shortened";

    /**
     * A page: at most 2 000 blocks, 20 000 characters (some ten screens), and nodes worth 1 000 Text nodes,
     * which is what binds for bodies of many tiny blocks or links (on the 2-core build machine, under load, such
     * a page took about half a second to show; a page of ordinary paragraphs a third of that).
     */
    static final PostPages.Limits PAGE_LIMITS = new PostPages.Limits(2_000, 1_000, 20_000);
    /** Deeper lists and quotes than this are indented no further: nesting is not allowed to push text away. */
    private static final int MAX_INDENT_LEVELS = 6;
    private static final double LIST_INDENT = 22;
    private static final double QUOTE_INDENT = 14;
    /** Added to the box's spacing between blocks, except between the items of a list, which sit closer. */
    private static final double BLOCK_GAP = 6;
    /** A link text longer than this is shortened in the middle: a Hyperlink does not wrap inside a flow. */
    private static final int MAX_LINK_TEXT = 80;

    private final PostContent content;
    private final Consumer<String> onLink;
    private final Function<String, String> words;
    private final List<List<Block>> pages;
    private int pagesShown;
    private Hyperlink showMore;
    private Block previous;

    public PostView(PostContent content, Consumer<String> onLink, Function<String, String> words) {
        this.content = Objects.requireNonNull(content, "content");
        this.onLink = Objects.requireNonNull(onLink, "onLink");
        this.words = Objects.requireNonNull(words, "words");
        this.pages = PostPages.split(content.blocks(), PAGE_LIMITS);
        getStyleClass().add("post-body");
        showNextPage();
    }

    public int pageCount() {
        return pages.size();
    }

    public int pagesShown() {
        return pagesShown;
    }

    /** Renders the next page, as the "show more" link does; nothing when all is shown. */
    public void showNextPage() {
        if (showMore != null) {
            getChildren().remove(showMore);
            showMore = null;
        }
        if (pagesShown < pages.size()) {
            for (Block block : pages.get(pagesShown)) {
                Node node = render(block);
                VBox.setMargin(node, margin(block));
                getChildren().add(node);
                previous = block;
            }
            pagesShown++;
        }
        if (pagesShown < pages.size()) {
            showMore = new Hyperlink(words.apply(SHOW_MORE));
            showMore.getStyleClass().add("post-show-more");
            showMore.setOnAction(e -> showNextPage());
            VBox.setMargin(showMore, new Insets(BLOCK_GAP, 0, 0, 0));
            getChildren().add(showMore);
        } else if (content.truncated()) {
            TextFlow shortened = note(words.apply(SHORTENED), "post-shortened");
            VBox.setMargin(shortened, new Insets(BLOCK_GAP, 0, 0, 0));
            getChildren().add(shortened);
        }
    }

    private Node render(Block block) {
        if (block instanceof Block.Removed removed) {
            return note("[" + words.apply(REMOVED) + ": " + removed.what() + "]", "post-removed");
        }
        TextFlow flow = new TextFlow();
        flow.getStyleClass().add(styleClassOf(block));
        if (block instanceof Block.Heading heading) {
            flow.getStyleClass().add("post-heading-" + heading.level());
        }
        if (block.rtl()) {
            flow.setNodeOrientation(NodeOrientation.RIGHT_TO_LEFT);
        }
        if (block instanceof Block.ListItem item) {
            Text marker = new Text(item.marker() + "\u2002");
            marker.getStyleClass().addAll("post-text", item.continuation() ? "post-list-marker-hidden" : "post-list-marker");
            flow.getChildren().add(marker);
        }
        for (Run run : block.runs()) {
            flow.getChildren().add(render(run));
        }
        return flow;
    }

    private Node render(Run run) {
        if (run instanceof Run.Link link) {
            Hyperlink hyperlink = new Hyperlink(shortened(link.text()));
            hyperlink.getStyleClass().add("post-link");
            addStyleClasses(hyperlink, link.style());
            // The tooltip is made when the pointer first comes near: a Tooltip is a popup window in waiting, and
            // a page of links built them all at once took longer than the rest of the page.
            hyperlink.setOnMouseEntered(e -> {
                if (hyperlink.getTooltip() == null) {
                    hyperlink.setTooltip(new Tooltip(link.href()));
                }
            });
            hyperlink.setOnAction(e -> onLink.accept(link.href()));
            return hyperlink;
        }
        if (run instanceof Run.Image image) {
            String label = image.alt().isEmpty() ? words.apply(IMAGE) : words.apply(IMAGE) + ": " + image.alt();
            Text text = new Text("[" + label + "]");
            text.getStyleClass().addAll("post-text", "post-image");
            return text;
        }
        Run.Text plain = (Run.Text) run;
        Text text = new Text(plain.text());
        text.getStyleClass().add("post-text");
        addStyleClasses(text, plain.style());
        return text;
    }

    private static void addStyleClasses(Node node, Style style) {
        if (style.bold()) {
            node.getStyleClass().add("post-bold");
        }
        if (style.italic()) {
            node.getStyleClass().add("post-italic");
        }
        if (style.underline()) {
            node.getStyleClass().add("post-underline");
        }
        if (style.strike()) {
            node.getStyleClass().add("post-strike");
        }
        if (style.code()) {
            node.getStyleClass().add("post-inline-code");
        }
    }

    private static TextFlow note(String line, String styleClass) {
        Text text = new Text(line);
        text.getStyleClass().add("post-text");
        TextFlow flow = new TextFlow(text);
        flow.getStyleClass().add(styleClass);
        return flow;
    }

    private static String styleClassOf(Block block) {
        if (block instanceof Block.Heading) {
            return "post-heading";
        }
        if (block instanceof Block.ListItem) {
            return "post-list-item";
        }
        if (block instanceof Block.Quote) {
            return "post-quote";
        }
        if (block instanceof Block.Code) {
            return "post-code";
        }
        return "post-paragraph";
    }

    /**
     * Indentation and gaps are margins, not padding: the style sheet may pad, and CSS wins over padding set in
     * code. The box lays out left to right, so a right-to-left block is indented from the right, where it starts.
     */
    private Insets margin(Block block) {
        boolean listGoesOn = block instanceof Block.ListItem && previous instanceof Block.ListItem;
        double top = previous == null || listGoesOn ? 0 : BLOCK_GAP;
        double indent = 0;
        if (block instanceof Block.ListItem item) {
            indent = LIST_INDENT * indent(item.depth());
        } else if (block instanceof Block.Quote quote) {
            indent = QUOTE_INDENT * (indent(quote.depth()) - 1);
        }
        return block.rtl() ? new Insets(top, indent, 0, 0) : new Insets(top, 0, 0, indent);
    }

    private static int indent(int depth) {
        return Math.max(1, Math.min(depth, MAX_INDENT_LEVELS));
    }

    private static String shortened(String text) {
        if (text.length() <= MAX_LINK_TEXT) {
            return text;
        }
        int head = TextBoundary.safeCut(text, MAX_LINK_TEXT - 20);
        int tail = text.length() - 18;
        while (tail < text.length() && !TextBoundary.isBoundary(text, tail)) {
            tail++;
        }
        return text.substring(0, head) + "…" + text.substring(tail);
    }
}
