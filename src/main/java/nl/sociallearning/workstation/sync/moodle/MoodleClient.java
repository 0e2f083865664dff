package nl.sociallearning.workstation.sync.moodle;

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
import okhttp3.Response;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Calls Moodle web service functions over REST. Moodle answers a failed call with HTTP 200 and a body
 * {@code {"exception":…,"errorcode":…,"message":…}}; this turns that into a {@link SyncException} the user can act on.
 * The token travels in the POST body, not the address, so it stays out of server access logs.
 */
final class MoodleClient {

    private final ServerAddress server;
    private final HttpUrl endpoint;
    private final String token;
    private final OkHttpClient http;
    private final ObjectMapper json = new ObjectMapper();
    private final Map<String, Set<Call>> calls = new ConcurrentHashMap<>();

    MoodleClient(ServerAddress server, String token, OkHttpClient http) {
        this.server = server;
        this.endpoint = HttpUrl.get(server.baseUri().toString()).newBuilder()
                .addPathSegments("webservice/rest/server.php").build();
        this.token = token;
        this.http = http;
    }

    /** Calls {@code function} with Moodle's flat parameters ({@code courseids[0]=3}); {@code courseId} scopes cancellation. */
    JsonNode call(String courseId, String function, Map<String, String> params) throws SyncException {
        FormBody.Builder body = new FormBody.Builder().add("wstoken", token);
        params.forEach(body::add);
        Request request = new Request.Builder()
                .url(endpoint.newBuilder().addQueryParameter("wsfunction", function)
                        .addQueryParameter("moodlewsrestformat", "json").build())
                .header("Accept", "application/json")
                .post(body.build())
                .build();
        Call call = http.newCall(request);
        String key = courseId == null ? "" : courseId;
        calls.computeIfAbsent(key, k -> ConcurrentHashMap.newKeySet()).add(call);
        try (Response response = call.execute()) {
            if (response.code() == 404) {
                throw new SyncException(Kind.NOT_FOUND, server + " has no Moodle web services (no "
                        + "/webservice/rest/server.php): is this a Moodle site, and are web services enabled?");
            }
            if (!response.isSuccessful()) {
                throw HttpFailures.fromResponse(response, "HTTP " + response.code());
            }
            JsonNode answer;
            String text = response.body().string();
            try {
                answer = json.readTree(text);
            } catch (JsonProcessingException e) {
                throw new SyncException(Kind.MALFORMED, looksLikeJson(text)
                        ? "Moodle's answer to " + function + " was cut off or is not valid JSON (" + e.getOriginalMessage() + ")."
                        : server + " did not answer as a Moodle web service does (not JSON): is this a Moodle site?", null, e);
            }
            if (answer == null || answer.isMissingNode()) {
                throw new SyncException(Kind.MALFORMED, "Moodle sent an empty answer to " + function + ".");
            }
            if (answer.isObject() && answer.has("exception")) {
                throw MoodleErrors.from(function, answer);
            }
            return answer;
        } catch (IOException e) {
            if (call.isCanceled()) {
                throw new SyncException(Kind.CANCELLED, "Stopped by the user.", null, e);
            }
            throw HttpFailures.fromIo(server, e);
        } finally {
            calls.get(key).remove(call);
        }
    }

    private static boolean looksLikeJson(String text) {
        String start = text.stripLeading();
        return start.startsWith("{") || start.startsWith("[");
    }

    JsonNode call(String courseId, String function) throws SyncException {
        return call(courseId, function, Map.of());
    }

    static Map<String, String> params(String... keyValues) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            map.put(keyValues[i], keyValues[i + 1]);
        }
        return map;
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

    @Override
    public String toString() {
        return server.toString();
    }
}
