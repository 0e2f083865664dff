package nl.sociallearning.workstation.sync.api;

import nl.sociallearning.workstation.demo.DemoCourse;
import nl.sociallearning.workstation.demo.DemoCourseServer;
import nl.sociallearning.workstation.demo.FaultPlan;
import nl.sociallearning.workstation.domain.ActionType;
import nl.sociallearning.workstation.domain.Approval;
import nl.sociallearning.workstation.domain.DiscussionThread;
import nl.sociallearning.workstation.domain.Post;
import nl.sociallearning.workstation.sync.CourseConnector;
import nl.sociallearning.workstation.sync.ServerAddress;
import nl.sociallearning.workstation.sync.contract.ConnectorContract;
import nl.sociallearning.workstation.sync.contract.PlatformFixture;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** The Course Sync API connector passes the connector contract against the real demo course server. */
class CourseSyncApiContractTest extends ConnectorContract {

    @Override
    protected PlatformFixture startFixture() throws Exception {
        return new DemoFixture(DemoCourseServer.builder().referenceCourses(List.of("kinderzorg")).start());
    }

    /** The demo server changed the way its live simulation does, through its course model. */
    static final class DemoFixture implements PlatformFixture {
        private final DemoCourseServer server;
        private final DemoCourse course;
        private int added;

        DemoFixture(DemoCourseServer server) {
            this.server = server;
            this.course = server.course("kinderzorg");
        }

        @Override
        public CourseConnector connect() {
            return new CourseSyncApiConnector(ServerAddress.of(server.baseUri().toString()), server.token());
        }

        @Override
        public CourseConnector connectWithWrongToken() {
            return new CourseSyncApiConnector(ServerAddress.of(server.baseUri().toString()), "not-" + server.token());
        }

        @Override
        public String courseId() {
            return course.id();
        }

        @Override
        public Set<String> postIds() {
            return course.posts().stream().map(Post::id).collect(Collectors.toSet());
        }

        @Override
        public Set<String> threadIds() {
            return course.threads().stream().map(DiscussionThread::id).collect(Collectors.toSet());
        }

        @Override
        public String addReply() {
            Post opener = livePost();
            Post reply = new Post(course.id(), "m-contract-" + (++added), opener.threadId(), opener.id(), opener.authorId(),
                    Instant.now(), null, "<p>A new reply</p>", false, false, Approval.APPROVED, 0, 1);
            course.put(reply);
            return reply.id();
        }

        @Override
        public String editPost() {
            Post p = livePost();
            course.put(new Post(p.courseId(), p.id(), p.threadId(), p.parentId(), p.authorId(), p.createdAt(), Instant.now(),
                    p.bodyHtml() + "<p>" + EDIT_MARK + "</p>", p.hidden(), p.deleted(), p.approval(), p.flagCount(),
                    p.version() + 1));
            return p.id();
        }

        @Override
        public String deletePost() {
            Post p = livePost();
            course.removePost(p.id());
            return p.id();
        }

        private Post livePost() {
            return course.posts().stream()
                    .filter(p -> !p.deleted() && !p.hidden() && p.approval() == Approval.APPROVED && p.parentId() == null)
                    .filter(p -> course.thread(p.threadId()).map(t -> !t.locked()).orElse(false))
                    .findFirst().orElseThrow();
        }

        @Override
        public void throttleNextRequest() {
            server.faults().next(FaultPlan.Fault.RATE_LIMIT, 1);
        }

        @Override
        public void breakNextBody() {
            server.faults().next(FaultPlan.Fault.TRUNCATED_JSON, 1);
        }

        @Override
        public int writesReceived() {
            return server.appliedActions().size();
        }

        @Override
        public Target target(ActionType type) {
            List<Post> pending = course.posts().stream().filter(p -> p.approval() == Approval.PENDING).toList();
            Post post = livePost();
            return switch (type) {
                case REPLY -> new Target(post.id(), null, Map.of("bodyHtml", "<p>Thanks!</p>"));
                case APPROVE -> Target.of(pending.get(0).id());
                case REJECT -> Target.of(pending.get(1).id());
                case LOCK, UNLOCK, PIN, UNPIN -> Target.of(post.threadId());
                case SET_TRIAGE -> new Target(post.threadId(), null, Map.of("state", "DONE"));
                case NOTE -> new Target(post.threadId(), null, Map.of("text", "Follow up next week"));
                default -> Target.of(post.id());
            };
        }

        @Override
        public Map<ActionType, String> localOnly() {
            return Map.of();
        }

        @Override
        public void close() {
            server.close();
        }
    }
}
