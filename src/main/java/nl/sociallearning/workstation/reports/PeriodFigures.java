package nl.sociallearning.workstation.reports;

import nl.sociallearning.workstation.domain.ParticipantRole;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A course's figures within a period, added up in one pass over its posts and one over its reads: per person, per
 * thread, per module and per week. Plain arrays; the presets pick from them.
 */
final class PeriodFigures {

    final CourseData data;
    final ReportPeriod period;
    final ZoneId zone;
    // per person (row of data.people)
    final int[] posts;
    final int[] threadsStarted;
    final int[] replies;
    final int[] repliesReceived;
    final int[] reads;
    final int[] activeDays;
    final long[] firstPost;
    final long[] lastPost;
    // per thread
    final int[] threadPosts;
    final int[] threadReplies;
    final int[] threadPeople;
    final int[] threadReads;
    // per module (index; the last one is "no module")
    final int[] modulePosts;
    final int[] moduleReplies;
    final int[] moduleThreads;
    final int[] moduleReads;
    final int[] modulePeople;
    // per week of the period
    final List<LocalDate> weeks;
    final int[] weekPosts;
    final int[] weekReplies;
    final int[] weekThreads;
    final int[] weekReads;
    final int[] weekPeople;

    PeriodFigures(CourseData data, ReportPeriod period) {
        this.data = data;
        this.period = period;
        this.zone = data.course.timeZone();
        int people = data.people.size();
        int threads = data.threads.size();
        int modules = data.modules.size() + 1;
        posts = new int[people];
        threadsStarted = new int[people];
        replies = new int[people];
        repliesReceived = new int[people];
        reads = new int[people];
        activeDays = new int[people];
        firstPost = new long[people];
        lastPost = new long[people];
        java.util.Arrays.fill(firstPost, Long.MAX_VALUE);
        java.util.Arrays.fill(lastPost, Long.MIN_VALUE);
        threadPosts = new int[threads];
        threadReplies = new int[threads];
        threadPeople = new int[threads];
        threadReads = new int[threads];
        modulePosts = new int[modules];
        moduleReplies = new int[modules];
        moduleThreads = new int[modules];
        moduleReads = new int[modules];
        modulePeople = new int[modules];
        weeks = new ArrayList<>();
        LocalDate monday = period.from().with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        for (LocalDate w = monday; !w.isAfter(period.to()); w = w.plusWeeks(1)) {
            weeks.add(w);
        }
        weekPosts = new int[weeks.size()];
        weekReplies = new int[weeks.size()];
        weekThreads = new int[weeks.size()];
        weekReads = new int[weeks.size()];
        weekPeople = new int[weeks.size()];

        long lo = period.start(zone).getEpochSecond();
        long hi = period.end(zone).getEpochSecond();
        List<Set<Long>> days = new ArrayList<>(people);
        for (int i = 0; i < people; i++) {
            days.add(new HashSet<>());
        }
        List<BitSet> threadAuthors = new ArrayList<>(threads);
        for (int i = 0; i < threads; i++) {
            threadAuthors.add(new BitSet());
        }
        List<BitSet> moduleActive = new ArrayList<>(modules);
        for (int i = 0; i < modules; i++) {
            moduleActive.add(new BitSet());
        }
        List<BitSet> weekActive = new ArrayList<>(weeks.size());
        for (int i = 0; i < weeks.size(); i++) {
            weekActive.add(new BitSet());
        }

        for (int p = 0; p < data.posts; p++) {
            long at = data.postAt[p];
            if (at < lo || at >= hi) {
                continue;
            }
            boolean reply = data.postParent[p] >= 0;
            int a = data.postAuthor[p];
            int t = data.postThread[p];
            int m = moduleOf(t);
            int w = weekOf(at);
            modulePosts[m]++;
            weekPosts[w]++;
            if (reply) {
                moduleReplies[m]++;
                weekReplies[w]++;
            } else {
                moduleThreads[m]++;
                weekThreads[w]++;
            }
            if (t >= 0) {
                threadPosts[t]++;
                if (reply) {
                    threadReplies[t]++;
                }
            }
            if (a < 0) {
                continue;
            }
            posts[a]++;
            if (reply) {
                replies[a]++;
                int parentAuthor = data.postAuthor[data.postParent[p]];
                if (parentAuthor >= 0 && parentAuthor != a) {
                    repliesReceived[parentAuthor]++;
                }
            } else {
                threadsStarted[a]++;
            }
            firstPost[a] = Math.min(firstPost[a], at);
            lastPost[a] = Math.max(lastPost[a], at);
            days.get(a).add(day(at));
            if (t >= 0) {
                threadAuthors.get(t).set(a);
            }
            moduleActive.get(m).set(a);
            weekActive.get(w).set(a);
        }
        for (int r = 0; r < data.reads; r++) {
            long at = data.readAt[r];
            if (at < lo || at >= hi) {
                continue;
            }
            int who = data.readWho[r];
            int t = data.readThread[r];
            reads[who]++;
            days.get(who).add(day(at));
            moduleReads[moduleOf(t)]++;
            weekReads[weekOf(at)]++;
            if (t >= 0) {
                threadReads[t]++;
            }
        }
        for (int i = 0; i < people; i++) {
            activeDays[i] = days.get(i).size();
        }
        for (int t = 0; t < threads; t++) {
            threadPeople[t] = threadAuthors.get(t).cardinality();
        }
        for (int m = 0; m < modules; m++) {
            modulePeople[m] = moduleActive.get(m).cardinality();
        }
        for (int w = 0; w < weeks.size(); w++) {
            weekPeople[w] = weekActive.get(w).cardinality();
        }
    }

    /** A participant in the narrow sense: not a moderator, expert or observer. */
    boolean isParticipant(int row) {
        return data.people.get(row).role() == ParticipantRole.PARTICIPANT;
    }

    LocalDate date(long epochSecond) {
        return Instant.ofEpochSecond(epochSecond).atZone(zone).toLocalDate();
    }

    private long day(long epochSecond) {
        return date(epochSecond).toEpochDay();
    }

    private int moduleOf(int thread) {
        int m = thread < 0 ? -1 : data.threadModule[thread];
        return m < 0 ? data.modules.size() : m;
    }

    private int weekOf(long epochSecond) {
        LocalDate d = date(epochSecond);
        int w = (int) java.time.temporal.ChronoUnit.WEEKS.between(weeks.get(0), d);
        return Math.max(0, Math.min(weeks.size() - 1, w));
    }
}
