package nl.sociallearning.workstation.sync.platform;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import nl.sociallearning.workstation.sync.ServerAddress;
import nl.sociallearning.workstation.sync.SyncException;
import nl.sociallearning.workstation.sync.SyncException.Kind;
import nl.sociallearning.workstation.sync.TransferListener;
import okhttp3.Call;
import okhttp3.Headers;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * HTTP for the platform connectors: one JSON request at a time, authorised the platform's way, within its
 * {@link RateBudget}, cancellable per course, with every failure turned into a {@link SyncException} whose message
 * a moderator can act on. A platform's own error quirks (Canvas' 403 throttling, Moodle's errors as HTTP 200)
 * go in a {@link FailureRule}.
 */
public final class PlatformHttp implements AutoCloseable {

    public static final MediaType JSON_TYPE = MediaType.get("application/json");

    /** An answer: its status, headers and JSON body (a {@code MissingNode} if it had none). */
    public record Reply(int code, Headers headers, JsonNode body) {
    }

    /**
     * An answer as a platform's {@link FailureRule} sees it: where it came from, its status and headers, its JSON
     * body (a {@code MissingNode} if it had none or it is not JSON), and, when it is not JSON, the parser's reason.
     */
    public record Answer(HttpUrl url, int code, Headers headers, JsonNode body, byte[] bytes, String unreadable) {
        public boolean successful() {
            return code >= 200 && code < 300;
        }

        /** The body as text, for answers that are not JSON (Canvas' throttling, a web server's HTML page). */
        public String text() {
            return new String(bytes, StandardCharsets.UTF_8);
        }
    }

    /**
     * A platform's reading of an answer, asked first for every answer (also a successful one: Moodle's errors come
     * with HTTP 200); null means "the usual reading".
     */
    @FunctionalInterface
    public interface FailureRule {
        SyncException classify(Answer answer);
    }

    private final ServerAddress server;
    private final HttpUrl base;
    private final Consumer<Request.Builder> auth;
    private final RateBudget budget;
    private final FailureRule rule;
    private final OkHttpClient http;
    private final ObjectMapper json = new ObjectMapper();
    private final Map<String, Set<Call>> calls = new ConcurrentHashMap<>();

    public PlatformHttp(ServerAddress server, Consumer<Request.Builder> auth, RateBudget budget, FailureRule rule) {
        this(server, auth, budget, rule, client(Duration.ofSeconds(45)));
    }

    /** A client for a platform's requests, with its read timeout. */
    public static OkHttpClient client(Duration readTimeout) {
        return new OkHttpClient.Builder()
                .connectTimeout(Duration.ofSeconds(10))
                .readTimeout(readTimeout)
                // Retries are the engine's: with backoff, and visible.
                .retryOnConnectionFailure(false)
                .build();
    }

    /** With the platform's own client (timeouts; tests). */
    public PlatformHttp(ServerAddress server, Consumer<Request.Builder> auth, RateBudget budget, FailureRule rule,
                        OkHttpClient http) {
        this.server = server;
        this.base = HttpUrl.get(server.baseUri().toString());
        this.auth = auth;
        this.budget = budget;
        this.rule = rule == null ? answer -> null : rule;
        this.http = http;
    }

    public ServerAddress server() {
        return server;
    }

    public ObjectMapper json() {
        return json;
    }

    public RateBudget budget() {
        return budget;
    }

    /** The address of a resource below the base; each segment is encoded as a path segment. */
    public HttpUrl.Builder url(String... segments) {
        HttpUrl.Builder url = base.newBuilder();
        for (String segment : segments) {
            url.addPathSegment(segment);
        }
        return url;
    }

    public JsonNode get(String courseId, HttpUrl url, TransferListener transfer) throws SyncException {
        return call(courseId, new Request.Builder().url(url).get(), Set.of(), transfer).body();
    }

    public JsonNode get(String courseId, HttpUrl url) throws SyncException {
        return get(courseId, url, TransferListener.NONE);
    }

    /** A read whose {@code tolerated} error codes (e.g. 403 for what only some roles may see) come back as replies. */
    public Reply get(String courseId, HttpUrl url, Set<Integer> tolerated, TransferListener transfer) throws SyncException {
        return call(courseId, new Request.Builder().url(url).get(), tolerated, transfer);
    }

    /** A write: {@code method} with a JSON body (null for none); {@code expected} error codes come back as replies. */
    public Reply write(String courseId, String method, HttpUrl url, JsonNode body, Set<Integer> expected)
            throws SyncException {
        RequestBody content = body == null
                ? (method.equals("DELETE") ? null : RequestBody.create(new byte[0], JSON_TYPE))
                : RequestBody.create(body.toString(), JSON_TYPE);
        return call(courseId, new Request.Builder().url(url).method(method, content), expected, TransferListener.NONE);
    }

    /** Runs one call, turning every way it can fail into a {@link SyncException}. */
    public Reply call(String courseId, Request.Builder request, Set<Integer> expected, TransferListener transfer)
            throws SyncException {
        budget.spend();
        request.header("Accept", "application/json");
        auth.accept(request);
        Call call = http.newCall(request.build());
        String key = courseId == null ? "" : courseId;
        calls.computeIfAbsent(key, k -> ConcurrentHashMap.newKeySet()).add(call);
        try (Response response = call.execute()) {
            byte[] bytes = response.body().bytes();
            transfer.bytesRead(bytes.length);
            Answer answer = answer(call.request().url(), response, bytes);
            SyncException special = rule.classify(answer);
            if (special != null) {
                special.retryAfter().ifPresent(budget::pause);
                throw special;
            }
            if (!response.isSuccessful() && !expected.contains(response.code())) {
                SyncException failure = HttpFailures.from(answer.code(), answer.headers(), detail(answer.code(), answer.body()));
                failure.retryAfter().ifPresent(budget::pause);
                throw failure;
            }
            if (answer.unreadable() != null) {
                throw malformed("the answer was cut off or is not valid JSON (" + answer.unreadable() + ")", null);
            }
            return new Reply(answer.code(), answer.headers(), answer.body());
        } catch (IOException e) {
            if (call.isCanceled()) {
                throw new SyncException(Kind.CANCELLED, "Stopped by the user.", null, e);
            }
            throw HttpFailures.fromIo(server, e);
        } finally {
            calls.get(key).remove(call);
        }
    }

    /**
     * The body as JSON. An answer that is not JSON is kept with the reason; an error answer may be HTML or empty,
     * which is read as "no body", not as a protocol error.
     */
    private Answer answer(HttpUrl url, Response response, byte[] bytes) {
        if (bytes.length == 0) {
            return new Answer(url, response.code(), response.headers(), json.missingNode(), bytes, null);
        }
        try {
            JsonNode node = json.readTree(bytes);
            return new Answer(url, response.code(), response.headers(), node == null ? json.missingNode() : node, bytes, null);
        } catch (JsonProcessingException e) {
            return new Answer(url, response.code(), response.headers(), json.missingNode(), bytes,
                    Objects.requireNonNullElse(e.getOriginalMessage(), "not JSON"));
        } catch (IOException e) {
            return new Answer(url, response.code(), response.headers(), json.missingNode(), bytes,
                    Objects.requireNonNullElse(e.getMessage(), "unreadable"));
        }
    }

    /**
     * The engine hears a pull's running total of bytes; {@link #call} tells each answer's size. A connector whose
     * pull makes several requests passes them this.
     */
    public static TransferListener runningTotal(TransferListener transfer) {
        AtomicLong total = new AtomicLong();
        return bytes -> transfer.bytesRead(total.addAndGet(bytes));
    }

    /** Reads what an answer holds; may find it not shaped as documented ({@link PlatformText.MalformedException}). */
    @FunctionalInterface
    public interface Reading<T> {
        T read() throws SyncException;
    }

    /** Runs a reading, turning a shape the platform did not promise into a clear MALFORMED failure. */
    public static <T> T read(Reading<T> reading) throws SyncException {
        try {
            return reading.read();
        } catch (PlatformText.MalformedException e) {
            throw malformed(e.getMessage(), e);
        }
    }

    public static SyncException malformed(String detail, Throwable cause) {
        return new SyncException(Kind.MALFORMED, "The platform sent data this program cannot read: " + detail
                + ". Nothing was stored from it; trying again later.", null, cause);
    }

    /** The platform's own words for an error, from the usual fields. */
    private static String detail(int code, JsonNode body) {
        for (String field : new String[] {"detail", "message", "error", "errors"}) {
            JsonNode v = body.path(field);
            if (v.isTextual() && !v.asText().isBlank()) {
                return v.asText();
            }
            if (v.isArray() && !v.isEmpty()) {
                return v.get(0).asText();
            }
        }
        JsonNode status = body.path("status").path("message");
        return status.isTextual() ? status.asText() : "HTTP " + code;
    }

    public void cancel(String courseId) {
        Set<Call> active = calls.get(courseId);
        if (active != null) {
            active.forEach(Call::cancel);
        }
    }

    @Override
    public void close() {
        http.dispatcher().cancelAll();
        http.dispatcher().executorService().shutdown();
        http.connectionPool().evictAll();
    }
}
