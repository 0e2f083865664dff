package nl.sociallearning.workstation.assessment.report;

import nl.sociallearning.workstation.assessment.report.AssessmentReport.Assessor;
import nl.sociallearning.workstation.assessment.report.AssessmentReport.Context;
import nl.sociallearning.workstation.assessment.report.AssessmentReport.Criterion;
import nl.sociallearning.workstation.assessment.report.AssessmentReport.LevelGiven;
import nl.sociallearning.workstation.assessment.report.AssessmentReport.LinkedPost;
import nl.sociallearning.workstation.assessment.report.AssessmentReport.Note;
import nl.sociallearning.workstation.assessment.report.AssessmentReport.Signature;
import nl.sociallearning.workstation.assessment.report.AssessmentReport.Step;
import nl.sociallearning.workstation.assessment.report.AssessmentReport.StepRecord;
import nl.sociallearning.workstation.pdf.PdfBuilder;
import nl.sociallearning.workstation.pdf.PdfTable;
import nl.sociallearning.workstation.pdf.PdfTable.Column;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The assessment report as an A4 PDF, in the order of the method: 1 Waarnemen (the context), 2 Aantekeningen
 * maken (the note log), 3 Classificeren (the evidence per criterion), 4 Kwalificeren (each assessor's own
 * levels), 5 Evalueren (the levels side by side and the agreed level), 6 Rapporteren (result, strengths, next
 * steps, the student's response, signatures).
 */
public final class ReportPdf {

    private ReportPdf() {
    }

    /** Writes the report (Dutch for Dutch locales, English otherwise); the file appears whole or not at all. */
    public static void write(AssessmentReport report, Locale locale, Path file) throws IOException {
        try (PdfBuilder pdf = build(report, locale)) {
            pdf.writeTo(file);
        }
    }

    public static void write(AssessmentReport report, Locale locale, OutputStream out) throws IOException {
        try (PdfBuilder pdf = build(report, locale)) {
            pdf.writeTo(out);
        }
    }

    private static PdfBuilder build(AssessmentReport report, Locale locale) {
        Context c = report.context();
        ReportText t = new ReportText(locale, c.zone());
        PdfBuilder pdf = PdfBuilder.a4();
        try {
            pdf.properties(t.get("wackerReport.title") + " " + c.studentName(),
                    c.assessors().stream().map(Assessor::name).collect(Collectors.joining(", ")));
            List<String> lines = new ArrayList<>();
            lines.add(join(" \u00b7 ", c.studentName(), c.frameworkPart()));
            lines.add(t.get("wackerReport.subtitle.mode", t.get("wackerReport.mode." + c.mode().name()), t.date(c.date())));
            if (report.result() != null) {
                lines.add(t.get("wackerReport.subtitle.result", report.result().outcome()));
            }
            pdf.title(t.get("wackerReport.title"), lines);
            pdf.note(t.get("wackerReport.confidential"));

            observe(pdf, report, t);
            notes(pdf, report, t);
            classify(pdf, report, t);
            qualify(pdf, report, t);
            evaluate(pdf, report, t);
            reportStep(pdf, report, t);

            pdf.footer(t.get("wackerReport.footer.left", c.studentName(), t.date(c.date())), t.get("wackerReport.footer.page"));
            return pdf;
        } catch (RuntimeException e) {
            pdf.close();
            throw e;
        }
    }

    private static void stepHeading(PdfBuilder pdf, AssessmentReport report, ReportText t, Step step) {
        pdf.heading(t.get("wackerReport.step.heading", step.ordinal() + 1, t.get("wackerReport.step." + step.name())));
        StepRecord record = report.steps().stream().filter(s -> s.step() == step).findFirst().orElse(null);
        if (record != null) {
            pdf.note(record.completedAt() != null ? t.get("wackerReport.step.completed", t.dateTime(record.completedAt())) : t.get("wackerReport.step.notCompleted"));
            if (record.remark() != null && !record.remark().isBlank()) {
                pdf.paragraph(record.remark());
            }
        }
    }

    private static void observe(PdfBuilder pdf, AssessmentReport report, ReportText t) {
        Context c = report.context();
        stepHeading(pdf, report, t, Step.OBSERVE);
        Map<String, String> facts = new LinkedHashMap<>();
        facts.put(t.get("wackerReport.fact.student"), c.studentName());
        put(facts, t.get("wackerReport.fact.studentNumber"), c.studentNumber());
        facts.put(t.get("wackerReport.fact.assessors"), c.assessors().stream()
                .map(a -> a.role() == null || a.role().isBlank() ? a.name() : a.name() + " (" + a.role() + ")")
                .collect(Collectors.joining("\n")));
        put(facts, t.get("wackerReport.fact.date"), t.date(c.date()));
        put(facts, t.get("wackerReport.fact.place"), c.place());
        put(facts, t.get("wackerReport.fact.setting"), c.setting());
        put(facts, t.get("wackerReport.fact.task"), c.task());
        facts.put(t.get("wackerReport.fact.mode"), t.get("wackerReport.mode." + c.mode().name()));
        if (c.examStartedAt() != null) {
            facts.put(t.get("wackerReport.fact.examStarted"), t.dateTime(c.examStartedAt()));
        }
        put(facts, t.get("wackerReport.fact.framework"), c.framework());
        put(facts, t.get("wackerReport.fact.frameworkPart"), c.frameworkPart());
        if (c.observationStart() != null || c.observationEnd() != null) {
            facts.put(t.get("wackerReport.fact.observation"), t.get("wackerReport.observation.span", t.time(c.observationStart()), t.time(c.observationEnd())));
        }
        put(facts, t.get("wackerReport.fact.assessment"), c.assessmentId());
        pdf.facts(facts);
    }

    private static void notes(PdfBuilder pdf, AssessmentReport report, ReportText t) {
        Context c = report.context();
        stepHeading(pdf, report, t, Step.TAKE_NOTES);
        if (report.notes().isEmpty()) {
            pdf.paragraph(t.get("wackerReport.notes.none"));
            return;
        }
        long assessors = report.notes().stream().map(Note::assessorId).distinct().count();
        pdf.paragraph(t.get("wackerReport.notes.count", report.notes().size(), assessors));
        PdfTable table = PdfTable.of(Column.left(t.get("wackerReport.column.time"), 0.8f), Column.left(t.get("wackerReport.column.assessor"), 2.6f),
                Column.left(t.get("wackerReport.column.note"), 7f));
        report.notes().stream().sorted(Comparator.comparing(Note::time, Comparator.nullsLast(Comparator.naturalOrder())))
                .forEach(n -> table.row(t.time(n.time()), c.assessorName(n.assessorId()), n.text()));
        pdf.table(table);
    }

    private static void classify(PdfBuilder pdf, AssessmentReport report, ReportText t) {
        Context c = report.context();
        stepHeading(pdf, report, t, Step.CLASSIFY);
        List<String> missing = report.criteria().stream().filter(k -> k.evidence().isEmpty() && k.posts().isEmpty())
                .map(Criterion::code).toList();
        pdf.paragraph(missing.isEmpty() ? t.get("wackerReport.classify.complete") : t.get("wackerReport.classify.missing", String.join(", ", missing)));
        for (Criterion k : report.criteria()) {
            pdf.subheading(criterionHeading(k, t));
            List<String> items = new ArrayList<>();
            k.evidence().stream().sorted(Comparator.comparing(Note::time, Comparator.nullsLast(Comparator.naturalOrder())))
                    .forEach(n -> items.add(t.get("wackerReport.evidence.note", t.time(n.time()), c.assessorName(n.assessorId()), n.text())));
            for (LinkedPost post : k.posts()) {
                items.add(t.get("wackerReport.evidence.post", nz(post.author()), nz(post.course()), t.dateTime(post.postedAt()), nz(post.thread()),
                        nz(post.excerpt())));
            }
            if (items.isEmpty()) {
                pdf.paragraph(t.get("wackerReport.evidence.none"));
            } else {
                pdf.bullets(items);
            }
        }
    }

    private static void qualify(PdfBuilder pdf, AssessmentReport report, ReportText t) {
        Context c = report.context();
        stepHeading(pdf, report, t, Step.QUALIFY);
        pdf.paragraph(t.get("wackerReport.qualify.intro"));
        // The criterion column fits a qualification file's codes (B1-K1-W4-C3) on one line.
        PdfTable table = PdfTable.of(Column.left(t.get("wackerReport.column.criterion"), 2.2f), Column.left(t.get("wackerReport.column.assessor"), 2.1f),
                Column.left(t.get("wackerReport.column.level"), 1.6f), Column.left(t.get("wackerReport.column.justification"), 4.6f));
        for (Criterion k : report.criteria()) {
            boolean first = true;
            for (LevelGiven level : k.levels()) {
                table.row(first ? k.code() : "", c.assessorName(level.assessorId()), level.level(), nz(level.justification()));
                first = false;
            }
        }
        pdf.table(table);
    }

    private static void evaluate(PdfBuilder pdf, AssessmentReport report, ReportText t) {
        Context c = report.context();
        stepHeading(pdf, report, t, Step.EVALUATE);
        pdf.paragraph(t.get("wackerReport.evaluate.intro"));
        // One column per assessor who gave levels, in the order of the context.
        Set<String> ids = new LinkedHashSet<>();
        c.assessors().forEach(a -> ids.add(a.id()));
        report.criteria().forEach(k -> k.levels().forEach(l -> ids.add(l.assessorId())));
        List<String> columns = ids.stream().filter(id -> report.criteria().stream()
                .anyMatch(k -> k.levels().stream().anyMatch(l -> l.assessorId().equals(id)))).toList();
        List<Column> header = new ArrayList<>();
        header.add(Column.left(t.get("wackerReport.column.criterion"), 2.8f));
        // Level columns wide enough for "onvoldoende" on one line.
        columns.forEach(id -> header.add(Column.left(c.assessorName(id), 1.7f)));
        header.add(Column.left(t.get("wackerReport.column.agreed"), 1.7f));
        header.add(Column.left(t.get("wackerReport.column.agreement"), 3.6f));
        PdfTable table = PdfTable.of(header);
        for (Criterion k : report.criteria()) {
            List<String> row = new ArrayList<>();
            String name = k.code() + " " + k.title();
            row.add(k.disagreement() ? t.get("wackerReport.evaluate.differs", name) : name);
            for (String id : columns) {
                row.add(k.levels().stream().filter(l -> l.assessorId().equals(id)).map(LevelGiven::level).findFirst().orElse("\u2013"));
            }
            row.add(k.agreedLevel() != null ? k.agreedLevel() : t.get("wackerReport.evaluate.notAgreed"));
            row.add(nz(k.agreement()));
            table.row(row);
        }
        pdf.table(table);
    }

    private static void reportStep(PdfBuilder pdf, AssessmentReport report, ReportText t) {
        stepHeading(pdf, report, t, Step.REPORT);
        pdf.subheading(t.get("wackerReport.result.heading"));
        if (report.result() == null) {
            pdf.paragraph(t.get("wackerReport.result.none"));
        } else {
            pdf.boldParagraph(report.result().outcome());
            if (report.result().rule() != null && !report.result().rule().isBlank()) {
                pdf.paragraph(t.get("wackerReport.result.rule", report.result().rule()));
            }
        }
        if (!report.strengths().isEmpty()) {
            pdf.subheading(t.get("wackerReport.strengths.heading")).bullets(report.strengths());
        }
        if (!report.nextSteps().isEmpty()) {
            pdf.subheading(t.get("wackerReport.nextSteps.heading")).bullets(report.nextSteps());
        }
        pdf.subheading(t.get("wackerReport.response.heading"));
        if (report.studentResponse() == null || report.studentResponse().text() == null || report.studentResponse().text().isBlank()) {
            pdf.paragraph(t.get("wackerReport.response.none"));
        } else {
            pdf.paragraph(report.studentResponse().text());
            if (report.studentResponse().respondedAt() != null) {
                pdf.note(t.get("wackerReport.response.at", t.dateTime(report.studentResponse().respondedAt())));
            }
        }
        pdf.subheading(t.get("wackerReport.signatures.heading"));
        PdfTable signatures = PdfTable.of(Column.left(t.get("wackerReport.column.name"), 2.4f), Column.left(t.get("wackerReport.column.role"), 1.8f),
                Column.left(t.get("wackerReport.column.statement"), 2.4f), Column.left(t.get("wackerReport.column.signedAt"), 1.6f));
        for (Signature s : report.signatures()) {
            signatures.row(s.name(), nz(s.role()), nz(s.statement()),
                    s.signedAt() != null ? t.dateTime(s.signedAt()) : t.get("wackerReport.signature.pending"));
        }
        pdf.table(signatures);
    }

    private static String criterionHeading(Criterion k, ReportText t) {
        return t.get(k.critical() ? "wackerReport.criterion.headingCritical" : "wackerReport.criterion.heading", k.code(), k.title());
    }

    private static void put(Map<String, String> facts, String label, String value) {
        if (value != null && !value.isBlank()) {
            facts.put(label, value);
        }
    }

    private static String join(String separator, String... parts) {
        List<String> present = new ArrayList<>();
        for (String part : parts) {
            if (part != null && !part.isBlank()) {
                present.add(part);
            }
        }
        return String.join(separator, present);
    }

    private static String nz(String text) {
        return text == null ? "" : text;
    }
}
