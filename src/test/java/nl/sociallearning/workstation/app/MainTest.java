package nl.sociallearning.workstation.app;

import nl.sociallearning.workstation.store.Cache;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The command line as a script or a person meets it: what it prints and the exit codes. */
class MainTest {

    @TempDir
    Path dataDir;
    final ByteArrayOutputStream out = new ByteArrayOutputStream();
    final ByteArrayOutputStream err = new ByteArrayOutputStream();

    int run(String... args) {
        return Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @Test
    void helpExplainsTheOptions() {
        assertThat(run("--help")).isEqualTo(Main.OK);
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("--data-dir", "--server", "--sync", "--demo-server", "--faults");
    }

    @Test
    void anUnknownOptionIsAUsageError() {
        assertThat(run("--colour", "blue")).isEqualTo(Main.USAGE);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("unknown option '--colour'");
    }

    @Test
    void plainHttpToAnotherMachineIsRefusedBeforeAnythingIsSent() {
        assertThat(run("--sync", "--server", "http://courses.example.org/api/v1", "--token", "secret",
                "--data-dir", dataDir.toString())).isEqualTo(Main.USAGE);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("unencrypted", "https://");
    }

    @Test
    void aServerWithoutATokenIsAUsageError() {
        assertThat(run("--sync", "--server", "https://courses.example.org/api/v1")).isEqualTo(Main.USAGE);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("--token");
    }

    @Test
    void syncOnceAgainstTheEmbeddedDemoServerPrintsWhatItStored() {
        assertThat(run("--sync", "--data-dir", dataDir.toString(), "--live", "0")).isEqualTo(Main.OK);
        String printed = out.toString(StandardCharsets.UTF_8);
        assertThat(printed).contains("Synced 4 courses", "vakmanschap", "814 participants", "kinderzorg", "238 participants");
        try (Cache cache = Cache.open(dataDir)) {
            assertThat(cache.courses().all()).hasSize(4);
            assertThat(cache.posts().count("beoordelen")).isEqualTo(433 * 5);
        }
    }

    @Test
    void aCacheInUseByAnotherWorkstationIsAClearErrorNotACrash() throws Exception {
        Process other = new ProcessBuilder(KilledSyncTest.javaCommand(), "-cp", System.getProperty("java.class.path"),
                HoldCacheChild.class.getName(), dataDir.toString()).redirectErrorStream(true).start();
        try {
            String line = new java.io.BufferedReader(new java.io.InputStreamReader(other.getInputStream())).readLine();
            assertThat(line).isEqualTo("open");
            assertThat(run("--sync", "--data-dir", dataDir.toString(), "--live", "0")).isEqualTo(Main.CACHE_FAILED);
            assertThat(err.toString(StandardCharsets.UTF_8)).contains("in use by another running workstation");
        } finally {
            other.destroyForcibly().waitFor();
        }
    }

    @Test
    void anUnreachableServerIsASyncFailureWithAMessage() {
        assertThat(run("--sync", "--server", "http://127.0.0.1:9", "--token", "t", "--data-dir", dataDir.toString()))
                .isEqualTo(Main.SYNC_FAILED);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("sync failed", "Cannot reach");
    }
}
