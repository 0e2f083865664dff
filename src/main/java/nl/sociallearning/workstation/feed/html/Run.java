package nl.sociallearning.workstation.feed.html;

import java.util.Objects;

/**
 * A piece of a block's text with one style. Text may contain {@code '\n'}: a line break ({@code <br>}, or a
 * new line in preformatted text).
 */
public sealed interface Run permits Run.Text, Run.Link, Run.Image {

    /** What the run adds to the block's text; an image adds its alt text. */
    String text();

    record Text(String text, Style style) implements Run {
        public Text {
            Objects.requireNonNull(text, "text");
            Objects.requireNonNull(style, "style");
        }
    }

    /** A link whose target passed {@link SafeUrl}: http, https or mailto only. */
    record Link(String text, String href, Style style) implements Run {
        public Link {
            Objects.requireNonNull(text, "text");
            Objects.requireNonNull(href, "href");
            Objects.requireNonNull(style, "style");
        }
    }

    /** Where the HTML had an image: shown as "[image: alt]", never loaded. The alt text may be empty. */
    record Image(String alt) implements Run {
        public Image {
            Objects.requireNonNull(alt, "alt");
        }

        @Override
        public String text() {
            return alt;
        }
    }
}
