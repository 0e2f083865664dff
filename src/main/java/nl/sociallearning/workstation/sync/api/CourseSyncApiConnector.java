package nl.sociallearning.workstation.sync.api;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import nl.sociallearning.workstation.domain.Change;
import nl.sociallearning.workstation.domain.Course;
import nl.sociallearning.workstation.domain.EntityKind;
import nl.sociallearning.workstation.domain.ModerationAction;
import nl.sociallearning.workstation.domain.UserIdentity;
import nl.sociallearning.workstation.sync.ActionOutcome;
import nl.sociallearning.workstation.sync.ChangeSink;
import nl.sociallearning.workstation.sync.CourseConnector;
import nl.sociallearning.workstation.sync.PullRequest;
import nl.sociallearning.workstation.sync.PullResult;
import nl.sociallearning.workstation.sync.ServerAddress;
import nl.sociallearning.workstation.sync.SyncException;
import nl.sociallearning.workstation.sync.SyncException.Kind;
import nl.sociallearning.workstation.sync.TransferListener;
import okhttp3.Call;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The connector for the project's own Course Sync API (docs/course-sync-api.yaml). Pages of the change feed
 * are parsed as they stream in, one change at a time, so memory does not grow with a page or a course.
 */
public final class CourseSyncApiConnector implements CourseConnector {

    private static final MediaType JSON_TYPE = MediaType.get("application/json");
    private static final Duration READ_MARGIN = Duration.ofSeconds(15);

    private final ServerAddress server;
    private final HttpUrl base;
    private final String token;
    private final OkHttpClient http;
    private final ObjectMapper json = new ObjectMapper();
    private final Map<String, Set<Call>> calls = new ConcurrentHashMap<>();

    public CourseSyncApiConnector(ServerAddress server, String token) {
        this(server, token, new OkHttpClient.Builder()
                .connectTimeout(Duration.ofSeconds(10))
                // Long polls wait up to 30 s on the server before answering.
                .readTimeout(Duration.ofSeconds(30).plus(READ_MARGIN))
                // Retries are the engine's: with backoff, and visible. A silent resend could also hide a lost answer.
                .retryOnConnectionFailure(false)
                .build());
    }

    CourseSyncApiConnector(ServerAddress server, String token, OkHttpClient http) {
        this.server = server;
        this.base = HttpUrl.get(server.baseUri().toString());
        this.token = token;
        this.http = http;
    }

    @Override
    public String describe() {
        return server.toString();
    }

    @Override
    public UserIdentity me() throws SyncException {
        JsonNode me = getJson(null, "me");
        return read(() -> new UserIdentity(WireReader.text(me, "id"), WireReader.text(me, "displayName")));
    }

    @Override
    public List<Course> courses() throws SyncException {
        JsonNode body = getJson(null, "courses");
        List<Course> courses = new ArrayList<>();
        for (JsonNode c : body.path("courses")) {
            courses.add(read(() -> WireReader.course(c)));
        }
        return courses;
    }

    @Override
    public PullResult pull(PullRequest request, ChangeSink sink, TransferListener transfer) throws SyncException {
        HttpUrl.Builder url = url("courses", request.courseId(), "changes")
                .addQueryParameter("limit", String.valueOf(request.limit()));
        if (request.cursor() != null) {
            url.addQueryParameter("cursor", request.cursor());
        }
        if (!request.longPoll().isZero()) {
            url.addQueryParameter("wait", String.valueOf(Math.min(30, request.longPoll().toSeconds())));
        }
        return exchange(request.courseId(), authorised(url).get().build(), response -> {
            try (InputStream in = new CountingInputStream(response.body().byteStream(), transfer);
                 JsonParser parser = json.getFactory().createParser(in)) {
                return readPage(request.courseId(), parser, sink);
            }
        });
    }

    /** Reads {"changes":[…],"cursor":…,"hasMore":…} in whatever order the fields come. */
    private PullResult readPage(String courseId, JsonParser parser, ChangeSink sink) throws IOException {
        expect(parser.nextToken(), JsonToken.START_OBJECT, "the page is not a JSON object");
        String cursor = null;
        Boolean hasMore = null;
        OptionalLong remaining = OptionalLong.empty();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String field = parser.currentName();
            JsonToken value = parser.nextToken();
            switch (field) {
                case "changes" -> {
                    expect(value, JsonToken.START_ARRAY, "'changes' is not an array");
                    while (parser.nextToken() == JsonToken.START_OBJECT) {
                        JsonNode change = json.readTree(parser);
                        sink.accept(WireReader.change(courseId, change));
                    }
                    expect(parser.currentToken(), JsonToken.END_ARRAY, "'changes' holds something other than objects");
                }
                case "cursor" -> cursor = parser.getValueAsString();
                case "hasMore" -> hasMore = parser.getValueAsBoolean();
                case "remaining" -> remaining = OptionalLong.of(parser.getValueAsLong());
                default -> parser.skipChildren();
            }
        }
        expect(parser.currentToken(), JsonToken.END_OBJECT, "the page does not end properly");
        if (cursor == null || hasMore == null) {
            throw new WireReader.MalformedException("the page has no " + (cursor == null ? "cursor" : "hasMore"));
        }
        return new PullResult(cursor, hasMore, remaining);
    }

    @Override
    public List<Change> thread(String courseId, String threadId) throws SyncException {
        JsonNode body = getJson(courseId, "courses", courseId, "threads", threadId);
        return read(() -> {
            List<Change> changes = new ArrayList<>();
            for (JsonNode p : body.path("participants")) {
                changes.add(WireReader.entity(courseId, EntityKind.PARTICIPANT, p));
            }
            changes.add(WireReader.entity(courseId, EntityKind.THREAD, body.path("thread")));
            for (JsonNode p : body.path("posts")) {
                changes.add(WireReader.entity(courseId, EntityKind.POST, p));
            }
            return changes;
        });
    }

    @Override
    public ActionOutcome send(ModerationAction action) throws SyncException {
        ObjectNode body = json.createObjectNode()
                .put("id", action.id().toString())
                .put("type", action.type().wireName())
                .put("targetId", action.targetId())
                .put("createdAt", action.createdAt().toString());
        if (action.baseVersion() == null) {
            body.putNull("baseVersion");
        } else {
            body.put("baseVersion", action.baseVersion());
        }
        ObjectNode payload = body.putObject("payload");
        action.payload().forEach(payload::put);
        Request request = authorised(url("courses", action.courseId(), "actions"))
                .header("Idempotency-Key", action.id().toString())
                .post(RequestBody.create(body.toString(), JSON_TYPE))
                .build();
        return exchange(action.courseId(), request, Set.of(409, 422), response -> {
            if (response.code() == 422) {
                return new ActionOutcome.Rejected(problemDetail(response));
            }
            JsonNode answer = json.readTree(response.body().byteStream());
            if (response.code() == 409) {
                return new ActionOutcome.Conflict(entity(action.courseId(), answer.path("current")),
                        "changed on the server by someone else (now version "
                                + answer.path("current").path("data").path("version").asText("?") + ")");
            }
            return new ActionOutcome.Applied(entity(action.courseId(), answer.path("entity")),
                    "duplicate".equals(answer.path("status").asText()));
        });
    }

    /** The entity an action answer carries, if it is one the cache holds (triage and notes are local rows). */
    private static List<Change> entity(String courseId, JsonNode wrapper) {
        String kind = wrapper.path("kind").asText("");
        return switch (kind) {
            case "participant", "thread", "post", "activity" -> List.of(WireReader.entity(courseId,
                    EntityKind.valueOf(kind.toUpperCase(java.util.Locale.ROOT)), wrapper.path("data")));
            default -> List.of();
        };
    }

    /**
     * Puts one assessor's signed assessment records file on the server, which keeps the latest per assessor.
     * The file is passed as it is: its signature is checked by the workstation that imports it.
     */
    public void putAssessmentRecords(String assessmentId, String assessorId, byte[] file) throws SyncException {
        Request request = authorised(url("assessments", assessmentId, "records", assessorId))
                .put(RequestBody.create(file, JSON_TYPE))
                .build();
        exchange(null, request, response -> null);
    }

    /** Every assessor's records file the server holds for an assessment. */
    public List<byte[]> assessmentRecords(String assessmentId) throws SyncException {
        Request request = authorised(url("assessments", assessmentId, "records")).get().build();
        return exchange(null, request, response -> {
            JsonNode body = json.readTree(response.body().byteStream());
            List<byte[]> files = new ArrayList<>();
            for (JsonNode file : body.path("records")) {
                files.add(json.writeValueAsBytes(file));
            }
            return files;
        });
    }

    @Override
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

    // --- HTTP plumbing -------------------------------------------------------------------------------

    private interface BodyReader<T> {
        T read(Response response) throws IOException;
    }

    private interface Mapping<T> {
        T map();
    }

    private JsonNode getJson(String courseId, String... segments) throws SyncException {
        return exchange(courseId, authorised(url(segments)).get().build(), response -> {
            JsonNode body = json.readTree(response.body().byteStream());
            if (body == null || !body.isObject()) {
                throw new WireReader.MalformedException("the answer is not a JSON object");
            }
            return body;
        });
    }

    /** The address of a resource below the base; each segment is encoded as a path segment. */
    private HttpUrl.Builder url(String... segments) {
        HttpUrl.Builder url = base.newBuilder();
        for (String segment : segments) {
            url.addPathSegment(segment);
        }
        return url;
    }

    private Request.Builder authorised(HttpUrl.Builder url) {
        return new Request.Builder().url(url.build())
                .header("Authorization", "Bearer " + token)
                .header("Accept", "application/json");
    }

    private <T> T exchange(String courseId, Request request, BodyReader<T> reader) throws SyncException {
        return exchange(courseId, request, Set.of(), reader);
    }

    /** Runs a call, turning every way it can fail into a {@link SyncException} with a message for the user. */
    private <T> T exchange(String courseId, Request request, Set<Integer> expectedErrors, BodyReader<T> reader)
            throws SyncException {
        Call call = http.newCall(request);
        String key = courseId == null ? "" : courseId;
        calls.computeIfAbsent(key, k -> ConcurrentHashMap.newKeySet()).add(call);
        try (Response response = call.execute()) {
            if (!response.isSuccessful() && !expectedErrors.contains(response.code())) {
                throw HttpFailures.fromResponse(response, problemDetail(response));
            }
            return reader.read(response);
        } catch (WireReader.MalformedException e) {
            throw new SyncException(Kind.MALFORMED, "The server sent data that does not follow the protocol: "
                    + e.getMessage(), null, e);
        } catch (JsonProcessingException e) {
            throw new SyncException(Kind.MALFORMED, "The server's answer was cut off or is not valid JSON ("
                    + e.getOriginalMessage() + ")", null, e);
        } catch (IOException e) {
            if (call.isCanceled()) {
                throw new SyncException(Kind.CANCELLED, "Stopped by the user.", null, e);
            }
            throw HttpFailures.fromIo(server, e);
        } finally {
            calls.get(key).remove(call);
        }
    }

    private <T> T read(Mapping<T> mapping) throws SyncException {
        try {
            return mapping.map();
        } catch (WireReader.MalformedException e) {
            throw new SyncException(Kind.MALFORMED, "The server sent data that does not follow the protocol: "
                    + e.getMessage(), null, e);
        }
    }

    private String problemDetail(Response response) {
        try {
            JsonNode problem = json.readTree(response.peekBody(64 * 1024).byteStream());
            String detail = problem.path("detail").asText("");
            String title = problem.path("title").asText("");
            return !detail.isEmpty() ? detail : !title.isEmpty() ? title : "HTTP " + response.code();
        } catch (IOException | RuntimeException e) {
            return "HTTP " + response.code();
        }
    }

    private static void expect(JsonToken actual, JsonToken expected, String message) {
        if (actual != expected) {
            throw new WireReader.MalformedException(message);
        }
    }

}
