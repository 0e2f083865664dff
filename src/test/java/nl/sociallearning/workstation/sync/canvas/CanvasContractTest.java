package nl.sociallearning.workstation.sync.canvas;

import nl.sociallearning.workstation.sync.contract.ConnectorContract;
import nl.sociallearning.workstation.sync.contract.PlatformFixture;

import java.time.Duration;

/**
 * The Canvas connector passes the connector contract. Editing or deleting an entry changes no time of its topic,
 * so only a pass that reads every topic finds them: here every pass does (live: every six hours).
 */
class CanvasContractTest extends ConnectorContract {

    @Override
    protected PlatformFixture startFixture() throws Exception {
        return new CanvasFixture(Duration.ZERO);
    }
}
