package nl.sociallearning.workstation.sync;

import nl.sociallearning.workstation.domain.Change;
import nl.sociallearning.workstation.domain.EntityKind;
import nl.sociallearning.workstation.store.Cache;
import nl.sociallearning.workstation.store.PageTransaction;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;

/**
 * The cache's one writer thread for synced pages. The thread that reads a page from the network hands
 * changes over in small batches and goes on reading while they are written, so parsing and writing overlap.
 * At most a few batches wait at a time: memory stays flat however large the page.
 */
final class PageWriter implements AutoCloseable {

    private static final int BATCH = 256;
    private static final int BATCHES_IN_FLIGHT = 8;

    private final Cache cache;
    private final ExecutorService writer = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "cache-writer");
        t.setDaemon(true);
        return t;
    });

    PageWriter(Cache cache) {
        this.cache = cache;
    }

    Page open(String courseId) {
        return new Page(courseId);
    }

    /** One page of one course: changes go in, then {@link #commit} or, on any failure, {@link #close} discards. */
    final class Page implements ChangeSink, AutoCloseable {
        private final String courseId;
        private final Semaphore inFlight = new Semaphore(BATCHES_IN_FLIGHT);
        private final Set<EntityKind> kinds = EnumSet.noneOf(EntityKind.class);
        private List<Change> batch = new ArrayList<>(BATCH);
        private PageTransaction transaction; // touched on the writer thread only
        private volatile RuntimeException failure;
        private int count;

        private Page(String courseId) {
            this.courseId = courseId;
        }

        @Override
        public void accept(Change change) {
            batch.add(change);
            kinds.add(change.kind());
            count++;
            if (batch.size() == BATCH) {
                handOver();
            }
        }

        private void handOver() {
            if (failure != null) {
                throw failure;
            }
            if (batch.isEmpty()) {
                return;
            }
            List<Change> changes = batch;
            batch = new ArrayList<>(BATCH);
            inFlight.acquireUninterruptibly();
            writer.execute(() -> {
                try {
                    if (failure == null) {
                        if (transaction == null) {
                            transaction = cache.changes().beginPage(courseId);
                        }
                        changes.forEach(transaction::apply);
                    }
                } catch (RuntimeException e) {
                    failure = e;
                } finally {
                    inFlight.release();
                }
            });
        }

        int count() {
            return count;
        }

        Set<EntityKind> kinds() {
            return kinds;
        }

        /** Writes what is left and stores it all with the cursor, in one transaction. */
        void commit(String cursor, boolean endOfFeed) {
            handOver();
            await(writer.submit(() -> {
                if (failure != null) {
                    throw failure;
                }
                if (transaction == null) {
                    transaction = cache.changes().beginPage(courseId);
                }
                transaction.commit(cursor, endOfFeed);
                return null;
            }));
        }

        /** Ends the page; what was not committed is rolled back. */
        @Override
        public void close() {
            await(writer.submit(() -> {
                if (transaction != null) {
                    transaction.close();
                    transaction = null;
                }
                return null;
            }));
        }

        private void await(Future<?> future) {
            try {
                future.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while writing the cache", e);
            } catch (ExecutionException e) {
                if (e.getCause() instanceof RuntimeException r) {
                    throw r;
                }
                throw new IllegalStateException(e.getCause());
            }
        }
    }

    @Override
    public void close() {
        writer.shutdown();
    }
}
