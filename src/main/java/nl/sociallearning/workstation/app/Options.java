package nl.sociallearning.workstation.app;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The command line, read. */
public record Options(
        Mode mode,
        Path dataDir,
        String server,
        String token,
        int port,
        boolean large,
        boolean onlyLarge,
        Duration live,
        String faults,
        Locale language,
        ReportOptions report) {

    public enum Mode { WINDOW, SYNC, DEMO_SERVER, REPORT, HELP }

    static final String USAGE = """
            Moderator Workstation

            Usage:
              moderator-workstation [options]            open the workstation
              moderator-workstation --sync [options]     sync every course once, print a summary, exit
              moderator-workstation --demo-server [...]  run only the demo course server
              moderator-workstation --report [...]       write a report from the cache, exit (syncs first if it is empty)

            Options:
              --data-dir DIR      where the cache and the log live (default: your user data folder)
              --server URL        a course server that speaks the Course Sync API (default: the embedded demo server)
              --token TOKEN       its access token (or set WORKSTATION_TOKEN)
              --language nl|en    the language of the window (default: Dutch on a Dutch system, else English)
              --help              this text

            Demo server options (with --demo-server, or for the embedded one):
              --port N            port on 127.0.0.1 (default 8080 with --demo-server; 0 = any free port)
              --large             also serve the large benchmark course (1 000 people, 10 000 threads, 100 000 posts)
              --only-large        serve only the large course
              --live SECONDS      seconds between live changes (default 3; 0 = none)
              --faults SPEC       misbehave, e.g. latency=200,errors=0.05,ratelimit=0.02,drops=0.02,truncate=0.01
            """ + ReportOptions.USAGE;

    public static Options parse(String[] args) {
        Mode mode = Mode.WINDOW;
        Path dataDir = null;
        String server = null;
        String token = System.getenv("WORKSTATION_TOKEN");
        Integer port = null;
        boolean large = false;
        boolean onlyLarge = false;
        Duration live = Duration.ofSeconds(3);
        String faults = null;
        Locale language = null;
        ReportOptions.Builder report = new ReportOptions.Builder();
        List<String> rest = new ArrayList<>(List.of(args));
        while (!rest.isEmpty()) {
            String arg = rest.remove(0);
            switch (arg) {
                case "--help", "-h" -> mode = Mode.HELP;
                case "--sync" -> mode = Mode.SYNC;
                case "--demo-server" -> mode = Mode.DEMO_SERVER;
                case "--data-dir" -> dataDir = Path.of(value(arg, rest));
                case "--server" -> server = value(arg, rest);
                case "--token" -> token = value(arg, rest);
                case "--port" -> port = number(arg, value(arg, rest), 0, 65535);
                case "--large" -> large = true;
                case "--only-large" -> onlyLarge = true;
                case "--live" -> live = Duration.ofSeconds(number(arg, value(arg, rest), 0, 3600));
                case "--faults" -> faults = value(arg, rest);
                case "--language" -> language = language(value(arg, rest));
                case "--report" -> mode = Mode.REPORT;
                default -> {
                    if (!ReportOptions.Builder.isReportOption(arg)) {
                        throw new IllegalArgumentException("unknown option '" + arg + "' (see --help)");
                    }
                    report.accept(arg, value(arg, rest));
                }
            }
        }
        if (server != null && token == null) {
            throw new IllegalArgumentException("--server needs a --token (or WORKSTATION_TOKEN)");
        }
        int effectivePort = port != null ? port : mode == Mode.DEMO_SERVER ? 8080 : 0;
        ReportOptions reportOptions = mode == Mode.HELP ? null : report.build(mode == Mode.REPORT);
        return new Options(mode, dataDir, server, token, effectivePort, large || onlyLarge, onlyLarge, live, faults, language,
                reportOptions);
    }

    private static Locale language(String tag) {
        if (!tag.equals("nl") && !tag.equals("en")) {
            throw new IllegalArgumentException("--language is nl or en, not '" + tag + "'");
        }
        return Locale.forLanguageTag(tag);
    }

    private static String value(String option, List<String> rest) {
        if (rest.isEmpty() || rest.get(0).startsWith("--")) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return rest.remove(0);
    }

    private static int number(String option, String text, int min, int max) {
        try {
            int n = Integer.parseInt(text);
            if (n < min || n > max) {
                throw new IllegalArgumentException(option + " must lie between " + min + " and " + max);
            }
            return n;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " needs a whole number, not '" + text + "'");
        }
    }

    public Path dataDirOrDefault() {
        return dataDir != null ? dataDir : DataDirectory.defaultForThisMachine();
    }
}
