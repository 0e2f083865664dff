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

    /** Whether there is a screen to open a real window on (DISPLAY set, e.g. Xvfb). */
    static boolean hasDisplay() {
        String display = System.getenv("DISPLAY");
        return display != null && !display.isBlank();
    }

    /**
     * Starts the toolkit: on the display when there is one, else on Monocle's headless screen, which copies every
     * frame in software on the FX thread (FX timings are then overstated).
     */
    static synchronized void start() throws InterruptedException {
        if (started) {
            return;
        }
        if (!hasDisplay()) {
            System.setProperty("glass.platform", "Monocle");
            System.setProperty("monocle.platform", "Headless");
            System.setProperty("prism.order", "sw");
            System.setProperty("prism.text", "t2k");
            System.setProperty("headless.geometry", "1600x1000-32");
        }
        CountDownLatch ready = new CountDownLatch(1);
        Platform.startup(ready::countDown);
        ready.await();
        Platform.setImplicitExit(false);
        started = true;
    }
}
