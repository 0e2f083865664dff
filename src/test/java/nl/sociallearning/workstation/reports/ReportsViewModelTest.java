package nl.sociallearning.workstation.reports;

import nl.sociallearning.workstation.domain.Course;
import nl.sociallearning.workstation.sync.CourseSyncStatus;
import nl.sociallearning.workstation.sync.SyncPhase;
import nl.sociallearning.workstation.ui.Messages;
import nl.sociallearning.workstation.ui.TaskRunner;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/** The reports page on a fresh start: a course is chosen for the user, and courses synced later appear. */
class ReportsViewModelTest {

    @TempDir
    static Path dir;
    static ReportFixture f;

    @BeforeAll
    static void sync() throws Exception {
        f = ReportFixture.start(dir.resolve("data"));
    }

    @AfterAll
    static void close() {
        f.close();
    }

    @Test
    void withoutACourseChosenTheFirstIsAndACourseSyncedLaterAppears() {
        ReportsViewModel model = new ReportsViewModel(f.cache, TaskRunner.direct(), new Messages(Locale.forLanguageTag("nl")),
                ReportFixture.CLOCK);
        model.load();
        assertThat(model.courses()).isNotEmpty();
        assertThat(model.courseProperty().get()).isEqualTo(model.courses().get(0).id());
        assertThat(model.previewProperty().get()).as("the chosen course is previewed at once").isNotNull();

        Course known = model.courses().get(0);
        PrivacyMode chosen = model.modeProperty().get() == PrivacyMode.IDENTIFIED ? PrivacyMode.AGGREGATE : PrivacyMode.IDENTIFIED;
        model.modeProperty().set(chosen);
        Course later = new Course("later-course", "Later toegevoegd", known.organisation(), known.audience(),
                known.startsAt(), known.endsAt(), known.timeZone(), 0);
        f.cache.changes().saveCourses(java.util.List.of(later));
        model.courseStatus(CourseSyncStatus.waiting(known.id()));
        assertThat(model.courses()).extracting(Course::id).doesNotContain("later-course");
        model.courseStatus(CourseSyncStatus.waiting("later-course"));
        assertThat(model.courses()).extracting(Course::id).contains("later-course");
        assertThat(model.courseProperty().get()).as("the choice stays").isEqualTo(known.id());
        assertThat(model.modeProperty().get()).as("a reload for another course keeps the user's choices").isEqualTo(chosen);

        // While the chosen course fills, the preview shows part of it; when the fill ends, its figures are read again.
        var before = model.previewProperty().get();
        model.courseStatus(status(known.id(), SyncPhase.FULL_SYNC));
        model.courseStatus(status(known.id(), SyncPhase.FULL_SYNC));
        assertThat(model.previewProperty().get()).isSameAs(before);
        model.courseStatus(status(known.id(), SyncPhase.LIVE));
        assertThat(model.previewProperty().get()).isNotSameAs(before).isNotNull();
        var after = model.previewProperty().get();
        model.courseStatus(status(known.id(), SyncPhase.LIVE));
        assertThat(model.previewProperty().get()).as("a live course is not read again on every notice").isSameAs(after);
        assertThat(model.modeProperty().get()).isEqualTo(chosen);
    }

    private static CourseSyncStatus status(String course, SyncPhase phase) {
        return new CourseSyncStatus(course, phase, 0, 0, java.util.OptionalLong.empty(), null, null, null);
    }
}
