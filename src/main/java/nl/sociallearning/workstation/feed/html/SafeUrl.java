package nl.sociallearning.workstation.feed.html;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The only link targets a post may keep: absolute http, https and mailto URLs. Everything else (javascript:,
 * data:, vbscript:, file:, relative and protocol-relative links) is refused, so its text stays as plain text.
 */
final class SafeUrl {

    private static final Set<String> SCHEMES = Set.of("http", "https", "mailto");
    private static final int MAX_LENGTH = 4096;
    private static final String NEEDS_ESCAPING = " \"<>\\^`{|}";

    private SafeUrl() {
    }

    /** The URL as the caller may open it, or empty when it is not allowed or not a URL. */
    static Optional<String> of(String raw) {
        if (raw == null) {
            return Optional.empty();
        }
        String url = stripped(raw);
        if (url.isEmpty() || url.length() > MAX_LENGTH) {
            return Optional.empty();
        }
        int colon = url.indexOf(':');
        if (colon <= 0 || !SCHEMES.contains(url.substring(0, colon).toLowerCase(Locale.ROOT))) {
            return Optional.empty();
        }
        URI uri = parse(url);
        if (uri == null) {
            return Optional.empty();
        }
        boolean mail = "mailto".equalsIgnoreCase(uri.getScheme());
        boolean valid = mail ? uri.getRawSchemeSpecificPart() != null && !uri.getRawSchemeSpecificPart().isBlank()
                : uri.getRawAuthority() != null && !uri.getRawAuthority().isBlank();
        return valid ? Optional.of(uri.toString()) : Optional.empty();
    }

    /**
     * As browsers read an href: tabs and new lines anywhere are dropped, control characters and spaces at the
     * ends trimmed ("java&#9;script:" is "javascript:").
     */
    private static String stripped(String raw) {
        StringBuilder out = new StringBuilder(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c != '\t' && c != '\n' && c != '\r') {
                out.append(c);
            }
        }
        int start = 0;
        int end = out.length();
        while (start < end && out.charAt(start) <= ' ') {
            start++;
        }
        while (end > start && out.charAt(end - 1) <= ' ') {
            end--;
        }
        return out.substring(start, end);
    }

    /** Parses, escaping what people paste into links (spaces, braces, a stray %) when strict parsing fails. */
    private static URI parse(String url) {
        try {
            return new URI(url);
        } catch (URISyntaxException strict) {
            try {
                return new URI(escaped(url));
            } catch (URISyntaxException e) {
                return null;
            }
        }
    }

    private static String escaped(String url) {
        StringBuilder out = new StringBuilder(url.length() + 16);
        for (int i = 0; i < url.length(); i++) {
            char c = url.charAt(i);
            boolean strayPercent = c == '%' && !(i + 2 < url.length() && isHex(url.charAt(i + 1)) && isHex(url.charAt(i + 2)));
            if (c < ' ' || c == 0x7F || NEEDS_ESCAPING.indexOf(c) >= 0 || strayPercent) {
                out.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4 & 0xF, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xF, 16)));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static boolean isHex(char c) {
        return Character.digit(c, 16) >= 0;
    }
}
