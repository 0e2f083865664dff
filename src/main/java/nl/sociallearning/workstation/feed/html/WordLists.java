package nl.sociallearning.workstation.feed.html;

import org.jsoup.nodes.Element;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Word pastes lists as paragraphs ({@code <p class="MsoListParagraph" style="mso-list:l0 level1 lfo1">}) with
 * the typed bullet or number in a span marked {@code mso-list:Ignore}. The span is skipped; its text tells
 * whether the list was numbered.
 */
final class WordLists {

    private static final Pattern NUMBER = Pattern.compile("^\\s*(\\d{1,6})[.)]");
    /** The marker comes first; a crafted paragraph with thousands of elements is not searched to its end. */
    private static final int SEARCH_LIMIT = 50;

    private WordLists() {
    }

    static Frame.ListEntry entry(Element paragraph, int level) {
        Optional<Element> marker = paragraph.stream().skip(1).limit(SEARCH_LIMIT)
                .filter(e -> e.hasAttr("style") && StyleHints.isWordListMarker(StyleHints.normalised(e.attr("style"))))
                .findFirst();
        if (marker.isPresent()) {
            Matcher number = NUMBER.matcher(marker.get().text());
            if (number.find()) {
                return new Frame.ListEntry(true, Integer.parseInt(number.group(1)), level);
            }
        }
        return new Frame.ListEntry(false, 1, level);
    }
}
