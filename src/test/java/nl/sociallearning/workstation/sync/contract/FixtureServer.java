package nl.sociallearning.workstation.sync.contract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.HttpUrl;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A platform's server in a test: a MockWebServer whose dispatcher answers routes (method + path pattern) from
 * the platform's real responses, kept as mutable JSON so that a test can add, edit or delete a post the way the
 * platform would show it. It checks the credentials on every request, records every request (writes are
 * counted), and can throttle or break the next answer the platform's way.
 */
public final class FixtureServer implements AutoCloseable {

    public static final ObjectMapper JSON = new ObjectMapper();

    /** Answers one route; {@code path} holds the pattern's groups ({@code path.group(1)} …). */
    @FunctionalInterface
    public interface Handler {
        MockResponse answer(RecordedRequest request, Matcher path) throws Exception;
    }

    private record Route(String method, Pattern path, Handler handler) {
    }

    private final MockWebServer server = new MockWebServer();
    private final List<Route> routes = new CopyOnWriteArrayList<>();
    private final List<RecordedRequest> requests = new CopyOnWriteArrayList<>();
    private final Predicate<RecordedRequest> authorised;
    private final Supplier<MockResponse> unauthorised;
    private final Supplier<MockResponse> throttled;
    private volatile boolean throttleNext;
    private volatile boolean breakNext;

    /**
     * @param authorised   whether a request carries the right credentials
     * @param unauthorised the platform's answer to wrong credentials
     * @param throttled    the platform's answer when it throttles (e.g. 429 with Retry-After)
     */
    public FixtureServer(Predicate<RecordedRequest> authorised, Supplier<MockResponse> unauthorised,
                         Supplier<MockResponse> throttled) throws IOException {
        this.authorised = authorised;
        this.unauthorised = unauthorised;
        this.throttled = throttled;
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                return FixtureServer.this.dispatch(request);
            }
        });
        server.start();
    }

    /** Adds a route; the first route whose method and whole path match answers. */
    public FixtureServer on(String method, String pathRegex, Handler handler) {
        routes.add(new Route(method, Pattern.compile(pathRegex), handler));
        return this;
    }

    public HttpUrl url(String path) {
        return server.url(path);
    }

    /** The next request gets the platform's throttling answer. */
    public void throttleNext() {
        throttleNext = true;
    }

    /** The next request gets a 200 whose JSON body is cut off part-way. */
    public void breakNext() {
        breakNext = true;
    }

    public List<RecordedRequest> requests() {
        return new ArrayList<>(requests);
    }

    /** Requests other than GET: the actions that reached the server. */
    public int writes() {
        return (int) requests.stream().filter(r -> !"GET".equals(r.getMethod()) && authorised.test(r)).count();
    }

    private MockResponse dispatch(RecordedRequest request) {
        requests.add(request);
        if (!authorised.test(request)) {
            return unauthorised.get();
        }
        if (throttleNext) {
            throttleNext = false;
            return throttled.get();
        }
        for (Route route : routes) {
            Matcher m = route.path().matcher(request.getUrl().encodedPath());
            if (route.method().equals(request.getMethod()) && m.matches()) {
                try {
                    MockResponse answer = route.handler().answer(request, m);
                    if (breakNext) {
                        breakNext = false;
                        return cutOff(answer);
                    }
                    return answer;
                } catch (Exception e) {
                    return new MockResponse.Builder().code(500).body("fixture failed: " + e).build();
                }
            }
        }
        return new MockResponse.Builder().code(404).setHeader("Content-Type", "application/json")
                .body("{\"error\":\"not found\"}").build();
    }

    private static MockResponse cutOff(MockResponse answer) throws IOException {
        okio.Buffer buffer = new okio.Buffer();
        answer.getBody().writeTo(buffer);
        String body = buffer.readUtf8();
        return new MockResponse.Builder().code(200).setHeader("Content-Type", "application/json")
                .body(body.substring(0, Math.max(1, body.length() * 6 / 10))).build();
    }

    // --- answers ---------------------------------------------------------------------------------------

    public static MockResponse json(JsonNode body) {
        return json(200, body);
    }

    public static MockResponse json(int code, JsonNode body) {
        return new MockResponse.Builder().code(code).setHeader("Content-Type", "application/json; charset=utf-8")
                .body(body.toString()).build();
    }

    /** A real response stored under {@code src/test/resources/platforms/}, as mutable JSON. */
    public static JsonNode load(String resource) {
        try (InputStream in = FixtureServer.class.getResourceAsStream("/platforms/" + resource)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture /platforms/" + resource);
            }
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        server.close();
    }

    /** The parameters of a form-encoded request body (Moodle's web services, Canvas's writes). */
    public static java.util.Map<String, String> form(RecordedRequest request) {
        java.util.Map<String, String> map = new java.util.HashMap<>();
        String body = request.getBody() == null ? "" : request.getBody().utf8();
        for (String pair : body.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                map.put(java.net.URLDecoder.decode(pair.substring(0, eq), java.nio.charset.StandardCharsets.UTF_8),
                        java.net.URLDecoder.decode(pair.substring(eq + 1), java.nio.charset.StandardCharsets.UTF_8));
            }
        }
        return map;
    }
}
