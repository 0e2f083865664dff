package nl.sociallearning.workstation.sync.platform;

import nl.sociallearning.workstation.domain.Change;
import nl.sociallearning.workstation.domain.EntityKind;
import nl.sociallearning.workstation.sync.SyncException;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** The shared pieces of the platform connectors. */
class PlatformPiecesTest {

    @Test
    void aFailedReconcilingPassLeavesNothingBehindAndItsSuccessorRemovesOnlyWhatItDidNotSee() {
        PassListings listings = new PassListings();
        for (int pass = 0; pass < 100; pass++) {
            listings.start("c1", "broken-" + pass);
            listings.of("c1", "broken-" + pass).add("t-" + pass);
            // the connection dropped: this pass never finishes
        }
        listings.start("c1", "p");
        listings.of("c1", "p").add("t-1");
        listings.start("c2", "q");
        assertThat(listings.size()).as("one listing per course, however many passes failed").isEqualTo(2);
        assertThat(listings.finish("c1", "broken-99")).as("an earlier pass's id no longer matches").isNull();
        assertThat(listings.finish("c1", "p")).containsExactly("t-1");
        assertThat(listings.of("c1", "p")).as("handed over once").isNull();
        assertThat(listings.size()).isEqualTo(1);
    }

    @Test
    void aCursorKeepsItsWatermarkAndResumeStateThroughItsText() throws Exception {
        WatermarkCursor cursor = WatermarkCursor.start().withWatermark(Instant.parse("2026-11-29T03:42:22.037Z"))
                .with("sweep", "1795923741874").with("done", 40);

        WatermarkCursor read = WatermarkCursor.decode(cursor.encode());

        assertThat(read.isFirstSync()).isFalse();
        assertThat(read.watermark()).isEqualTo(Instant.parse("2026-11-29T03:42:22.037Z"));
        assertThat(read.text("sweep")).isEqualTo("1795923741874");
        assertThat(read.number("done", 0)).isEqualTo(40);
        assertThat(WatermarkCursor.decode(null).isFirstSync()).isTrue();
    }

    @Test
    void anUnreadableCursorMeansStartingOverNotAFailure() {
        SyncException e = catchThrowableOfType(SyncException.class, () -> WatermarkCursor.decode("Y3M6MTI4OQ"));

        assertThat(e.kind()).isEqualTo(SyncException.Kind.CURSOR_EXPIRED);
        assertThat(e.getMessage()).contains("from the start");
    }

    @Test
    void idSetsRemoveWhatTheServerNoLongerHasButNeverALocalStandIn() {
        List<Change> removed = new ArrayList<>();

        int count = IdSets.removeMissing(EntityKind.POST, Set.of("1", "2", "3", "local-9"), Set.of("1", "3"), removed::add);

        assertThat(count).isEqualTo(1);
        assertThat(removed).containsExactly(new Change.Removal(EntityKind.POST, "2"));
    }

    @Test
    void theBudgetRefusesTheRequestOverItsLimitWithTheWait() throws Exception {
        MovableClock clock = new MovableClock();
        RateBudget budget = new RateBudget(2, Duration.ofMinutes(1), clock);
        budget.spend();
        clock.now = clock.now.plusSeconds(20);
        budget.spend();

        SyncException e = catchThrowableOfType(SyncException.class, budget::spend);

        assertThat(e.kind()).isEqualTo(SyncException.Kind.RATE_LIMITED);
        assertThat(e.retryAfter()).contains(Duration.ofSeconds(40));
        assertThat(budget.available()).isZero();
        clock.now = clock.now.plusSeconds(40);
        assertThat(budget.available()).isEqualTo(1);
        assertThat(budget.timeFor(120)).isEqualTo(Duration.ofMinutes(60));
    }

    @Test
    void aServersRetryAfterStopsEveryRequestUntilItHasPassed() {
        MovableClock clock = new MovableClock();
        RateBudget budget = new RateBudget(60, Duration.ofMinutes(1), clock);

        budget.pause(Duration.ofSeconds(5));

        assertThat(budget.available()).isZero();
        assertThat(budget.waitTime()).isEqualTo(Duration.ofSeconds(5));
        clock.now = clock.now.plusSeconds(5);
        assertThat(budget.available()).isEqualTo(60);
    }

    @Test
    void aModeratorsHtmlReplyBecomesTheTextForumsTake() {
        assertThat(PlatformText.htmlToText("<p>Hello <b>all</b>,</p><p>see<br>this:</p><ul><li>one</li><li>two</li></ul>"))
                .isEqualTo("Hello all,\n\nsee\nthis:\n\n- one\n- two");
        assertThat(PlatformText.htmlToText("<script>alert(1)</script>plain &amp; simple")).as("script contents are not text").isEqualTo("plain & simple");
    }

    @Test
    void versionsGrowWithEachLaterEdit() {
        Instant created = Instant.parse("2026-11-29T03:42:21.903Z");
        assertThat(PlatformText.versionOf(created, null)).isEqualTo(1);
        int first = PlatformText.versionOf(created, created.plusSeconds(30));
        assertThat(first).isGreaterThan(1);
        assertThat(PlatformText.versionOf(created, created.plusSeconds(90))).isGreaterThan(first);
    }

    @Test
    void pacingEndsAtOnceWhenTheCourseIsPaused() throws Exception {
        PollPacer pacer = new PollPacer(Duration.ofSeconds(30));
        Thread pauser = new Thread(() -> {
            try {
                Thread.sleep(100);
            } catch (InterruptedException ignored) {
                return;
            }
            pacer.cancel("c");
        });
        long start = System.nanoTime();
        pauser.start();

        SyncException e = catchThrowableOfType(SyncException.class, () -> pacer.pace("c", Duration.ofSeconds(25)));

        assertThat(e.kind()).isEqualTo(SyncException.Kind.CANCELLED);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
    }

    static final class MovableClock extends Clock {
        Instant now = Instant.parse("2026-11-29T08:00:00Z");

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
