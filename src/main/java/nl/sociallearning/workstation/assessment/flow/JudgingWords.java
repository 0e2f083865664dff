package nl.sociallearning.workstation.assessment.flow;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Flags words in a note that judge or interpret instead of describing behaviour ("zenuwachtig", "netjes",
 * "lijkt", "vond ik", "good", "seems"): the note should say what was seen or heard ("wiebelt op zijn stoel").
 * A hint only; the note is kept as written.
 */
public final class JudgingWords {

    /** A flagged word or phrase and where it is in the note. */
    public record Flag(int start, int end, String word) { }

    static final List<String> WORDS = List.of(
            // Dutch: judgements, impressions, feelings attributed, and the assessor's opinion
            "goed", "slecht", "netjes", "keurig", "mooi", "fijn", "prima", "prachtig", "super", "top", "knap",
            "slordig", "zenuwachtig", "nerveus", "onzeker", "zelfverzekerd", "gespannen", "ontspannen", "rustig",
            "lief", "vriendelijk", "onvriendelijk", "onbeleefd", "professioneel", "onprofessioneel", "gemotiveerd",
            "ongemotiveerd", "betrokken", "ongeïnteresseerd", "lui", "handig", "onhandig", "lijkt", "leek", "lijken",
            "vond ik", "vind ik", "ik denk", "ik vond", "volgens mij", "blijkbaar", "duidelijk", "onduidelijk",
            // English
            "good", "bad", "nice", "neat", "tidy", "sloppy", "great", "excellent", "poor", "nervous", "anxious",
            "confident", "insecure", "calm", "friendly", "rude", "professional", "unprofessional", "motivated",
            "lazy", "careless", "seems", "seemed", "appears", "apparently", "i think", "i felt", "i feel", "clearly");

    private static final Pattern PATTERN = Pattern.compile("(?<![\\p{L}\\p{N}])(" + String.join("|",
            WORDS.stream().sorted((a, b) -> b.length() - a.length()).map(w -> w.replace(" ", "\\s+")).toList())
            + ")(?![\\p{L}\\p{N}])", Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

    private JudgingWords() {
    }

    /** Words quoted as spoken ('…', "…", ‘…’, “…”) are what the student said: behaviour, not the assessor's judgement. */
    private static final Pattern QUOTE = Pattern.compile("(?<![\\p{L}\\p{N}])('[^']+'|\"[^\"]+\"|‘[^’]+’|“[^”]+”)");

    public static List<Flag> check(String note) {
        List<int[]> quoted = new ArrayList<>();
        Matcher q = QUOTE.matcher(note);
        while (q.find()) {
            quoted.add(new int[] {q.start(), q.end()});
        }
        List<Flag> flags = new ArrayList<>();
        Matcher m = PATTERN.matcher(note);
        while (m.find()) {
            int at = m.start();
            if (quoted.stream().noneMatch(r -> at >= r[0] && at < r[1])) {
                flags.add(new Flag(m.start(), m.end(), m.group(1).toLowerCase(Locale.ROOT)));
            }
        }
        return flags;
    }
}
