package nl.sociallearning.workstation.sync.contract;

/** A platform fixture served by a {@link FixtureServer}: throttling, broken bodies and writes are the server's. */
public interface ServedFixture extends PlatformFixture {

    FixtureServer server();

    @Override
    default void throttleNextRequest() {
        server().throttleNext();
    }

    @Override
    default void breakNextBody() {
        server().breakNext();
    }

    @Override
    default int writesReceived() {
        return server().writes();
    }

    @Override
    default void close() {
        server().close();
    }
}
