package nl.sociallearning.workstation.sync;

import nl.sociallearning.workstation.sync.api.CourseSyncApiConnector;

/** Makes the connector for a server of a given kind; the one place that knows which class serves which kind. */
public final class ConnectorFactory {

    private ConnectorFactory() {
    }

    public static CourseConnector create(ServerKind kind, ServerAddress address, ServerCredentials credentials) {
        return switch (kind) {
            case COURSE_SYNC_API -> new CourseSyncApiConnector(address, credentials.token());
            case NODEBB, DISCOURSE, MOODLE, CANVAS -> throw new IllegalArgumentException(
                    "This version of the program cannot connect to " + kind + " servers yet.");
        };
    }
}
