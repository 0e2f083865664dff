package nl.sociallearning.workstation.reports;

import nl.sociallearning.workstation.domain.Participant;
import nl.sociallearning.workstation.domain.TriageRules;
import nl.sociallearning.workstation.feed.FeedSnapshot;
import nl.sociallearning.workstation.feed.ModeratorIndicators;
import nl.sociallearning.workstation.store.FeedRow;
import nl.sociallearning.workstation.ui.Messages;

import java.text.Collator;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Turns a course's figures for a period into a {@link Report} in the chosen privacy mode. The mode is applied here,
 * while the tables are made, not afterwards: in aggregate mode no column that stands for a person is ever built,
 * and a group of fewer than {@link PrivacyMode#MIN_GROUP} people is left out (and the table says how many were).
 */
public final class ReportBuilder {


    private final Messages messages;
    private final Pseudonyms pseudonyms;
    private final Clock clock;
    private final Collator collator;

    public ReportBuilder(Messages messages, Pseudonyms pseudonyms, Clock clock) {
        this.messages = messages;
        this.pseudonyms = pseudonyms;
        this.clock = clock;
        this.collator = Collator.getInstance(messages.locale());
    }

    Report build(CourseData data, ReportPreset preset, PrivacyMode mode, ReportPeriod period, String purpose) {
        PeriodFigures f = new PeriodFigures(data, period);
        List<ReportTable> tables = switch (preset) {
            case PARTICIPANTS -> List.of(mode == PrivacyMode.AGGREGATE ? distribution(f) : participants(f, mode));
            case GROUPS -> List.of(groups(f, mode));
            case THREADS -> List.of(threads(f, mode));
            case MODULES -> List.of(modules(f));
            case WEEKS -> List.of(weeks(f));
            case MODERATION -> moderation(f);
            case SUMMARY -> List.of(summary(f));
        };
        for (ReportTable t : tables) {
            if (mode == PrivacyMode.AGGREGATE && t.hasIdentifyingColumn()) {
                throw new IllegalStateException("an identifying column in an aggregate table: " + t.key());
            }
        }
        ZonedDateTime now = ZonedDateTime.now(clock.withZone(data.course.timeZone()));
        return new Report(data.course, preset, mode, period, purpose, now, labels(data, preset, mode, period), tables,
                chart(f));
    }

    private ReportLabels labels(CourseData data, ReportPreset preset, PrivacyMode mode, ReportPeriod period) {
        DateTimeFormatter day = DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(messages.locale());
        return new ReportLabels(messages.get("report.title." + preset.name()), messages.get("report.label.course"),
                messages.get("report.label.organisation"), messages.get("report.label.period"),
                messages.get("report.label.mode"), messages.get("report.mode." + mode.name()),
                messages.get("report.label.purpose"), messages.get("report.label.created"),
                messages.get("report.disclaimer"), messages.get("report.privacy." + mode.name(), PrivacyMode.MIN_GROUP),
                messages.get("report.label.page"),
                messages.get("report.periodText", day.format(period.from()), day.format(period.to())), messages.locale());
    }

    // ---- presets -------------------------------------------------------------------------------------------

    private ReportTable participants(PeriodFigures f, PrivacyMode mode) {
        List<Column> cols = new ArrayList<>();
        cols.add(person(mode));
        cols.add(col("group", ColumnType.TEXT));
        cols.add(col("enrolled", ColumnType.DATE));
        cols.add(col("posts", ColumnType.INTEGER));
        cols.add(col("threadsStarted", ColumnType.INTEGER));
        cols.add(col("replies", ColumnType.INTEGER));
        cols.add(col("repliesReceived", ColumnType.INTEGER));
        cols.add(col("reads", ColumnType.INTEGER));
        cols.add(col("activeDays", ColumnType.INTEGER));
        cols.add(col("firstPost", ColumnType.DATE));
        cols.add(col("lastPost", ColumnType.DATE));
        List<Integer> order = new ArrayList<>();
        for (int r = 0; r < f.data.people.size(); r++) {
            if (f.isParticipant(r)) {
                order.add(r);
            }
        }
        if (mode == PrivacyMode.PSEUDONYMISED) {
            // Sorted by pseudonym, not by name: the order must not give the names away.
            order.sort(Comparator.comparing(r -> personCell(f, mode, r)));
        }
        List<List<Object>> rows = new ArrayList<>();
        for (int r : order) {
            Participant p = f.data.people.get(r);
            rows.add(row(personCell(f, mode, r), groupName(p.group()),
                    p.enrolledAt() == null ? null : f.date(p.enrolledAt().getEpochSecond()),
                    (long) f.posts[r], (long) f.threadsStarted[r], (long) f.replies[r], (long) f.repliesReceived[r],
                    (long) f.reads[r], (long) f.activeDays[r],
                    f.posts[r] == 0 ? null : f.date(f.firstPost[r]), f.posts[r] == 0 ? null : f.date(f.lastPost[r])));
        }
        return table("participants", cols, rows, List.of());
    }

    /** The per-participant preset in aggregate mode: how many people wrote how much, never who. */
    private ReportTable distribution(PeriodFigures f) {
        int[][] bands = {{0, 0}, {1, 1}, {2, 4}, {5, 9}, {10, Integer.MAX_VALUE}};
        long[] people = new long[bands.length];
        long[] active = new long[bands.length];
        long[] reads = new long[bands.length];
        long total = 0;
        for (int r = 0; r < f.data.people.size(); r++) {
            if (!f.isParticipant(r)) {
                continue;
            }
            total++;
            for (int b = 0; b < bands.length; b++) {
                if (f.posts[r] >= bands[b][0] && f.posts[r] <= bands[b][1]) {
                    people[b]++;
                    reads[b] += f.reads[r];
                    if (f.reads[r] > 0 || f.posts[r] > 0) {
                        active[b]++;
                    }
                }
            }
        }
        List<Column> cols = List.of(col("postsBand", ColumnType.TEXT), col("people", ColumnType.INTEGER),
                col("share", ColumnType.DECIMAL), col("reads", ColumnType.INTEGER));
        List<List<Object>> rows = new ArrayList<>();
        int hidden = 0;
        for (int b = 0; b < bands.length; b++) {
            if (people[b] > 0 && people[b] < PrivacyMode.MIN_GROUP) {
                hidden++;
                continue;
            }
            String label = bands[b][1] == Integer.MAX_VALUE ? messages.get("report.band.more", bands[b][0])
                    : bands[b][0] == bands[b][1] ? String.valueOf(bands[b][0])
                    : messages.get("report.band.range", bands[b][0], bands[b][1]);
            rows.add(row(label, people[b], percent(people[b], total), reads[b]));
        }
        return table("distribution", cols, rows, hiddenNote(hidden));
    }

    private ReportTable groups(PeriodFigures f, PrivacyMode mode) {
        Map<String, long[]> byGroup = new TreeMap<>(collator);
        for (int r = 0; r < f.data.people.size(); r++) {
            if (!f.isParticipant(r)) {
                continue;
            }
            long[] g = byGroup.computeIfAbsent(groupName(f.data.people.get(r).group()), k -> new long[5]);
            g[0]++;
            if (f.posts[r] > 0) {
                g[1]++;
            }
            g[2] += f.posts[r];
            g[3] += f.replies[r];
            g[4] += f.reads[r];
        }
        List<Column> cols = List.of(col("group", ColumnType.TEXT), col("people", ColumnType.INTEGER),
                col("activePeople", ColumnType.INTEGER), col("share", ColumnType.DECIMAL), col("posts", ColumnType.INTEGER),
                col("replies", ColumnType.INTEGER), col("reads", ColumnType.INTEGER), col("postsPerPerson", ColumnType.DECIMAL));
        List<List<Object>> rows = new ArrayList<>();
        int hidden = 0;
        for (Map.Entry<String, long[]> e : byGroup.entrySet()) {
            long[] g = e.getValue();
            if (mode == PrivacyMode.AGGREGATE && g[0] < PrivacyMode.MIN_GROUP) {
                hidden++;
                continue;
            }
            rows.add(row(e.getKey(), g[0], g[1], percent(g[1], g[0]), g[2], g[3], g[4], ratio(g[2], g[0])));
        }
        return table("groups", cols, rows, hiddenNote(hidden));
    }

    private ReportTable threads(PeriodFigures f, PrivacyMode mode) {
        List<Column> cols = new ArrayList<>();
        cols.add(col("thread", ColumnType.TEXT));
        cols.add(col("module", ColumnType.TEXT));
        if (mode != PrivacyMode.AGGREGATE) {
            cols.add(new Column("openedBy", messages.get("report.col.openedBy"), ColumnType.TEXT, true));
        }
        cols.add(col("opened", ColumnType.DATE));
        cols.add(col("posts", ColumnType.INTEGER));
        cols.add(col("replies", ColumnType.INTEGER));
        cols.add(col("people", ColumnType.INTEGER));
        cols.add(col("reads", ColumnType.INTEGER));
        cols.add(col("firstReplyHours", ColumnType.DECIMAL));
        List<Integer> order = new ArrayList<>();
        for (int t = 0; t < f.data.threads.size(); t++) {
            if (f.threadPosts[t] > 0 || f.threadReads[t] > 0) {
                order.add(t);
            }
        }
        order.sort(Comparator.comparingInt((Integer t) -> -f.threadPosts[t])
                .thenComparing(t -> f.data.threads.get(t).thread().title(), collator));
        // Without names means without names in the titles people gave their threads, too.
        NameMask names = mode == PrivacyMode.AGGREGATE ? new NameMask(f.data.people, messages.get("report.nameMasked")) : null;
        int masked = 0;
        List<List<Object>> rows = new ArrayList<>();
        for (int t : order) {
            FeedRow row = f.data.threads.get(t);
            List<Object> cells = new ArrayList<>();
            String title = row.thread().title();
            if (names != null) {
                String blanked = names.apply(title);
                masked += blanked.equals(title) ? 0 : 1;
                title = blanked;
            }
            cells.add(title);
            cells.add(row.thread().module());
            if (mode != PrivacyMode.AGGREGATE) {
                cells.add(authorCell(f, mode, row));
            }
            cells.add(f.date(row.thread().createdAt().getEpochSecond()));
            cells.add((long) f.threadPosts[t]);
            cells.add((long) f.threadReplies[t]);
            cells.add((long) f.threadPeople[t]);
            cells.add((long) f.threadReads[t]);
            cells.add(row.firstReplyAt() == null ? null : hours(Duration.between(row.thread().createdAt(), row.firstReplyAt())));
            rows.add(cells);
        }
        return table("threads", cols, rows, masked == 0 ? List.of() : List.of(messages.get("report.note.namesMasked", masked)));
    }

    private ReportTable modules(PeriodFigures f) {
        List<Column> cols = List.of(col("module", ColumnType.TEXT), col("threadsOpened", ColumnType.INTEGER),
                col("posts", ColumnType.INTEGER), col("replies", ColumnType.INTEGER), col("activePeople", ColumnType.INTEGER),
                col("reads", ColumnType.INTEGER));
        List<List<Object>> rows = new ArrayList<>();
        for (int m = 0; m <= f.data.modules.size(); m++) {
            boolean none = m == f.data.modules.size();
            if (none && f.modulePosts[m] == 0 && f.moduleReads[m] == 0) {
                continue;
            }
            rows.add(row(none ? messages.get("report.noModule") : f.data.modules.get(m), (long) f.moduleThreads[m],
                    (long) f.modulePosts[m], (long) f.moduleReplies[m], (long) f.modulePeople[m], (long) f.moduleReads[m]));
        }
        return table("modules", cols, rows, List.of());
    }

    private ReportTable weeks(PeriodFigures f) {
        List<Column> cols = List.of(col("week", ColumnType.TEXT), col("weekStart", ColumnType.DATE),
                col("posts", ColumnType.INTEGER), col("replies", ColumnType.INTEGER), col("threadsOpened", ColumnType.INTEGER),
                col("activePeople", ColumnType.INTEGER), col("reads", ColumnType.INTEGER));
        List<List<Object>> rows = new ArrayList<>();
        for (int w = 0; w < f.weeks.size(); w++) {
            rows.add(row(weekLabel(f, w), f.weeks.get(w), (long) f.weekPosts[w], (long) f.weekReplies[w],
                    (long) f.weekThreads[w], (long) f.weekPeople[w], (long) f.weekReads[w]));
        }
        return table("weeks", cols, rows, List.of());
    }

    private List<ReportTable> moderation(PeriodFigures f) {
        ModeratorIndicators i = indicators(f);
        List<Column> cols = List.of(col("indicator", ColumnType.TEXT), col("value", ColumnType.DECIMAL),
                col("unit", ColumnType.TEXT));
        String h = messages.get("report.unit.hours");
        String n = messages.get("report.unit.count");
        List<List<Object>> rows = new ArrayList<>();
        rows.add(row(messages.get("report.figure.medianFirstReply"), i.medianFirstReply() == null ? null : hours(i.medianFirstReply()), h));
        rows.add(row(messages.get("report.figure.p90FirstReply"), i.p90FirstReply() == null ? null : hours(i.p90FirstReply()), h));
        rows.add(row(messages.get("report.figure.moderatorReplies"), (double) i.moderatorReplies(), n));
        rows.add(row(messages.get("report.figure.peerReplies"), (double) i.peerReplies(), n));
        rows.add(row(messages.get("report.figure.moderatorShare"), round(100 * i.moderatorShare()), "%"));
        rows.add(row(messages.get("report.figure.openThreads"), (double) i.openTotal(), n));
        ReportTable indicators = table("indicators", cols, rows, List.of(messages.get("report.note.indicators")));
        List<List<Object>> ages = new ArrayList<>();
        for (ModeratorIndicators.WaitBucket b : ModeratorIndicators.WaitBucket.values()) {
            ages.add(row(messages.get("report.wait." + b.name()), (long) i.openByAge().getOrDefault(b, 0)));
        }
        ReportTable open = table("openByAge", List.of(col("waiting", ColumnType.TEXT), col("threads", ColumnType.INTEGER)),
                ages, List.of(messages.get("report.note.openNow")));
        return List.of(indicators, open);
    }

    private ReportTable summary(PeriodFigures f) {
        long enrolled = 0;
        long active = 0;
        long onlyRead = 0;
        for (int r = 0; r < f.data.people.size(); r++) {
            if (!f.isParticipant(r)) {
                continue;
            }
            enrolled++;
            if (f.posts[r] > 0) {
                active++;
            } else if (f.reads[r] > 0) {
                onlyRead++;
            }
        }
        long posts = sum(f.weekPosts);
        long replies = sum(f.weekReplies);
        ModeratorIndicators i = indicators(f);
        List<Column> cols = List.of(col("figure", ColumnType.TEXT), col("value", ColumnType.DECIMAL));
        List<List<Object>> rows = new ArrayList<>();
        rows.add(row(messages.get("report.figure.enrolled"), (double) enrolled));
        rows.add(row(messages.get("report.figure.active"), (double) active));
        rows.add(row(messages.get("report.figure.onlyRead"), (double) onlyRead));
        rows.add(row(messages.get("report.figure.none"), (double) (enrolled - active - onlyRead)));
        rows.add(row(messages.get("report.figure.activeShare"), percent(active, enrolled)));
        rows.add(row(messages.get("report.figure.posts"), (double) posts));
        rows.add(row(messages.get("report.figure.threads"), (double) sum(f.weekThreads)));
        rows.add(row(messages.get("report.figure.replies"), (double) replies));
        rows.add(row(messages.get("report.figure.reads"), (double) sum(f.weekReads)));
        rows.add(row(messages.get("report.figure.medianFirstReplyHours"),
                i.medianFirstReply() == null ? null : hours(i.medianFirstReply())));
        rows.add(row(messages.get("report.figure.moderatorSharePercent"), round(100 * i.moderatorShare())));
        List<String> notes = posts == 0 ? List.of(messages.get("report.note.noActivity")) : List.of();
        return table("summary", cols, rows, notes);
    }

    // ---- parts ---------------------------------------------------------------------------------------------

    /** The feed's indicators over the threads opened in the period; open threads as they stand now. */
    private ModeratorIndicators indicators(PeriodFigures f) {
        Instant from = f.period.start(f.zone);
        Instant to = f.period.end(f.zone);
        List<FeedRow> rows = f.data.threads.stream()
                .filter(r -> !r.thread().createdAt().isBefore(from) && r.thread().createdAt().isBefore(to)).toList();
        return FeedSnapshot.of(rows, TriageRules.STANDARD, clock.instant(), nl.sociallearning.workstation.domain.Identities.NONE).indicators();
    }

    private Report.Chart chart(PeriodFigures f) {
        List<String> labels = new ArrayList<>();
        List<Long> values = new ArrayList<>();
        for (int w = 0; w < f.weeks.size(); w++) {
            labels.add(messages.get("report.chart.week", f.weeks.get(w).get(IsoFields.WEEK_OF_WEEK_BASED_YEAR)));
            values.add((long) f.weekPosts[w]);
        }
        return new Report.Chart(messages.get("report.chart.postsPerWeek"), labels, values);
    }

    private String weekLabel(PeriodFigures f, int w) {
        var d = f.weeks.get(w);
        return String.format(Locale.ROOT, "%d-W%02d", d.get(IsoFields.WEEK_BASED_YEAR), d.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
    }

    private Column person(PrivacyMode mode) {
        return mode == PrivacyMode.IDENTIFIED
                ? new Column("name", messages.get("report.col.name"), ColumnType.TEXT, true)
                : new Column("pseudonym", messages.get("report.col.pseudonym"), ColumnType.TEXT, true);
    }

    private String personCell(PeriodFigures f, PrivacyMode mode, int row) {
        Participant p = f.data.people.get(row);
        return mode == PrivacyMode.IDENTIFIED ? p.displayName() : pseudonyms.of(p.courseId(), p.id());
    }

    private String authorCell(PeriodFigures f, PrivacyMode mode, FeedRow row) {
        String author = row.thread().authorId();
        if (author == null) {
            return null;
        }
        if (mode == PrivacyMode.PSEUDONYMISED) {
            return pseudonyms.of(f.data.course.id(), author);
        }
        return row.authorName() != null ? row.authorName() : author;
    }

    private String groupName(String group) {
        return group == null || group.isBlank() ? messages.get("report.noGroup") : group;
    }

    private Column col(String key, ColumnType type) {
        return new Column(key, messages.get("report.col." + key), type, false);
    }

    private ReportTable table(String key, List<Column> cols, List<List<Object>> rows, List<String> notes) {
        return new ReportTable(key, messages.get("report.table." + key), cols, rows, notes);
    }

    private List<String> hiddenNote(int hidden) {
        return hidden == 0 ? List.of() : List.of(messages.get("report.note.hidden", hidden, PrivacyMode.MIN_GROUP));
    }

    private static List<Object> row(Object... cells) {
        return java.util.Arrays.asList(cells);
    }

    private static Double hours(Duration d) {
        return round(d.toSeconds() / 3600.0);
    }

    private static Double percent(long part, long whole) {
        return whole == 0 ? null : round(100.0 * part / whole);
    }

    private static Double ratio(long part, long whole) {
        return whole == 0 ? null : round((double) part / whole);
    }

    private static double round(double v) {
        return Math.round(v * 100) / 100.0;
    }

    private static long sum(int[] values) {
        long s = 0;
        for (int v : values) {
            s += v;
        }
        return s;
    }
}
