package nl.sociallearning.workstation.sync;

import nl.sociallearning.workstation.domain.Change;

import java.util.List;

/** What the server made of an action. Each carries the server's state of what the action touched, if it sent it. */
public sealed interface ActionOutcome {

    List<Change> serverState();

    /** Applied now, or earlier under the same idempotency key ({@code duplicate}). */
    record Applied(List<Change> serverState, boolean duplicate) implements ActionOutcome { }

    /** Someone changed the target after the moderator saw it; {@code serverState} is how it is now. */
    record Conflict(List<Change> serverState, String detail) implements ActionOutcome { }

    /**
     * The platform has no way to do this (e.g. hiding a post in core Moodle): the action was not sent and stays a
     * local triage action, marked as such; {@code detail} says why, for the moderator.
     */
    record LocalOnly(String detail) implements ActionOutcome {
        public List<Change> serverState() {
            return List.of();
        }
    }

    /** The action cannot apply (e.g. a reply to a removed thread). */
    record Rejected(String detail) implements ActionOutcome {
        public List<Change> serverState() {
            return List.of();
        }
    }
}
