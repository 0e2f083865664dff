package nl.sociallearning.workstation.domain.assessment;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** A framework of criteria: core tasks, their work processes and observable criteria, with a scale and rules. */
public record Framework(String code, String title, FrameworkKind kind, Scale scale, FrameworkRules rules,
                        List<CoreTask> coreTasks) {

    public Framework {
        coreTasks = List.copyOf(coreTasks);
    }

    public List<WorkProcess> workProcesses() {
        return coreTasks.stream().flatMap(t -> t.workProcesses().stream()).toList();
    }

    public Optional<WorkProcess> workProcess(String code) {
        return workProcesses().stream().filter(w -> w.code().equals(code)).findFirst();
    }

    public Optional<Criterion> criterion(String code) {
        return workProcesses().stream().flatMap(w -> w.criteria().stream()).filter(c -> c.code().equals(code)).findFirst();
    }

    /** The criteria of the given work processes, in framework order. */
    public List<Criterion> criteriaIn(List<String> workProcessCodes) {
        List<Criterion> out = new ArrayList<>();
        for (WorkProcess w : workProcesses()) {
            if (workProcessCodes.contains(w.code())) {
                out.addAll(w.criteria());
            }
        }
        return out;
    }

    public Optional<WorkProcess> workProcessOf(String criterionCode) {
        return workProcesses().stream().filter(w -> w.criteria().stream().anyMatch(c -> c.code().equals(criterionCode)))
                .findFirst();
    }
}
