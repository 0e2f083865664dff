package nl.sociallearning.workstation.assessment.audit;

import com.fasterxml.jackson.databind.node.ObjectNode;
import nl.sociallearning.workstation.domain.assessment.AuditEntry;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

/**
 * The append-only audit log of a locked assessment. Each entry's hash is SHA-256 over the previous entry's hash
 * and the entry's own content, so an entry edited or removed in the database breaks every hash after it; the last
 * entry's state hash must match the assessment as it is now, so a record edited directly breaks that.
 */
public final class AuditChain {

    public static final String GENESIS = "0".repeat(64);

    /** What verification found. {@code seq} is the first entry that does not hold (0 for the state or an empty log). */
    public record Verification(Status status, long seq) {
        public boolean intact() {
            return status == Status.INTACT;
        }
    }

    public enum Status { INTACT, NOT_LOCKED, ENTRY_CHANGED, CHAIN_BROKEN, STATE_CHANGED }

    private AuditChain() {
    }

    public static AuditEntry next(List<AuditEntry> log, String assessmentId, Instant at, String actor, String action,
                                  String content, String stateHash) {
        long seq = log.isEmpty() ? 1 : log.get(log.size() - 1).seq() + 1;
        String previous = log.isEmpty() ? GENESIS : log.get(log.size() - 1).hash();
        return new AuditEntry(assessmentId, seq, at, actor, action, content, stateHash, previous,
                hash(previous, assessmentId, seq, at, actor, action, content, stateHash));
    }

    static String hash(String previous, String assessmentId, long seq, Instant at, String actor, String action,
                       String content, String stateHash) {
        ObjectNode o = Canonical.MAPPER.createObjectNode();
        o.put("assessment", assessmentId);
        o.put("seq", seq);
        o.put("at", at.toString());
        o.put("actor", actor);
        o.put("action", action);
        o.put("content", content);
        o.put("state", stateHash);
        byte[] body = Canonical.bytes(o);
        byte[] prefix = (previous + "\n").getBytes(StandardCharsets.US_ASCII);
        byte[] all = new byte[prefix.length + body.length];
        System.arraycopy(prefix, 0, all, 0, prefix.length);
        System.arraycopy(body, 0, all, prefix.length, body.length);
        return Canonical.sha256(all);
    }

    /** Checks the log entry by entry, then the assessment as it is now against the last recorded state. */
    public static Verification verify(List<AuditEntry> log, String currentStateHash) {
        if (log.isEmpty()) {
            return new Verification(Status.NOT_LOCKED, 0);
        }
        String previous = GENESIS;
        long expectedSeq = 1;
        for (AuditEntry e : log) {
            if (e.seq() != expectedSeq || !e.previousHash().equals(previous)) {
                return new Verification(Status.CHAIN_BROKEN, e.seq());
            }
            String recomputed = hash(previous, e.assessmentId(), e.seq(), e.at(), e.actor(), e.action(), e.content(), e.stateHash());
            if (!recomputed.equals(e.hash())) {
                return new Verification(Status.ENTRY_CHANGED, e.seq());
            }
            previous = e.hash();
            expectedSeq++;
        }
        if (!log.get(log.size() - 1).stateHash().equals(currentStateHash)) {
            return new Verification(Status.STATE_CHANGED, 0);
        }
        return new Verification(Status.INTACT, 0);
    }
}
