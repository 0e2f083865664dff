package nl.sociallearning.workstation.sync.moodle;

import com.fasterxml.jackson.databind.JsonNode;
import nl.sociallearning.workstation.sync.ServerAddress;
import nl.sociallearning.workstation.sync.SyncException;
import nl.sociallearning.workstation.sync.SyncException.Kind;
import nl.sociallearning.workstation.sync.platform.HttpFailures;
import nl.sociallearning.workstation.sync.platform.PlatformHttp;

/**
 * Moodle's error answers ({@code exception}, {@code errorcode}, {@code message}, all with HTTP 200), named for the
 * user; and the answers of a site that is no Moodle web service.
 */
final class MoodleErrors {

    private MoodleErrors() {
    }

    /** The {@link PlatformHttp.FailureRule} of a Moodle site: every answer to a web service function passes here. */
    static SyncException classify(ServerAddress server, PlatformHttp.Answer answer) {
        String function = answer.url().queryParameter("wsfunction");
        if (answer.code() == 404) {
            return new SyncException(Kind.NOT_FOUND, server + " has no Moodle web services (no "
                    + "/webservice/rest/server.php): is this a Moodle site, and are web services enabled?");
        }
        if (!answer.successful()) {
            return HttpFailures.from(answer.code(), answer.headers(), "HTTP " + answer.code());
        }
        if (answer.unreadable() != null) {
            return new SyncException(Kind.MALFORMED, looksLikeJson(answer.text())
                    ? "Moodle's answer to " + function + " was cut off or is not valid JSON (" + answer.unreadable() + ")."
                    : server + " did not answer as a Moodle web service does (not JSON): is this a Moodle site?");
        }
        JsonNode body = answer.body();
        if (body.isMissingNode()) {
            return new SyncException(Kind.MALFORMED, "Moodle sent an empty answer to " + function + ".");
        }
        if (body.isObject() && body.has("exception")) {
            return from(function, body);
        }
        return null;
    }

    private static boolean looksLikeJson(String text) {
        String start = text.stripLeading();
        return start.startsWith("{") || start.startsWith("[");
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
