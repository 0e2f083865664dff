package nl.sociallearning.workstation.assessment.framework;

import java.util.List;
import java.util.Map;

/**
 * A JSON value with the line it starts on, so that a refusal can point at the line to fix. Objects keep their
 * fields in file order; arrays their items; scalars their text.
 */
sealed interface Located {

    int line();

    record Obj(int line, Map<String, Located> fields) implements Located {
    }

    record Arr(int line, List<Located> items) implements Located { }

    record Scalar(int line, Object value) implements Located { }
}
