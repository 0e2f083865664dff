package nl.sociallearning.workstation.heatmap;

import nl.sociallearning.workstation.domain.Participant;
import nl.sociallearning.workstation.files.AtomicFile;
import nl.sociallearning.workstation.files.CsvCell;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * Rows of the heatmap as CSV (RFC 4180, UTF-8 with a byte-order mark so spreadsheet programs read the accents):
 * name, group, role, posts, replies, reads, first post, last post (local time of the course). A cell that a
 * spreadsheet would take for a formula (=, +, -, @) is prefixed with an apostrophe.
 */
final class RowsCsv {

    static final String HEADER = "name,group,role,posts,replies,reads,first_post,last_post";
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private RowsCsv() {
    }

    static void write(Path file, CourseActivity data, PostGraph graph, List<String> participantIds) throws IOException {
        int n = data.participants().size();
        int[] posts = new int[n];
        int[] replies = new int[n];
        int[] reads = new int[n];
        long[] first = new long[n];
        long[] last = new long[n];
        java.util.Arrays.fill(first, Long.MAX_VALUE);
        java.util.Arrays.fill(last, Long.MIN_VALUE);
        for (int i = 0; i < graph.size(); i++) {
            int a = graph.author(i);
            if (a >= 0) {
                posts[a]++;
                if (graph.isReply(i)) {
                    replies[a]++;
                }
                first[a] = Math.min(first[a], graph.at(i));
                last[a] = Math.max(last[a], graph.at(i));
            }
        }
        Events views = data.views();
        for (int i = 0; i < views.size(); i++) {
            reads[views.who(i)]++;
        }
        ZoneId zone = data.course().timeZone();
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        new AtomicFile().write(file, stream -> {
            // Flushed, not closed: AtomicFile forces the file to disk after this.
            Writer out = new BufferedWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8));
            out.write('\uFEFF');
            out.write(HEADER);
            out.write("\r\n");
            for (String id : participantIds) {
                int r = data.rowOf(id);
                if (r < 0) {
                    continue;
                }
                Participant p = data.participants().get(r);
                out.write(String.join(",", field(p.displayName()), field(p.group()), p.role().name(),
                        Integer.toString(posts[r]), Integer.toString(replies[r]), Integer.toString(reads[r]),
                        time(first[r], Long.MAX_VALUE, zone), time(last[r], Long.MIN_VALUE, zone)));
                out.write("\r\n");
            }
            out.flush();
        });
    }

    private static String time(long t, long none, ZoneId zone) {
        return t == none ? "" : TIME.format(Instant.ofEpochSecond(t).atZone(zone));
    }

    static String field(String value) {
        return CsvCell.of(value, ',');
    }
}
