package nl.sociallearning.workstation.domain;

import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Who the workstation's user is on each course server, by the prefix of that server's course ids ({@code ""} for the
 * primary server, {@link SavedServer#coursePrefix()} for an added one). A course belongs to the server with the
 * longest prefix its id starts with; its user is that server's identity, never another server's: an added server
 * whose identity is not known yet has none.
 */
public record Identities(Map<String, UserIdentity> byPrefix, Set<String> serverPrefixes) {

    public static final Identities NONE = new Identities(Map.of(), Set.of());

    public Identities {
        byPrefix = Map.copyOf(byPrefix);
        serverPrefixes = Set.copyOf(serverPrefixes);
    }

    /** One server whose courses keep their ids: the user is {@code me} everywhere (none when null). */
    public static Identities single(String me) {
        return me == null ? NONE : new Identities(Map.of("", new UserIdentity(me, me)), Set.of());
    }

    /** The user on the server of this course. */
    public Optional<UserIdentity> of(String courseId) {
        if (courseId == null) {
            return Optional.empty();
        }
        String server = "";
        for (String prefix : serverPrefixes) {
            if (courseId.startsWith(prefix) && prefix.length() > server.length()) {
                server = prefix;
            }
        }
        for (String prefix : byPrefix.keySet()) {
            if (courseId.startsWith(prefix) && prefix.length() > server.length()) {
                server = prefix;
            }
        }
        return Optional.ofNullable(byPrefix.get(server));
    }

    /** The user's id on the server of this course, or null. */
    public String idIn(String courseId) {
        return of(courseId).map(UserIdentity::id).orElse(null);
    }
}
