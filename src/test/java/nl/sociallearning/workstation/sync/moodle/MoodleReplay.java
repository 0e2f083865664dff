package nl.sociallearning.workstation.sync.moodle;

import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/**
 * A Moodle site replayed from the answers in {@code src/test/resources/platforms/moodle}: each web service function
 * answers with the file set for it (a function of the call's parameters), as Moodle would, HTTP 200 and JSON.
 */
public final class MoodleReplay extends Dispatcher {

    public record Call(String function, Map<String, String> params) {
    }

    private final Map<String, Function<Map<String, String>, String>> answers = new ConcurrentHashMap<>();
    public final List<Call> calls = new CopyOnWriteArrayList<>();

    public MoodleReplay answer(String function, String file) {
        answers.put(function, p -> file);
        return this;
    }

    public MoodleReplay answer(String function, Function<Map<String, String>, String> file) {
        answers.put(function, file);
        return this;
    }

    /** The standard site: the captured discussion list and the answers modelled around it. */
    public static MoodleReplay site() {
        return new MoodleReplay()
                .answer("core_webservice_get_site_info", "core_webservice_get_site_info.json")
                .answer("core_enrol_get_users_courses", "core_enrol_get_users_courses.json")
                .answer("mod_forum_get_forums_by_courses", "mod_forum_get_forums_by_courses.json")
                .answer("core_enrol_get_enrolled_users", "core_enrol_get_enrolled_users.json")
                .answer("mod_forum_get_forum_discussions", "mod_forum_get_forum_discussions.json")
                .answer("mod_forum_get_discussion_posts", p -> "mod_forum_get_discussion_posts_" + p.get("discussionid") + ".json")
                .answer("core_course_get_updates_since", "core_course_get_updates_since_none.json");
    }

    @Override
    public MockResponse dispatch(RecordedRequest request) {
        if (!request.getUrl().encodedPath().equals("/webservice/rest/server.php")) {
            return new MockResponse.Builder().code(404).setHeader("Content-Type", "text/html").body("<h1>Not found</h1>").build();
        }
        String function = request.getUrl().queryParameter("wsfunction");
        Map<String, String> params = nl.sociallearning.workstation.sync.contract.FixtureServer.form(request);
        calls.add(new Call(function, params));
        Function<Map<String, String>, String> answer = answers.get(function);
        String body = answer == null
                ? "{\"exception\":\"webservice_access_exception\",\"errorcode\":\"accessexception\",\"message\":\"Access control exception\"}"
                : read(answer.apply(params));
        return new MockResponse.Builder().code(200).setHeader("Content-Type", "application/json; charset=utf-8").body(body).build();
    }

    List<String> functions() {
        return calls.stream().map(Call::function).toList();
    }

    static String read(String file) {
        try (InputStream in = MoodleReplay.class.getResourceAsStream("/platforms/moodle/" + file)) {
            if (in == null) {
                throw new IllegalStateException("no replay file " + file);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

}
