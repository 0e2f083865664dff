package nl.sociallearning.workstation.sync.platform;

import nl.sociallearning.workstation.sync.ServerAddress;
import nl.sociallearning.workstation.sync.SyncException;
import nl.sociallearning.workstation.sync.SyncException.Kind;
import okhttp3.Headers;
import okhttp3.Response;

import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.time.Duration;

/** Names what went wrong with an HTTP exchange, in words a moderator can act on. */
public final class HttpFailures {

    private HttpFailures() {
    }

    public static SyncException fromResponse(Response response, String detail) {
        return from(response.code(), response.headers(), detail);
    }

    public static SyncException from(int code, Headers headers, String detail) {
        Duration retryAfter = retryAfter(headers.get("Retry-After"));
        return switch (code) {
            case 401 -> new SyncException(Kind.UNAUTHORIZED, "The server did not accept the token (" + detail + ").");
            case 403 -> new SyncException(Kind.FORBIDDEN, "Your account may not do this on the server (" + detail + ").");
            case 404 -> new SyncException(Kind.NOT_FOUND, "The server does not know this (" + detail + ").");
            case 410 -> new SyncException(Kind.CURSOR_EXPIRED, "The server no longer knows where we left off; "
                    + "syncing the course again from the start.");
            case 429 -> new SyncException(Kind.RATE_LIMITED, "The server asks us to slow down"
                    + (retryAfter == null ? "." : "; trying again in " + retryAfter.toSeconds() + " s."), retryAfter, null);
            default -> code >= 500
                    ? new SyncException(Kind.SERVER_ERROR, "The server had a problem (HTTP " + code + ": " + detail + ").",
                    retryAfter, null)
                    : new SyncException(Kind.REFUSED, "The server refused the request (HTTP " + code + ": " + detail + ").");
        };
    }

    public static SyncException fromIo(ServerAddress server, IOException e) {
        if (e instanceof UnknownHostException || e instanceof ConnectException || e instanceof NoRouteToHostException) {
            return new SyncException(Kind.OFFLINE, "Cannot reach " + server + ": working offline.", null, e);
        }
        if (e instanceof SocketTimeoutException) {
            return new SyncException(Kind.OFFLINE, "The server " + server + " does not answer: working offline.", null, e);
        }
        return new SyncException(Kind.INTERRUPTED, "The connection to the server broke off (" + e.getMessage() + ").", null, e);
    }

    /** Retry-After in seconds; the HTTP-date form is rare for APIs and read as absent. */
    public static Duration retryAfter(String header) {
        if (header == null) {
            return null;
        }
        try {
            return Duration.ofSeconds(Math.max(0, Long.parseLong(header.trim())));
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
