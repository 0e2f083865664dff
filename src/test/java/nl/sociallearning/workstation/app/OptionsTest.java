package nl.sociallearning.workstation.app;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OptionsTest {

    @Test
    void noOptionsOpenTheWindowOnTheEmbeddedDemoServer() {
        Options o = Options.parse(new String[0]);
        assertThat(o.mode()).isEqualTo(Options.Mode.WINDOW);
        assertThat(o.server()).isNull();
        assertThat(o.port()).isZero();
        assertThat(o.live()).isEqualTo(Duration.ofSeconds(3));
    }

    @Test
    void theDemoServerAloneListensOn8080ByDefault() {
        Options o = Options.parse(new String[] {"--demo-server", "--only-large", "--live", "0", "--faults", "errors=0.1"});
        assertThat(o.mode()).isEqualTo(Options.Mode.DEMO_SERVER);
        assertThat(o.port()).isEqualTo(8080);
        assertThat(o.large()).isTrue();
        assertThat(o.onlyLarge()).isTrue();
        assertThat(o.live()).isZero();
        assertThat(o.faults()).isEqualTo("errors=0.1");
    }

    @Test
    void theLanguageIsDutchOrEnglish() {
        assertThat(Options.parse(new String[] {"--language", "nl"}).language().getLanguage()).isEqualTo("nl");
        assertThat(Options.parse(new String[0]).language()).isNull();
        assertThatThrownBy(() -> Options.parse(new String[] {"--language", "fr"})).hasMessageContaining("nl or en");
    }

    @Test
    void theDataDirCanBeChosen() {
        assertThat(Options.parse(new String[] {"--data-dir", "/tmp/x"}).dataDirOrDefault()).isEqualTo(Path.of("/tmp/x"));
    }

    @Test
    void badValuesAreRefusedWithTheReason() {
        assertThatThrownBy(() -> Options.parse(new String[] {"--port", "99999"})).hasMessageContaining("between 0 and 65535");
        assertThatThrownBy(() -> Options.parse(new String[] {"--port", "x"})).hasMessageContaining("whole number");
        assertThatThrownBy(() -> Options.parse(new String[] {"--data-dir"})).hasMessageContaining("needs a value");
        assertThatThrownBy(() -> Options.parse(new String[] {"--data-dir", "--sync"})).hasMessageContaining("needs a value");
    }

    @Test
    void theUserDataFolderFollowsThePlatform() {
        Path home = Path.of("/home/sanne");
        assertThat(DataDirectory.defaultFor("Linux", Map.of(), home))
                .isEqualTo(Path.of("/home/sanne/.local/share/moderator-workstation"));
        assertThat(DataDirectory.defaultFor("Linux", Map.of("XDG_DATA_HOME", "/data"), home))
                .isEqualTo(Path.of("/data/moderator-workstation"));
        assertThat(DataDirectory.defaultFor("Windows 11", Map.of("APPDATA", "C:\\Users\\sanne\\AppData\\Roaming"), home)
                .toString()).endsWith("Moderator Workstation");
        assertThat(DataDirectory.defaultFor("Mac OS X", Map.of(), home))
                .isEqualTo(Path.of("/home/sanne/Library/Application Support/Moderator Workstation"));
    }
}
