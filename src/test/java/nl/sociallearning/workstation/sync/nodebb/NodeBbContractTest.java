package nl.sociallearning.workstation.sync.nodebb;

import nl.sociallearning.workstation.sync.contract.ConnectorContract;
import nl.sociallearning.workstation.sync.contract.PlatformFixture;

import java.time.Duration;

/**
 * The NodeBB connector passes the connector contract against the captured forum. Edits and soft deletes do
 * not move a topic in /api/recent, so NodeBB finds them in its sweep: here every sync sweeps.
 */
class NodeBbContractTest extends ConnectorContract {

    @Override
    protected PlatformFixture startFixture() throws Exception {
        return new NodeBbFixture(Duration.ZERO);
    }
}
