package nl.sociallearning.workstation.sync.moodle;

import com.fasterxml.jackson.databind.JsonNode;
import nl.sociallearning.workstation.sync.SyncException;
import nl.sociallearning.workstation.sync.SyncException.Kind;

/** Moodle's error answers ({@code exception}, {@code errorcode}, {@code message}, all with HTTP 200), named for the user. */
final class MoodleErrors {

    private MoodleErrors() {
    }

    static SyncException from(String function, JsonNode error) {
        String code = error.path("errorcode").asText("");
        String message = error.path("message").asText(code);
        String exception = error.path("exception").asText("");
        return switch (code) {
            case "invalidtoken" -> new SyncException(Kind.UNAUTHORIZED,
                    "Moodle does not know this token (" + message + "). Check the token on the site's security keys page.");
            case "accessexception", "webservice_access_exception" -> new SyncException(Kind.FORBIDDEN,
                    "This token may not call " + function + " (" + message + "): add the function to the token's service.");
            case "servicerequireslogin", "requireloginerror", "nopermissions", "notingroup", "errorcannotlock",
                 "cannotpindiscussions", "nopostforum", "cannotdeletepost", "cannotreplytopost" ->
                    new SyncException(Kind.FORBIDDEN, "Moodle refused " + function + ": " + message);
            case "invalidrecord", "invalidrecordunknown", "invalidcourseid", "invalidforumid", "invaliddiscussionid",
                 "invalidpostid" -> new SyncException(Kind.NOT_FOUND, "Moodle no longer has this (" + message + ").");
            default -> exception.contains("dml_missing_record")
                    ? new SyncException(Kind.NOT_FOUND, "Moodle no longer has this (" + message + ").")
                    : new SyncException(Kind.REFUSED, "Moodle refused " + function + ": " + message
                    + (code.isEmpty() ? "" : " (" + code + ")"));
        };
    }
}
