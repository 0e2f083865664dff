package nl.sociallearning.workstation.sync;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/** The engine's listeners; one that throws is logged and does not stop the others or the sync. */
final class Listeners {

    private static final Logger LOG = LoggerFactory.getLogger(Listeners.class);

    private final List<SyncListener> listeners = new CopyOnWriteArrayList<>();

    void add(SyncListener listener) {
        listeners.add(listener);
    }

    void remove(SyncListener listener) {
        listeners.remove(listener);
    }

    void fire(Consumer<SyncListener> event) {
        for (SyncListener l : listeners) {
            try {
                event.accept(l);
            } catch (RuntimeException e) {
                LOG.warn("A sync listener failed", e);
            }
        }
    }
}
