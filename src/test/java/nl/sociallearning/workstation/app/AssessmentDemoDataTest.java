package nl.sociallearning.workstation.app;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The window with the embedded demo server starts with example assessments, once; a workstation on another course
 * server gets the example framework and no made-up assessments; a one-off sync adds neither.
 */
class AssessmentDemoDataTest {

    @TempDir
    Path dir;

    @Test
    void theDemoSetUpSeedsExampleAssessmentsOnce() throws Exception {
        String[] args = {"--data-dir", dir.resolve("demo").toString(), "--live", "0"};
        try (Workstation w = Workstation.open(Options.parse(args))) {
            // Three under way, and fourteen past ones (signed and locked) for the agreement figures.
            assertThat(w.cache().assessments().all()).hasSize(17);
            assertThat(w.cache().assessments().all()).filteredOn(a -> !a.locked()).hasSize(3);
            assertThat(w.cache().frameworks().all()).extracting(f -> f.code()).containsExactly("VIG-B1");
        }
        try (Workstation w = Workstation.open(Options.parse(args))) {
            assertThat(w.cache().assessments().all()).hasSize(17);
        }
    }

    @Test
    void anotherServerGetsTheFrameworkButNoExampleAssessments() throws Exception {
        try (Workstation w = Workstation.open(Options.parse(new String[] {"--data-dir", dir.resolve("real").toString(),
                "--server", "http://127.0.0.1:9/api/v1", "--token", "t"}))) {
            assertThat(w.cache().assessments().all()).isEmpty();
            assertThat(w.cache().frameworks().all()).hasSize(1);
        }
    }

    @Test
    void aOneOffSyncLeavesAssessmentsAlone() throws Exception {
        try (Workstation w = Workstation.open(Options.parse(new String[] {"--sync", "--data-dir", dir.resolve("sync").toString(),
                "--live", "0"}))) {
            assertThat(w.cache().assessments().all()).isEmpty();
            assertThat(w.cache().frameworks().all()).isEmpty();
        }
    }
}
