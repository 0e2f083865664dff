package nl.sociallearning.workstation.domain.assessment;

import java.time.Instant;
import java.util.List;

/**
 * What is assessed, where and how: the student, the work processes in scope, the setting, the place and task,
 * and the mode; a summative assessment records the moment the exam starts.
 */
public record AssessmentContext(Student student, List<String> scope, Setting setting, String place, String task,
                                Mode mode, Instant examStartsAt) {

    public AssessmentContext {
        scope = List.copyOf(scope);
    }
}
