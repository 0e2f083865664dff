package nl.sociallearning.workstation.domain.assessment;

import java.util.List;

/** A work process (werkproces, e.g. B1-K1-W1), an EPA, or a rubric row group: the unit that passes or fails. */
public record WorkProcess(String code, String title, List<Criterion> criteria) {

    public WorkProcess {
        criteria = List.copyOf(criteria);
    }
}
