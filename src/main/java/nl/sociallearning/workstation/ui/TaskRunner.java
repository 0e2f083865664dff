package nl.sociallearning.workstation.ui;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Runs work that touches disk or network off the UI thread and hands the result back on it. Knows nothing of
 * JavaFX: the desktop passes {@code Platform::runLater} as the UI executor, tests pass a same-thread one.
 */
public final class TaskRunner implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(TaskRunner.class);

    private final ExecutorService background;
    private final Executor ui;

    public TaskRunner(Executor ui) {
        this(Executors.newFixedThreadPool(2, r -> {
            Thread t = new Thread(r, "ui-background");
            t.setDaemon(true);
            return t;
        }), ui);
    }

    public TaskRunner(ExecutorService background, Executor ui) {
        this.background = background;
        this.ui = ui;
    }

    /** A runner that does everything on the calling thread, for view-model tests. */
    public static TaskRunner direct() {
        return new TaskRunner(new DirectExecutorService(), Runnable::run);
    }

    /** Computes in the background, then delivers the result, or the failure, on the UI thread. */
    public <T> CompletableFuture<T> run(Supplier<T> work, Consumer<T> onResult, Consumer<Throwable> onFailure) {
        CompletableFuture<T> future = CompletableFuture.supplyAsync(work, background);
        future.whenComplete((result, failure) -> ui.execute(() -> {
            if (failure != null) {
                Throwable cause = failure.getCause() != null ? failure.getCause() : failure;
                LOG.warn("Background work failed", cause);
                onFailure.accept(cause);
            } else {
                onResult.accept(result);
            }
        }));
        return future;
    }

    /** Runs on the UI thread. */
    public void onUi(Runnable action) {
        ui.execute(action);
    }

    @Override
    public void close() {
        background.shutdownNow();
    }

    /** Runs each task at once on the submitting thread. */
    private static final class DirectExecutorService extends java.util.concurrent.AbstractExecutorService {
        private volatile boolean shutdown;

        @Override
        public void execute(Runnable command) {
            command.run();
        }

        @Override
        public void shutdown() {
            shutdown = true;
        }

        @Override
        public java.util.List<Runnable> shutdownNow() {
            shutdown = true;
            return java.util.List.of();
        }

        @Override
        public boolean isShutdown() {
            return shutdown;
        }

        @Override
        public boolean isTerminated() {
            return shutdown;
        }

        @Override
        public boolean awaitTermination(long timeout, java.util.concurrent.TimeUnit unit) {
            return true;
        }
    }
}
