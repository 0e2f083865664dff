package nl.sociallearning.workstation.demo;

import java.util.List;
import java.util.Random;

/**
 * Writes posts from a course's text pools: fills the placeholders and turns paragraphs into the small HTML
 * subset real forums send, with the occasional list, link, emoji or pasted mess a moderator meets.
 */
final class DemoText {

    private static final String[] EMOJI = {" 🙂", " 👍", " 😅", " 💡", " 🙏"};

    private final DemoContent content;

    DemoText(DemoContent content) {
        this.content = content;
    }

    String opener(Random r, String thread, String module) {
        return html(r, fill(pick(r, content.openers()), null, null, thread, module));
    }

    String reply(Random r, String toName, String thread, String module) {
        String pool = r.nextDouble() < 0.22 ? pick(r, content.questions()) : pick(r, content.replies());
        return html(r, fill(pool, toName, null, thread, module));
    }

    String moderatorReply(Random r, String toName, String thread, String module) {
        return html(r, fill(pick(r, content.moderatorReplies()), toName, null, thread, module));
    }

    String weave(Random r, List<String> names, String thread, String module) {
        return html(r, fill(pick(r, content.weaves()), null, joinNames(names), thread, module));
    }

    String edit(Random r, String bodyHtml) {
        return bodyHtml + "<p>" + escape(pick(r, content.edits())) + "</p>";
    }

    /** A title for a thread once a module's prepared titles are used up: the opener's first words. */
    static String titleFrom(String bodyHtml) {
        String text = bodyHtml.replaceAll("<[^>]+>", " ").replace("&amp;", "&").replace("&lt;", "<")
                .replace("&gt;", ">").replace("&quot;", "\"").trim();
        int end = text.length();
        for (String stop : new String[] {". ", "? ", "! ", "\n"}) {
            int i = text.indexOf(stop);
            if (i > 10 && i < end) {
                end = i + (stop.startsWith("?") ? 1 : 0);
            }
        }
        String title = text.substring(0, end).trim();
        return title.length() > 80 ? title.substring(0, 77).trim() + "…" : title;
    }

    static String pick(Random r, List<String> pool) {
        return pool.get(r.nextInt(pool.size()));
    }

    private static String fill(String text, String name, String names, String thread, String module) {
        return text.replace("{name}", name == null ? "allemaal" : name)
                .replace("{names}", names == null ? "jullie" : names)
                .replace("{thread}", thread == null ? "" : thread)
                .replace("{module}", module == null ? "" : module);
    }

    private static String joinNames(List<String> names) {
        if (names.size() == 1) {
            return names.get(0);
        }
        return String.join(", ", names.subList(0, names.size() - 1)) + " en " + names.get(names.size() - 1);
    }

    private static String html(Random r, String text) {
        StringBuilder out = new StringBuilder();
        String[] paragraphs = text.split("\n\n");
        for (int i = 0; i < paragraphs.length; i++) {
            String p = escape(paragraphs[i].trim());
            if (i == paragraphs.length - 1 && r.nextDouble() < 0.04) {
                p += EMOJI[r.nextInt(EMOJI.length)];
            }
            out.append("<p>").append(p).append("</p>");
        }
        double extra = r.nextDouble();
        if (extra < 0.02) {
            out.append("<p>Zie ook: <a href=\"https://www.example.org/vakliteratuur\">dit artikel</a>.</p>");
        } else if (extra < 0.035) {
            out.append("<ul><li>eerst luisteren</li><li>dan pas het formulier</li><li>samen afspraken maken</li></ul>");
        }
        return out.toString();
    }

    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    /** Posts pasted from a word processor or written to cause trouble: the sanitiser must cope. */
    static final List<String> MESSY_BODIES = List.of(
            "<p class=\"MsoNormal\" style=\"margin:0cm;font-family:Calibri\"><span style=\"font-size:11pt\">Gekopieerd uit"
                    + " mijn verslag:<o:p></o:p></span></p><p class=\"MsoNormal\"><b><span>Wat ging goed?</span></b>"
                    + "<span> Het gesprek met de familie.<o:p></o:p></span></p>",
            "<p>Kijk eens naar dit plaatje <img src=\"x\" onerror=\"alert('hoi')\"> en <script>document.title='x'</script>"
                    + " zeg het maar.</p>",
            "<p dir=\"rtl\">مرحبا بالجميع — ik schrijf even in het Arabisch en Nederlands door elkaar 😊</p><p>Dag allemaal!",
            "<div><p>Onafgesloten <b>vet en <i>schuin</p><p>en nog een alinea");
}
