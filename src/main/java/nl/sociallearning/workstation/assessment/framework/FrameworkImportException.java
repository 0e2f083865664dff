package nl.sociallearning.workstation.assessment.framework;

/**
 * A framework file refused, with the line and field where the problem is, so that whoever made the file can
 * fix it. Nothing of a refused file is kept.
 */
public final class FrameworkImportException extends RuntimeException {

    /** What is wrong; the window words each one ({@code wacker.import.<name>}). */
    public enum Problem { NOT_UTF8, NOT_JSON, NOT_CSV, MISSING_FIELD, DUPLICATE_CODE, UNKNOWN_SCALE, UNKNOWN_LEVEL,
        BAD_VALUE, NOT_AN_OBJECT, NOT_A_LIST, NOT_TEXT, INCONSISTENT, NO_CRITERIA, UNKNOWN_FORMAT }

    private final int line;
    private final String field;
    private final Problem problem;
    private final String detail;
    private final int otherLine;

    public FrameworkImportException(int line, String field, Problem problem, String detail) {
        this(line, field, problem, detail, 0);
    }

    /** @param otherLine the line the value first appeared on (a duplicate code, a value that changed), or 0 */
    public FrameworkImportException(int line, String field, Problem problem, String detail, int otherLine) {
        super("line " + line + ", field '" + field + "': " + problem.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ')
                + (detail.isEmpty() ? "" : " (" + detail + ")") + (otherLine > 0 ? ", see line " + otherLine : ""));
        this.line = line;
        this.field = field;
        this.problem = problem;
        this.detail = detail;
        this.otherLine = otherLine;
    }

    public int otherLine() {
        return otherLine;
    }

    public int line() {
        return line;
    }

    public String field() {
        return field;
    }

    public Problem problem() {
        return problem;
    }

    public String detail() {
        return detail;
    }
}
