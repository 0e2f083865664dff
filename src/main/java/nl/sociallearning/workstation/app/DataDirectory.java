package nl.sociallearning.workstation.app;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/** Where the workstation keeps its cache and log: the platform's user data folder, unless told otherwise. */
public final class DataDirectory {

    static final String NAME = "moderator-workstation";

    private DataDirectory() {
    }

    public static Path defaultFor(String osName, Map<String, String> env, Path home) {
        String os = osName.toLowerCase(Locale.ROOT);
        if (os.contains("win")) {
            String appData = env.get("APPDATA");
            return (appData != null ? Path.of(appData) : home.resolve("AppData").resolve("Roaming")).resolve("Moderator Workstation");
        }
        if (os.contains("mac")) {
            return home.resolve("Library").resolve("Application Support").resolve("Moderator Workstation");
        }
        String xdg = env.get("XDG_DATA_HOME");
        return (xdg != null && !xdg.isBlank() ? Path.of(xdg) : home.resolve(".local").resolve("share")).resolve(NAME);
    }

    public static Path defaultForThisMachine() {
        return defaultFor(System.getProperty("os.name"), System.getenv(), Path.of(System.getProperty("user.home")));
    }
}
