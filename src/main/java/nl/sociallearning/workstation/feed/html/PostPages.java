package nl.sociallearning.workstation.feed.html;

import java.util.ArrayList;
import java.util.List;

/**
 * Cuts a post's blocks into pages that are each cheap to show: at most so many blocks, nodes and characters.
 * A block larger than a page is split between runs, or inside a run between words, and goes on as a
 * continuation on the next page. One pass over the runs: a post at the text cap has tens of thousands.
 */
final class PostPages {

    record Limits(int blocks, int nodes, int chars) {
    }

    /** Measured: a Hyperlink (a control with a skin and a text node) takes about three times a Text's time. */
    static final int LINK_COST = 3;
    /** A block's own nodes: its flow, and a list marker. */
    private static final int BLOCK_COST = 2;

    private final Limits limits;
    private final List<List<Block>> pages = new ArrayList<>();
    private List<Block> page = new ArrayList<>();
    private int nodes;
    private int chars;

    private PostPages(Limits limits) {
        this.limits = limits;
    }

    static List<List<Block>> split(List<Block> blocks, Limits limits) {
        PostPages pages = new PostPages(limits);
        for (Block block : blocks) {
            pages.add(block);
        }
        pages.nextPage();
        return pages.pages;
    }

    /** What a block costs to show, counted in Text nodes. */
    static int nodesOf(Block block) {
        int cost = BLOCK_COST;
        for (Run run : block.runs()) {
            cost += nodeCost(run);
        }
        return cost;
    }

    static int charsOf(Block block) {
        int length = block instanceof Block.Removed removed ? removed.what().length() : 0;
        for (Run run : block.runs()) {
            length += run.text().length();
        }
        return Math.max(length, 1);
    }

    private void add(Block block) {
        if (page.size() >= limits.blocks()) {
            nextPage();
        }
        int blockNodes = nodesOf(block);
        int blockChars = charsOf(block);
        if (fits(blockNodes, blockChars)) {
            put(block, blockNodes, blockChars);
            return;
        }
        boolean fitsAnEmptyPage = blockNodes <= limits.nodes() && blockChars <= limits.chars();
        boolean littleRoomLeft = limits.nodes() - nodes < limits.nodes() / 4 || limits.chars() - chars < limits.chars() / 4;
        if (!page.isEmpty() && (fitsAnEmptyPage || littleRoomLeft)) {
            nextPage(); // a block that fits a page is not cut; neither is a big one started in a corner
        }
        if (fits(blockNodes, blockChars)) {
            put(block, blockNodes, blockChars);
        } else {
            addInParts(block);
        }
    }

    private void addInParts(Block block) {
        List<Run> part = new ArrayList<>();
        int partNodes = BLOCK_COST;
        int partChars = 0;
        boolean first = true;
        for (Run run : block.runs()) {
            Run rest = run;
            while (rest != null) {
                int cost = nodeCost(rest);
                int length = rest.text().length();
                if (fits(partNodes + cost, partChars + length)) {
                    part.add(rest);
                    partNodes += cost;
                    partChars += length;
                    rest = null;
                    continue;
                }
                int room = limits.chars() - chars - partChars;
                int at = canCut(rest) && fits(partNodes + cost, 0) ? cutPoint(rest.text(), room) : 0;
                if (at == 0 && part.isEmpty() && page.isEmpty()) { // too big for any page, and cannot be cut
                    part.add(rest);
                    partNodes += cost;
                    partChars += length;
                    rest = null;
                    continue;
                }
                if (at > 0) {
                    part.add(withText(rest, rest.text().substring(0, at)));
                    rest = withText(rest, rest.text().substring(at));
                }
                if (!part.isEmpty()) {
                    page.add(first ? block.withRuns(part) : block.continuedWith(part));
                    first = false;
                }
                nextPage();
                part = new ArrayList<>();
                partNodes = BLOCK_COST;
                partChars = 0;
            }
        }
        if (!part.isEmpty()) {
            put(first ? block.withRuns(part) : block.continuedWith(part), partNodes, Math.max(partChars, 1));
        }
    }

    private boolean fits(int moreNodes, int moreChars) {
        return nodes + moreNodes <= limits.nodes() && chars + moreChars <= limits.chars();
    }

    private void put(Block block, int blockNodes, int blockChars) {
        page.add(block);
        nodes += blockNodes;
        chars += blockChars;
    }

    private void nextPage() {
        if (!page.isEmpty()) {
            pages.add(List.copyOf(page));
        }
        page = new ArrayList<>();
        nodes = 0;
        chars = 0;
    }

    private static int nodeCost(Run run) {
        return run instanceof Run.Link ? LINK_COST : 1;
    }

    private static boolean canCut(Run run) {
        return !(run instanceof Run.Image) && run.text().length() > 1;
    }

    /** Where to cut a run's text: after a space near the limit if there is one, never inside a character. */
    private static int cutPoint(String text, int room) {
        if (room <= 0) {
            return 0;
        }
        int at = TextBoundary.safeCut(text, room);
        int space = text.lastIndexOf(' ', at - 1);
        if (space > 0 && at - space < 200) {
            return space + 1;
        }
        return at;
    }

    private static Run withText(Run run, String text) {
        if (run instanceof Run.Link link) {
            return new Run.Link(text, link.href(), link.style());
        }
        return new Run.Text(text, ((Run.Text) run).style());
    }
}
