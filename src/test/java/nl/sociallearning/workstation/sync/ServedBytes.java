package nl.sociallearning.workstation.sync;

import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;

import java.util.concurrent.atomic.AtomicLong;

/** A replayed platform that counts the bytes of the bodies it serves, to compare with what a connector reports. */
public final class ServedBytes extends Dispatcher {

    private final Dispatcher replay;
    private final AtomicLong served = new AtomicLong();

    public ServedBytes(Dispatcher replay) {
        this.replay = replay;
    }

    public long total() {
        return served.get();
    }

    @Override
    public MockResponse dispatch(RecordedRequest request) throws InterruptedException {
        MockResponse response = replay.dispatch(request);
        if (response.getBody() != null) {
            served.addAndGet(Math.max(0, response.getBody().getContentLength()));
        }
        return response;
    }
}
