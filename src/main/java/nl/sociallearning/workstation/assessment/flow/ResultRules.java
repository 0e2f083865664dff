package nl.sociallearning.workstation.assessment.flow;

import nl.sociallearning.workstation.domain.assessment.Criterion;
import nl.sociallearning.workstation.domain.assessment.Framework;
import nl.sociallearning.workstation.domain.assessment.WorkProcess;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Applies a framework's rules to the agreed levels: critical criteria first, then the cut-off per work process. */
public final class ResultRules {

    /** One work process: how many criteria are sufficient of how many, how many were needed, what failed it. */
    public record WorkProcessResult(String code, String title, Outcome outcome, int sufficient, int total, int required,
                                    List<String> criticalFailures, List<String> missing) { }

    public record Result(Outcome outcome, List<WorkProcessResult> workProcesses) { }

    private ResultRules() {
    }

    /** @param levels agreed level per criterion code */
    public static Result apply(Framework f, List<String> scope, Map<String, String> levels) {
        int pass = f.scale().rank(f.rules().passLevel());
        String lowest = f.scale().lowest().code();
        List<WorkProcessResult> results = new ArrayList<>();
        for (String code : scope) {
            WorkProcess w = f.workProcess(code).orElseThrow();
            int sufficient = 0;
            List<String> critical = new ArrayList<>();
            List<String> missing = new ArrayList<>();
            for (Criterion c : w.criteria()) {
                String level = levels.get(c.code());
                if (level == null) {
                    missing.add(c.code());
                    continue;
                }
                if (f.scale().rank(level) >= pass) {
                    sufficient++;
                }
                if (c.critical() && level.equals(lowest)) {
                    critical.add(c.code());
                }
            }
            int total = w.criteria().size();
            int required = (int) Math.ceil(total * f.rules().minimumSharePercent() / 100.0);
            Outcome outcome = !critical.isEmpty() ? Outcome.FAILED
                    : !missing.isEmpty() ? Outcome.INCOMPLETE
                    : sufficient >= required ? Outcome.PASSED : Outcome.FAILED;
            results.add(new WorkProcessResult(code, w.title(), outcome, sufficient, total, required, critical, missing));
        }
        Outcome overall = results.stream().anyMatch(r -> r.outcome() == Outcome.FAILED) ? Outcome.FAILED
                : results.stream().anyMatch(r -> r.outcome() == Outcome.INCOMPLETE) ? Outcome.INCOMPLETE : Outcome.PASSED;
        return new Result(overall, results);
    }
}
