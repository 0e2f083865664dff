package nl.sociallearning.workstation.demo;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/**
 * How the demo server misbehaves, for tests and demonstrations: added latency, and faults either by chance
 * (a share of requests) or scheduled for the next requests. Thread-safe; change it while the server runs.
 */
public final class FaultPlan {

    public enum Fault {
        /** 500 with a problem body. */
        SERVER_ERROR,
        /** 429 with Retry-After. */
        RATE_LIMIT,
        /** The connection closes half-way through the body. */
        DROP_MID_BODY,
        /** A complete HTTP answer whose JSON is cut off. */
        TRUNCATED_JSON,
        /** Actions only: the action is applied, then the connection closes before the answer. */
        DROP_AFTER_APPLY
    }

    private final Deque<Fault> scheduled = new ArrayDeque<>();
    private volatile Duration latency = Duration.ZERO;
    private volatile double serverErrorRate;
    private volatile double rateLimitRate;
    private volatile double dropRate;
    private volatile double truncateRate;
    private volatile int retryAfterSeconds = 1;
    private volatile boolean changeFeedOnly;

    /** Limits the faults to the change feed and actions; the user and course list always answer. */
    public FaultPlan changeFeedOnly(boolean value) {
        changeFeedOnly = value;
        return this;
    }

    boolean appliesTo(String path) {
        return !changeFeedOnly || path.contains("/changes") || path.contains("/actions");
    }

    public FaultPlan latency(Duration value) {
        latency = value;
        return this;
    }

    public FaultPlan serverErrors(double share) {
        serverErrorRate = share;
        return this;
    }

    public FaultPlan rateLimits(double share, int retryAfter) {
        rateLimitRate = share;
        retryAfterSeconds = retryAfter;
        return this;
    }

    public FaultPlan drops(double share) {
        dropRate = share;
        return this;
    }

    public FaultPlan truncations(double share) {
        truncateRate = share;
        return this;
    }

    /** The next {@code times} requests that can carry this fault get it. */
    public synchronized FaultPlan next(Fault fault, int times) {
        for (int i = 0; i < times; i++) {
            scheduled.addLast(fault);
        }
        return this;
    }

    public synchronized FaultPlan clear() {
        scheduled.clear();
        latency = Duration.ZERO;
        serverErrorRate = rateLimitRate = dropRate = truncateRate = 0;
        changeFeedOnly = false;
        return this;
    }

    public int retryAfterSeconds() {
        return retryAfterSeconds;
    }

    Duration latency() {
        return latency;
    }

    /** Picks the fault for a request, if any. DROP_AFTER_APPLY goes only to actions, and waits for one. */
    synchronized Optional<Fault> draw(boolean isAction) {
        Fault head = scheduled.peekFirst();
        if (head != null && (head != Fault.DROP_AFTER_APPLY || isAction)) {
            return Optional.of(scheduled.removeFirst());
        }
        double r = ThreadLocalRandom.current().nextDouble();
        if ((r -= serverErrorRate) < 0) {
            return Optional.of(Fault.SERVER_ERROR);
        }
        if ((r -= rateLimitRate) < 0) {
            return Optional.of(Fault.RATE_LIMIT);
        }
        if ((r -= dropRate) < 0) {
            return Optional.of(isAction ? Fault.DROP_AFTER_APPLY : Fault.DROP_MID_BODY);
        }
        if ((r -= truncateRate) < 0) {
            return Optional.of(Fault.TRUNCATED_JSON);
        }
        return Optional.empty();
    }

    /**
     * Reads a command-line description such as {@code latency=200,errors=0.05,ratelimit=0.02,drops=0.02,truncate=0.01}
     * (latency in milliseconds, the others shares of requests between 0 and 1).
     */
    public static FaultPlan parse(String spec) {
        FaultPlan plan = new FaultPlan();
        if (spec == null || spec.isBlank()) {
            return plan;
        }
        for (String part : spec.split(",")) {
            String[] kv = part.trim().split("=", 2);
            if (kv.length != 2) {
                throw new IllegalArgumentException("fault '" + part + "' must look like name=value");
            }
            String name = kv[0].trim().toLowerCase(Locale.ROOT);
            double value;
            try {
                value = Double.parseDouble(kv[1].trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("fault '" + part + "' needs a number");
            }
            if (!name.equals("latency") && (value < 0 || value > 1)) {
                throw new IllegalArgumentException("fault '" + part + "': a share lies between 0 and 1");
            }
            switch (name) {
                case "latency" -> plan.latency(Duration.ofMillis((long) value));
                case "errors" -> plan.serverErrors(value);
                case "ratelimit" -> plan.rateLimits(value, 2);
                case "drops" -> plan.drops(value);
                case "truncate" -> plan.truncations(value);
                default -> throw new IllegalArgumentException("unknown fault '" + name
                        + "' (known: latency, errors, ratelimit, drops, truncate)");
            }
        }
        return plan;
    }
}
