package nl.sociallearning.workstation.sync.canvas;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import nl.sociallearning.workstation.sync.ServerAddress;
import nl.sociallearning.workstation.sync.SyncException;
import nl.sociallearning.workstation.sync.SyncException.Kind;
import nl.sociallearning.workstation.sync.platform.HttpFailures;
import okhttp3.Call;
import okhttp3.FormBody;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Canvas's REST API (Bearer token). Lists come in pages; the next page is the {@code Link} header's
 * {@code rel="next"} address, followed as given and only on the same server, so the token never goes elsewhere.
 * Canvas throttles with 403 and {@code X-Rate-Limit-Remaining}: that is a rate limit, not a refusal.
 */
final class CanvasClient {

    /** Canvas gives no Retry-After when it throttles; its bucket refills in seconds. */
    static final Duration THROTTLE_WAIT = Duration.ofSeconds(10);

    record Page(JsonNode body, HttpUrl next) {
    }

    private final ServerAddress server;
    private final HttpUrl base;
    private final String token;
    private final OkHttpClient http;
    private final ObjectMapper json = new ObjectMapper();
    private final Map<String, Set<Call>> calls = new ConcurrentHashMap<>();
    private final Duration throttleWait;

    CanvasClient(ServerAddress server, String token, OkHttpClient http, Duration throttleWait) {
        this.server = server;
        this.throttleWait = throttleWait;
        this.base = HttpUrl.get(server.baseUri().toString());
        this.token = token;
        this.http = http;
    }

    /** {@code /api/v1/…} on this server. */
    HttpUrl.Builder api(String... segments) {
        HttpUrl.Builder url = base.newBuilder().addPathSegment("api").addPathSegment("v1");
        for (String s : segments) {
            url.addPathSegment(s);
        }
        return url;
    }

    Page get(String courseId, HttpUrl url) throws SyncException {
        requireSameServer(url);
        return exchange(courseId, new Request.Builder().url(url).get());
    }

    JsonNode send(String courseId, String method, HttpUrl url, Map<String, String> form) throws SyncException {
        FormBody.Builder body = new FormBody.Builder();
        form.forEach(body::add);
        RequestBody requestBody = method.equals("DELETE") && form.isEmpty() ? null : body.build();
        return exchange(courseId, new Request.Builder().url(url).method(method, requestBody)).body();
    }

    private void requireSameServer(HttpUrl url) throws SyncException {
        if (!url.scheme().equals(base.scheme()) || !url.host().equals(base.host()) || url.port() != base.port()) {
            throw new SyncException(Kind.REFUSED, "Canvas pointed to another server (" + url.host()
                    + ") for the next page; the token is not sent there.");
        }
    }

    private Page exchange(String courseId, Request.Builder builder) throws SyncException {
        Request request = builder.header("Authorization", "Bearer " + token).header("Accept", "application/json").build();
        Call call = http.newCall(request);
        String key = courseId == null ? "" : courseId;
        calls.computeIfAbsent(key, k -> ConcurrentHashMap.newKeySet()).add(call);
        try (Response response = call.execute()) {
            if (!response.isSuccessful()) {
                throw failure(response);
            }
            String text = response.body().string();
            JsonNode body;
            try {
                body = text.isBlank() ? json.createObjectNode() : json.readTree(text);
            } catch (JsonProcessingException e) {
                throw new SyncException(Kind.MALFORMED, server + " did not answer as Canvas's API does (not JSON):"
                        + " is this a Canvas site?", null, e);
            }
            return new Page(body, LinkHeader.next(response.headers("Link"), request.url()));
        } catch (IOException e) {
            if (call.isCanceled()) {
                throw new SyncException(Kind.CANCELLED, "Stopped by the user.", null, e);
            }
            throw HttpFailures.fromIo(server, e);
        } finally {
            calls.get(key).remove(call);
        }
    }

    private SyncException failure(Response response) throws IOException {
        String text = response.peekBody(64 * 1024).string();
        String detail = detail(text, response.code());
        if (response.code() == 403 && throttled(response, text)) {
            return new SyncException(Kind.RATE_LIMITED, "Canvas asks us to slow down (rate limit); trying again in "
                    + Math.max(1, throttleWait.toSeconds()) + " s.", throttleWait, null);
        }
        if (response.code() == 401) {
            return new SyncException(Kind.UNAUTHORIZED, "Canvas did not accept the token (" + detail
                    + "). Make a new access token under Account > Settings.");
        }
        if (response.code() == 404 && response.request().url().encodedPath().endsWith("/users/self")) {
            return new SyncException(Kind.NOT_FOUND, server + " has no Canvas API (/api/v1): is this a Canvas site?");
        }
        return HttpFailures.fromResponse(response, detail);
    }

    /**
     * Canvas's throttling: 403 with "Rate Limit Exceeded", and the bucket's remaining units at or below zero.
     * Every Canvas answer carries X-Rate-Limit-Remaining, so the header alone does not make a 403 a throttle.
     */
    static boolean throttled(Response response, String body) {
        if (body.contains("Rate Limit Exceeded")) {
            return true;
        }
        String remaining = response.header("X-Rate-Limit-Remaining");
        if (remaining == null) {
            return false;
        }
        try {
            return Double.parseDouble(remaining.trim()) <= 0;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private String detail(String text, int code) {
        try {
            JsonNode body = json.readTree(text);
            JsonNode errors = body.path("errors");
            if (errors.isArray() && !errors.isEmpty()) {
                return errors.get(0).path("message").asText("HTTP " + code);
            }
            if (errors.isObject() && errors.size() > 0) {
                return errors.toString();
            }
            return body.path("message").asText("HTTP " + code);
        } catch (IOException | RuntimeException e) {
            return "HTTP " + code;
        }
    }


    void cancel(String courseId) {
        Set<Call> active = calls.get(courseId);
        if (active != null) {
            active.forEach(Call::cancel);
        }
    }

    void close() {
        http.dispatcher().cancelAll();
        http.dispatcher().executorService().shutdown();
        http.connectionPool().evictAll();
    }
}
