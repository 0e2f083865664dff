package nl.sociallearning.workstation.feed.html;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Bodies written to attack a reader: nothing runs, nothing loads, and what is left is plain, honest text. */
class PostHtmlHostileInputTest {

    @Test
    void scriptIsGoneWithItsText() {
        PostContent content = PostHtml.parse("<p>Hallo</p><script>alert(1)</script><p>daar<script>document.cookie</script></p>");
        assertThat(texts(content)).containsExactly("Hallo", "daar");
        assertThat(content.toString()).doesNotContain("alert", "cookie", "script");
    }

    @Test
    void anImageWithAHandlerIsOnlyAPlaceholder() {
        PostContent content = PostHtml.parse("<img src=x onerror=alert(1)>");
        assertThat(content.blocks()).containsExactly(new Block.Paragraph(List.of(new Run.Image("")), false));
        assertThat(content.toString()).doesNotContain("alert", "onerror", "src");
    }

    @Test
    void imagesKeepOnlyTheirAltTextAndNoSource() {
        PostContent content = PostHtml.parse("<p><img src=\"data:image/svg+xml;base64,PHN2Zz4=\" alt=\" foto\n van  de tuin \">"
                + "<img src=\"https://tracker.example/pixel.gif?user=1\" width=1 height=1></p>");
        assertThat(content.blocks().get(0).runs()).containsExactly(new Run.Image("foto van de tuin"), new Run.Image(""));
        assertThat(content.toString()).doesNotContain("data:", "tracker");
    }

    @Test
    void aJavascriptLinkIsPlainText() {
        PostContent content = PostHtml.parse("<a href=\"javascript:alert(1)\">x</a>");
        assertThat(content.blocks()).containsExactly(new Block.Paragraph(List.of(new Run.Text("x", Style.PLAIN)), false));
    }

    @ParameterizedTest
    @ValueSource(strings = {"JaVaScRiPt:alert(1)", " java\tscript:alert(1)", "&#106;avascript:alert(1)",
            "java&#x0A;script:alert(1)", "vbscript:msgbox(1)", "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==",
            "file:///etc/passwd", "/mod/forum/discuss.php?d=5", "//evil.example/", "#top", "https:", "https://", ""})
    void linksToAnythingButWebAndMailAddressesArePlainText(String href) {
        PostContent content = PostHtml.parse("<p>Lees <a href=\"" + href + "\">dit</a>.</p>");
        assertThat(content.blocks().get(0).runs()).containsExactly(new Run.Text("Lees dit.", Style.PLAIN));
    }

    @Test
    void webAndMailLinksAreKept() {
        PostContent content = PostHtml.parse("<p><a href=\"https://example.org\" onclick=\"steal()\" target=_blank>voorbeeld</a>"
                + " <a href=\" HTTP://Example.org/a b?q={x}#deel\">spaties</a> <a href=\"mailto:docent@example.org\">mail</a></p>");
        assertThat(content.blocks().get(0).runs()).containsExactly(
                new Run.Link("voorbeeld", "https://example.org", Style.PLAIN),
                new Run.Text(" ", Style.PLAIN),
                new Run.Link("spaties", "HTTP://Example.org/a%20b?q=%7Bx%7D#deel", Style.PLAIN),
                new Run.Text(" ", Style.PLAIN),
                new Run.Link("mail", "mailto:docent@example.org", Style.PLAIN));
        assertThat(content.toString()).doesNotContain("steal", "onclick");
    }

    @Test
    void iframeAndStyleContentIsAbsentAndTheIframeLeavesANotice() {
        PostContent content = PostHtml.parse("<style>p { display: none } body { background: url(https://x.example) }</style>"
                + "<p>Voor</p><iframe src=\"https://evil.example\"><p>binnen het frame</p></iframe><p>Na</p>");
        assertThat(content.blocks()).containsExactly(
                new Block.Paragraph(List.of(new Run.Text("Voor", Style.PLAIN)), false),
                new Block.Removed("iframe"),
                new Block.Paragraph(List.of(new Run.Text("Na", Style.PLAIN)), false));
        assertThat(content.toString()).doesNotContain("display", "binnen", "evil");
    }

    @Test
    void svgWithOnloadIsGone() {
        PostContent content = PostHtml.parse("<p>Plaatje:</p><svg onload=\"alert(1)\"><text>svg tekst</text>"
                + "<script>alert(2)</script></svg><math><mi>x</mi></math>");
        assertThat(content.blocks()).containsExactly(
                new Block.Paragraph(List.of(new Run.Text("Plaatje:", Style.PLAIN)), false),
                new Block.Removed("svg"), new Block.Removed("math"));
        assertThat(content.toString()).doesNotContain("alert", "svg tekst");
    }

    @Test
    void formsObjectsAndEmbedsAreRemovedWithTheirContent() {
        PostContent content = PostHtml.parse("<form action=\"https://evil.example\"><p>Wachtwoord:</p><input value=geheim>"
                + "<button>Verstuur</button></form><object data=x.swf>fallback</object><embed src=x.swf>"
                + "<p>Los <input type=text value=los> <textarea>tekstvak</textarea> <select><option>keuze</select> veld</p>");
        assertThat(content.blocks()).containsExactly(new Block.Removed("form"), new Block.Removed("object"),
                new Block.Removed("embed"), new Block.Paragraph(List.of(new Run.Text("Los veld", Style.PLAIN)), false));
        assertThat(content.toString()).doesNotContain("geheim", "Verstuur", "fallback", "tekstvak", "keuze", "Wachtwoord");
    }

    @Test
    void aThousandIframesAreOneNotice() {
        PostContent content = PostHtml.parse("<iframe src=x></iframe>".repeat(1000));
        assertThat(content.blocks()).containsExactly(new Block.Removed("iframe"));
    }

    @Test
    void cssIsNeverKeptSoExpressionsAndUrlsAreGone() {
        PostContent content = PostHtml.parse("<p style=\"width: expression(alert(1)); background: url(javascript:alert(2));"
                + " behavior: url(x.htc); color: red\" class=\"x\" id=\"y\">tekst</p>");
        assertThat(content.blocks()).containsExactly(new Block.Paragraph(List.of(new Run.Text("tekst", Style.PLAIN)), false));
        assertThat(content.toString()).doesNotContain("expression", "alert", "url", "red");
    }

    @Test
    void escapedMarkupIsShownAsTheTextItIs() {
        PostContent content = PostHtml.parse("<p>&lt;script&gt;alert(1)&lt;/script&gt; &amp;amp; &eacute &#233; &#x1F600;"
                + " &bogus; &#0; &#xD800; &#x110000; &notit;</p>");
        // jsoup decodes &#0; to a NUL and &#xD800; to half a surrogate pair: both removed. &#x110000; is U+FFFD.
        assertThat(texts(content)).containsExactly("<script>alert(1)</script> &amp; é é 😀 &bogus; � ¬it;");
        assertThat(content.blocks().get(0).runs()).allMatch(run -> run instanceof Run.Text);
    }

    @Test
    void eventHandlersAndUnknownAttributesNeverReachTheModel() {
        String hostile = "<p onclick=a() onmouseover=b()><b onfocus=c() tabindex=1 style=\"x:y\">vet</b>"
                + " <a href=\"https://ok.example\" onmouseover=\"d()\" ping=\"https://track.example\">link</a>"
                + " <span onpointerdown=e() data-x=\"f()\">tekst</span></p><body onload=g()><details open ontoggle=h()>i</details>";
        String model = PostHtml.parse(hostile).toString();
        for (String forbidden : List.of("a()", "b()", "c()", "d()", "e()", "f()", "g()", "h()", "track", "onclick", "tabindex")) {
            assertThat(model).doesNotContain(forbidden);
        }
    }

    @Test
    void zeroWidthBidiOverridesAndControlCharactersAreRemoved() {
        PostContent content = PostHtml.parse("<p>ge\u200Bheim\uFEFF wacht\u00ADwoord \u202Egnp.exe\u202C"
                + " bel\u0007 ja\u0000\u001B[31m rood \u2066iso\u2069 \u200Emark\u200F</p>");
        assertThat(texts(content)).containsExactly("geheim wachtwoord gnp.exe bel ja[31m rood iso mark");
    }

    @Test
    void emojiSequencesAndJoinersThatDoWorkAreKeptIntact() {
        String emoji = "👍🏽 👩‍💻 👨‍👩‍👧 🇳🇱 🏴\uDB40\uDC67\uDB40\uDC62\uDB40\uDC73\uDB40\uDC63\uDB40\uDC74\uDB40\uDC7F ❤️ 1️⃣";
        String persian = "می\u200Cخواهم"; // the zero-width non-joiner is part of the spelling
        PostContent content = PostHtml.parse("<p>" + emoji + " " + persian + "</p><p>😅 " + persian + "</p>");
        assertThat(texts(content)).containsExactly(emoji + " " + persian, "😅 " + persian);
        assertThat(content.blocks().get(0).rtl()).as("flags are left-to-right letters").isFalse();
        assertThat(content.blocks().get(1).rtl()).as("emoji decide no direction").isTrue();
    }

    @Test
    void aCutNeverSplitsAnEmoji() {
        String html = "<p>" + "👨‍👩‍👧".repeat(10) + "</p>";
        for (int max = 1; max <= 40; max++) {
            String preview = PostHtml.plainText(html, max);
            assertThat(preview.length()).isLessThanOrEqualTo(max);
            String kept = preview.replace("…", "");
            assertThat(kept.length() % "👨‍👩‍👧".length()).as("whole families only, at %d", max).isZero();
        }
        PostContent capped = PostHtml.parse("<p>" + "😀".repeat(150_001) + "</p>");
        String text = capped.blocks().get(0).text();
        assertThat(capped.truncated()).isTrue();
        assertThat(text).hasSize(PostHtml.MAX_TEXT_CHARS).matches("(😀)+");
    }

    static List<String> texts(PostContent content) {
        return content.blocks().stream().map(Block::text).toList();
    }
}
