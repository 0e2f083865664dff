package nl.sociallearning.workstation.bench;

/** The benchmark command ({@code mvn -Pbench verify}): every benchmark of the project, one after another. */
public final class Benchmarks {

    private Benchmarks() {
    }

    public static void main(String[] args) throws Exception {
        System.out.printf("Machine: %d cores, Java %s, %s%n%n", Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.version"), System.getProperty("os.name"));
        SyncBenchmark.run();
    }
}
