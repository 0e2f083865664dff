package nl.sociallearning.workstation.sync.discourse;

import nl.sociallearning.workstation.sync.contract.ConnectorContract;
import nl.sociallearning.workstation.sync.contract.PlatformFixture;

import java.time.Duration;

/**
 * The Discourse connector passes the connector contract. Edits and soft deletes do not bump a topic, so they
 * arrive with the sweep: here every sync sweeps, within a budget that never makes the contract wait.
 */
class DiscourseContractTest extends ConnectorContract {

    @Override
    protected PlatformFixture startFixture() throws Exception {
        return new DiscourseFixture(Duration.ZERO, 10_000);
    }
}
