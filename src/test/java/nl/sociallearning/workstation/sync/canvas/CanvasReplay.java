package nl.sociallearning.workstation.sync.canvas;

import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/**
 * A Canvas site replayed from {@code src/test/resources/platforms/canvas}: answers by method and path, with the
 * headers Canvas sends ({@code X-Rate-Limit-Remaining} always, {@code Link} on lists). The replay builds its own
 * page addresses, as Canvas does; the connector only follows them.
 */
final class CanvasReplay extends Dispatcher {

    private final Map<String, Deque<Function<RecordedRequest, MockResponse>>> routes = new ConcurrentHashMap<>();
    final List<RecordedRequest> requests = new CopyOnWriteArrayList<>();

    /** Answers {@code "GET /api/v1/…"} (the path, without query) with a file; {@code nextPage} is a path+query or null. */
    CanvasReplay json(String route, String file, String nextPage) {
        return answer(route, r -> ok(read(file), nextPage == null ? null : r.getUrl().resolve(nextPage).toString()));
    }

    CanvasReplay answer(String route, Function<RecordedRequest, MockResponse> answer) {
        Deque<Function<RecordedRequest, MockResponse>> queue = new ArrayDeque<>();
        queue.add(answer);
        routes.put(route, queue);
        return this;
    }

    /** Answers in turn, the last one for ever after. */
    CanvasReplay sequence(String route, List<Function<RecordedRequest, MockResponse>> answers) {
        routes.put(route, new ArrayDeque<>(answers));
        return this;
    }

    static CanvasReplay site() {
        return new CanvasReplay()
                .json("GET /api/v1/users/self", "users_self.json", null)
                .answer("GET /api/v1/courses", r -> "2".equals(r.getUrl().queryParameter("page"))
                        ? ok(read("courses_page2.json"), null)
                        : ok(read("courses_page1.json"), r.getUrl().resolve("/api/v1/courses?page=2&per_page=100").toString()))
                .answer("GET /api/v1/courses/1/discussion_topics", r -> "2".equals(r.getUrl().queryParameter("page"))
                        ? ok(read("list_discussion_topics_page2.json"), null)
                        : ok(read("list_discussion_topics.json"),
                        r.getUrl().resolve("/api/v1/courses/1/discussion_topics?order_by=recent_activity&page=2&per_page=50").toString()))
                .json("GET /api/v1/courses/1/discussion_topics/1/view", "topic_view_1.json", null)
                .json("GET /api/v1/courses/1/discussion_topics/2/view", "topic_view_empty.json", null)
                .json("GET /api/v1/courses/1/users", "course_users.json", null)
                .json("GET /api/v1/courses/1/groups", "course_groups.json", null)
                .json("GET /api/v1/groups/41/users", "group_users.json", null);
    }

    @Override
    public MockResponse dispatch(RecordedRequest request) {
        requests.add(request);
        Deque<Function<RecordedRequest, MockResponse>> queue = routes.get(request.getMethod() + " " + request.getUrl().encodedPath());
        if (queue == null || queue.isEmpty()) {
            return new MockResponse.Builder().code(404).setHeader("Content-Type", "application/json")
                    .setHeader("X-Rate-Limit-Remaining", "700.0")
                    .body("{\"errors\":[{\"message\":\"The specified resource does not exist.\"}]}").build();
        }
        Function<RecordedRequest, MockResponse> answer = queue.size() > 1 ? queue.poll() : queue.peek();
        return answer.apply(request);
    }

    List<String> paths() {
        return requests.stream().map(r -> r.getMethod() + " " + r.getUrl().encodedPath()).toList();
    }

    static MockResponse ok(String body, String next) {
        MockResponse.Builder b = new MockResponse.Builder().code(200).setHeader("Content-Type", "application/json; charset=utf-8")
                .setHeader("X-Rate-Limit-Remaining", "699.5").body(body);
        if (next != null) {
            b.setHeader("Link", "<" + next + ">; rel=\"next\", <" + next.replaceAll("page=\\d+", "page=1") + ">; rel=\"first\"");
        }
        return b.build();
    }

    static MockResponse status(int code, String body, Map<String, String> headers) {
        MockResponse.Builder b = new MockResponse.Builder().code(code).body(body);
        headers.forEach(b::setHeader);
        return b.build();
    }

    static String read(String file) {
        try (InputStream in = CanvasReplay.class.getResourceAsStream("/platforms/canvas/" + file)) {
            if (in == null) {
                throw new IllegalStateException("no replay file " + file);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
