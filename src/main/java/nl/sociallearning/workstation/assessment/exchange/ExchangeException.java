package nl.sociallearning.workstation.assessment.exchange;

/** An exchange file refused as a whole: nothing of it was added. */
public final class ExchangeException extends RuntimeException {

    /** Why; the window words each one ({@code wacker.exchange.<name>}). */
    public enum Problem { NOT_AN_EXCHANGE_FILE, TAMPERED, OTHER_KEY, CONFLICT, LOCKED, UNKNOWN_FRAMEWORK, MIXED_ASSESSORS, SERVER }

    private final Problem problem;
    private final String detail;

    public ExchangeException(Problem problem, String detail) {
        super(problem.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ') + (detail.isEmpty() ? "" : ": " + detail));
        this.problem = problem;
        this.detail = detail;
    }

    public Problem problem() {
        return problem;
    }

    public String detail() {
        return detail;
    }
}
