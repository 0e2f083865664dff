package nl.sociallearning.workstation.ui;

import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Reloads something shown on screen when the data behind it changes, without piling up work: however many
 * change notices arrive, at most one load runs and at most one more follows it.
 */
public final class Refresher<T> {

    private final TaskRunner runner;
    private final Supplier<T> load;
    private final Consumer<T> show;
    private final Consumer<Throwable> onFailure;
    private boolean running;
    private boolean again;

    public Refresher(TaskRunner runner, Supplier<T> load, Consumer<T> show, Consumer<Throwable> onFailure) {
        this.runner = runner;
        this.load = load;
        this.show = show;
        this.onFailure = onFailure;
    }

    /** Asks for a reload; call it on the UI thread. */
    public void request() {
        if (running) {
            again = true;
            return;
        }
        running = true;
        runner.run(load, result -> {
            show.accept(result);
            finished();
        }, failure -> {
            onFailure.accept(failure);
            finished();
        });
    }

    /** Whether another load follows the one now showing (for a "loading" indicator that stays on until it has). */
    public boolean pending() {
        return again;
    }

    private void finished() {
        running = false;
        if (again) {
            again = false;
            request();
        }
    }
}
