package nl.sociallearning.workstation.feed.html;

import java.util.List;
import java.util.Objects;

/** One block of a post body, shown as one line-wrapped flow of runs. */
public sealed interface Block permits Block.Paragraph, Block.Heading, Block.ListItem, Block.Quote, Block.Code,
        Block.Removed {

    List<Run> runs();

    /** Right-to-left: {@code dir="rtl"}, or no direction given and the first strong character is RTL. */
    boolean rtl();

    /** The same kind of block with other runs: the part of a split block that follows the first. */
    Block continuedWith(List<Run> runs);

    /** The same block with other runs: the first part of a split block. */
    Block withRuns(List<Run> runs);

    default String text() {
        StringBuilder out = new StringBuilder();
        for (Run run : runs()) {
            out.append(run.text());
        }
        return out.toString();
    }

    record Paragraph(List<Run> runs, boolean rtl) implements Block {
        public Paragraph {
            runs = List.copyOf(runs);
        }

        @Override
        public Block continuedWith(List<Run> more) {
            return new Paragraph(more, rtl);
        }

        @Override
        public Block withRuns(List<Run> first) {
            return new Paragraph(first, rtl);
        }
    }

    /** {@code level} 1 to 6, as {@code <h1>} to {@code <h6>}. */
    record Heading(int level, List<Run> runs, boolean rtl) implements Block {
        public Heading {
            runs = List.copyOf(runs);
        }

        @Override
        public Block continuedWith(List<Run> more) {
            return new Heading(level, more, rtl);
        }

        @Override
        public Block withRuns(List<Run> first) {
            return new Heading(level, first, rtl);
        }
    }

    /**
     * A list item at {@code depth} (1 for a top-level list). {@code number} counts the items of an ordered list;
     * a {@code continuation} is a later paragraph of the same item, shown without a marker.
     */
    record ListItem(boolean ordered, int number, int depth, boolean continuation, List<Run> runs, boolean rtl)
            implements Block {
        public ListItem {
            runs = List.copyOf(runs);
        }

        /**
         * "1.", or a bullet that changes with the depth as browsers do. A continuation does not show it, but it
         * keeps the place, so the text lines up with the item's first paragraph.
         */
        public String marker() {
            if (ordered) {
                return number + ".";
            }
            return switch ((depth - 1) % 3) {
                case 0 -> "•";
                case 1 -> "◦";
                default -> "▪";
            };
        }

        @Override
        public Block continuedWith(List<Run> more) {
            return new ListItem(ordered, number, depth, true, more, rtl);
        }

        @Override
        public Block withRuns(List<Run> first) {
            return new ListItem(ordered, number, depth, continuation, first, rtl);
        }
    }

    /** Text inside {@code depth} nested {@code <blockquote>}s. */
    record Quote(int depth, List<Run> runs, boolean rtl) implements Block {
        public Quote {
            runs = List.copyOf(runs);
        }

        @Override
        public Block continuedWith(List<Run> more) {
            return new Quote(depth, more, rtl);
        }

        @Override
        public Block withRuns(List<Run> first) {
            return new Quote(depth, first, rtl);
        }
    }

    /** Preformatted text: white space and new lines as written, always left to right. */
    record Code(List<Run> runs) implements Block {
        public Code {
            runs = List.copyOf(runs);
        }

        @Override
        public boolean rtl() {
            return false;
        }

        @Override
        public Block continuedWith(List<Run> more) {
            return new Code(more);
        }

        @Override
        public Block withRuns(List<Run> first) {
            return new Code(first);
        }
    }

    /** Where the HTML had something that cannot be shown safely: {@code what} is its tag, e.g. "iframe". */
    record Removed(String what) implements Block {
        public Removed {
            Objects.requireNonNull(what, "what");
        }

        @Override
        public List<Run> runs() {
            return List.of();
        }

        @Override
        public boolean rtl() {
            return false;
        }

        @Override
        public Block continuedWith(List<Run> more) {
            return this;
        }

        @Override
        public Block withRuns(List<Run> first) {
            return this;
        }
    }
}
