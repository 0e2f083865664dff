package nl.sociallearning.workstation.sync;

import nl.sociallearning.workstation.sync.api.CourseSyncApiConnector;
import nl.sociallearning.workstation.sync.canvas.CanvasConnector;
import nl.sociallearning.workstation.sync.moodle.MoodleConnector;

/** Makes the connector for a server of a given kind; the one place that knows which class serves which kind. */
public final class ConnectorFactory {

    private ConnectorFactory() {
    }

    public static CourseConnector create(ServerKind kind, ServerAddress address, ServerCredentials credentials) {
        return switch (kind) {
            case COURSE_SYNC_API -> new CourseSyncApiConnector(address, credentials.token());
            case MOODLE -> new MoodleConnector(address, credentials.token());
            case CANVAS -> new CanvasConnector(address, credentials.token());
            case NODEBB -> new nl.sociallearning.workstation.sync.nodebb.NodeBbConnector(address, credentials);
            case DISCOURSE -> new nl.sociallearning.workstation.sync.discourse.DiscourseConnector(address, credentials);
        };
    }
}
