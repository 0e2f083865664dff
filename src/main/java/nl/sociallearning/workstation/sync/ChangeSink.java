package nl.sociallearning.workstation.sync;

import nl.sociallearning.workstation.domain.Change;

/** Receives changes one at a time as a connector reads them, so no page is ever held whole in memory. */
@FunctionalInterface
public interface ChangeSink {
    void accept(Change change);
}
