package nl.sociallearning.workstation.feed;

import nl.sociallearning.workstation.demo.DemoCourseServer;
import nl.sociallearning.workstation.domain.ActionType;
import nl.sociallearning.workstation.domain.OutboxState;
import nl.sociallearning.workstation.domain.Post;
import nl.sociallearning.workstation.domain.TriageRules;
import nl.sociallearning.workstation.domain.TriageState;
import nl.sociallearning.workstation.store.Cache;
import nl.sociallearning.workstation.sync.ServerAddress;
import nl.sociallearning.workstation.sync.SyncEngine;
import nl.sociallearning.workstation.sync.SyncSettings;
import nl.sociallearning.workstation.sync.api.CourseSyncApiConnector;
import nl.sociallearning.workstation.ui.TaskRunner;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The feed's state against a real demo server and cache, without a window (everything on one thread). */
class FeedViewModelTest {

    static final String COURSE = "kinderzorg";

    @TempDir
    Path dir;
    DemoCourseServer server;
    Cache cache;
    CourseSyncApiConnector connector;
    SyncEngine engine;
    FeedViewModel model;

    @BeforeEach
    void setUp() throws Exception {
        server = DemoCourseServer.builder().referenceCourses(List.of(COURSE)).start();
        cache = Cache.open(dir);
        connector = new CourseSyncApiConnector(ServerAddress.of(server.baseUri().toString()), server.token());
        engine = new SyncEngine(connector, cache, SyncSettings.oneOff());
        engine.syncOnce();
        model = new FeedViewModel(cache, TaskRunner.direct(), engine, new TriageRules(Duration.ofHours(24)), Clock.systemUTC(), new SearchIndex());
        model.courseScopeProperty().set(COURSE);
        model.load();
    }

    @AfterEach
    void tearDown() {
        model.dispose();
        engine.close();
        connector.close();
        cache.close();
        server.close();
    }

    @Test
    void theMorningQueueHoldsTheThreadsThatNeedAReplyWithTheirCounts() {
        assertThat(model.queueProperty().get()).isEqualTo(FeedQueue.NEEDS_REPLY);
        assertThat(model.items()).isNotEmpty().allMatch(i -> i.triage().state() == TriageState.NEEDS_REPLY);
        int needsReply = count(FeedQueue.NEEDS_REPLY);
        assertThat(needsReply).isEqualTo(model.items().size());
        assertThat(count(FeedQueue.ALL)).isEqualTo(server.course(COURSE).threads().size());
        assertThat(model.queues()).anyMatch(q -> q.queue().kind() == FeedQueue.Kind.MODULE)
                .anyMatch(q -> q.queue().kind() == FeedQueue.Kind.GROUP);
        var indicators = model.indicatorsProperty().get();
        assertThat(indicators.medianFirstReply()).isNotNull();
        assertThat(indicators.p90FirstReply()).isGreaterThanOrEqualTo(indicators.medianFirstReply());
        assertThat(indicators.moderatorReplies() + indicators.peerReplies()).isPositive();
    }

    @Test
    void searchFindsAThreadByAWordInAReplyAndQueuesNarrowIt() {
        model.queueProperty().set(FeedQueue.ALL);
        Post reply = cache.posts().inThread(COURSE, "t-7").stream().filter(p -> p.parentId() != null).findFirst().orElseThrow();
        String word = nl.sociallearning.workstation.feed.html.PostHtml.plainText(reply.bodyHtml(), 500)
                .split("\\s+")[3].replaceAll("[^\\p{L}]", "");
        model.searchProperty().set(word.toUpperCase());
        assertThat(model.items()).isNotEmpty().anyMatch(i -> i.threadId().equals("t-7"));
        model.searchProperty().set("zzgeenwoordzz");
        assertThat(model.items()).isEmpty();
        model.searchProperty().set("");
        assertThat(model.items()).hasSize(count(FeedQueue.ALL));
    }

    @Test
    void aSavedSearchBecomesAQueueWithALiveCount() throws Exception {
        model.queueProperty().set(FeedQueue.ALL);
        model.searchProperty().set("medicatie");
        int hits = model.items().size();
        assertThat(hits).isPositive();

        model.saveSearch();

        assertThat(model.queueProperty().get()).isEqualTo(FeedQueue.search("medicatie"));
        assertThat(model.searchProperty().get()).isEmpty();
        assertThat(model.items()).hasSize(hits);
        assertThat(count(FeedQueue.search("medicatie"))).isEqualTo(hits);

        model.removeSavedSearch("medicatie");
        assertThat(model.queues()).noneMatch(q -> q.queue().kind() == FeedQueue.Kind.SEARCH);
        assertThat(model.queueProperty().get()).isEqualTo(FeedQueue.NEEDS_REPLY);
    }

    @Test
    void markingDoneTakesTheThreadOutOfTheQueueAndUndoBringsItBack() {
        FeedItem first = model.items().get(0);
        model.selectedProperty().set(first);
        int before = count(FeedQueue.NEEDS_REPLY);

        model.markDone();

        assertThat(model.items()).noneMatch(i -> i.key().equals(first.key()));
        assertThat(count(FeedQueue.NEEDS_REPLY)).isEqualTo(before - 1);
        assertThat(count(FeedQueue.state(TriageState.DONE))).isEqualTo(1);
        var done = model.lastDoneProperty().get();
        assertThat(done.messageKey()).isEqualTo("action.done");
        assertThat(cache.outbox().countPending()).isEqualTo(1);

        done.undo().run();

        assertThat(model.lastDoneProperty().get().messageKey()).isEqualTo("action.undone");
        assertThat(count(FeedQueue.NEEDS_REPLY)).isEqualTo(before);
        assertThat(model.items()).anyMatch(i -> i.key().equals(first.key()));
        assertThat(cache.outbox().countPending()).isZero();
    }

    @Test
    void aBulkActionAppliesToEveryMarkedThread() {
        for (int i = 0; i < 3; i++) {
            model.selectedProperty().set(model.items().get(i));
            model.toggleMark();
        }
        assertThat(model.marked()).hasSize(3);
        model.setState(TriageState.ESCALATED);
        assertThat(count(FeedQueue.state(TriageState.ESCALATED))).isEqualTo(3);
        assertThat(model.marked()).isEmpty();
        assertThat(cache.outbox().log(COURSE)).hasSize(3).allMatch(e -> e.action().type() == ActionType.SET_TRIAGE);
    }

    @Test
    void aReplyShowsAtOnceInTheThreadAndItsDraftSurvivesUntilSent() {
        FeedItem item = model.items().get(0);
        model.selectedProperty().set(item);
        ThreadDetails details = model.detailsProperty().get();
        assertThat(details.posts()).isNotEmpty();
        Post opener = details.posts().get(0).post();

        model.keepDraft(opener, "Dank voor je vraag, ik kom erop terug");
        assertThat(cache.drafts().find(COURSE, opener.id())).get()
                .extracting(d -> d.body()).isEqualTo("Dank voor je vraag, ik kom erop terug");

        model.reply(opener, "<p>Dank voor je vraag!</p>");
        model.selectedProperty().set(null);
        model.selectedProperty().set(model.items().stream().filter(i -> i.key().equals(item.key())).findFirst().orElse(item));

        assertThat(model.detailsProperty().get().posts())
                .anyMatch(n -> n.pendingLocally() && n.post().bodyHtml().equals("<p>Dank voor je vraag!</p>"));
        assertThat(cache.drafts().find(COURSE, opener.id())).isEmpty();
        assertThat(cache.outbox().log(COURSE)).anyMatch(e -> e.action().type() == ActionType.REPLY
                && e.state() == OutboxState.PENDING);
    }

    @Test
    void openingAThreadReadsIt() throws Exception {
        server.simulation().tick();
        for (int i = 0; i < 30; i++) {
            server.simulation().tick();
        }
        engine.syncOnce();
        model.queueProperty().set(FeedQueue.ALL);
        FeedItem unread = model.items().stream().filter(i -> i.row().unread() > 0).findFirst().orElseThrow();
        model.selectedProperty().set(unread);
        assertThat(model.detailsProperty().get().posts()).anyMatch(PostNode::unread);
        assertThat(model.items().stream().filter(i -> i.key().equals(unread.key())).findFirst().orElseThrow().row().unread())
                .isZero();
        assertThat(cache.feed().row(COURSE, unread.threadId()).orElseThrow().unread()).isZero();
    }

    @Test
    void newThreadsArriveWhileTheSelectionStays() throws Exception {
        model.queueProperty().set(FeedQueue.ALL);
        model.atTopProperty().set(false); // the moderator has scrolled down: new threads are counted, not shown on top
        FeedItem chosen = model.items().get(5);
        model.selectedProperty().set(chosen);
        int threadsBefore = model.items().size();
        while (server.course(COURSE).threads().size() == threadsBefore) {
            server.simulation().tick();
        }
        engine.syncOnce();
        assertThat(model.items().size()).isGreaterThan(threadsBefore);
        assertThat(model.selectedProperty().get().key()).isEqualTo(chosen.key());
        assertThat(model.newAboveProperty().get()).isPositive();
    }

    private int count(FeedQueue queue) {
        return model.queues().stream().filter(q -> q.queue().equals(queue)).findFirst().orElseThrow().count();
    }
}
