package nl.sociallearning.workstation.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The demo course server in a JVM of its own, started through the program's own command line, so that its
 * memory and CPU are not counted as the client's.
 */
public final class ChildServer implements AutoCloseable {

    private final Process process;
    private final String baseUri;
    private final String token;
    private final java.util.concurrent.BlockingQueue<String> answers = new java.util.concurrent.LinkedBlockingQueue<>();

    private ChildServer(Process process, String baseUri, String token) {
        this.process = process;
        this.baseUri = baseUri;
        this.token = token;
    }

    public static ChildServer start(String... demoOptions) throws IOException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx2g", "-cp", System.getProperty("java.class.path"),
                "nl.sociallearning.workstation.app.Main", "--demo-server", "--port", "0", "--live", "0"));
        command.addAll(List.of(demoOptions));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        String uri = null;
        String token = null;
        for (String line; (line = out.readLine()) != null; ) {
            if (line.startsWith("Demo course server: ")) {
                uri = line.substring("Demo course server: ".length()).trim();
            } else if (line.startsWith("Token: ")) {
                token = line.substring("Token: ".length()).trim();
            } else if (line.startsWith("Commands: ")) {
                break;
            }
        }
        if (uri == null || token == null) {
            process.destroyForcibly();
            throw new IOException("the demo server did not start");
        }
        ChildServer child = new ChildServer(process, uri, token);
        Thread drain = new Thread(() -> out.lines().forEach(child.answers::add), "child-server-output");
        drain.setDaemon(true);
        drain.start();
        return child;
    }

    /** Sends a console command (e.g. {@code burst COURSE 10000}) and waits for its answer. */
    public void command(String line) throws IOException, InterruptedException {
        answers.clear();
        process.getOutputStream().write((line + "\n").getBytes(StandardCharsets.UTF_8));
        process.getOutputStream().flush();
        while (true) {
            String answer = answers.poll(60, java.util.concurrent.TimeUnit.SECONDS);
            if (answer == null || answer.startsWith("failed") || answer.startsWith("unknown")) {
                throw new IOException("demo server: " + (answer == null ? "no answer to " + line : answer));
            }
            if (answer.equals("ok")) {
                return;
            }
        }
    }

    public String baseUri() {
        return baseUri;
    }

    public String token() {
        return token;
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(5, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}
