package nl.sociallearning.workstation.store;

import nl.sociallearning.workstation.domain.assessment.CoreTask;
import nl.sociallearning.workstation.domain.assessment.Criterion;
import nl.sociallearning.workstation.domain.assessment.Framework;
import nl.sociallearning.workstation.domain.assessment.FrameworkKind;
import nl.sociallearning.workstation.domain.assessment.FrameworkRules;
import nl.sociallearning.workstation.domain.assessment.Scale;
import nl.sociallearning.workstation.domain.assessment.ScaleLevel;
import nl.sociallearning.workstation.domain.assessment.WorkProcess;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Assessment frameworks: stored whole in one transaction, read whole. A framework's code is its identity. */
public final class FrameworkRepository {

    private final Jdbc jdbc;

    FrameworkRepository(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    /** Stores a framework; false (and nothing stored) when one with that code is already there. */
    public boolean add(Framework f, Instant at) {
        return jdbc.writeDurably(c -> {
            if (Jdbc.count(c, "SELECT COUNT(*) FROM assessment_framework WHERE code = ?", f.code()) > 0) {
                return false;
            }
            Jdbc.update(c, "INSERT INTO assessment_framework (code, title, kind, scale_code, scale_name, pass_level, "
                            + "minimum_share, imported_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                    f.code(), f.title(), f.kind(), f.scale().code(), f.scale().name(), f.rules().passLevel(),
                    f.rules().minimumSharePercent(), at);
            int i = 0;
            for (ScaleLevel l : f.scale().levels()) {
                Jdbc.update(c, "INSERT INTO assessment_framework_level VALUES (?, ?, ?, ?)", f.code(), i++, l.code(), l.label());
            }
            int p = 0;
            for (CoreTask t : f.coreTasks()) {
                for (WorkProcess w : t.workProcesses()) {
                    for (Criterion cr : w.criteria()) {
                        Jdbc.update(c, "INSERT INTO assessment_framework_criterion VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                                f.code(), p++, t.code(), t.title(), w.code(), w.title(), cr.code(), cr.text(), cr.critical());
                    }
                }
            }
            return true;
        });
    }

    public Optional<Framework> find(String code) {
        return jdbc.read(c -> load(c, code));
    }

    public List<Framework> all() {
        return jdbc.read(c -> {
            List<Framework> out = new ArrayList<>();
            for (String code : Jdbc.query(c, "SELECT code FROM assessment_framework ORDER BY title", r -> r.getString(1))) {
                load(c, code).ifPresent(out::add);
            }
            return out;
        });
    }

    private static Optional<Framework> load(Connection c, String code) throws SQLException {
        record Head(String title, String kind, String scaleCode, String scaleName, String pass, int share) { }
        Optional<Head> head = Jdbc.queryOne(c, "SELECT * FROM assessment_framework WHERE code = ?",
                r -> new Head(r.getString("title"), r.getString("kind"), r.getString("scale_code"), r.getString("scale_name"),
                        r.getString("pass_level"), r.getInt("minimum_share")), code);
        if (head.isEmpty()) {
            return Optional.empty();
        }
        List<ScaleLevel> levels = Jdbc.query(c, "SELECT code, label FROM assessment_framework_level WHERE framework_code = ? "
                + "ORDER BY position", r -> new ScaleLevel(r.getString(1), r.getString(2)), code);
        record Row(String task, String taskTitle, String process, String processTitle, Criterion criterion) { }
        List<Row> rows = Jdbc.query(c, "SELECT * FROM assessment_framework_criterion WHERE framework_code = ? ORDER BY position",
                r -> new Row(r.getString("core_task_code"), r.getString("core_task_title"), r.getString("work_process_code"),
                        r.getString("work_process_title"), new Criterion(r.getString("criterion_code"),
                        r.getString("criterion_text"), r.getBoolean("critical"))), code);
        Map<String, String> taskTitles = new LinkedHashMap<>();
        Map<String, Map<String, String>> processTitles = new LinkedHashMap<>();
        Map<String, List<Criterion>> criteria = new LinkedHashMap<>();
        for (Row r : rows) {
            taskTitles.putIfAbsent(r.task(), r.taskTitle());
            processTitles.computeIfAbsent(r.task(), k -> new LinkedHashMap<>()).putIfAbsent(r.process(), r.processTitle());
            criteria.computeIfAbsent(r.process(), k -> new ArrayList<>()).add(r.criterion());
        }
        List<CoreTask> tasks = new ArrayList<>();
        taskTitles.forEach((task, title) -> {
            List<WorkProcess> processes = new ArrayList<>();
            processTitles.get(task).forEach((p, pt) -> processes.add(new WorkProcess(p, pt, criteria.get(p))));
            tasks.add(new CoreTask(task, title, processes));
        });
        Head h = head.get();
        return Optional.of(new Framework(code, h.title(), FrameworkKind.valueOf(h.kind()),
                new Scale(h.scaleCode(), h.scaleName(), levels), new FrameworkRules(h.pass(), h.share()), tasks));
    }
}
