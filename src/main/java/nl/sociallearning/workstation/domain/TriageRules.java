package nl.sociallearning.workstation.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;

/**
 * Where a thread stands in the moderator's queue. The data sets a state where it can (unanswered too long,
 * a newcomer's first post, a question nobody answered, flags, posts held for approval); a moderator's own
 * choice overrides it, except that a thread marked done reopens when a participant posts again, and a
 * snoozed thread wakes up when its time comes.
 */
public final class TriageRules {

    /** Why the data says a thread needs the moderator. */
    public enum Reason { UNANSWERED, FIRST_POST, QUESTION, FLAGGED, HELD_FOR_APPROVAL, REOPENED }

    /** What the cache knows of a thread, as far as triage cares. */
    public record Facts(
            Instant createdAt,
            boolean openedByModerator,
            boolean answered,
            boolean openerQuestion,
            boolean authorFirstPost,
            int flags,
            int held,
            Instant lastParticipantPostAt,
            Instant lastModeratorPostAt) {
    }

    /** The outcome: the state shown, the reasons behind it, and since when the thread waits for a reply (or null). */
    public record Assessment(TriageState state, Set<Reason> reasons, Instant waitingSince) {
        public boolean needsReply() {
            return state == TriageState.NEEDS_REPLY;
        }
    }

    /** The rules the program runs by: a thread waits for a reply after 24 hours. The feed and the reports share them. */
    public static final TriageRules STANDARD = new TriageRules(Duration.ofHours(24));

    private final Duration unansweredAfter;

    /** @param unansweredAfter how long a thread may go without a reply before it needs one (e.g. 24 h) */
    public TriageRules(Duration unansweredAfter) {
        this.unansweredAfter = unansweredAfter;
    }

    public Duration unansweredAfter() {
        return unansweredAfter;
    }

    /** @param manual the moderators' own triage of the thread, or null */
    public Assessment assess(Facts f, Triage manual, Instant now) {
        Set<Reason> reasons = EnumSet.noneOf(Reason.class);
        // A moderator's own thread (a welcome, a weekly question) waits for participants, not for a moderator.
        if (!f.answered() && !f.openedByModerator()) {
            if (!f.createdAt().plus(unansweredAfter).isAfter(now)) {
                reasons.add(Reason.UNANSWERED);
            }
            if (f.authorFirstPost()) {
                reasons.add(Reason.FIRST_POST);
            }
            if (f.openerQuestion()) {
                reasons.add(Reason.QUESTION);
            }
        }
        if (f.flags() > 0) {
            reasons.add(Reason.FLAGGED);
        }
        if (f.held() > 0) {
            reasons.add(Reason.HELD_FOR_APPROVAL);
        }
        Instant waiting = waitingSince(f);
        TriageState automatic = reasons.isEmpty() ? TriageState.NEW : TriageState.NEEDS_REPLY;
        if (manual == null) {
            return new Assessment(automatic, reasons, waiting);
        }
        switch (manual.state()) {
            case SNOOZED -> {
                if (manual.snoozedUntil() != null && manual.snoozedUntil().isAfter(now)) {
                    return new Assessment(TriageState.SNOOZED, reasons, waiting);
                }
                return new Assessment(automatic, reasons, waiting);
            }
            case DONE -> {
                if (f.lastParticipantPostAt() != null && f.lastParticipantPostAt().isAfter(manual.updatedAt())) {
                    reasons.add(Reason.REOPENED);
                    return new Assessment(TriageState.NEEDS_REPLY, reasons, waiting);
                }
                return new Assessment(TriageState.DONE, reasons, null);
            }
            default -> {
                return new Assessment(manual.state(), reasons, waiting);
            }
        }
    }

    /** Unanswered: since it was opened. Otherwise since a participant posted after the last moderator post. */
    private static Instant waitingSince(Facts f) {
        if (!f.answered() && !f.openedByModerator()) {
            return f.createdAt();
        }
        Instant participant = f.lastParticipantPostAt();
        Instant moderator = f.lastModeratorPostAt();
        return participant != null && (moderator == null || participant.isAfter(moderator)) ? participant : null;
    }
}
