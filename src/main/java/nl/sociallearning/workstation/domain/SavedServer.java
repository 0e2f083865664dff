package nl.sociallearning.workstation.domain;

import java.time.Instant;
import java.util.Objects;

/**
 * A course server the user added: its kind (a connector's name, e.g. {@code MOODLE}), address and, for platforms
 * whose keys act for a named user, that name. {@code secretRef} says where its token is kept; the token itself is
 * never in the cache. {@code name} is how the server introduced itself when it was checked.
 */
public record SavedServer(long id, String kind, String baseUrl, String username, String name, String userId,
                          String secretRef, Instant addedAt) {

    public SavedServer {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(baseUrl, "baseUrl");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(secretRef, "secretRef");
        Objects.requireNonNull(addedAt, "addedAt");
    }

    /** The prefix of this server's course ids in the cache, so that two servers' courses never share an id. */
    public String coursePrefix() {
        return kind.toLowerCase(java.util.Locale.ROOT) + "-" + id + ":";
    }
}
