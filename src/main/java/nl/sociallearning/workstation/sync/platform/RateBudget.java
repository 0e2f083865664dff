package nl.sociallearning.workstation.sync.platform;

import nl.sociallearning.workstation.sync.SyncException;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * A platform's request allowance (e.g. Discourse: 60 a minute per key), spent before each request. When it is
 * used up, or the server said to wait, the next request is not made: it fails as {@code RATE_LIMITED} with the
 * wait, which the engine honours. Connectors ask {@link #available()} to end a page while the budget lasts, so a
 * page is never thrown away half-read for lack of budget.
 */
public final class RateBudget {

    private final int requests;
    private final Duration window;
    private final Clock clock;
    private final Deque<Instant> spent = new ArrayDeque<>();
    private Instant pausedUntil = Instant.EPOCH;

    public RateBudget(int requests, Duration window, Clock clock) {
        if (requests < 1) {
            throw new IllegalArgumentException("a budget needs at least one request");
        }
        this.requests = requests;
        this.window = window;
        this.clock = clock;
    }

    /** No limit worth planning for (the platform throttles rarely; its 429s are still honoured). */
    public static RateBudget unlimited() {
        return new RateBudget(Integer.MAX_VALUE, Duration.ofMinutes(1), Clock.systemUTC());
    }

    public int perWindow() {
        return requests;
    }

    public Duration window() {
        return window;
    }

    /** Takes one request from the budget, or fails with how long to wait. */
    public synchronized void spend() throws SyncException {
        Duration wait = waitTime();
        if (!wait.isZero()) {
            throw new SyncException(SyncException.Kind.RATE_LIMITED, "The platform allows " + describe()
                    + "; the next request waits " + Math.max(1, wait.toSeconds()) + " s.", wait, null);
        }
        spent.addLast(clock.instant());
    }

    /** How many requests can be made now without waiting. */
    public synchronized int available() {
        Instant now = clock.instant();
        if (now.isBefore(pausedUntil)) {
            return 0;
        }
        forgetBefore(now.minus(window));
        return requests == Integer.MAX_VALUE ? Integer.MAX_VALUE : requests - spent.size();
    }

    /** The server said to wait ({@code Retry-After}): nothing is sent until then. */
    public synchronized void pause(Duration wait) {
        Instant until = clock.instant().plus(wait);
        if (until.isAfter(pausedUntil)) {
            pausedUntil = until;
        }
    }

    /** How long until the next request may go; zero if now. */
    public synchronized Duration waitTime() {
        Instant now = clock.instant();
        if (now.isBefore(pausedUntil)) {
            return Duration.between(now, pausedUntil);
        }
        forgetBefore(now.minus(window));
        if (requests == Integer.MAX_VALUE || spent.size() < requests) {
            return Duration.ZERO;
        }
        return Duration.between(now, spent.peekFirst().plus(window));
    }

    /** About how long {@code count} more requests take at this budget, for an honest estimate. */
    public Duration timeFor(long count) {
        if (requests == Integer.MAX_VALUE) {
            return Duration.ZERO;
        }
        return window.multipliedBy(count / requests);
    }

    private void forgetBefore(Instant edge) {
        while (!spent.isEmpty() && !spent.peekFirst().isAfter(edge)) {
            spent.removeFirst();
        }
    }

    private String describe() {
        return requests + " requests per " + (window.toSeconds() == 60 ? "minute" : window.toSeconds() + " s");
    }
}
