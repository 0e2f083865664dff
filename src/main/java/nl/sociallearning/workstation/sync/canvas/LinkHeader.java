package nl.sociallearning.workstation.sync.canvas;

import okhttp3.HttpUrl;

import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads RFC 8288 {@code Link} headers, as Canvas sends them for pagination. */
final class LinkHeader {

    private static final Pattern LINK = Pattern.compile("<([^>]*)>((?:\\s*;\\s*[^;,]+)*)");
    private static final Pattern REL = Pattern.compile("rel\\s*=\\s*\"?([^\";]+)\"?", Pattern.CASE_INSENSITIVE);

    private LinkHeader() {
    }

    /** The {@code rel="next"} address (resolved against the request's), or null on the last page. */
    static HttpUrl next(List<String> headers, HttpUrl requested) {
        for (String header : headers) {
            Matcher link = LINK.matcher(header);
            while (link.find()) {
                Matcher rel = REL.matcher(link.group(2));
                if (rel.find() && List.of(rel.group(1).trim().toLowerCase(Locale.ROOT).split("\\s+")).contains("next")) {
                    return requested.resolve(link.group(1).trim());
                }
            }
        }
        return null;
    }
}
