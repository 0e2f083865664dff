package nl.sociallearning.workstation.sync.canvas;

import com.fasterxml.jackson.databind.JsonNode;
import nl.sociallearning.workstation.sync.ServerAddress;
import nl.sociallearning.workstation.sync.SyncException;
import nl.sociallearning.workstation.sync.SyncException.Kind;
import nl.sociallearning.workstation.sync.platform.HttpFailures;
import nl.sociallearning.workstation.sync.platform.PlatformHttp;
import okhttp3.Headers;

import java.time.Duration;

/**
 * Canvas's error answers, named for the user. Canvas throttles with 403 and {@code X-Rate-Limit-Remaining}: that
 * is a rate limit, not a refusal; it gives no Retry-After then, so the wait is ours.
 */
final class CanvasErrors implements PlatformHttp.FailureRule {

    /** Canvas gives no Retry-After when it throttles; its bucket refills in seconds. */
    static final Duration THROTTLE_WAIT = Duration.ofSeconds(10);

    private final ServerAddress server;
    private final Duration throttleWait;

    CanvasErrors(ServerAddress server, Duration throttleWait) {
        this.server = server;
        this.throttleWait = throttleWait;
    }

    @Override
    public SyncException classify(PlatformHttp.Answer answer) {
        if (answer.successful()) {
            return answer.unreadable() == null ? null : new SyncException(Kind.MALFORMED, server
                    + " did not answer as Canvas's API does (not JSON): is this a Canvas site?");
        }
        int code = answer.code();
        String text = answer.text();
        String detail = detail(answer.body(), code);
        if (code == 403 && throttled(answer.headers(), text)) {
            return new SyncException(Kind.RATE_LIMITED, "Canvas asks us to slow down (rate limit); trying again in "
                    + Math.max(1, throttleWait.toSeconds()) + " s.", throttleWait, null);
        }
        if (code == 401) {
            return new SyncException(Kind.UNAUTHORIZED, "Canvas did not accept the token (" + detail
                    + "). Make a new access token under Account > Settings.");
        }
        if (code == 404 && answer.url().encodedPath().endsWith("/users/self")) {
            return new SyncException(Kind.NOT_FOUND, server + " has no Canvas API (/api/v1): is this a Canvas site?");
        }
        return HttpFailures.from(code, answer.headers(), detail);
    }

    /**
     * Canvas's throttling: 403 with "Rate Limit Exceeded", and the bucket's remaining units at or below zero.
     * Every Canvas answer carries X-Rate-Limit-Remaining, so the header alone does not make a 403 a throttle.
     */
    static boolean throttled(Headers headers, String body) {
        if (body.contains("Rate Limit Exceeded")) {
            return true;
        }
        String remaining = headers.get("X-Rate-Limit-Remaining");
        if (remaining == null) {
            return false;
        }
        try {
            return Double.parseDouble(remaining.trim()) <= 0;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    /** Canvas's own words: {@code errors[0].message}, the {@code errors} object, or {@code message}. */
    private static String detail(JsonNode body, int code) {
        JsonNode errors = body.path("errors");
        if (errors.isArray() && !errors.isEmpty()) {
            return errors.get(0).path("message").asText("HTTP " + code);
        }
        if (errors.isObject() && errors.size() > 0) {
            return errors.toString();
        }
        return body.path("message").asText("HTTP " + code);
    }
}
