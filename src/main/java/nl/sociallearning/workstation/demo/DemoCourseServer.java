package nl.sociallearning.workstation.demo;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import nl.sociallearning.workstation.domain.DiscussionThread;
import nl.sociallearning.workstation.domain.Participant;
import nl.sociallearning.workstation.domain.Post;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The demo course server: the Course Sync API over real HTTP on 127.0.0.1, serving generated courses that
 * the live simulation keeps changing, and misbehaving on request (see {@link FaultPlan}). Each start has a new
 * epoch, so cursors of an earlier run are answered with 410 and clients sync again from the start.
 */
public final class DemoCourseServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(DemoCourseServer.class);

    static {
        // The JDK server writes headers and body apart; with Nagle's algorithm and delayed ACKs that costs
        // 40 ms a request. Read once, when the JDK's server classes load: set before the first server starts.
        System.setProperty("sun.net.httpserver.nodelay", "true");
    }
    private static final String BASE_PATH = "/api/v1";
    private static final Pattern CHANGES = Pattern.compile("/courses/([^/]+)/changes");
    private static final Pattern THREAD = Pattern.compile("/courses/([^/]+)/threads/([^/]+)");
    private static final Pattern ACTIONS = Pattern.compile("/courses/([^/]+)/actions");
    private static final Pattern RECORDS = Pattern.compile("/assessments/([^/]+)/records");
    private static final Pattern ASSESSOR_RECORDS = Pattern.compile("/assessments/([^/]+)/records/([^/]+)");
    private static final int MAX_RECORDS_FILE = 8 * 1024 * 1024;
    /** Thrown by a handler to close the connection without finishing the answer. */
    private static final class DropConnection extends RuntimeException {
        DropConnection() {
            super("demo fault: connection dropped", null, false, false);
        }
    }

    private HttpServer http;
    private final Map<String, Map<String, byte[]>> assessmentRecords = new ConcurrentHashMap<>();
    private final int port;
    private final ExecutorService executor;
    private final String token;
    private final String epoch = UUID.randomUUID().toString().substring(0, 8);
    private final Map<String, DemoCourse> courses;
    private final FaultPlan faults;
    private final DemoActions actions = new DemoActions();
    private final LiveSimulation simulation;
    private final ObjectMapper json = new ObjectMapper();

    private DemoCourseServer(Builder b, Map<String, DemoCourse> courses, Map<String, DemoContent> contents) throws IOException {
        this.courses = courses;
        this.token = b.token;
        this.faults = b.faults;
        this.simulation = new LiveSimulation(new ArrayList<>(courses.values()), contents, b.seed + 1);
        this.executor = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "demo-http");
            t.setDaemon(true);
            return t;
        });
        this.http = listen(b.port);
        this.port = http.getAddress().getPort();
        if (b.liveInterval != null && !b.liveInterval.isZero()) {
            simulation.start(b.liveInterval);
        }
        LOG.info("Demo course server on {} ({} courses)", baseUri(), courses.size());
    }

    private HttpServer listen(int onPort) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), onPort), 128);
        server.setExecutor(executor);
        server.createContext(BASE_PATH, this::handle);
        server.start();
        return server;
    }

    /**
     * Takes the server off the network (connections are refused) or brings it back on the same port with the
     * same courses: a workstation that lost its connection for a while.
     */
    public synchronized void setReachable(boolean reachable) throws IOException {
        if (!reachable && http != null) {
            http.stop(0);
            http = null;
        } else if (reachable && http == null) {
            http = listen(port);
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    public URI baseUri() {
        return URI.create("http://127.0.0.1:" + port + BASE_PATH);
    }

    public int port() {
        return port;
    }

    public String token() {
        return token;
    }

    public FaultPlan faults() {
        return faults;
    }

    public DemoCourse course(String id) {
        DemoCourse c = courses.get(id);
        if (c == null) {
            throw new IllegalArgumentException("no demo course " + id);
        }
        return c;
    }

    public List<DemoCourse> courses() {
        return List.copyOf(courses.values());
    }

    /** Lets tests advance the simulation by hand. */
    public LiveSimulation simulation() {
        return simulation;
    }

    /** How many times the action with this idempotency key took effect here. */
    public int timesApplied(UUID actionId) {
        return actions.timesApplied(actionId.toString());
    }

    /** The idempotency keys of the actions that took effect, in the order they did. */
    public List<String> appliedActions() {
        return actions.appliedOrder();
    }

    @Override
    public synchronized void close() {
        simulation.close();
        if (http != null) {
            http.stop(0);
        }
        executor.shutdownNow();
    }

    // --- routing ---------------------------------------------------------------------------------------

    private void handle(HttpExchange ex) throws IOException {
        try {
            String path = ex.getRequestURI().getPath().substring(BASE_PATH.length());
            if (!("Bearer " + token).equals(ex.getRequestHeaders().getFirst("Authorization"))) {
                ex.getResponseHeaders().set("WWW-Authenticate", "Bearer realm=\"demo\"");
                problem(ex, 401, null, "Unauthorized", "The token is missing or wrong.");
                ex.close();
                return;
            }
            sleep(faults.latency());
            boolean isAction = ex.getRequestMethod().equals("POST");
            Optional<FaultPlan.Fault> fault = faults.appliesTo(path) ? faults.draw(isAction) : Optional.empty();
            if (fault.isPresent() && fault.get() == FaultPlan.Fault.SERVER_ERROR) {
                problem(ex, 500, null, "Internal Server Error", "The demo server was told to fail.");
                ex.close();
                return;
            }
            if (fault.isPresent() && fault.get() == FaultPlan.Fault.RATE_LIMIT) {
                ex.getResponseHeaders().set("Retry-After", String.valueOf(faults.retryAfterSeconds()));
                problem(ex, 429, null, "Too Many Requests", "Slow down.");
                ex.close();
                return;
            }
            route(ex, path, fault.orElse(null));
            ex.close();
        } catch (DropConnection e) {
            // A handler that throws makes the server close the connection without ending the answer.
            throw new IOException(e.getMessage());
        } catch (RuntimeException e) {
            LOG.warn("Demo server request failed", e);
            throw e;
        }
    }

    private void route(HttpExchange ex, String path, FaultPlan.Fault fault) throws IOException {
        String method = ex.getRequestMethod();
        Matcher m;
        if (method.equals("GET") && path.equals("/me")) {
            send(ex, 200, me(), fault);
        } else if (method.equals("GET") && path.equals("/courses")) {
            send(ex, 200, FeedJson.bytes(g -> {
                g.writeStartObject();
                g.writeArrayFieldStart("courses");
                for (DemoCourse c : courses.values()) {
                    FeedJson.course(g, c.course());
                }
                g.writeEndArray();
                g.writeEndObject();
            }), fault);
        } else if (method.equals("GET") && (m = CHANGES.matcher(path)).matches()) {
            withCourse(ex, m.group(1), c -> changes(ex, c, fault));
        } else if (method.equals("GET") && (m = THREAD.matcher(path)).matches()) {
            String threadId = m.group(2);
            withCourse(ex, m.group(1), c -> thread(ex, c, threadId, fault));
        } else if (method.equals("POST") && (m = ACTIONS.matcher(path)).matches()) {
            withCourse(ex, m.group(1), c -> action(ex, c, fault));
        } else if (method.equals("PUT") && (m = ASSESSOR_RECORDS.matcher(path)).matches()) {
            putRecords(ex, decode(m.group(1)), decode(m.group(2)), fault);
        } else if (method.equals("GET") && (m = RECORDS.matcher(path)).matches()) {
            records(ex, decode(m.group(1)), fault);
        } else {
            problem(ex, 404, null, "Not Found", "No such resource: " + method + " " + path);
        }
    }

    private interface CourseHandler {
        void handle(DemoCourse course) throws IOException;
    }

    private void withCourse(HttpExchange ex, String id, CourseHandler handler) throws IOException {
        DemoCourse course = courses.get(URLDecoder.decode(id, StandardCharsets.UTF_8));
        if (course == null) {
            problem(ex, 404, null, "Not Found", "No course '" + id + "'.");
        } else {
            handler.handle(course);
        }
    }

    // --- endpoints ---------------------------------------------------------------------------------------

    private byte[] me() {
        return FeedJson.bytes(g -> {
            g.writeStartObject();
            g.writeStringField("id", DemoGenerator.ME_ID);
            g.writeStringField("displayName", DemoGenerator.ME_NAME);
            g.writeArrayFieldStart("roles");
            for (DemoCourse c : courses.values()) {
                g.writeStartObject();
                g.writeStringField("courseId", c.id());
                g.writeStringField("role", "moderator");
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        });
    }

    private void changes(HttpExchange ex, DemoCourse course, FaultPlan.Fault fault) throws IOException {
        Map<String, String> query = query(ex.getRequestURI());
        int limit;
        int wait;
        try {
            limit = Integer.parseInt(query.getOrDefault("limit", "1000"));
            wait = Integer.parseInt(query.getOrDefault("wait", "0"));
        } catch (NumberFormatException e) {
            problem(ex, 400, null, "Bad Request", "limit and wait must be whole numbers.");
            return;
        }
        if (limit < 1 || limit > 5000 || wait < 0 || wait > 30) {
            problem(ex, 400, null, "Bad Request", "limit must lie in 1..5000 and wait in 0..30.");
            return;
        }
        Long after = decodeCursor(course.id(), query.get("cursor"));
        if (after == null) {
            problem(ex, 410, "cursor-expired", "Cursor expired",
                    "This cursor is not valid on this server (any more): start again without a cursor.");
            return;
        }
        List<DemoCourse.Entry> page = course.changesAfter(after, limit);
        if (page.isEmpty() && wait > 0) {
            try {
                course.awaitChangeAfter(after, wait * 1000L);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            page = course.changesAfter(after, limit);
        }
        long next = page.isEmpty() ? after : page.get(page.size() - 1).seq();
        long remaining = course.countAfter(next);
        List<DemoCourse.Entry> entries = page;
        FeedJson.Body body = g -> {
            g.writeStartObject();
            g.writeArrayFieldStart("changes");
            for (DemoCourse.Entry e : entries) {
                FeedJson.entry(g, e);
            }
            g.writeEndArray();
            g.writeStringField("cursor", encodeCursor(course.id(), next));
            g.writeBooleanField("hasMore", entries.size() == limit && course.lastSeq() > next);
            g.writeNumberField("remaining", remaining);
            g.writeEndObject();
        };
        if (fault == null) {
            // Streamed as it is written: the client parses the first changes while the server writes the rest.
            ex.getResponseHeaders().set("Content-Type", "application/json");
            ex.sendResponseHeaders(200, 0);
            try (OutputStream out = new java.io.BufferedOutputStream(ex.getResponseBody(), 64 * 1024)) {
                FeedJson.write(out, body);
            }
        } else {
            send(ex, 200, FeedJson.bytes(body), fault);
        }
    }

    private void thread(HttpExchange ex, DemoCourse course, String threadId, FaultPlan.Fault fault) throws IOException {
        Optional<DiscussionThread> thread = course.thread(threadId);
        if (thread.isEmpty()) {
            problem(ex, 404, null, "Not Found", "No thread '" + threadId + "' in this course.");
            return;
        }
        List<Post> posts = course.postsOf(threadId);
        Map<String, Participant> authors = new LinkedHashMap<>();
        posts.forEach(p -> course.participant(p.authorId()).ifPresent(a -> authors.put(a.id(), a)));
        send(ex, 200, FeedJson.bytes(g -> {
            g.writeStartObject();
            g.writeFieldName("thread");
            FeedJson.thread(g, thread.get());
            g.writeArrayFieldStart("posts");
            for (Post p : posts) {
                FeedJson.post(g, p);
            }
            g.writeEndArray();
            g.writeArrayFieldStart("participants");
            for (Participant p : authors.values()) {
                FeedJson.participant(g, p);
            }
            g.writeEndArray();
            g.writeEndObject();
        }), fault);
    }

    private void action(HttpExchange ex, DemoCourse course, FaultPlan.Fault fault) throws IOException {
        String key = ex.getRequestHeaders().getFirst("Idempotency-Key");
        if (key == null || key.isBlank()) {
            problem(ex, 400, null, "Bad Request", "The Idempotency-Key header is required.");
            return;
        }
        JsonNode body;
        try (InputStream in = ex.getRequestBody()) {
            body = json.readTree(in);
        } catch (JsonProcessingException e) {
            problem(ex, 400, null, "Bad Request", "The body is not valid JSON.");
            return;
        }
        if (body == null || !body.isObject() || !key.equals(body.path("id").asText())) {
            problem(ex, 400, null, "Bad Request", "The body must be an action whose id equals the Idempotency-Key.");
            return;
        }
        DemoActions.Answer answer = actions.apply(course, key, body, DemoGenerator.ME_ID);
        if (fault == FaultPlan.Fault.DROP_AFTER_APPLY) {
            throw new DropConnection();
        }
        if (answer.replayed()) {
            ex.getResponseHeaders().set("Idempotent-Replayed", "true");
        }
        ex.getResponseHeaders().set("Content-Type", answer.contentType());
        send(ex, answer.status(), answer.body(), fault);
    }

    /**
     * An assessor's signed assessment records, kept as they came (the latest per assessor): the server is a mailbox
     * between workstations; checking signatures and adding records is the workstations' work.
     */
    private void putRecords(HttpExchange ex, String assessmentId, String assessorId, FaultPlan.Fault fault) throws IOException {
        byte[] file;
        try (InputStream in = ex.getRequestBody()) {
            file = in.readNBytes(MAX_RECORDS_FILE + 1);
        }
        if (file.length > MAX_RECORDS_FILE) {
            problem(ex, 413, null, "Payload Too Large", "An assessment records file may be at most 8 MB.");
            return;
        }
        JsonNode body;
        try {
            body = json.readTree(file);
        } catch (JsonProcessingException e) {
            body = null;
        }
        if (body == null || !body.isObject()) {
            problem(ex, 400, null, "Bad Request", "The body must be a JSON object (a signed records file).");
            return;
        }
        assessmentRecords.computeIfAbsent(assessmentId, k -> new ConcurrentHashMap<>()).put(assessorId, file);
        send(ex, 200, FeedJson.bytes(g -> {
            g.writeStartObject();
            g.writeStringField("status", "stored");
            g.writeEndObject();
        }), fault);
    }

    private void records(HttpExchange ex, String assessmentId, FaultPlan.Fault fault) throws IOException {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        out.writeBytes("{\"records\":[".getBytes(StandardCharsets.UTF_8));
        boolean first = true;
        for (byte[] file : new java.util.TreeMap<>(assessmentRecords.getOrDefault(assessmentId, Map.of())).values()) {
            if (!first) {
                out.write(',');
            }
            out.writeBytes(file);
            first = false;
        }
        out.writeBytes("]}".getBytes(StandardCharsets.UTF_8));
        send(ex, 200, out.toByteArray(), fault);
    }

    private static String decode(String segment) {
        return URLDecoder.decode(segment, StandardCharsets.UTF_8);
    }

    // --- HTTP helpers --------------------------------------------------------------------------------------

    private void send(HttpExchange ex, int status, byte[] body, FaultPlan.Fault fault) throws IOException {
        if (!ex.getResponseHeaders().containsKey("Content-Type")) {
            ex.getResponseHeaders().set("Content-Type", "application/json");
        }
        OutputStream out = ex.getResponseBody();
        if (fault == FaultPlan.Fault.DROP_MID_BODY) {
            ex.sendResponseHeaders(status, 0);
            out.write(body, 0, body.length / 2);
            out.flush();
            throw new DropConnection();
        }
        if (fault == FaultPlan.Fault.TRUNCATED_JSON) {
            int cut = Math.max(1, body.length * 6 / 10);
            ex.sendResponseHeaders(status, cut);
            out.write(body, 0, cut);
            return;
        }
        ex.sendResponseHeaders(status, body.length);
        out.write(body);
    }

    private void problem(HttpExchange ex, int status, String type, String title, String detail) throws IOException {
        ex.getResponseHeaders().set("Content-Type", "application/problem+json");
        byte[] body = FeedJson.problem(status, type, title, detail);
        ex.sendResponseHeaders(status, body.length);
        ex.getResponseBody().write(body);
    }

    /** A cursor names this run, the course and a position in its log; clients treat it as opaque. */
    private String encodeCursor(String courseId, long seq) {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString((epoch + "\n" + courseId + "\n" + seq).getBytes(StandardCharsets.UTF_8));
    }

    /** The sequence number a cursor stands for: 0 without a cursor, null when it is not this run's for this course. */
    private Long decodeCursor(String courseId, String cursor) {
        if (cursor == null || cursor.isEmpty()) {
            return 0L;
        }
        try {
            String[] parts = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8).split("\n");
            return parts.length == 3 && parts[0].equals(epoch) && parts[1].equals(courseId) ? Long.parseLong(parts[2]) : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static Map<String, String> query(URI uri) {
        Map<String, String> params = new HashMap<>();
        String raw = uri.getRawQuery();
        if (raw != null) {
            for (String pair : raw.split("&")) {
                int eq = pair.indexOf('=');
                if (eq > 0) {
                    params.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                            URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
                }
            }
        }
        return params;
    }

    private static void sleep(Duration d) {
        if (!d.isZero()) {
            try {
                Thread.sleep(d.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** What to serve and how. Defaults: the four reference courses, no live changes, no faults, a fresh token. */
    public static final class Builder {
        private int port;
        private String token = UUID.randomUUID().toString();
        private long seed = 20261129L;
        private Instant now = Instant.now();
        private List<String> reference = DemoContent.REFERENCE_COURSES;
        private boolean large;
        private Duration liveInterval;
        private FaultPlan faults = new FaultPlan();

        public Builder port(int value) {
            port = value;
            return this;
        }

        public Builder token(String value) {
            token = value;
            return this;
        }

        public Builder seed(long value) {
            seed = value;
            return this;
        }

        public Builder now(Instant value) {
            now = value;
            return this;
        }

        /** Which reference courses to serve (by id); none for a benchmark run with only the large course. */
        public Builder referenceCourses(List<String> ids) {
            reference = List.copyOf(ids);
            return this;
        }

        /** Adds the large benchmark course (id {@value LARGE_COURSE_ID}). */
        public Builder withLargeCourse() {
            large = true;
            return this;
        }

        /** Keeps the courses changing every {@code interval}; null or zero: still. */
        public Builder live(Duration interval) {
            liveInterval = interval;
            return this;
        }

        public Builder faults(FaultPlan value) {
            faults = value;
            return this;
        }

        public DemoCourseServer start() throws IOException {
            Map<String, DemoCourse> generated = new LinkedHashMap<>();
            Map<String, DemoContent> contents = new HashMap<>();
            for (String id : reference) {
                DemoContent content = DemoContent.load(id);
                contents.put(id, content);
                generated.put(id, new DemoGenerator(content, CourseSize.reference(content.participants()), seed, now).generate());
            }
            if (large) {
                DemoContent content = DemoContent.load("vakmanschap");
                contents.put(LARGE_COURSE_ID, content);
                generated.put(LARGE_COURSE_ID, new DemoGenerator(content, LARGE_COURSE_ID,
                        "Vakmanschap landelijk (grote cursus)", CourseSize.large(), seed, now).generate());
            }
            return new DemoCourseServer(this, generated, contents);
        }
    }

    public static final String LARGE_COURSE_ID = "vakmanschap-groot";
}
