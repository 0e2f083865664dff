package nl.sociallearning.workstation.sync.platform;

import nl.sociallearning.workstation.sync.CourseConnector;

/**
 * What every platform connector has: its HTTP ({@link PlatformHttp}) and its paced polls ({@link PollPacer}).
 * Cancelling a course ends its wait and its request in flight; closing ends all of them.
 */
public abstract class PlatformConnector implements CourseConnector {

    protected final PlatformHttp http;
    protected final PollPacer pacer;

    protected PlatformConnector(PlatformHttp http, PollPacer pacer) {
        this.http = http;
        this.pacer = pacer;
    }

    @Override
    public final void cancel(String courseId) {
        pacer.cancel(courseId);
        http.cancel(courseId);
    }

    @Override
    public final void close() {
        pacer.cancelAll();
        http.close();
    }
}
