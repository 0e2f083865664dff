package nl.sociallearning.workstation.assessment.flow;

/** A step the method does not allow (yet): what was refused and about what. Nothing was stored. */
public final class FlowException extends RuntimeException {

    private final Refusal refusal;
    private final String subject;

    public FlowException(Refusal refusal, String subject) {
        super(refusal.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ') + (subject.isEmpty() ? "" : ": " + subject));
        this.refusal = refusal;
        this.subject = subject;
    }

    public Refusal refusal() {
        return refusal;
    }

    public String subject() {
        return subject;
    }
}
