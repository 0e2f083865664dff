package nl.sociallearning.workstation.domain.assessment;

import java.time.Instant;

/**
 * One entry of an assessment's append-only audit log. {@code hash} covers the previous entry's hash and this
 * entry's content; {@code stateHash} is the hash of the whole assessment after the change.
 */
public record AuditEntry(String assessmentId, long seq, Instant at, String actor, String action, String content,
                         String stateHash, String previousHash, String hash) { }
