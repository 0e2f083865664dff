package nl.sociallearning.workstation.servers;

/** A server could not be added; {@link Problem} says which field to look at, the message what the server said. */
public final class AddServerException extends Exception {

    public enum Problem {
        /** The address is not a web address, or not https:// to another machine. */
        ADDRESS,
        /** A field the kind needs is empty (a token; Discourse's username). */
        MISSING,
        /** The server answered, but did not accept the token (or the account may not do this). */
        TOKEN,
        /** No answer: wrong address, no network, or the server is down. */
        UNREACHABLE,
        /** Something answered, but not a server of the chosen kind. */
        WRONG_KIND,
        /** This server (kind, address, user) was added before. */
        DUPLICATE,
        /** Anything else; the message says what. */
        OTHER
    }

    private final Problem problem;

    public AddServerException(Problem problem, String message, Throwable cause) {
        super(message, cause);
        this.problem = problem;
    }

    public Problem problem() {
        return problem;
    }
}
