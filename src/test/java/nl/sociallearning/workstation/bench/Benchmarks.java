package nl.sociallearning.workstation.bench;

/** The benchmark command ({@code mvn -Pbench verify}): every benchmark of the project, one after another. */
public final class Benchmarks {

    private Benchmarks() {
    }

    /** {@code sync}, {@code feed} or {@code reports}: each runs in a JVM of its own, with its own heap limit (see pom.xml). */
    public static void main(String[] args) throws Exception {
        System.out.printf("Machine: %d cores, Java %s, %s, heap limit %d MB%n%n", Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.version"), System.getProperty("os.name"), Runtime.getRuntime().maxMemory() >> 20);
        // The FX toolkit and the HTTP clients' threads would keep the JVM alive, after a failure too.
        try {
            switch (args.length == 0 ? "sync" : args[0]) {
                case "sync" -> SyncBenchmark.run();
                case "feed" -> {
                    FeedBenchmark.run();
                    HeatmapBenchmark.run();
                }
                case "heatmap" -> HeatmapBenchmark.run();
                case "reports" -> ReportsBenchmark.run();
                default -> throw new IllegalArgumentException("unknown benchmark " + args[0]);
            }
        } catch (Exception | Error e) {
            e.printStackTrace();
            System.exit(1);
        }
        System.exit(0);
    }
}
