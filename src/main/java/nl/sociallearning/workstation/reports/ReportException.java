package nl.sociallearning.workstation.reports;

/** An export that could not be made, with what went wrong in words for the user and a kind for exit codes. */
public final class ReportException extends RuntimeException {

    public enum Kind {
        /** The request itself is wrong: no purpose, a period that ends before it starts. */
        BAD_REQUEST,
        /** The course is not in the cache. */
        NO_SUCH_COURSE,
        /** The file could not be written: no such folder, no permission, the disk is full. Nothing was left behind. */
        CANNOT_WRITE
    }

    private final Kind kind;

    public ReportException(Kind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
    }

    public ReportException(Kind kind, String message) {
        this(kind, message, null);
    }

    public Kind kind() {
        return kind;
    }
}
