package nl.sociallearning.workstation.feed.html;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Collects the runs of the block being read, with a browser's white-space rules: outside preformatted text a
 * stretch of spaces, tabs and new lines is one space, none at the start of a line and none at its end. Adjacent
 * text of the same style and link is one run. At most one empty line in a row: a wall of {@code <br>}s is not
 * a page of nothing.
 */
final class BlockBuilder {

    private static final int MAX_NEW_LINES_IN_ROW = 2;

    private final List<Run> runs = new ArrayList<>();
    private final StringBuilder text = new StringBuilder();
    private Style style;
    private String href;
    /** At the start of a line or after a space: a following space is collapsed away. */
    private boolean spaceBefore = true;
    private int newLinesInRow;
    /** Something a reader sees: not only spaces, no-break spaces and line breaks. */
    private boolean visible;
    /** Goes between what the block has and what comes next, if anything comes: table cells, lines of a cell. */
    private String pendingSeparator;

    boolean hasContent() {
        return !runs.isEmpty() || text.length() > 0;
    }

    /**
     * Puts {@code separator} ({@code "\n"} for a line break) before the next content, unless nothing comes,
     * the block is still empty, or another separator is already waiting.
     */
    void separateNext(String separator) {
        if (hasContent() && pendingSeparator == null) {
            pendingSeparator = separator;
        }
    }

    private int emitSeparator() {
        String separator = pendingSeparator;
        pendingSeparator = null;
        if (separator.equals("\n")) {
            return lineBreak();
        }
        if (text.length() > 0 && text.charAt(text.length() - 1) == ' ') {
            text.setLength(text.length() - 1);
        }
        open(Style.PLAIN, null);
        text.append(separator);
        spaceBefore = separator.endsWith(" ");
        return separator.length();
    }

    /** Appends text; returns how many characters it added after collapsing white space. */
    int appendText(String raw, Style runStyle, String runHref, boolean preformatted) {
        if (preformatted) {
            return appendPreformatted(raw, runStyle, runHref);
        }
        int added = 0;
        int i = 0;
        while (i < raw.length()) {
            int end = i;
            while (end < raw.length() && !isSpace(raw.charAt(end))) {
                end++;
            }
            if (end > i) { // a word: appended in one go
                if (pendingSeparator != null) {
                    added += emitSeparator();
                }
                open(runStyle, runHref);
                text.append(raw, i, end);
                visible = visible || hasVisible(raw, i, end);
                spaceBefore = false;
                newLinesInRow = 0;
                added += end - i;
                i = end;
            } else { // white space: at most one space, none after a space or at the start of a line
                while (i < raw.length() && isSpace(raw.charAt(i))) {
                    i++;
                }
                if (!spaceBefore) {
                    open(runStyle, runHref);
                    text.append(' ');
                    spaceBefore = true;
                    added++;
                }
            }
        }
        return added;
    }

    private int appendPreformatted(String raw, Style runStyle, String runHref) {
        int start = 0;
        if (!hasContent()) { // the parser drops one new line after <pre>; a blank first line shows nothing either
            while (start < raw.length() && raw.charAt(start) == '\n') {
                start++;
            }
        }
        if (start == raw.length()) {
            return 0;
        }
        int added = pendingSeparator == null ? 0 : emitSeparator();
        open(runStyle, runHref);
        text.append(raw, start, raw.length());
        visible = visible || hasVisible(raw, start, raw.length());
        return added + raw.length() - start;
    }

    private static boolean isSpace(char c) {
        return c == ' ' || c == '\n' || c == '\t' || c == '\f';
    }

    private static boolean hasVisible(String s, int from, int to) {
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (!isSpace(c) && !Character.isSpaceChar(c)) {
                return true;
            }
        }
        return false;
    }

    int appendImage(String alt) {
        int added = pendingSeparator == null ? 0 : emitSeparator();
        closeRun();
        runs.add(new Run.Image(alt));
        spaceBefore = false;
        newLinesInRow = 0;
        visible = true;
        return added + alt.length() + 1;
    }

    /** A {@code <br>}: none at the start of a block, at most one empty line in a row. */
    int lineBreak() {
        if (!hasContent() || newLinesInRow >= MAX_NEW_LINES_IN_ROW) {
            return 0;
        }
        if (text.length() > 0 && text.charAt(text.length() - 1) == ' ') {
            text.setLength(text.length() - 1);
        }
        open(style == null ? Style.PLAIN : style, null);
        text.append('\n');
        spaceBefore = true;
        newLinesInRow++;
        return 1;
    }

    /** The finished block's runs without trailing white space, or none when nothing in it is visible; resets. */
    List<Run> take() {
        closeRun();
        List<Run> result = visible ? trimEnd(new ArrayList<>(runs)) : List.of();
        runs.clear();
        style = null;
        href = null;
        spaceBefore = true;
        newLinesInRow = 0;
        visible = false;
        pendingSeparator = null;
        return result;
    }

    private void open(Style runStyle, String runHref) {
        if (text.length() > 0 && (!runStyle.equals(style) || !Objects.equals(runHref, href))) {
            closeRun();
        }
        style = runStyle;
        href = runHref;
    }

    private void closeRun() {
        if (text.length() == 0) {
            return;
        }
        String content = text.toString();
        runs.add(href == null ? new Run.Text(content, style) : new Run.Link(content, href, style));
        text.setLength(0);
    }

    private static List<Run> trimEnd(List<Run> runs) {
        while (!runs.isEmpty()) {
            int last = runs.size() - 1;
            Run run = runs.get(last);
            if (run instanceof Run.Image) {
                break;
            }
            String trimmed = stripTrailing(run.text());
            if (trimmed.length() == run.text().length()) {
                break;
            }
            if (trimmed.isEmpty()) {
                runs.remove(last);
            } else {
                runs.set(last, run instanceof Run.Link link ? new Run.Link(trimmed, link.href(), link.style())
                        : new Run.Text(trimmed, ((Run.Text) run).style()));
                break;
            }
        }
        return runs;
    }

    private static String stripTrailing(String s) {
        int end = s.length();
        while (end > 0 && (s.charAt(end - 1) == ' ' || s.charAt(end - 1) == '\n' || s.charAt(end - 1) == '\t')) {
            end--;
        }
        return s.substring(0, end);
    }
}
