package nl.sociallearning.workstation.sync;

import java.time.Duration;
import java.util.Optional;

/** A sync step failed; {@link Kind} says whether trying again later can help. */
public class SyncException extends Exception {

    public enum Kind {
        /** No connection to the server (offline, DNS, refused, timed out). */
        OFFLINE(true),
        /** The connection broke while the answer was arriving. */
        INTERRUPTED(true),
        /** The answer was not the JSON the protocol promises (cut off or malformed). */
        MALFORMED(true),
        SERVER_ERROR(true),
        RATE_LIMITED(true),
        /** The cache could not store what arrived (e.g. a full disk); nothing half-stored remains. */
        CACHE(true),
        /** The stored cursor is no longer valid on the server: start a full pass. */
        CURSOR_EXPIRED(true),
        UNAUTHORIZED(false),
        FORBIDDEN(false),
        NOT_FOUND(false),
        /** The server refused the request itself (a 4xx other than the above). */
        REFUSED(false),
        CANCELLED(false);

        private final boolean retryable;

        Kind(boolean retryable) {
            this.retryable = retryable;
        }

        public boolean retryable() {
            return retryable;
        }
    }

    private final Kind kind;
    private final Duration retryAfter;

    public SyncException(Kind kind, String message) {
        this(kind, message, null, null);
    }

    public SyncException(Kind kind, String message, Duration retryAfter, Throwable cause) {
        super(message, cause);
        this.kind = kind;
        this.retryAfter = retryAfter;
    }

    public Kind kind() {
        return kind;
    }

    /** What the server asked for in {@code Retry-After}, if it did. */
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }

    public boolean retryable() {
        return kind.retryable();
    }

    /** Whether the failure says the network, not the server, is the problem. */
    public boolean meansOffline() {
        return kind == Kind.OFFLINE;
    }
}
