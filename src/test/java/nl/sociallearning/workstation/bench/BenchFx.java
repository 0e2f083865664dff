package nl.sociallearning.workstation.bench;

import javafx.application.Platform;

import java.util.concurrent.CountDownLatch;

/** Starts the JavaFX toolkit once for all benchmarks of a run (it cannot be started twice in one JVM). */
final class BenchFx {

    private static boolean started;

    private BenchFx() {
    }

    /** Runs on the FX thread and waits for it, so that a measurement ends when the FX thread has done its part. */
    static void runAndWait(Runnable r) throws InterruptedException {
        CountDownLatch done = new CountDownLatch(1);
        Platform.runLater(() -> {
            try {
                r.run();
            } finally {
                done.countDown();
            }
        });
        if (!done.await(60, java.util.concurrent.TimeUnit.SECONDS)) {
            throw new IllegalStateException("the FX thread did not answer");
        }
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
