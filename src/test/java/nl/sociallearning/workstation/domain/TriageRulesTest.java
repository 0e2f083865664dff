package nl.sociallearning.workstation.domain;

import nl.sociallearning.workstation.domain.TriageRules.Facts;
import nl.sociallearning.workstation.domain.TriageRules.Reason;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class TriageRulesTest {

    static final Instant NOW = Instant.parse("2026-11-20T12:00:00Z");
    final TriageRules rules = new TriageRules(Duration.ofHours(24));

    static Facts facts(Duration age, boolean answered, boolean question, boolean firstPost, int flags, int held,
                       Instant lastParticipant, Instant lastModerator) {
        return new Facts(NOW.minus(age), false, answered, question, firstPost, flags, held, lastParticipant, lastModerator);
    }

    @Test
    void aFreshThreadIsNewAndAnOldUnansweredOneNeedsAReply() {
        assertThat(rules.assess(facts(Duration.ofHours(3), false, false, false, 0, 0, null, null), null, NOW).state())
                .isEqualTo(TriageState.NEW);
        var old = rules.assess(facts(Duration.ofHours(25), false, false, false, 0, 0, null, null), null, NOW);
        assertThat(old.state()).isEqualTo(TriageState.NEEDS_REPLY);
        assertThat(old.reasons()).containsExactly(Reason.UNANSWERED);
        assertThat(old.waitingSince()).isEqualTo(NOW.minus(Duration.ofHours(25)));
    }

    @Test
    void aNewcomersFirstPostAQuestionAFlagOrAHeldPostNeedTheModeratorAtOnce() {
        assertThat(rules.assess(facts(Duration.ofMinutes(5), false, false, true, 0, 0, null, null), null, NOW).reasons())
                .containsExactly(Reason.FIRST_POST);
        assertThat(rules.assess(facts(Duration.ofMinutes(5), false, true, false, 0, 0, null, null), null, NOW).reasons())
                .containsExactly(Reason.QUESTION);
        assertThat(rules.assess(facts(Duration.ofMinutes(5), true, true, true, 2, 1, null, null), null, NOW).reasons())
                .as("answered: only the flag and the held post remain").containsExactly(Reason.FLAGGED, Reason.HELD_FOR_APPROVAL);
    }

    @Test
    void aDoneThreadReopensWhenAParticipantPostsAgain() {
        Instant doneAt = NOW.minus(Duration.ofHours(5));
        Triage done = new Triage("c", "t", TriageState.DONE, null, null, doneAt);
        assertThat(rules.assess(facts(Duration.ofDays(2), true, false, false, 0, 0, doneAt.minusSeconds(60), doneAt), done, NOW)
                .state()).isEqualTo(TriageState.DONE);
        var reopened = rules.assess(facts(Duration.ofDays(2), true, false, false, 0, 0, NOW.minusSeconds(60), doneAt), done, NOW);
        assertThat(reopened.state()).isEqualTo(TriageState.NEEDS_REPLY);
        assertThat(reopened.reasons()).contains(Reason.REOPENED);
    }

    @Test
    void aSnoozedThreadWakesWhenItsTimeComes() {
        Facts unanswered = facts(Duration.ofDays(2), false, false, false, 0, 0, null, null);
        Triage sleeping = new Triage("c", "t", TriageState.SNOOZED, null, NOW.plusSeconds(3600), NOW.minusSeconds(60));
        Triage woken = new Triage("c", "t", TriageState.SNOOZED, null, NOW.minusSeconds(1), NOW.minusSeconds(7200));
        assertThat(rules.assess(unanswered, sleeping, NOW).state()).isEqualTo(TriageState.SNOOZED);
        assertThat(rules.assess(unanswered, woken, NOW).state()).isEqualTo(TriageState.NEEDS_REPLY);
    }

    @Test
    void aThreadWaitsFromTheFirstParticipantPostAfterTheModeratorsLastWord() {
        Instant moderator = NOW.minus(Duration.ofHours(10));
        Instant participant = NOW.minus(Duration.ofHours(2));
        assertThat(rules.assess(facts(Duration.ofDays(1), true, false, false, 0, 0, participant, moderator), null, NOW)
                .waitingSince()).isEqualTo(participant);
        assertThat(rules.assess(facts(Duration.ofDays(1), true, false, false, 0, 0, moderator, participant), null, NOW)
                .waitingSince()).as("the moderator spoke last").isNull();
    }

    @Test
    void aModeratorsOwnThreadNeedsNoModeratorReply() {
        var welcome = new Facts(NOW.minus(Duration.ofDays(3)), true, false, true, true, 0, 0, null, null);
        assertThat(rules.assess(welcome, null, NOW).state()).isEqualTo(TriageState.NEW);
        var flagged = new Facts(NOW.minus(Duration.ofDays(3)), true, false, true, true, 1, 0, null, null);
        assertThat(rules.assess(flagged, null, NOW).reasons()).containsExactly(Reason.FLAGGED);
    }

    @Test
    void aManualStateWins() {
        Triage escalated = new Triage("c", "t", TriageState.ESCALATED, "mod-2", null, NOW);
        assertThat(rules.assess(facts(Duration.ofHours(1), true, false, false, 0, 0, null, null), escalated, NOW).state())
                .isEqualTo(TriageState.ESCALATED);
    }
}
