package nl.sociallearning.workstation.domain;

import java.util.Objects;

/** Who the course server says the workstation's user is. */
public record UserIdentity(String id, String displayName) {

    public UserIdentity {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(displayName, "displayName");
    }
}
