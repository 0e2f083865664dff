package nl.sociallearning.workstation.domain;

import java.util.Objects;

/** One entry of a course's change feed: a new or newer version of an entity, or its removal. */
public sealed interface Change {

    EntityKind kind();

    String entityId();

    record ParticipantUpsert(Participant participant) implements Change {
        public EntityKind kind() { return EntityKind.PARTICIPANT; }
        public String entityId() { return participant.id(); }
    }

    record ThreadUpsert(DiscussionThread thread) implements Change {
        public EntityKind kind() { return EntityKind.THREAD; }
        public String entityId() { return thread.id(); }
    }

    record PostUpsert(Post post) implements Change {
        public EntityKind kind() { return EntityKind.POST; }
        public String entityId() { return post.id(); }
    }

    record ActivityUpsert(ActivityEvent activity) implements Change {
        public EntityKind kind() { return EntityKind.ACTIVITY; }
        public String entityId() { return activity.id(); }
    }

    /** A tombstone: the entity no longer exists on the server. */
    record Removal(EntityKind kind, String entityId) implements Change {
        public Removal {
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(entityId, "entityId");
        }
    }
}
