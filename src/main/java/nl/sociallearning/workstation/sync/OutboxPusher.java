package nl.sociallearning.workstation.sync;

import nl.sociallearning.workstation.domain.Change;
import nl.sociallearning.workstation.domain.EntityKind;
import nl.sociallearning.workstation.domain.ModerationAction;
import nl.sociallearning.workstation.domain.OutboxEntry;
import nl.sociallearning.workstation.domain.OutboxState;
import nl.sociallearning.workstation.domain.Post;
import nl.sociallearning.workstation.store.Cache;
import nl.sociallearning.workstation.store.StoreException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;

/**
 * Sends the outbox to the server, oldest first, one action at a time: a later action never overtakes an
 * earlier one that is still failing. Each action goes with its own id as idempotency key, so an action whose
 * answer was lost is simply sent again, here or after a restart, and the server applies it once.
 * Conflicts and rejections are stored with the server's explanation and stay until the user resolves them.
 * An action waits {@link SyncSettings#sendDelay()} before it is sent: until then the user can take it back.
 */
final class OutboxPusher implements Runnable {

    private static final Logger LOG = LoggerFactory.getLogger(OutboxPusher.class);
    private static final Duration IDLE_CHECK = Duration.ofSeconds(30);

    private final SyncEngine engine;
    private final CourseConnector connector;
    private final Cache cache;
    private final Backoff backoff;
    private final Waker waker = new Waker();
    private final Duration sendDelay;
    private volatile boolean stopped;
    private Duration nextDue = IDLE_CHECK;

    OutboxPusher(SyncEngine engine, CourseConnector connector, Cache cache, SyncSettings settings) {
        this.engine = engine;
        this.connector = connector;
        this.cache = cache;
        this.backoff = settings.newBackoff();
        this.sendDelay = settings.sendDelay();
    }

    @Override
    public void run() {
        cache.outbox().recoverInterruptedSends();
        while (!stopped) {
            Duration pause;
            try {
                nextDue = IDLE_CHECK;
                pushAll();
                pause = nextDue;
            } catch (SyncException e) {
                engine.failedToReachServer(e);
                pause = backoff.next(e.retryAfter());
            } catch (StoreException e) {
                engine.problem(e.getMessage());
                pause = backoff.next(java.util.Optional.empty());
            }
            waker.await(pause);
        }
    }

    /**
     * Sends every pending action in order. Stops at the first one that cannot be sent now and throws, so that
     * the order is kept.
     */
    void pushAll() throws SyncException {
        for (OutboxEntry entry : cache.outbox().pending()) {
            if (stopped) {
                return;
            }
            Duration left = Duration.between(Instant.now(), entry.action().createdAt().plus(sendDelay));
            if (!left.isNegative() && !left.isZero()) {
                // Still within its undo window: the ones after it wait too, to keep the order.
                nextDue = left;
                return;
            }
            if (entry.state() == OutboxState.SENDING || cache.outbox().claimForSending(entry.action().id())) {
                push(entry.action());
                backoff.reset();
            }
        }
    }

    private void push(ModerationAction action) throws SyncException {
        ActionOutcome outcome;
        try {
            outcome = connector.send(action);
            engine.reachedServer();
        } catch (SyncException e) {
            if (e.retryable() || e.kind() == SyncException.Kind.UNAUTHORIZED || e.kind() == SyncException.Kind.FORBIDDEN) {
                cache.outbox().releaseAfterFailure(action.id(), e.getMessage());
                throw e;
            }
            // The server refused the request itself: keep it, visible, as rejected.
            outcome = new ActionOutcome.Rejected(e.getMessage());
        }
        if (outcome instanceof ActionOutcome.Applied applied) {
            settle(action, OutboxState.APPLIED, applied.duplicate() ? "duplicate" : null, applied.serverState());
        } else if (outcome instanceof ActionOutcome.Conflict conflict) {
            LOG.info("Action {} ({}) conflicts: {}", action.id(), action.type(), conflict.detail());
            settle(action, OutboxState.CONFLICT, conflict.detail(), conflict.serverState());
        } else if (outcome instanceof ActionOutcome.LocalOnly local) {
            LOG.info("Action {} ({}) stays local: {}", action.id(), action.type(), local.detail());
            settle(action, OutboxState.LOCAL_ONLY, local.detail(), List.of());
        } else {
            String detail = ((ActionOutcome.Rejected) outcome).detail();
            LOG.info("Action {} ({}) was rejected: {}", action.id(), action.type(), detail);
            settle(action, OutboxState.REJECTED, detail, repair(action));
        }
    }

    private void settle(ModerationAction action, OutboxState state, String detail, List<Change> serverState) {
        cache.outbox().settle(action, state, detail, serverState);
        EnumSet<EntityKind> kinds = EnumSet.of(EntityKind.POST, EntityKind.THREAD);
        serverState.forEach(c -> kinds.add(c.kind()));
        engine.cacheChanged(new CacheChange(action.courseId(), kinds));
        engine.outboxChanged();
    }

    /** After a rejection the local effect is wrong: fetch the thread as the server has it. */
    private List<Change> repair(ModerationAction action) {
        String threadId = action.type().target() == EntityKind.THREAD ? action.targetId()
                : cache.posts().find(action.courseId(), action.targetId()).map(Post::threadId).orElse(null);
        if (threadId == null) {
            return List.of();
        }
        try {
            return connector.thread(action.courseId(), threadId);
        } catch (SyncException e) {
            if (e.kind() == SyncException.Kind.NOT_FOUND) {
                return List.of(new Change.Removal(EntityKind.THREAD, threadId));
            }
            LOG.warn("Could not refresh thread {} after a rejection: {}", threadId, e.getMessage());
            return List.of();
        }
    }

    void wake() {
        waker.wake();
    }

    void stop() {
        stopped = true;
        waker.wake();
    }
}
