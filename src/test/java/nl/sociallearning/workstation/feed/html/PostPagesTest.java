package nl.sociallearning.workstation.feed.html;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Pages stay within their limits, and together hold every character in order. */
class PostPagesTest {

    static final PostPages.Limits SMALL = new PostPages.Limits(5, 30, 100);

    @Test
    void shortContentIsOnePage() {
        List<Block> blocks = List.of(paragraph("een"), paragraph("twee"));
        assertThat(PostPages.split(blocks, SMALL)).containsExactly(blocks);
        assertThat(PostPages.split(List.of(), SMALL)).isEmpty();
    }

    @Test
    void blocksThatFitAPageAreNotCut() {
        List<Block> blocks = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            blocks.add(paragraph("alinea " + i + " ".repeat(30)));
        }
        List<List<Block>> pages = PostPages.split(blocks, SMALL);
        assertThat(pages.stream().flatMap(List::stream).toList()).isEqualTo(blocks);
        assertWithinLimits(pages);
    }

    @Test
    void aHugeListItemIsCutBetweenWordsAndContinuesWithoutAMarker() {
        String words = "woord ".repeat(100);
        Block item = new Block.ListItem(true, 7, 2, false, List.of(new Run.Text(words, Style.PLAIN)), false);
        List<List<Block>> pages = PostPages.split(List.of(paragraph("kort"), item), SMALL);

        assertWithinLimits(pages);
        List<Block> all = pages.stream().flatMap(List::stream).toList();
        assertThat(all.get(1)).isEqualTo(new Block.ListItem(true, 7, 2, false, all.get(1).runs(), false));
        assertThat(all.subList(2, all.size())).allSatisfy(block ->
                assertThat(((Block.ListItem) block).continuation()).isTrue());
        assertThat(all.subList(1, all.size()).stream().map(Block::text).toList())
                .allSatisfy(part -> assertThat(part).endsWith(" "))
                .satisfies(parts -> assertThat(String.join("", parts)).isEqualTo(words));
    }

    @Test
    void manyRunsAreCutBetweenRunsAndNoEmojiIsSplit() {
        List<Run> runs = new ArrayList<>();
        for (int i = 0; i < 80; i++) {
            runs.add(new Run.Text("😀", i % 2 == 0 ? Style.PLAIN : Style.PLAIN.withBold(true)));
        }
        runs.add(new Run.Text("👩‍💻".repeat(60), Style.PLAIN));
        List<List<Block>> pages = PostPages.split(List.of(new Block.Paragraph(runs, false)), SMALL);

        assertWithinLimits(pages);
        StringBuilder text = new StringBuilder();
        for (List<Block> page : pages) {
            for (Block block : page) {
                for (Run run : block.runs()) {
                    assertThat(run.text()).matches("(😀|👩‍💻)+");
                    text.append(run.text());
                }
            }
        }
        assertThat(text.toString()).isEqualTo("😀".repeat(80) + "👩‍💻".repeat(60));
    }

    @Test
    void theDefaultLimitsKeepAPageAtTheTextCapSmall() {
        PostContent content = PostHtml.parse(PostViewTest.hugeBody());
        List<List<Block>> pages = PostPages.split(content.blocks(), PostView.PAGE_LIMITS);
        assertThat(pages.size()).isGreaterThan(5);
        for (List<Block> page : pages) {
            assertThat(page.size()).isLessThanOrEqualTo(PostView.PAGE_LIMITS.blocks());
            assertThat(page.stream().mapToInt(PostPages::nodesOf).sum()).isLessThanOrEqualTo(PostView.PAGE_LIMITS.nodes());
            assertThat(page.stream().mapToInt(PostPages::charsOf).sum()).isLessThanOrEqualTo(PostView.PAGE_LIMITS.chars());
        }
    }

    private static void assertWithinLimits(List<List<Block>> pages) {
        for (List<Block> page : pages) {
            assertThat(page).isNotEmpty().hasSizeLessThanOrEqualTo(SMALL.blocks());
            assertThat(page.stream().mapToInt(PostPages::nodesOf).sum()).isLessThanOrEqualTo(SMALL.nodes());
            assertThat(page.stream().mapToInt(PostPages::charsOf).sum()).isLessThanOrEqualTo(SMALL.chars());
        }
    }

    private static Block paragraph(String text) {
        return new Block.Paragraph(List.of(new Run.Text(text, Style.PLAIN)), false);
    }
}
