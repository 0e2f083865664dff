package nl.sociallearning.workstation.sync.moodle;

import nl.sociallearning.workstation.sync.contract.ConnectorContract;
import nl.sociallearning.workstation.sync.contract.PlatformFixture;

import java.time.Duration;

/**
 * The Moodle connector passes the connector contract. Moodle deletes posts for good without making their
 * discussion newer, so only a reconciling pass finds a deletion: here every pass reconciles (live: every six hours).
 */
class MoodleContractTest extends ConnectorContract {

    @Override
    protected PlatformFixture startFixture() throws Exception {
        return new MoodleFixture(Duration.ZERO);
    }
}
