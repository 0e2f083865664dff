package nl.sociallearning.workstation.sync.contract;

import nl.sociallearning.workstation.domain.ActionType;
import nl.sociallearning.workstation.domain.Change;
import nl.sociallearning.workstation.domain.EntityKind;
import nl.sociallearning.workstation.domain.ModerationAction;
import nl.sociallearning.workstation.domain.Post;
import nl.sociallearning.workstation.sync.ActionOutcome;
import nl.sociallearning.workstation.sync.CourseConnector;
import nl.sociallearning.workstation.sync.PullRequest;
import nl.sociallearning.workstation.sync.PullResult;
import nl.sociallearning.workstation.sync.SyncException;
import nl.sociallearning.workstation.sync.SyncException.Kind;
import nl.sociallearning.workstation.sync.TransferListener;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.concurrent.TimeUnit;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * What every connector must do, whatever its platform: the engine relies on it. A platform's test extends this
 * class and supplies a {@link PlatformFixture}; each scenario syncs into a {@link Mirror} (the cache in memory)
 * the way the engine does, page by page from the stored cursor.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
public abstract class ConnectorContract {

    /** Small pages, so that every connector's paging is exercised even on small fixtures. */
    protected static final int PAGE = 50;
    private static final int MAX_PAGES = 2_000;

    protected PlatformFixture fixture;
    protected CourseConnector connector;
    protected Mirror mirror;

    protected abstract PlatformFixture startFixture() throws Exception;

    @BeforeEach
    void startServer() throws Exception {
        fixture = startFixture();
        connector = fixture.connect();
        mirror = new Mirror();
    }

    @AfterEach
    void stopServer() throws Exception {
        connector.close();
        fixture.close();
    }

    @Test
    void aFirstSyncBringsEveryPostWithItsThreadAuthorTimeAndParent() throws Exception {
        syncFrom(null);

        assertThat(mirror.ids(fixture.courseId(), EntityKind.POST)).containsExactlyInAnyOrderElementsOf(fixture.postIds());
        assertThat(mirror.ids(fixture.courseId(), EntityKind.THREAD)).containsExactlyInAnyOrderElementsOf(fixture.threadIds());
        Set<String> posts = mirror.ids(fixture.courseId(), EntityKind.POST);
        for (Post post : mirror.posts()) {
            assertThat(post.courseId()).isEqualTo(fixture.courseId());
            assertThat(mirror.thread(post.threadId())).as("thread of post %s", post.id()).isNotNull();
            assertThat(post.authorId()).as("author of post %s", post.id()).isNotBlank();
            assertThat(post.createdAt()).as("time of post %s", post.id()).isAfter(Instant.parse("2000-01-01T00:00:00Z"));
            if (post.parentId() != null) {
                assertThat(posts).as("parent of post %s", post.id()).contains(post.parentId());
            }
        }
    }

    @Test
    void anIncrementalSyncBringsANewReplyFromTheStoredCursor() throws Exception {
        String cursor = syncFrom(null);
        assertThat(cursor).as("a cursor to store").isNotNull();

        String reply = fixture.addReply();
        syncFrom(cursor);

        Post post = mirror.post(reply);
        assertThat(post).as("the new reply").isNotNull();
        assertThat(mirror.thread(post.threadId())).isNotNull();
        assertThat(mirror.ids(fixture.courseId(), EntityKind.POST)).containsExactlyInAnyOrderElementsOf(fixture.postIds());
    }

    @Test
    void anEditArrivesWithItsNewBody() throws Exception {
        String cursor = syncFrom(null);
        String edited = fixture.editPost();
        Post before = mirror.post(edited);
        assertThat(before.bodyHtml()).doesNotContain(PlatformFixture.EDIT_MARK);

        syncFrom(cursor);

        Post after = mirror.post(edited);
        assertThat(after.bodyHtml()).contains(PlatformFixture.EDIT_MARK);
        assertThat(after.version()).as("an edit is a newer version").isGreaterThan(before.version());
    }

    @Test
    void aDeletionArrivesAsDeletedOrRemoved() throws Exception {
        String cursor = syncFrom(null);
        String deleted = fixture.deletePost();
        assertThat(mirror.post(deleted).deleted()).isFalse();

        syncFrom(cursor);

        Post after = mirror.post(deleted);
        assertThat(after == null || after.deleted()).as("post %s deleted or removed", deleted).isTrue();
    }

    @Test
    void everyActionIsSentOrAnsweredLocalOnlyWithoutARequest() throws Exception {
        syncFrom(null);
        for (ActionType type : ActionType.values()) {
            PlatformFixture.Target target = fixture.target(type);
            assertThat(target).as("a target for %s", type).isNotNull();
            ModerationAction action = ModerationAction.create(fixture.courseId(), "moderator", type, target.targetId(),
                    target.baseVersion(), target.payload(), Instant.now());
            int writesBefore = fixture.writesReceived();

            ActionOutcome outcome = connector.send(action);

            if (fixture.localOnly().containsKey(type)) {
                assertThat(outcome).as("%s is local only", type).isInstanceOf(ActionOutcome.LocalOnly.class);
                assertThat(((ActionOutcome.LocalOnly) outcome).detail()).as("why %s stays local", type).isNotBlank();
                assertThat(fixture.writesReceived()).as("%s sends nothing", type).isEqualTo(writesBefore);
            } else {
                assertThat(outcome).as("%s is applied", type).isInstanceOf(ActionOutcome.Applied.class);
                assertThat(fixture.writesReceived()).as("%s reached the server", type).isGreaterThan(writesBefore);
            }
        }
    }

    @Test
    void throttlingBecomesAWaitTheEngineHonours() throws Exception {
        String cursor = syncFrom(null);
        fixture.addReply();
        fixture.throttleNextRequest();

        SyncException e = catchThrowableOfType(SyncException.class, () -> pullAll(cursor));

        assertThat(e).as("a throttled request fails").isNotNull();
        assertThat(e.kind()).isEqualTo(Kind.RATE_LIMITED);
        assertThat(e.retryable()).isTrue();
        Duration wait = e.retryAfter().orElseThrow();
        Thread.sleep(wait.toMillis() + 50);
        syncFrom(cursor);
        assertThat(mirror.ids(fixture.courseId(), EntityKind.POST)).containsExactlyInAnyOrderElementsOf(fixture.postIds());
    }

    @Test
    void aWrongTokenIsAClearErrorThatRetryingCannotFix() throws Exception {
        try (CourseConnector wrong = fixture.connectWithWrongToken()) {
            SyncException e = catchThrowableOfType(SyncException.class,
                    () -> wrong.pull(request(null), c -> { }, TransferListener.NONE));

            assertThat(e).isNotNull();
            assertThat(e.kind()).isIn(Kind.UNAUTHORIZED, Kind.FORBIDDEN);
            assertThat(e.retryable()).isFalse();
            assertThat(e.getMessage()).containsIgnoringCase("token");
        }
    }

    @Test
    void aMalformedBodyIsAClearErrorAndLosesNothing() throws Exception {
        String cursor = syncFrom(null);
        String reply = fixture.addReply();
        Set<String> before = mirror.ids(fixture.courseId(), EntityKind.POST);
        fixture.breakNextBody();

        SyncException e = catchThrowableOfType(SyncException.class, () -> pullAll(cursor));

        assertThat(e).isNotNull();
        assertThat(e.kind()).isEqualTo(Kind.MALFORMED);
        assertThat(e.retryable()).isTrue();
        assertThat(e.getMessage()).isNotBlank();
        assertThat(mirror.ids(fixture.courseId(), EntityKind.POST)).as("the broken page was not applied").isEqualTo(before);

        syncFrom(cursor);
        assertThat(mirror.post(reply)).as("the reply arrives on the next try").isNotNull();
    }

    // --- the engine's way of pulling -------------------------------------------------------------------

    /** Pulls pages from {@code cursor} until the server has no more, applying each whole page; returns the last cursor. */
    protected String syncFrom(String cursor) throws SyncException {
        String current = cursor;
        for (int i = 0; i < MAX_PAGES; i++) {
            List<Change> page = new ArrayList<>();
            PullResult result = connector.pull(request(current), page::add, TransferListener.NONE);
            mirror.apply(page);
            current = result.cursor();
            if (!result.hasMore()) {
                return current;
            }
        }
        throw new AssertionError("the connector never caught up after " + MAX_PAGES + " pages");
    }

    /** Like {@link #syncFrom} but applies nothing: for failures, to prove nothing half-read is kept. */
    private void pullAll(String cursor) throws SyncException {
        String current = cursor;
        for (int i = 0; i < MAX_PAGES; i++) {
            PullResult result = connector.pull(request(current), c -> { }, TransferListener.NONE);
            current = result.cursor();
            if (!result.hasMore()) {
                return;
            }
        }
    }

    protected PullRequest request(String cursor) {
        return new PullRequest(fixture.courseId(), cursor, PAGE, Duration.ZERO, mirror);
    }
}
