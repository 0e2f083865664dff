package nl.sociallearning.workstation.bench;

import javafx.application.Platform;

import java.util.concurrent.CountDownLatch;

/** Starts the JavaFX toolkit once for all benchmarks of a run (it cannot be started twice in one JVM). */
final class BenchFx {

    private static boolean started;

    private BenchFx() {
    }

    static synchronized void start() throws InterruptedException {
        if (started) {
            return;
        }
        CountDownLatch ready = new CountDownLatch(1);
        Platform.startup(ready::countDown);
        ready.await();
        Platform.setImplicitExit(false);
        started = true;
    }
}
