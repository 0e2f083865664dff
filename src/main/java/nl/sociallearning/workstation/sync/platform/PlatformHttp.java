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
import java.time.Duration;
import java.util.Map;
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

    /** A platform's reading of an answer; null means "the usual reading". */
    @FunctionalInterface
    public interface FailureRule {
        SyncException classify(int code, Headers headers, JsonNode body);
    }

    private final ServerAddress server;
    private final HttpUrl base;
    private final Consumer<Request.Builder> auth;
    private final RateBudget budget;
    private final FailureRule rule;
    private final OkHttpClient http;
    private final ObjectMapper json = new ObjectMapper();
    private final Map<String, Set<Call>> calls = new ConcurrentHashMap<>();
    private final AtomicLong requests = new AtomicLong();

    public PlatformHttp(ServerAddress server, Consumer<Request.Builder> auth, RateBudget budget, FailureRule rule) {
        this.server = server;
        this.base = HttpUrl.get(server.baseUri().toString());
        this.auth = auth;
        this.budget = budget;
        this.rule = rule == null ? (code, headers, body) -> null : rule;
        this.http = new OkHttpClient.Builder()
                .connectTimeout(Duration.ofSeconds(10))
                .readTimeout(Duration.ofSeconds(45))
                // Retries are the engine's: with backoff, and visible.
                .retryOnConnectionFailure(false)
                .build();
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

    /** How many requests went out, for tests and the documented request budgets. */
    public long requestCount() {
        return requests.get();
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
        requests.incrementAndGet();
        try (Response response = call.execute()) {
            byte[] bytes = response.body().bytes();
            transfer.bytesRead(bytes.length);
            JsonNode body = parse(bytes, response.isSuccessful() || expected.contains(response.code()));
            SyncException special = rule.classify(response.code(), response.headers(), body);
            if (special != null) {
                special.retryAfter().ifPresent(budget::pause);
                throw special;
            }
            if (!response.isSuccessful() && !expected.contains(response.code())) {
                SyncException failure = HttpFailures.fromResponse(response, detail(response.code(), body));
                failure.retryAfter().ifPresent(budget::pause);
                throw failure;
            }
            return new Reply(response.code(), response.headers(), body);
        } catch (PlatformText.MalformedException e) {
            throw malformed(e.getMessage(), e);
        } catch (IOException e) {
            if (call.isCanceled()) {
                throw new SyncException(Kind.CANCELLED, "Stopped by the user.", null, e);
            }
            throw HttpFailures.fromIo(server, e);
        } finally {
            calls.get(key).remove(call);
        }
    }

    /** The body as JSON; an error answer may be HTML or empty, which is kept as "no body", not a protocol error. */
    private JsonNode parse(byte[] bytes, boolean mustBeJson) {
        if (bytes.length == 0) {
            return json.missingNode();
        }
        try {
            JsonNode node = json.readTree(bytes);
            return node == null ? json.missingNode() : node;
        } catch (JsonProcessingException e) {
            if (mustBeJson) {
                throw new PlatformText.MalformedException("the answer was cut off or is not valid JSON ("
                        + e.getOriginalMessage() + ")");
            }
            return json.missingNode();
        } catch (IOException e) {
            throw new PlatformText.MalformedException("the answer could not be read (" + e.getMessage() + ")");
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
