package nl.sociallearning.workstation.domain.assessment;

import java.util.List;

/** A core task (kerntaak, e.g. B1-K1), a group of EPAs, or a rubric section. */
public record CoreTask(String code, String title, List<WorkProcess> workProcesses) {

    public CoreTask {
        workProcesses = List.copyOf(workProcesses);
    }
}
