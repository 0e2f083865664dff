package nl.sociallearning.workstation.store;

/** The cache could not be read or written; the message says what, for the user and the log. */
public class StoreException extends RuntimeException {

    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
