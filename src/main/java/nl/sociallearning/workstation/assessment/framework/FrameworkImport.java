package nl.sociallearning.workstation.assessment.framework;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import nl.sociallearning.workstation.assessment.framework.FrameworkDraft.ProcessDraft;
import nl.sociallearning.workstation.assessment.framework.FrameworkDraft.TaskDraft;
import nl.sociallearning.workstation.assessment.framework.FrameworkDraft.Value;
import nl.sociallearning.workstation.assessment.framework.FrameworkImportException.Problem;
import nl.sociallearning.workstation.domain.assessment.Framework;
import nl.sociallearning.workstation.domain.assessment.Scale;
import nl.sociallearning.workstation.domain.assessment.ScaleLevel;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads a framework from JSON or CSV (the format is in docs/assessment-frameworks.md). The whole file is read and
 * checked before anything is made of it; a bad file throws {@link FrameworkImportException} naming line and field.
 */
public final class FrameworkImport {

    /** The CSV columns, in any order; the framework columns need a value on the first row only. */
    public static final List<String> CSV_COLUMNS = List.of("framework", "framework_title", "kind", "scale", "pass_level",
            "minimum_share", "core_task", "core_task_title", "work_process", "work_process_title", "criterion",
            "criterion_text", "critical");

    private FrameworkImport() {
    }

    public static Framework read(Path file) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".json")) {
            return json(bytes);
        }
        if (name.endsWith(".csv")) {
            return csv(bytes);
        }
        throw new FrameworkImportException(1, "-", Problem.UNKNOWN_FORMAT, file.getFileName().toString());
    }

    // --- JSON ---------------------------------------------------------------------------------------------------

    public static Framework json(byte[] bytes) {
        String text = Utf8Text.decode(bytes);
        Located.Obj root = asObject(parseJson(text), "framework");
        FrameworkDraft d = new FrameworkDraft();
        d.endLine = (int) text.lines().count();
        d.code = value(root, "code");
        d.title = value(root, "title");
        d.kind = value(root, "kind");
        d.scale = value(root, "scale");
        Located.Obj rules = root.fields().containsKey("rules") ? asObject(root.fields().get("rules"), "rules") : null;
        d.passLevel = rules == null ? missing(root, "rules") : value(rules, "passLevel");
        d.minimumShare = rules == null ? null : value(rules, "minimumShare");
        for (Located s : items(root, "scales", false)) {
            Scale scale = scale(asObject(s, "scales"));
            d.ownScales.put(scale.code(), scale);
        }
        for (Located t : items(root, "coreTasks", true)) {
            Located.Obj task = asObject(t, "coreTasks");
            TaskDraft td = d.task(value(task, "code"), value(task, "title"));
            for (Located w : items(task, "workProcesses", true)) {
                Located.Obj process = asObject(w, "workProcesses");
                ProcessDraft pd = d.process(td, value(process, "code"), value(process, "title"));
                for (Located c : items(process, "criteria", true)) {
                    Located.Obj criterion = asObject(c, "criteria");
                    d.criterion(pd, value(criterion, "code"), value(criterion, "text"), value(criterion, "critical"));
                }
            }
        }
        return d.build();
    }

    private static Scale scale(Located.Obj o) {
        String code = FrameworkDraft.required(value(o, "code"));
        String name = FrameworkDraft.required(value(o, "name"));
        List<ScaleLevel> levels = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        for (Located l : items(o, "levels", true)) {
            Located.Obj level = asObject(l, "levels");
            Value c = value(level, "code");
            String levelCode = FrameworkDraft.required(c);
            Integer first = seen.putIfAbsent(levelCode, c.line());
            if (first != null) {
                throw new FrameworkImportException(c.line(), "code", Problem.DUPLICATE_CODE, levelCode, first);
            }
            levels.add(new ScaleLevel(levelCode, FrameworkDraft.required(value(level, "label"))));
        }
        if (levels.size() < 2) {
            throw new FrameworkImportException(o.line(), "levels", Problem.NO_CRITERIA, code);
        }
        return new Scale(code, name, levels);
    }

    private static Located parseJson(String text) {
        JsonFactory factory = JsonFactory.builder().enable(com.fasterxml.jackson.core.StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();
        try (JsonParser p = factory.createParser(text)) {
            JsonToken first = p.nextToken();
            if (first == null) {
                throw new FrameworkImportException(1, "-", Problem.NOT_JSON, "");
            }
            Located root = read(p);
            if (p.nextToken() != null) {
                throw new FrameworkImportException(p.currentTokenLocation().getLineNr(), "-", Problem.NOT_JSON, "");
            }
            return root;
        } catch (JsonProcessingException e) {
            int line = e.getLocation() != null ? e.getLocation().getLineNr() : 1;
            throw new FrameworkImportException(line, "-", Problem.NOT_JSON, e.getOriginalMessage());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Located read(JsonParser p) throws IOException {
        int line = p.currentTokenLocation().getLineNr();
        switch (p.currentToken()) {
            case START_OBJECT -> {
                Map<String, Located> fields = new LinkedHashMap<>();
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String name = p.currentName();
                    p.nextToken();
                    fields.put(name, read(p));
                }
                return new Located.Obj(line, fields);
            }
            case START_ARRAY -> {
                List<Located> items = new ArrayList<>();
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    items.add(read(p));
                }
                return new Located.Arr(line, items);
            }
            case VALUE_NULL -> {
                return new Located.Scalar(line, null);
            }
            default -> {
                return new Located.Scalar(line, p.getText());
            }
        }
    }

    private static Located.Obj asObject(Located l, String field) {
        if (l instanceof Located.Obj o) {
            return o;
        }
        throw new FrameworkImportException(l.line(), field, Problem.NOT_AN_OBJECT, "");
    }

    private static Value value(Located.Obj o, String field) {
        Located l = o.fields().get(field);
        if (l == null) {
            return missing(o, field);
        }
        if (l instanceof Located.Scalar s) {
            return new Value(s.value() == null ? null : s.value().toString(), s.line(), field);
        }
        throw new FrameworkImportException(l.line(), field, Problem.NOT_TEXT, "");
    }

    /** A field that is absent: reported on the line of the object that lacks it. */
    private static Value missing(Located.Obj o, String field) {
        return new Value(null, o.line(), field);
    }

    private static List<Located> items(Located.Obj o, String field, boolean required) {
        Located l = o.fields().get(field);
        if (l == null) {
            if (required) {
                throw new FrameworkImportException(o.line(), field, Problem.MISSING_FIELD, "");
            }
            return List.of();
        }
        if (l instanceof Located.Arr a) {
            return a.items();
        }
        throw new FrameworkImportException(l.line(), field, Problem.NOT_A_LIST, "");
    }

    // --- CSV ----------------------------------------------------------------------------------------------------

    public static Framework csv(byte[] bytes) {
        String text = Utf8Text.decode(bytes);
        CsvMapper mapper = new CsvMapper();
        mapper.enable(CsvParser.Feature.WRAP_AS_ARRAY);
        List<String> header;
        List<Row> rows = new ArrayList<>();
        try (MappingIterator<String[]> it = mapper.readerFor(String[].class).with(CsvSchema.emptySchema()).readValues(text)) {
            if (!it.hasNext()) {
                throw new FrameworkImportException(1, "-", Problem.NOT_CSV, "");
            }
            header = List.of(it.next()).stream().map(h -> h.strip().toLowerCase(Locale.ROOT)).toList();
            for (String column : List.of("framework", "scale", "pass_level", "core_task", "work_process", "criterion",
                    "criterion_text")) {
                if (!header.contains(column)) {
                    throw new FrameworkImportException(1, column, Problem.MISSING_FIELD, "");
                }
            }
            while (it.hasNext()) {
                int line = it.getCurrentLocation().getLineNr();
                String[] cells = it.next();
                if (cells.length == 1 && cells[0].isBlank()) {
                    continue;
                }
                rows.add(new Row(line, cells));
            }
        } catch (FrameworkImportException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            int line = e instanceof JsonProcessingException j && j.getLocation() != null ? j.getLocation().getLineNr() : 1;
            throw new FrameworkImportException(line, "-", Problem.NOT_CSV, String.valueOf(e.getMessage()).lines().findFirst().orElse(""));
        }
        FrameworkDraft d = new FrameworkDraft();
        d.endLine = rows.isEmpty() ? 1 : rows.get(rows.size() - 1).line;
        Map<String, Value> frameworkFields = new HashMap<>();
        for (Row row : rows) {
            for (String f : List.of("framework", "framework_title", "kind", "scale", "pass_level", "minimum_share")) {
                Value v = row.value(header, f);
                if (v.blank()) {
                    continue;
                }
                Value first = frameworkFields.putIfAbsent(f, v);
                if (first != null && !first.text().strip().equals(v.text().strip())) {
                    throw new FrameworkImportException(v.line(), f, Problem.INCONSISTENT, v.text().strip(), first.line());
                }
            }
            TaskDraft task = d.tasks.get(row.text(header, "core_task"));
            if (task == null) {
                task = d.task(row.value(header, "core_task"), titleOr(row.value(header, "core_task_title"), row.value(header, "core_task")));
            }
            ProcessDraft process = task.processes.get(row.text(header, "work_process"));
            if (process == null) {
                process = d.process(task, row.value(header, "work_process"),
                        titleOr(row.value(header, "work_process_title"), row.value(header, "work_process")));
            }
            d.criterion(process, row.value(header, "criterion"), row.value(header, "criterion_text"), row.value(header, "critical"));
        }
        int firstLine = rows.isEmpty() ? 2 : rows.get(0).line;
        d.code = frameworkFields.getOrDefault("framework", new Value(null, firstLine, "framework"));
        d.title = frameworkFields.getOrDefault("framework_title", new Value(null, firstLine, "framework_title"));
        d.kind = frameworkFields.get("kind");
        d.scale = frameworkFields.getOrDefault("scale", new Value(null, firstLine, "scale"));
        d.passLevel = frameworkFields.getOrDefault("pass_level", new Value(null, firstLine, "pass_level"));
        d.minimumShare = frameworkFields.get("minimum_share");
        return d.build();
    }

    /** A title column the file leaves out shows the code; a title column present must be filled. */
    private static Value titleOr(Value title, Value code) {
        return title.field() == null ? new Value(code.text(), code.line(), code.field()) : title;
    }

    private record Row(int line, String[] cells) {
        Value value(List<String> header, String column) {
            int i = header.indexOf(column);
            if (i < 0) {
                return new Value(null, line, null);
            }
            return new Value(i < cells.length ? cells[i] : null, line, column);
        }

        String text(List<String> header, String column) {
            Value v = value(header, column);
            return v.blank() ? null : v.text().strip();
        }
    }
}
