package nl.sociallearning.workstation.assessment.framework;

import nl.sociallearning.workstation.assessment.framework.FrameworkImportException.Problem;
import nl.sociallearning.workstation.domain.assessment.CoreTask;
import nl.sociallearning.workstation.domain.assessment.Criterion;
import nl.sociallearning.workstation.domain.assessment.Framework;
import nl.sociallearning.workstation.domain.assessment.FrameworkKind;
import nl.sociallearning.workstation.domain.assessment.FrameworkRules;
import nl.sociallearning.workstation.domain.assessment.Scale;
import nl.sociallearning.workstation.domain.assessment.WorkProcess;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A framework as read from a file, value by value with the line each came from; {@link #build()} checks it as a
 * whole (codes unique, scale known, pass level on the scale) and only then makes a {@link Framework}.
 */
final class FrameworkDraft {

    /** A value read from the file, and where. */
    record Value(String text, int line, String field) {
        boolean blank() {
            return text == null || text.isBlank();
        }
    }

    static final class TaskDraft {
        final Value code;
        final Value title;
        final Map<String, ProcessDraft> processes = new LinkedHashMap<>();

        TaskDraft(Value code, Value title) {
            this.code = code;
            this.title = title;
        }
    }

    static final class ProcessDraft {
        final Value code;
        final Value title;
        final List<Criterion> criteria = new ArrayList<>();

        ProcessDraft(Value code, Value title) {
            this.code = code;
            this.title = title;
        }
    }

    Value code;
    Value title;
    Value kind;
    Value scale;
    Value passLevel;
    Value minimumShare;
    int endLine = 1;
    final Map<String, Scale> ownScales = new HashMap<>();
    final Map<String, TaskDraft> tasks = new LinkedHashMap<>();
    private final Map<String, Integer> codeLines = new HashMap<>();

    static String required(Value v) {
        if (v == null || v.blank()) {
            throw new FrameworkImportException(v == null ? 1 : v.line(), v == null ? "?" : v.field(), Problem.MISSING_FIELD, "");
        }
        return v.text().strip();
    }

    /** Registers a code; every code of a framework (tasks, work processes, criteria) must differ from the others. */
    void claim(Value code) {
        String c = required(code);
        Integer first = codeLines.putIfAbsent(c, code.line());
        if (first != null) {
            throw new FrameworkImportException(code.line(), code.field(), Problem.DUPLICATE_CODE, c, first);
        }
    }

    TaskDraft task(Value code, Value title) {
        claim(code);
        required(title);
        TaskDraft t = new TaskDraft(code, title);
        tasks.put(code.text().strip(), t);
        return t;
    }

    ProcessDraft process(TaskDraft task, Value code, Value title) {
        claim(code);
        required(title);
        ProcessDraft p = new ProcessDraft(code, title);
        task.processes.put(code.text().strip(), p);
        return p;
    }

    void criterion(ProcessDraft process, Value code, Value text, Value critical) {
        claim(code);
        process.criteria.add(new Criterion(code.text().strip(), required(text), flag(critical)));
    }

    static boolean flag(Value v) {
        if (v == null || v.blank()) {
            return false;
        }
        return switch (v.text().strip().toLowerCase(Locale.ROOT)) {
            case "true", "ja", "yes", "1", "x" -> true;
            case "false", "nee", "no", "0" -> false;
            default -> throw new FrameworkImportException(v.line(), v.field(), Problem.BAD_VALUE, v.text().strip());
        };
    }

    Framework build() {
        String c = required(code);
        String t = required(title);
        FrameworkKind k = FrameworkKind.QUALIFICATION;
        if (kind != null && !kind.blank()) {
            try {
                k = FrameworkKind.valueOf(kind.text().strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new FrameworkImportException(kind.line(), kind.field(), Problem.BAD_VALUE, kind.text().strip());
            }
        }
        String scaleCode = required(scale);
        Scale s = ownScales.containsKey(scaleCode) ? ownScales.get(scaleCode)
                : BuiltInScales.find(scaleCode).orElseThrow(() ->
                        new FrameworkImportException(scale.line(), scale.field(), Problem.UNKNOWN_SCALE, scaleCode));
        String pass = required(passLevel);
        if (!s.has(pass)) {
            throw new FrameworkImportException(passLevel.line(), passLevel.field(), Problem.UNKNOWN_LEVEL, pass);
        }
        int share = 100;
        if (minimumShare != null && !minimumShare.blank()) {
            try {
                share = Integer.parseInt(minimumShare.text().strip());
            } catch (NumberFormatException e) {
                share = -1;
            }
            if (share < 1 || share > 100) {
                throw new FrameworkImportException(minimumShare.line(), minimumShare.field(), Problem.BAD_VALUE,
                        minimumShare.text().strip());
            }
        }
        List<CoreTask> coreTasks = new ArrayList<>();
        for (TaskDraft task : tasks.values()) {
            List<WorkProcess> processes = new ArrayList<>();
            for (ProcessDraft p : task.processes.values()) {
                if (p.criteria.isEmpty()) {
                    throw new FrameworkImportException(p.code.line(), "criteria", Problem.NO_CRITERIA, p.code.text().strip());
                }
                processes.add(new WorkProcess(p.code.text().strip(), p.title.text().strip(), p.criteria));
            }
            if (processes.isEmpty()) {
                throw new FrameworkImportException(task.code.line(), "workProcesses", Problem.NO_CRITERIA,
                        task.code.text().strip());
            }
            coreTasks.add(new CoreTask(task.code.text().strip(), task.title.text().strip(), processes));
        }
        if (coreTasks.isEmpty()) {
            throw new FrameworkImportException(endLine, "coreTasks", Problem.NO_CRITERIA, c);
        }
        return new Framework(c, t, k, s, new FrameworkRules(pass, share), coreTasks);
    }
}
