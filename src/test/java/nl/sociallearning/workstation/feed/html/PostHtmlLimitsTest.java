package nl.sociallearning.workstation.feed.html;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Arrays;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/** Enormous and deeply nested bodies: bounded time, bounded text, no stack overflow. */
class PostHtmlLimitsTest {

    /** About 1 MB of forum HTML, nearly half of it text: more than the text cap. */
    static String megabyteOfPosts() {
        StringBuilder html = new StringBuilder(1_050_000);
        for (int i = 0; html.length() < 1_000_000; i++) {
            html.append("<p class=\"MsoNormal\">Alinea ").append(i).append(" met <b>vet</b>, <i>schuin</i> en een <a href=\"")
                    .append("https://example.org/artikel/").append(i).append("\">link</a> &amp; wat &eacute;&#233; tekst 😊")
                    .append(" over het gesprek met de familie.</p>\n");
        }
        return html.toString();
    }

    /** About 1 MB of Word markup around little text: parsed to its end, as the text stays under the cap. */
    static String megabyteOfWordMarkup() {
        StringBuilder html = new StringBuilder(1_050_000).append("<html><head><style>p.MsoNormal{margin:0}</style></head><body>");
        for (int i = 0; html.length() < 1_000_000; i++) {
            html.append("<p class=MsoNormal style='margin-bottom:0cm;line-height:normal'><span style='font-size:11.0pt;")
                    .append("font-family:\"Calibri\",sans-serif;mso-fareast-language:NL'><b>Punt ").append(i)
                    .append("</b> het gesprek<o:p></o:p></span></p>\r\n");
        }
        return html.toString();
    }

    @Test
    void aMegabyteBodyParsesQuicklyAndIsCutAtTheTextCap() {
        String html = megabyteOfPosts();
        Timing timing = time(() -> PostHtml.parse(html));
        PostContent content = PostHtml.parse(html);
        System.out.printf("1 MB (%d chars) of posts: %s%n", html.length(), timing);

        assertThat(timing.best()).as("warm parse of 1 MB, ms (goal: well under 100)").isLessThan(500);
        assertThat(content.truncated()).isTrue();
        assertThat(content.originalLength()).isEqualTo(html.length());
        assertThat(content.textLength()).isBetween(PostHtml.MAX_TEXT_CHARS - 100, PostHtml.MAX_TEXT_CHARS);
        assertThat(content.blocks().get(0).runs()).hasSize(7);
    }

    @Test
    void aMegabyteOfMarkupAroundLittleTextIsReadToTheEnd() {
        String html = megabyteOfWordMarkup();
        Timing timing = time(() -> PostHtml.parse(html));
        PostContent content = PostHtml.parse(html);
        System.out.printf("1 MB (%d chars) of Word markup: %s%n", html.length(), timing);

        assertThat(timing.best()).isLessThan(500);
        assertThat(content.truncated()).isFalse();
        assertThat(content.blocks().get(content.blocks().size() - 1).text()).endsWith(" het gesprek");
    }

    @Test
    void htmlBeyondTheHtmlCapIsNotReadAtAll() {
        String html = "<p>begin</p>" + "<div></div>".repeat(PostHtml.MAX_HTML_CHARS / 11) + "<p>voorbij de grens</p>";
        PostContent content = PostHtml.parse(html);
        assertThat(content.truncated()).isTrue();
        assertThat(PostHtmlHostileInputTest.texts(content)).containsExactly("begin");
    }

    @Test
    void aBodyUnderTheCapIsNotTruncated() {
        PostContent content = PostHtml.parse("<p>" + "a".repeat(PostHtml.MAX_TEXT_CHARS) + "</p>\n\n  ");
        assertThat(content.truncated()).isFalse();
        assertThat(content.textLength()).isEqualTo(PostHtml.MAX_TEXT_CHARS);
    }

    @Test
    void oneCharacterOverTheCapIsTruncated() {
        PostContent content = PostHtml.parse("<p>" + "a".repeat(PostHtml.MAX_TEXT_CHARS) + "</p><p>b</p>");
        assertThat(content.truncated()).isTrue();
        assertThat(content.textLength()).isEqualTo(PostHtml.MAX_TEXT_CHARS);
    }

    @ParameterizedTest
    @ValueSource(strings = {"div", "b", "i", "span", "a href=x", "blockquote", "ul", "li", "table",
            "p", "font", "em", "pre"})
    void a100000DeepNestingNeitherOverflowsTheStackNorLosesText(String tag) throws Exception {
        String name = tag.split(" ")[0];
        String unclosed = ("<" + tag + ">x").repeat(100_000);
        String closed = ("<" + tag + ">").repeat(100_000) + "y" + ("</" + name + ">").repeat(100_000);
        // A thread with a small stack: any recursion over the depth would overflow it at once.
        PostContent deep = onSmallStack(() -> PostHtml.parse(unclosed));
        PostContent deepClosed = onSmallStack(() -> PostHtml.parse(closed));
        assertThat(deep.textLength()).as(tag).isEqualTo(100_000);
        assertThat(deepClosed.plainText()).as(tag).isEqualTo("y");
    }

    @Test
    void deepListsAndQuotesKeepTheirDepthForTheViewToLimit() throws Exception {
        PostContent content = onSmallStack(() -> PostHtml.parse("<ul><li>x".repeat(50_000)));
        Block last = content.blocks().get(content.blocks().size() - 1);
        assertThat(last).isInstanceOf(Block.ListItem.class);
        assertThat(((Block.ListItem) last).depth()).isEqualTo(50_000);
    }

    static <T> T onSmallStack(Supplier<T> work) throws InterruptedException {
        AtomicReference<T> result = new AtomicReference<>();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread thread = new Thread(null, () -> {
            try {
                result.set(work.get());
            } catch (Throwable t) {
                failure.set(t);
            }
        }, "small-stack", 256 * 1024);
        thread.start();
        thread.join();
        assertThat(failure.get()).as("thrown on a 256 KB stack").isNull();
        return result.get();
    }

    record Timing(long best, long median, long first) {
        @Override
        public String toString() {
            return "first (cold) " + first + " ms, then best " + best + " ms, median " + median + " ms of 9";
        }
    }

    /**
     * Times the steady state, as in a running workstation: the first runs warm the JIT up. The best of nine is
     * what the code costs; the median shows what a busy machine (other builds on two cores) adds to it.
     */
    static Timing time(Runnable work) {
        long first = millis(work);
        long warmUntil = System.nanoTime() + 3_000_000_000L;
        for (int i = 0; i < 30 && (i < 5 || System.nanoTime() < warmUntil); i++) {
            work.run(); // until the JIT's second tier has compiled the hot paths, or three seconds
        }
        long[] millis = new long[9];
        for (int i = 0; i < millis.length; i++) {
            millis[i] = millis(work);
        }
        Arrays.sort(millis);
        return new Timing(millis[0], millis[millis.length / 2], first);
    }

    private static long millis(Runnable work) {
        long start = System.nanoTime();
        work.run();
        return (System.nanoTime() - start) / 1_000_000;
    }
}
