package nl.sociallearning.workstation.feed.html;

import org.junit.jupiter.api.Test;

import java.util.List;

import static nl.sociallearning.workstation.feed.html.PostHtmlHostileInputTest.texts;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

/** What survives of ordinary, sloppy and pasted HTML: structure, formatting, white space, direction. */
class PostHtmlStructureTest {

    static final Style BOLD = Style.PLAIN.withBold(true);
    static final Style ITALIC = Style.PLAIN.withItalic(true);

    static Run.Text text(String text) {
        return new Run.Text(text, Style.PLAIN);
    }

    static Block.Paragraph paragraph(Run... runs) {
        return new Block.Paragraph(List.of(runs), false);
    }

    @Test
    void whiteSpaceIsCollapsedAsABrowserDoes() {
        PostContent content = PostHtml.parse("\n  <p>\n   Een   zin\tmet\r\n  <b> ruimte </b> en&nbsp;&nbsp;vaste  spaties. </p>"
                + "  <p> \n </p>");
        assertThat(content.blocks()).containsExactly(paragraph(text("Een zin met "), new Run.Text("ruimte ", BOLD),
                text("en\u00A0\u00A0vaste spaties.")));
    }

    @Test
    void lineBreaksAreNewLinesWithAtMostOneEmptyLineAndNoneAtTheEnds() {
        PostContent content = PostHtml.parse("<p><br>Regel een <br> regel twee<br><br><br><br><br>na de leegte<br><br></p>");
        assertThat(content.blocks()).containsExactly(paragraph(text("Regel een\nregel twee\n\nna de leegte")));
    }

    @Test
    void emptyParagraphsFromEditorsAreDropped() {
        PostContent content = PostHtml.parse("<p><br></p><p>&nbsp;</p><p>tekst</p><div>  </div><p><span></span></p>");
        assertThat(texts(content)).containsExactly("tekst");
    }

    @Test
    void headingsListsAndNumbering() {
        PostContent content = PostHtml.parse("<h2>Plan</h2><ol start=\"3\"><li>drie<li>vier<ol><li>a</li></ol></li>"
                + "<li value=\"9\">negen</li></ol><ul><li><p>punt</p><p>met uitleg</p></li></ul>");
        assertThat(content.blocks()).containsExactly(
                new Block.Heading(2, List.of(text("Plan")), false),
                new Block.ListItem(true, 3, 1, false, List.of(text("drie")), false),
                new Block.ListItem(true, 4, 1, false, List.of(text("vier")), false),
                new Block.ListItem(true, 1, 2, false, List.of(text("a")), false),
                new Block.ListItem(true, 9, 1, false, List.of(text("negen")), false),
                new Block.ListItem(false, 1, 1, false, List.of(text("punt")), false),
                new Block.ListItem(false, 1, 1, true, List.of(text("met uitleg")), false));
        assertThat(((Block.ListItem) content.blocks().get(1)).marker()).isEqualTo("3.");
        assertThat(((Block.ListItem) content.blocks().get(5)).marker()).isEqualTo("•");
        assertThat(((Block.ListItem) content.blocks().get(6)).marker()).as("kept in place, not shown").isEqualTo("•");
    }

    @Test
    void quotesKnowTheirDepthAndListsInsideThemKeepTheirMarker() {
        PostContent content = PostHtml.parse("<blockquote><p>Jij schreef:</p><blockquote>eerder</blockquote>"
                + "<ul><li>een punt</li></ul></blockquote><p>Mijn antwoord.</p>");
        assertThat(content.blocks()).containsExactly(
                new Block.Quote(1, List.of(text("Jij schreef:")), false),
                new Block.Quote(2, List.of(text("eerder")), false),
                new Block.Quote(1, List.of(text("• "), text("een punt")), false),
                paragraph(text("Mijn antwoord.")));
    }

    @Test
    void preformattedTextKeepsItsWhiteSpace() {
        PostContent content = PostHtml.parse("<pre>\nif (x)  {\n\ty();\r\n}\n\n</pre><p>inline <code>a  b</code></p>");
        assertThat(content.blocks()).containsExactly(
                new Block.Code(List.of(text("if (x)  {\n\ty();\n}"))),
                paragraph(text("inline "), new Run.Text("a b", Style.PLAIN.withCode(true))));
    }

    @Test
    void formattingFlagsCombine() {
        PostContent content = PostHtml.parse("<p><strong>vet <em>en schuin</em></strong> <u>onder</u> <s>weg</s> <del>ook</del>"
                + " <span style=\"font-weight: 700; font-style: italic\">span</span> <kbd>Ctrl</kbd></p>");
        assertThat(content.blocks().get(0).runs()).containsExactly(
                new Run.Text("vet ", BOLD), new Run.Text("en schuin", BOLD.withItalic(true)), text(" "),
                new Run.Text("onder", Style.PLAIN.withUnderline(true)), text(" "),
                new Run.Text("weg", Style.PLAIN.withStrike(true)), text(" "),
                new Run.Text("ook", Style.PLAIN.withStrike(true)), text(" "),
                new Run.Text("span", BOLD.withItalic(true)), text(" "),
                new Run.Text("Ctrl", Style.PLAIN.withCode(true)));
    }

    /**
     * jsoup follows the HTML standard: an unclosed {@code <b>} is re-opened at the start of every later block
     * ({@code <p><b>vet</p><p>rest} parses as {@code <p><b>vet</b></p><p><b>rest</b></p>}), so in a browser the
     * whole rest of the post turns bold. We keep a forgotten tag inside its own block.
     */
    @Test
    void anUnclosedBoldEndsWithItsBlock() {
        PostContent content = PostHtml.parse("<p>Onafgesloten <b>vet en <i>schuin</p><p>en nog een alinea<p>en nog een");
        assertThat(content.blocks()).containsExactly(
                paragraph(text("Onafgesloten "), new Run.Text("vet en ", BOLD), new Run.Text("schuin", BOLD.withItalic(true))),
                paragraph(text("en nog een alinea")),
                paragraph(text("en nog een")));
    }

    @Test
    void boldClosedInALaterBlockSpansTheBlocksAsWritten() {
        PostContent content = PostHtml.parse("<p>a <b>b</p><p>c</b> d</p>");
        assertThat(content.blocks()).containsExactly(paragraph(text("a "), new Run.Text("b", BOLD)),
                paragraph(new Run.Text("c", BOLD), text(" d")));
    }

    @Test
    void misnestedInlineTagsAreRepairedAsBrowsersDo() {
        PostContent content = PostHtml.parse("<p><b>1<i>2</b>3</i>4</p>");
        assertThat(content.blocks().get(0).runs()).containsExactly(new Run.Text("1", BOLD),
                new Run.Text("2", BOLD.withItalic(true)), new Run.Text("3", ITALIC), text("4"));
    }

    @Test
    void anUnclosedLinkDoesNotSwallowTheNextBlocks() {
        PostContent content = PostHtml.parse("<p>Zie <a href=\"https://example.org\">hier</p><p>verder");
        assertThat(content.blocks()).containsExactly(
                paragraph(text("Zie "), new Run.Link("hier", "https://example.org", Style.PLAIN)),
                paragraph(text("verder")));
    }

    @Test
    void wordPasteBecomesCleanParagraphsWithTheBoldKept() {
        String word = "<html xmlns:o=\"urn:schemas-microsoft-com:office:office\"><head><meta name=Generator content=\"Microsoft Word 15\">"
                + "<style>p.MsoNormal {margin:0cm; font-family:\"Calibri\"}</style><!--[if gte mso 9]><xml><w:WordDocument>"
                + "<w:View>Normal</w:View></w:WordDocument></xml><![endif]--></head><body lang=NL>"
                + "<p class=MsoNormal style='margin:0cm;font-family:Calibri'><span style='font-size:11.0pt'>Gekopieerd uit"
                + " mijn verslag:<o:p></o:p></span></p>"
                + "<p class=MsoNormal><o:p>&nbsp;</o:p></p>"
                + "<p class=MsoNormal><b><span style='mso-bidi-font-weight:normal'>Wat ging goed?</span></b><span>"
                + " Het gesprek met de <st1:place w:st=\"on\">familie</st1:place>.<o:p></o:p></span></p>"
                + "<p class=MsoListParagraphCxSpFirst style='text-indent:-18.0pt;mso-list:l0 level1 lfo1'><![if !supportLists]>"
                + "<span style='font-family:Symbol'><span style='mso-list:Ignore'>·<span style='font:7.0pt \"Times New Roman\"'>"
                + "&nbsp;&nbsp;&nbsp; </span></span></span><![endif]>eerst luisteren<o:p></o:p></p>"
                + "<p class=MsoListParagraphCxSpLast style='mso-list:l1 level2 lfo2'><![if !supportLists]><span"
                + " style='mso-list:Ignore'>2.<span>&nbsp; </span></span><![endif]>dan het formulier</p>"
                + "<w:Sdt>verborgen instelling</w:Sdt><xml>false false</xml></body></html>";
        PostContent content = PostHtml.parse(word);
        assertThat(content.blocks()).containsExactly(
                paragraph(text("Gekopieerd uit mijn verslag:")),
                paragraph(new Run.Text("Wat ging goed?", BOLD), text(" Het gesprek met de familie.")),
                new Block.ListItem(false, 1, 1, false, List.of(text("eerst luisteren")), false),
                new Block.ListItem(true, 2, 2, false, List.of(text("dan het formulier")), false));
    }

    @Test
    void googleDocsWrapperDoesNotMakeEverythingBold() {
        PostContent content = PostHtml.parse("<meta charset=\"utf-8\"><b style=\"font-weight:normal;\" id=\"docs-internal-guid-1a2b\">"
                + "<p dir=\"ltr\"><span style=\"font-weight:700\">Vet</span><span style=\"font-weight:400\"> gewoon</span></p></b>");
        assertThat(content.blocks()).containsExactly(paragraph(new Run.Text("Vet", BOLD), text(" gewoon")));
    }

    @Test
    void tablesBecomeParagraphsOfTheirCells() {
        PostContent content = PostHtml.parse("<table><thead><tr><th>Week</th><th>Taak</th></tr></thead><tbody>"
                + "<tr><td>1</td><td>kennismaken</td></tr><tr><td>2</td><td><p>plan</p><p>maken</p></td></tr></tbody></table>");
        assertThat(texts(content)).containsExactly("Week · Taak", "1 · kennismaken", "2 · plan\nmaken");
        assertThat(content.blocks().get(0).runs().get(0)).isEqualTo(new Run.Text("Week", BOLD));
    }

    @Test
    void rightToLeftByAttributeOrByTheFirstStrongCharacter() {
        PostContent content = PostHtml.parse("<p dir=\"rtl\">مرحبا</p><p>שלום, hallo</p><p>Hallo, مرحبا</p>"
                + "<div dir=\"rtl\"><p>ook rtl</p><p dir=\"ltr\">مرحبا maar ltr</p></div><p>123 مرحبا</p>");
        assertThat(content.blocks()).extracting(Block::rtl).containsExactly(true, true, false, true, false, true);
    }

    @Test
    void plainTextIsOneLineAndEndsWithAnEllipsisWhenCut() {
        String html = "<h1>Titel</h1><p>Eerste <b>alinea</b><br>met een regel.</p><ul><li>punt</li></ul>"
                + "<p><img alt=\"schema\"> <iframe></iframe>einde</p>";
        assertThat(PostHtml.plainText(html, 200)).isEqualTo("Titel Eerste alinea met een regel. punt [schema] einde");
        assertThat(PostHtml.plainText(html, 22)).isEqualTo("Titel Eerste alinea…");
        assertThat(PostHtml.plainText(html, 0)).isEmpty();
        assertThat(PostHtml.plainText("", 10)).isEmpty();
        assertThat(PostHtml.plainText(null, 10)).isEmpty();
    }

    @Test
    void theDemoServersMessyBodiesAllParse() {
        List<String> bodies = DemoMessyBodies.all();
        assertThat(bodies).isNotEmpty();
        for (String body : bodies) {
            assertThatCode(() -> PostHtml.parse(body)).doesNotThrowAnyException();
            PostContent content = PostHtml.parse(body);
            assertThat(content.isEmpty()).isFalse();
            assertThat(content.toString()).doesNotContain("alert", "document.title", "o:p", "MsoNormal");
        }
    }
}
