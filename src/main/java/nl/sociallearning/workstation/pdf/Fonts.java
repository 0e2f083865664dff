package nl.sociallearning.workstation.pdf;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;

/**
 * The two faces of a document (DejaVu Sans, shipped in the resources with its licence), embedded as subsets,
 * and the text clean-up every string passes before it is measured or drawn.
 */
final class Fonts {

    /** Shown for a character the font has no glyph for, so one odd character never breaks an export. */
    private static final String MISSING = "?";

    final PDFont regular;
    final PDFont bold;
    private final Map<Integer, Boolean> drawable = new HashMap<>();
    private final Map<Integer, Float> regularAdvances = new HashMap<>();
    private final Map<Integer, Float> boldAdvances = new HashMap<>();

    Fonts(PDDocument document) {
        this.regular = load(document, "DejaVuSans.ttf");
        this.bold = load(document, "DejaVuSans-Bold.ttf");
    }

    private static PDFont load(PDDocument document, String name) {
        try (InputStream in = Fonts.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("Font " + name + " is missing from the program's resources");
            }
            return PDType0Font.load(document, in, true);
        } catch (IOException e) {
            throw new UncheckedIOException("Font " + name + " could not be read", e);
        }
    }

    /** Text as one drawable line: tabs and line breaks become spaces, controls vanish, unknown glyphs become '?'. */
    String clean(String text) {
        if (text == null || text.isEmpty()) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(cp -> {
            if (cp == '\t' || cp == '\n' || cp == '\r' || cp == 0x00A0) {
                out.append(' ');
            } else if (Character.isISOControl(cp) || Character.getType(cp) == Character.FORMAT) {
                // zero-width and bidi controls have no glyph and no width: leave them out
            } else if (canDraw(cp)) {
                out.appendCodePoint(cp);
            } else {
                out.append(MISSING);
            }
        });
        return out.toString();
    }

    private boolean canDraw(int codePoint) {
        return drawable.computeIfAbsent(codePoint, cp -> {
            String s = new String(Character.toChars(cp));
            try {
                regular.encode(s);
                bold.encode(s);
                return true;
            } catch (IOException | IllegalArgumentException e) {
                return false;
            }
        });
    }

    /**
     * The width of a cleaned text in points: the sum of its glyphs' advances, as PDFBox itself measures, from a
     * per-font cache (measuring through the font each time made a 1 000-row table take seconds).
     */
    float width(PDFont font, float size, String cleanText) {
        Map<Integer, Float> advances = font == bold ? boldAdvances : regularAdvances;
        float units = 0;
        for (int i = 0; i < cleanText.length(); ) {
            int cp = cleanText.codePointAt(i);
            i += Character.charCount(cp);
            Float advance = advances.get(cp);
            if (advance == null) {
                try {
                    advance = font.getStringWidth(new String(Character.toChars(cp)));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                advances.put(cp, advance);
            }
            units += advance;
        }
        return units / 1000f * size;
    }
}
