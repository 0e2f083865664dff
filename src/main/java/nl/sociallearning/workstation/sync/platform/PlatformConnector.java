package nl.sociallearning.workstation.sync.platform;

import nl.sociallearning.workstation.sync.ActionOutcome;
import nl.sociallearning.workstation.sync.CourseConnector;
import nl.sociallearning.workstation.sync.SyncException;

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

    /** What to tell the user of an action this platform cannot do: it stays here, and why. */
    protected static ActionOutcome keptHere(String platform, String why) {
        return new ActionOutcome.LocalOnly("Kept in the workstation, not sent to " + platform + ": " + why + ".");
    }

    /**
     * An action the server refused for good (forbidden, gone, refused) is rejected with the server's reason;
     * any other failure (offline, throttled) is thrown on, so the action waits in the outbox and is tried again.
     */
    protected static ActionOutcome rejectedOrRethrow(SyncException e) throws SyncException {
        if (e.kind() == SyncException.Kind.FORBIDDEN || e.kind() == SyncException.Kind.NOT_FOUND
                || e.kind() == SyncException.Kind.REFUSED) {
            return new ActionOutcome.Rejected(e.getMessage());
        }
        throw e;
    }
}
