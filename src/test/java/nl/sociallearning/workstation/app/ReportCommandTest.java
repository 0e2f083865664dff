package nl.sociallearning.workstation.app;

import nl.sociallearning.workstation.store.Cache;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code --report} as a script meets it: what it prints, what it writes and its exit codes. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ReportCommandTest {

    @TempDir
    static Path dir;
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();

    int run(String... args) {
        out.reset();
        err.reset();
        return Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    String[] report(String... more) {
        String[] base = {"--report", "--data-dir", dir.resolve("data").toString(), "--live", "0", "--language", "nl"};
        String[] all = new String[base.length + more.length];
        System.arraycopy(base, 0, all, 0, base.length);
        System.arraycopy(more, 0, all, base.length, more.length);
        return all;
    }

    @Test
    @Order(1)
    void aFirstReportOnAnEmptyCacheSyncsFirstAndWritesTheFile() throws Exception {
        Path file = dir.resolve("kinderzorg.xlsx");
        assertThat(run(report("--course", "kinderzorg", "--preset", "groups", "--purpose", "Kwartaalrapport", "--out",
                file.toString()))).as(err.toString(StandardCharsets.UTF_8)).isEqualTo(ReportCommand.WRITTEN);
        String printed = out.toString(StandardCharsets.UTF_8);
        assertThat(printed).contains("The cache is empty: syncing once from the embedded demo server first.", "Synced 4 courses",
                "Wrote " + file.toAbsolutePath(), "groups of kinderzorg, aggregate",
                "privacy mode aggregate: the default for this course");
        assertThat(Files.size(file)).isGreaterThan(1000);
        try (Cache cache = Cache.open(dir.resolve("data"))) {
            assertThat(cache.reports().exports("kinderzorg")).singleElement()
                    .satisfies(e -> assertThat(e.purpose()).isEqualTo("Kwartaalrapport"));
        }
    }

    @Test
    @Order(2)
    void theFormatFollowsTheExtensionAndThePeriodAndModeCanBeGiven() throws Exception {
        Path file = dir.resolve("weken.csv");
        assertThat(run(report("--course", "beoordelen", "--preset", "weeks", "--mode", "identified", "--from", "2026-09-01",
                "--to", "2026-10-15", "--purpose", "Evaluatie", "--out", file.toString()))).isEqualTo(ReportCommand.WRITTEN);
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("identified, 2026-09-01 to 2026-10-15");
        assertThat(Files.readAllBytes(file)).startsWith(0xEF, 0xBB, 0xBF);
        assertThat(Files.readString(file)).contains("2026-W36;");
    }

    @Test
    @Order(3)
    void anUnknownCourseIsExitCodeFourAndListsTheCourses() {
        assertThat(run(report("--course", "nope", "--preset", "summary", "--purpose", "x", "--out",
                dir.resolve("x.csv").toString()))).isEqualTo(ReportCommand.NO_SUCH_COURSE);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("no course 'nope'", "kinderzorg", "vakmanschap");
    }

    @Test
    @Order(4)
    void aFileThatCannotBeWrittenIsExitCodeThree() {
        Path file = dir.resolve("missing-folder").resolve("r.pdf");
        assertThat(run(report("--course", "kinderzorg", "--preset", "summary", "--purpose", "x", "--out", file.toString())))
                .isEqualTo(ReportCommand.CANNOT_WRITE);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("missing-folder", "Er is niets achtergelaten");
        assertThat(file.getParent()).doesNotExist();
    }

    @Test
    @Order(5)
    void aWrongCommandLineIsExitCodeTwoWithTheReason() {
        assertThat(run(report("--course", "kinderzorg", "--preset", "summary", "--out", "r.csv"))).isEqualTo(ReportCommand.USAGE);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("--purpose");
        assertThat(run(report("--course", "kinderzorg", "--preset", "people", "--purpose", "x", "--out", "r.csv")))
                .isEqualTo(ReportCommand.USAGE);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("--preset is one of participants");
        assertThat(run(report("--course", "kinderzorg", "--preset", "weeks", "--purpose", "x", "--out", "r.csv",
                "--from", "1 september"))).isEqualTo(ReportCommand.USAGE);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("--from needs a date like 2026-09-01");
        assertThat(run(report("--course", "kinderzorg", "--preset", "weeks", "--purpose", "x", "--out", "r.txt")))
                .isEqualTo(ReportCommand.USAGE);
        assertThat(run("--sync", "--preset", "weeks")).isEqualTo(ReportCommand.USAGE);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("belong to --report");
    }

    @Test
    @Order(6)
    void helpDescribesTheReportOptionsAndExitCodes() {
        assertThat(run("--help")).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("--report", "--preset NAME", "--purpose TEXT",
                "3 the file could not be", "4 no such course");
    }
}
