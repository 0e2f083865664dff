package nl.sociallearning.workstation.sync;

import nl.sociallearning.workstation.sync.api.CourseSyncApiConnector;
import nl.sociallearning.workstation.sync.discourse.DiscourseConnector;
import nl.sociallearning.workstation.sync.nodebb.NodeBbConnector;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Each kind of server gets its own connector. */
class ConnectorFactoryTest {

    static final ServerAddress ADDRESS = ServerAddress.of("https://forum.example.org");

    @Test
    void eachKindGetsItsConnector() {
        try (CourseConnector api = ConnectorFactory.create(ServerKind.COURSE_SYNC_API, ADDRESS, ServerCredentials.token("t"));
             CourseConnector nodebb = ConnectorFactory.create(ServerKind.NODEBB, ADDRESS, ServerCredentials.token("t"));
             CourseConnector discourse = ConnectorFactory.create(ServerKind.DISCOURSE, ADDRESS,
                     new ServerCredentials("key", "moderator"))) {
            assertThat(api).isInstanceOf(CourseSyncApiConnector.class);
            assertThat(nodebb).isInstanceOf(NodeBbConnector.class);
            assertThat(nodebb.describe()).isEqualTo("NodeBB https://forum.example.org");
            assertThat(discourse).isInstanceOf(DiscourseConnector.class);
        }
    }
}
