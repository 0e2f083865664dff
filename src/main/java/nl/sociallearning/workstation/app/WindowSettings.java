package nl.sociallearning.workstation.app;

import nl.sociallearning.workstation.files.AtomicFile;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.Reader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

/**
 * What the window remembers between starts (size, place, theme, the course and queue last shown, the panes'
 * dividers), in {@code settings.properties} in the data folder. A missing or broken file gives the defaults.
 */
public final class WindowSettings {

    private static final Logger LOG = LoggerFactory.getLogger(WindowSettings.class);

    private final Path file;
    private final Properties values = new Properties();

    private WindowSettings(Path file) {
        this.file = file;
    }

    public static WindowSettings load(Path dataDir) {
        WindowSettings s = new WindowSettings(dataDir.resolve("settings.properties"));
        if (Files.isRegularFile(s.file)) {
            try (Reader in = Files.newBufferedReader(s.file, StandardCharsets.UTF_8)) {
                s.values.load(in);
            } catch (IOException | IllegalArgumentException e) {
                LOG.warn("Window settings unreadable, using the defaults: {}", e.getMessage());
            }
        }
        return s;
    }

    /** Writes to a temporary file first, so a crash while saving never leaves a half file. */
    public void save() {
        try {
            Files.createDirectories(file.getParent());
            new AtomicFile().write(file, out -> {
                Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
                values.store(writer, "Moderator Workstation: window settings");
                writer.flush();
            });
        } catch (IOException e) {
            LOG.warn("Window settings not saved: {}", e.getMessage());
        }
    }

    public double number(String key, double fallback) {
        try {
            return Double.parseDouble(values.getProperty(key, String.valueOf(fallback)));
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    public boolean flag(String key, boolean fallback) {
        String v = values.getProperty(key);
        return v == null ? fallback : Boolean.parseBoolean(v);
    }

    public String text(String key) {
        return values.getProperty(key);
    }

    public void put(String key, Object value) {
        if (value == null) {
            values.remove(key);
        } else {
            values.setProperty(key, String.valueOf(value));
        }
    }
}
