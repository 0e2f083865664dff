package nl.sociallearning.workstation.sync;

import java.util.Objects;

/**
 * What a server needs to know who we are: a token (Bearer token, Moodle's {@code wstoken}, Discourse's
 * {@code Api-Key}) and, for platforms whose keys act for a named user (Discourse's {@code Api-Username}), that name.
 */
public record ServerCredentials(String token, String username) {

    public ServerCredentials {
        Objects.requireNonNull(token, "token");
    }

    public static ServerCredentials token(String token) {
        return new ServerCredentials(token, null);
    }

    @Override
    public String toString() {
        return "credentials" + (username == null ? "" : " of " + username);
    }
}
