package nl.sociallearning.workstation.reports;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

import static nl.sociallearning.workstation.reports.ReportFixture.COURSE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A course's retention period and the purge, on a real synced cache. */
class RetentionTest {

    @TempDir
    static Path dir;
    static ReportFixture f;

    @BeforeAll
    static void start() throws Exception {
        f = ReportFixture.start(dir.resolve("data"));
    }

    @AfterAll
    static void stop() {
        f.close();
    }

    @Test
    void thePurgeDeletesOldActivityAndKeepsRecentActivityAndThePosts() {
        Retention retention = new Retention(f.cache, ReportFixture.CLOCK);
        assertThat(retention.days(COURSE)).isEmpty();
        assertThat(retention.purge(COURSE)).as("no retention set: nothing is purged").isZero();

        Instant cutoff = ReportFixture.NOW.minus(Duration.ofDays(14));
        long all = f.cache.activity().count(COURSE);
        long old = f.cache.reports().activityBefore(COURSE, cutoff);
        long posts = f.cache.posts().count(COURSE);
        assertThat(old).as("the demo course has activity older than two weeks").isPositive().isLessThan(all);

        retention.setDays(COURSE, 14);
        assertThat(retention.days(COURSE)).hasValue(14);
        assertThat(retention.toPurge(COURSE)).isEqualTo(old);
        assertThat(retention.purge(COURSE)).isEqualTo((int) old);

        assertThat(f.cache.reports().activityBefore(COURSE, cutoff)).as("old activity is gone").isZero();
        assertThat(f.cache.activity().count(COURSE)).as("recent activity stays").isEqualTo(all - old).isPositive();
        assertThat(f.cache.posts().count(COURSE)).as("posts are content, not monitoring data").isEqualTo(posts);
        assertThat(retention.purge(COURSE)).as("a second purge finds nothing").isZero();

        retention.setDays(COURSE, null);
        assertThat(retention.days(COURSE)).isEmpty();
        assertThatThrownBy(() -> retention.setDays(COURSE, 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
