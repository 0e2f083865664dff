package nl.sociallearning.workstation.domain.assessment;

/**
 * How levels become a result. A work process passes when at least {@code minimumSharePercent} of its criteria
 * are at {@code passLevel} or higher and no critical criterion is at the lowest level; the assessment passes
 * when every work process in scope passes.
 */
public record FrameworkRules(String passLevel, int minimumSharePercent) {

    public FrameworkRules {
        if (minimumSharePercent < 1 || minimumSharePercent > 100) {
            throw new IllegalArgumentException("minimumSharePercent must be 1..100");
        }
    }
}
