package nl.sociallearning.workstation.store;

import nl.sociallearning.workstation.domain.ActionType;
import nl.sociallearning.workstation.domain.Audience;
import nl.sociallearning.workstation.domain.Change;
import nl.sociallearning.workstation.domain.Course;
import nl.sociallearning.workstation.domain.ModerationAction;
import nl.sociallearning.workstation.domain.OutboxState;
import nl.sociallearning.workstation.domain.TriageState;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import static nl.sociallearning.workstation.store.PageTransactionTest.C;
import static nl.sociallearning.workstation.store.PageTransactionTest.T;
import static nl.sociallearning.workstation.store.PageTransactionTest.post;
import static nl.sociallearning.workstation.store.PageTransactionTest.thread;
import static org.assertj.core.api.Assertions.assertThat;

/** Undo until sent: a pending action can be taken back, and the cache looks as if it never happened. */
class OutboxUndoTest {

    @TempDir
    Path dir;
    Cache cache;

    @BeforeEach
    void open() {
        cache = Cache.open(dir);
        cache.changes().saveCourses(List.of(new Course(C, "Cursus", "Org", Audience.EMPLOYER, T, T, ZoneId.of("UTC"), 3)));
        try (PageTransaction page = cache.changes().beginPage(C)) {
            page.apply(new Change.ThreadUpsert(thread("t-1")));
            page.apply(new Change.PostUpsert(post("m-1", "t-1", null, 1, "<p>Wie weet dit?</p>")));
            page.commit("c-1", true);
        }
    }

    @AfterEach
    void close() {
        cache.close();
    }

    ModerationAction act(ActionType type, String target, Map<String, String> payload) {
        ModerationAction a = ModerationAction.create(C, "mod-1", type, target, 1, payload, T.plusSeconds(60));
        cache.outbox().enqueue(a);
        return a;
    }

    @Test
    void undoingAHidePutsThePostBack() {
        ModerationAction hide = act(ActionType.HIDE, "m-1", Map.of());
        assertThat(cache.posts().find(C, "m-1").orElseThrow().hidden()).isTrue();

        assertThat(cache.outbox().discard(hide.id())).isTrue();

        assertThat(cache.posts().find(C, "m-1").orElseThrow().hidden()).isFalse();
        assertThat(cache.outbox().find(hide.id()).orElseThrow().state()).isEqualTo(OutboxState.DISCARDED);
        assertThat(cache.outbox().countPending()).isZero();
    }

    @Test
    void anActionBeingSentCanNoLongerBeTakenBack() {
        ModerationAction lock = act(ActionType.LOCK, "t-1", Map.of());
        assertThat(cache.outbox().claimForSending(lock.id())).isTrue();
        assertThat(cache.outbox().discard(lock.id())).isFalse();
        assertThat(cache.threads().find(C, "t-1").orElseThrow().locked()).isTrue();
        assertThat(cache.outbox().countPending()).isEqualTo(1);
    }

    @Test
    void undoingOneOfTwoActionsOnAPostKeepsTheOther() {
        ModerationAction hide = act(ActionType.HIDE, "m-1", Map.of());
        ModerationAction delete = act(ActionType.DELETE, "m-1", Map.of());
        assertThat(cache.outbox().discard(hide.id())).isTrue();
        var p = cache.posts().find(C, "m-1").orElseThrow();
        assertThat(p.hidden()).isFalse();
        assertThat(p.deleted()).isTrue();
        assertThat(cache.outbox().find(delete.id()).orElseThrow().state()).isEqualTo(OutboxState.PENDING);
    }

    @Test
    void undoingAReplyRemovesItAndUndoingTriageRestoresThePreviousOne() {
        act(ActionType.SET_TRIAGE, "t-1", Map.of("state", "IN_PROGRESS", "assignee", "mod-1"));
        ModerationAction done = act(ActionType.SET_TRIAGE, "t-1", Map.of("state", "DONE"));
        ModerationAction reply = act(ActionType.REPLY, "m-1", Map.of("bodyHtml", "<p>Ik!</p>"));
        assertThat(cache.posts().inThread(C, "t-1")).hasSize(2);
        assertThat(cache.feed().row(C, "t-1").orElseThrow().replies()).isEqualTo(1);

        cache.outbox().discard(reply.id());
        cache.outbox().discard(done.id());

        assertThat(cache.posts().inThread(C, "t-1")).hasSize(1);
        assertThat(cache.feed().row(C, "t-1").orElseThrow().replies()).as("the feed's figures follow").isZero();
        var triage = cache.feed().row(C, "t-1").orElseThrow().triage();
        assertThat(triage.state()).isEqualTo(TriageState.IN_PROGRESS);
        assertThat(triage.assignee()).isEqualTo("mod-1");
    }
}
