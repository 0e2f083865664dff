package nl.sociallearning.workstation.sync;

import java.util.OptionalLong;

/**
 * The outcome of a pull: the cursor to store with the page, whether more is waiting at once, and, if the
 * server says, about how many changes remain (for an honest progress bar).
 */
public record PullResult(String cursor, boolean hasMore, OptionalLong remaining) {
}
