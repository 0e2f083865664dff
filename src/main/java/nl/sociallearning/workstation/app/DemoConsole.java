package nl.sociallearning.workstation.app;

import nl.sociallearning.workstation.demo.DemoCourseServer;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * Commands typed to a demo server running on its own, to show (or measure) how workstations cope: a rush of
 * replies, a series of live changes, the server going away and coming back. Each answers "ok" or a reason.
 */
final class DemoConsole {

    private DemoConsole() {
    }

    static void run(DemoCourseServer server, InputStream in, PrintStream out) {
        Thread reader = new Thread(() -> {
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                for (String line; (line = lines.readLine()) != null; ) {
                    out.println(execute(server, line.trim()));
                    out.flush();
                }
            } catch (IOException e) {
                // Standard input closed: nothing more to do; the server keeps running.
            }
        }, "demo-console");
        reader.setDaemon(true);
        reader.start();
    }

    static String execute(DemoCourseServer server, String line) {
        String[] words = line.split("\\s+");
        try {
            switch (words[0]) {
                case "burst" -> server.simulation().burst(words[1], Integer.parseInt(words[2]));
                case "tick" -> {
                    for (int i = 0; i < Integer.parseInt(words[1]); i++) {
                        server.simulation().tick();
                    }
                }
                case "offline" -> server.setReachable(false);
                case "online" -> server.setReachable(true);
                case "" -> {
                    return "";
                }
                default -> {
                    return "unknown command '" + words[0] + "' (burst COURSE N, tick N, offline, online)";
                }
            }
            return "ok";
        } catch (RuntimeException | IOException e) {
            return "failed: " + e.getMessage();
        }
    }
}
