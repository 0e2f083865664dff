package nl.sociallearning.workstation.app;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The window remembers its size, theme and choices between starts, and a broken file costs only the defaults. */
class WindowSettingsTest {

    @TempDir
    Path dir;

    @Test
    void whatWasSavedComesBack() {
        WindowSettings s = WindowSettings.load(dir);
        s.put("window.width", 1200.0);
        s.put("theme.dark", true);
        s.put("layout.course", "kinderzorg");
        s.save();

        WindowSettings again = WindowSettings.load(dir);
        assertThat(again.number("window.width", 1440)).isEqualTo(1200.0);
        assertThat(again.flag("theme.dark", false)).isTrue();
        assertThat(again.text("layout.course")).isEqualTo("kinderzorg");
        assertThat(dir.resolve("settings.properties.tmp")).doesNotExist();
    }

    @Test
    void aMissingOrBrokenFileGivesTheDefaults() throws Exception {
        assertThat(WindowSettings.load(dir).number("window.width", 1440)).isEqualTo(1440);
        Files.writeString(dir.resolve("settings.properties"), "window.width=wide\n\\u12");
        WindowSettings broken = WindowSettings.load(dir);
        assertThat(broken.number("window.width", 1440)).isEqualTo(1440);
        assertThat(broken.flag("theme.dark", false)).isFalse();
    }

    @Test
    void removingAValueForgetsIt() {
        WindowSettings s = WindowSettings.load(dir);
        s.put("layout.course", "vakmanschap");
        s.put("layout.course", null);
        s.save();
        assertThat(WindowSettings.load(dir).text("layout.course")).isNull();
    }
}
