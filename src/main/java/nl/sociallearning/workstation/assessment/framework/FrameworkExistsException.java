package nl.sociallearning.workstation.assessment.framework;

/** A framework with this code is in the cache already: importing it again would overwrite criteria in use. */
public final class FrameworkExistsException extends RuntimeException {

    private final String code;

    public FrameworkExistsException(String code) {
        super("A framework with code " + code + " exists already.");
        this.code = code;
    }

    public String code() {
        return code;
    }
}
