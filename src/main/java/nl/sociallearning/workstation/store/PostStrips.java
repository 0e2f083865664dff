package nl.sociallearning.workstation.store;

import java.io.ByteArrayOutputStream;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

/**
 * Keeps each participant's post times in a course as one packed strip (table {@code post_strip}), so that the
 * heatmap reads a thousand rows instead of every post. A strip holds exactly what {@code post} holds for that
 * author: soft-deleted, held and local posts included. Strips are rebuilt from the posts, never patched, and a
 * course's strips are only read while {@code sync_state.post_strips_current} says they match its posts.
 *
 * <p>Written in the same transaction as the posts: after an incremental page for the authors it touched, after
 * a full pass for the whole course (during one they are marked stale: each page would touch nearly everyone).
 */
final class PostStrips {

    /** Past this many authors one pass over the course's posts is cheaper than a query per author. */
    private static final int AUTHORS_ONE_BY_ONE = 300;

    private static final String MERGE = "MERGE INTO post_strip (course_id, participant_id, times) KEY (course_id,"
            + " participant_id) VALUES (?, ?, ?)";

    private PostStrips() {
    }

    /** Receives one author's post times (seconds since the epoch, oldest first, {@code count} of them). */
    @FunctionalInterface
    interface StripSink {
        void accept(String authorId, long[] times, int count);
    }

    /** Whether the course's strips match its posts. */
    static boolean current(Connection c, String courseId) throws SQLException {
        return Jdbc.queryOne(c, "SELECT post_strips_current FROM sync_state WHERE course_id = ?", row -> row.getBoolean(1),
                courseId).orElse(false);
    }

    /** The course's posts are about to change wholesale (a full pass): its strips may no longer be read. */
    private static void markStale(Connection c, String courseId) throws SQLException {
        Jdbc.update(c, "UPDATE sync_state SET post_strips_current = FALSE WHERE course_id = ? AND post_strips_current",
                courseId);
    }

    /**
     * After a page of changes: a full pass that ended rebuilds the course's strips, one still running marks them
     * stale, and an incremental page refreshes the authors it touched. Strips that are not current are then built
     * whole, so a cache from before the strips gets them with its first change.
     */
    static void afterPage(Connection c, String courseId, Collection<String> authorIds, boolean fullPass, boolean passEnded)
            throws SQLException {
        if (passEnded) {
            rebuild(c, courseId);
        } else if (fullPass) {
            markStale(c, courseId);
        } else if (!authorIds.isEmpty()) {
            if (authorIds.size() > AUTHORS_ONE_BY_ONE || !current(c, courseId)) {
                rebuild(c, courseId);
            } else {
                refresh(c, courseId, authorIds);
            }
        }
    }

    /** After a local change to some authors' posts (a reply made or taken back): their strips, if current. */
    static void afterLocalChange(Connection c, String courseId, Collection<String> authorIds) throws SQLException {
        if (!authorIds.isEmpty() && current(c, courseId)) {
            refresh(c, courseId, authorIds);
        }
    }

    private static void refresh(Connection c, String courseId, Collection<String> authorIds) throws SQLException {
        try (PreparedStatement times = c.prepareStatement("SELECT created_at FROM post USE INDEX (post_by_author)"
                + " WHERE course_id = ? AND author_id = ?");
             PreparedStatement merge = c.prepareStatement(MERGE)) {
            for (String author : authorIds) {
                if (author == null) {
                    continue;
                }
                Times list = new Times();
                Jdbc.bind(times, courseId, author);
                try (ResultSet r = times.executeQuery()) {
                    while (r.next()) {
                        list.add(epochSecond(r, 1));
                    }
                }
                if (list.count == 0) {
                    Jdbc.update(c, "DELETE FROM post_strip WHERE course_id = ? AND participant_id = ?", courseId, author);
                } else {
                    Jdbc.bind(merge, courseId, author, list.pack());
                    merge.addBatch();
                }
            }
            merge.executeBatch();
        }
    }

    /** Builds all of a course's strips anew from its posts, in one pass over the author index. */
    static void rebuild(Connection c, String courseId) throws SQLException {
        Map<String, Times> byAuthor = new HashMap<>();
        try (PreparedStatement s = Jdbc.prepare(c, "SELECT author_id, created_at FROM post USE INDEX (post_by_author)"
                + " WHERE course_id = ?", courseId)) {
            s.setFetchSize(5000);
            try (ResultSet r = s.executeQuery()) {
                String last = null;
                Times times = null;
                while (r.next()) {
                    String author = r.getString(1);
                    if (author == null) {
                        continue;
                    }
                    if (!author.equals(last)) {
                        last = author;
                        times = byAuthor.computeIfAbsent(author, a -> new Times());
                    }
                    times.add(epochSecond(r, 2));
                }
            }
        }
        Jdbc.update(c, "DELETE FROM post_strip WHERE course_id = ?", courseId);
        try (PreparedStatement merge = c.prepareStatement(MERGE)) {
            int pending = 0;
            for (Map.Entry<String, Times> e : byAuthor.entrySet()) {
                Jdbc.bind(merge, courseId, e.getKey(), e.getValue().pack());
                merge.addBatch();
                if (++pending % 500 == 0) {
                    merge.executeBatch();
                }
            }
            merge.executeBatch();
        }
        Jdbc.update(c, "UPDATE sync_state SET post_strips_current = TRUE WHERE course_id = ?", courseId);
    }

    /** Streams a course's strips, one author at a time. The caller has checked that they are current. */
    static void read(Connection c, String courseId, StripSink sink) throws SQLException {
        try (PreparedStatement s = Jdbc.prepare(c, "SELECT participant_id, times FROM post_strip WHERE course_id = ?",
                courseId)) {
            s.setFetchSize(5000);
            try (ResultSet r = s.executeQuery()) {
                long[] buffer = new long[256];
                while (r.next()) {
                    byte[] packed = r.getBytes(2);
                    if (buffer.length < packed.length) {
                        buffer = new long[packed.length]; // never more times than bytes
                    }
                    sink.accept(r.getString(1), buffer, unpack(packed, buffer));
                }
            }
        }
    }

    private static long epochSecond(ResultSet r, int column) throws SQLException {
        return r.getObject(column, OffsetDateTime.class).toEpochSecond();
    }

    /**
     * Packs sorted times as variable-length numbers: the first as it is (zig-zag, so any sign fits), then each
     * as its distance from the one before. Most distances take one to three bytes.
     */
    static byte[] pack(long[] sorted, int count) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(count * 3 + 8);
        long previous = 0;
        for (int i = 0; i < count; i++) {
            long value = i == 0 ? (sorted[0] << 1) ^ (sorted[0] >> 63) : sorted[i] - previous;
            previous = sorted[i];
            while ((value & ~0x7FL) != 0) {
                out.write((int) ((value & 0x7F) | 0x80));
                value >>>= 7;
            }
            out.write((int) value);
        }
        return out.toByteArray();
    }

    /** Unpacks into {@code into} (at least as long as {@code packed}); returns how many times there are. */
    static int unpack(byte[] packed, long[] into) {
        int count = 0;
        int i = 0;
        long previous = 0;
        while (i < packed.length) {
            long value = 0;
            int shift = 0;
            byte b;
            do {
                b = packed[i++];
                value |= (long) (b & 0x7F) << shift;
                shift += 7;
            } while (b < 0);
            previous = count == 0 ? (value >>> 1) ^ -(value & 1) : previous + value;
            into[count++] = previous;
        }
        return count;
    }

    /** A growing list of one author's times. */
    private static final class Times {
        long[] values = new long[16];
        int count;

        void add(long t) {
            if (count == values.length) {
                values = Arrays.copyOf(values, count * 2);
            }
            values[count++] = t;
        }

        byte[] pack() {
            Arrays.sort(values, 0, count);
            return PostStrips.pack(values, count);
        }
    }
}
