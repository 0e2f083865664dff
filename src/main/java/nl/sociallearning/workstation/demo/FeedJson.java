package nl.sociallearning.workstation.demo;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import nl.sociallearning.workstation.domain.ActivityEvent;
import nl.sociallearning.workstation.domain.Course;
import nl.sociallearning.workstation.domain.DiscussionThread;
import nl.sociallearning.workstation.domain.EntityKind;
import nl.sociallearning.workstation.domain.Participant;
import nl.sociallearning.workstation.domain.Post;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.Locale;

/** Writes the demo server's entities in the Course Sync API's JSON shapes (docs/course-sync-api.yaml). */
final class FeedJson {

    private static final JsonFactory FACTORY = new JsonFactory();

    @FunctionalInterface
    interface Body {
        void write(JsonGenerator g) throws IOException;
    }

    private FeedJson() {
    }

    static byte[] bytes(Body body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(4096);
        try (JsonGenerator g = FACTORY.createGenerator(out)) {
            body.write(g);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    static void write(java.io.OutputStream out, Body body) throws IOException {
        try (JsonGenerator g = FACTORY.createGenerator(out)) {
            body.write(g);
        }
    }

    static void course(JsonGenerator g, Course c) throws IOException {
        g.writeStartObject();
        g.writeStringField("id", c.id());
        g.writeStringField("title", c.title());
        g.writeStringField("organisation", c.organisation());
        g.writeStringField("audience", wire(c.audience()));
        time(g, "startsAt", c.startsAt());
        time(g, "endsAt", c.endsAt());
        g.writeStringField("timeZone", c.timeZone().getId());
        g.writeNumberField("participantCount", c.participantCount());
        g.writeEndObject();
    }

    static void entry(JsonGenerator g, DemoCourse.Entry e) throws IOException {
        g.writeStartObject();
        g.writeNumberField("seq", e.seq());
        g.writeStringField("kind", wire(e.kind()));
        g.writeStringField("op", e.tombstone() ? "delete" : "upsert");
        g.writeFieldName("data");
        if (e.tombstone()) {
            g.writeStartObject();
            g.writeStringField("id", e.id());
            g.writeEndObject();
        } else {
            entity(g, e.kind(), e.entity());
        }
        g.writeEndObject();
    }

    /** {"kind": …, "data": …}: how action answers carry an entity. */
    static void wrapped(JsonGenerator g, EntityKind kind, Object entity) throws IOException {
        g.writeStartObject();
        g.writeStringField("kind", wire(kind));
        g.writeFieldName("data");
        entity(g, kind, entity);
        g.writeEndObject();
    }

    static void entity(JsonGenerator g, EntityKind kind, Object entity) throws IOException {
        switch (kind) {
            case PARTICIPANT -> participant(g, (Participant) entity);
            case THREAD -> thread(g, (DiscussionThread) entity);
            case POST -> post(g, (Post) entity);
            case ACTIVITY -> activity(g, (ActivityEvent) entity);
        }
    }

    static void participant(JsonGenerator g, Participant p) throws IOException {
        g.writeStartObject();
        g.writeStringField("id", p.id());
        g.writeStringField("displayName", p.displayName());
        g.writeStringField("role", wire(p.role()));
        g.writeStringField("group", p.group());
        time(g, "enrolledAt", p.enrolledAt());
        g.writeEndObject();
    }

    static void thread(JsonGenerator g, DiscussionThread t) throws IOException {
        g.writeStartObject();
        g.writeStringField("id", t.id());
        g.writeStringField("title", t.title());
        g.writeStringField("module", t.module());
        g.writeStringField("authorId", t.authorId());
        time(g, "createdAt", t.createdAt());
        time(g, "lastActivityAt", t.lastActivityAt());
        g.writeBooleanField("locked", t.locked());
        g.writeBooleanField("pinned", t.pinned());
        g.writeNumberField("version", t.version());
        g.writeEndObject();
    }

    static void post(JsonGenerator g, Post p) throws IOException {
        g.writeStartObject();
        g.writeStringField("id", p.id());
        g.writeStringField("threadId", p.threadId());
        g.writeStringField("parentId", p.parentId());
        g.writeStringField("authorId", p.authorId());
        time(g, "createdAt", p.createdAt());
        time(g, "editedAt", p.editedAt());
        g.writeStringField("bodyHtml", p.bodyHtml());
        g.writeBooleanField("hidden", p.hidden());
        g.writeBooleanField("deleted", p.deleted());
        g.writeStringField("approval", wire(p.approval()));
        g.writeNumberField("flagCount", p.flagCount());
        g.writeNumberField("version", p.version());
        g.writeEndObject();
    }

    static void activity(JsonGenerator g, ActivityEvent a) throws IOException {
        g.writeStartObject();
        g.writeStringField("id", a.id());
        g.writeStringField("participantId", a.participantId());
        time(g, "at", a.at());
        g.writeStringField("type", wire(a.type()));
        g.writeStringField("threadId", a.threadId());
        g.writeEndObject();
    }

    static byte[] problem(int status, String type, String title, String detail) {
        return bytes(g -> {
            g.writeStartObject();
            g.writeStringField("type", type == null ? "about:blank" : "https://sociallearning.nl/problems/" + type);
            g.writeStringField("title", title);
            g.writeNumberField("status", status);
            g.writeStringField("detail", detail);
            g.writeEndObject();
        });
    }

    private static void time(JsonGenerator g, String field, Instant t) throws IOException {
        if (t == null) {
            g.writeNullField(field);
        } else {
            g.writeStringField(field, t.toString());
        }
    }

    static String wire(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT);
    }
}
