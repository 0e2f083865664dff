package nl.sociallearning.workstation.bench;

import nl.sociallearning.workstation.domain.Change;
import nl.sociallearning.workstation.domain.Course;
import nl.sociallearning.workstation.domain.ModerationAction;
import nl.sociallearning.workstation.domain.UserIdentity;
import nl.sociallearning.workstation.sync.ActionOutcome;
import nl.sociallearning.workstation.sync.ChangeSink;
import nl.sociallearning.workstation.sync.CourseConnector;
import nl.sociallearning.workstation.sync.PullRequest;
import nl.sociallearning.workstation.sync.PullResult;
import nl.sociallearning.workstation.sync.SyncException;
import nl.sociallearning.workstation.sync.TransferListener;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/** Counts the requests a connector makes (each call is one HTTP request for the Course Sync API). */
final class CountingConnector implements CourseConnector {

    private final CourseConnector inner;
    final AtomicInteger requests = new AtomicInteger();

    CountingConnector(CourseConnector inner) {
        this.inner = inner;
    }

    @Override
    public String describe() {
        return inner.describe();
    }

    @Override
    public UserIdentity me() throws SyncException {
        requests.incrementAndGet();
        return inner.me();
    }

    @Override
    public List<Course> courses() throws SyncException {
        requests.incrementAndGet();
        return inner.courses();
    }

    @Override
    public PullResult pull(PullRequest request, ChangeSink sink, TransferListener transfer) throws SyncException {
        requests.incrementAndGet();
        return inner.pull(request, sink, transfer);
    }

    @Override
    public List<Change> thread(String courseId, String threadId) throws SyncException {
        requests.incrementAndGet();
        return inner.thread(courseId, threadId);
    }

    @Override
    public ActionOutcome send(ModerationAction action) throws SyncException {
        requests.incrementAndGet();
        return inner.send(action);
    }

    @Override
    public void cancel(String courseId) {
        inner.cancel(courseId);
    }

    @Override
    public void close() {
        inner.close();
    }
}
