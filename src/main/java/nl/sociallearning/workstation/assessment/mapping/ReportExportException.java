package nl.sociallearning.workstation.assessment.mapping;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** A report file that could not be written: where, and why in a word the screen can say in the user's language. */
public final class ReportExportException extends RuntimeException {

    public enum Reason { NO_ACCESS, NO_FOLDER, NOT_WRITTEN }

    private final Path file;
    private final Reason reason;

    public ReportExportException(Path file, IOException cause) {
        super("the report could not be written to " + file + ": " + cause, cause);
        this.file = file;
        this.reason = cause instanceof AccessDeniedException ? Reason.NO_ACCESS
                : cause instanceof NoSuchFileException ? Reason.NO_FOLDER : Reason.NOT_WRITTEN;
    }

    public Path file() {
        return file;
    }

    public Reason reason() {
        return reason;
    }

    /** The system's own words for the failure, for the cases without a reason of their own. */
    public String detail() {
        Throwable c = getCause();
        return c instanceof FileSystemException f && f.getReason() != null ? f.getReason() : String.valueOf(c.getMessage());
    }
}
