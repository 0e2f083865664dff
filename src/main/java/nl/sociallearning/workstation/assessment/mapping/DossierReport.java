package nl.sociallearning.workstation.assessment.mapping;

import nl.sociallearning.workstation.assessment.flow.Outcome;
import nl.sociallearning.workstation.assessment.flow.ResultRules;
import nl.sociallearning.workstation.assessment.report.AssessmentReport;
import nl.sociallearning.workstation.assessment.report.AssessmentReport.LevelGiven;
import nl.sociallearning.workstation.assessment.report.AssessmentReport.LinkedPost;
import nl.sociallearning.workstation.assessment.report.AssessmentReport.StepRecord;
import nl.sociallearning.workstation.domain.assessment.Addendum;
import nl.sociallearning.workstation.domain.assessment.AgreedLevel;
import nl.sociallearning.workstation.domain.assessment.Assessment;
import nl.sociallearning.workstation.domain.assessment.AssessmentContext;
import nl.sociallearning.workstation.domain.assessment.Assessor;
import nl.sociallearning.workstation.domain.assessment.AssessorRole;
import nl.sociallearning.workstation.domain.assessment.CourseEvidence;
import nl.sociallearning.workstation.domain.assessment.Criterion;
import nl.sociallearning.workstation.domain.assessment.Dossier;
import nl.sociallearning.workstation.domain.assessment.Framework;
import nl.sociallearning.workstation.domain.assessment.LevelLock;
import nl.sociallearning.workstation.domain.assessment.Mode;
import nl.sociallearning.workstation.domain.assessment.Note;
import nl.sociallearning.workstation.domain.assessment.ReportText;
import nl.sociallearning.workstation.domain.assessment.Scale;
import nl.sociallearning.workstation.domain.assessment.Signature;
import nl.sociallearning.workstation.domain.assessment.SignerRole;
import nl.sociallearning.workstation.ui.Messages;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * One stored assessment as the report's plain input: the context (W), the note log of every assessor (A), per
 * criterion its linked notes and posts (C), each assessor's original level (K), the agreed level and why (E),
 * and the result by the framework's rules with the strengths, next steps, the student's response and the
 * signatures (R). Each step records when it ended. Levels are printed by their labels on the framework's scale.
 */
public final class DossierReport {

    static final String BUNDLE = "nl.sociallearning.workstation.assessment.mapping.dossier";

    private final Messages texts;
    private final ZoneId zone;
    private final DateTimeFormatter dateTime;

    private DossierReport(Locale locale, ZoneId zone) {
        this.texts = new Messages(BUNDLE, locale);
        this.zone = zone;
        this.dateTime = DateTimeFormatter.ofPattern("d-M-yyyy HH:mm",
                locale.getLanguage().equals("nl") ? Locale.forLanguageTag("nl-NL") : Locale.UK);
    }

    /**
     * @param posts the course post behind a piece of course evidence (course, thread, author, time); the cache knows it
     */
    public static AssessmentReport of(Dossier d, Framework f, Function<CourseEvidence, LinkedPost> posts, Locale locale, ZoneId zone) {
        return new DossierReport(locale, zone).map(d, f, posts);
    }

    private AssessmentReport map(Dossier d, Framework f, Function<CourseEvidence, LinkedPost> posts) {
        Assessment a = d.assessment();
        Scale scale = f.scale();
        List<Criterion> inScope = f.criteriaIn(a.context().scope());
        Optional<ReportText> text = d.report();
        return new AssessmentReport(context(d, f), steps(d, inScope.size()),
                d.notes().stream().sorted(Comparator.comparing(Note::at))
                        .map(n -> new AssessmentReport.Note(n.assessorId(), n.at(), n.text())).toList(),
                inScope.stream().map(c -> criterion(d, scale, c, posts)).toList(),
                result(d, f),
                lines(text.map(ReportText::strengths).orElse("")),
                lines(text.map(ReportText::nextSteps).orElse("")),
                text.map(ReportText::studentResponse).filter(s -> !s.isBlank())
                        .map(s -> new AssessmentReport.StudentResponse(s, text.get().at())).orElse(null),
                signatures(d));
    }

    private AssessmentReport.Context context(Dossier d, Framework f) {
        Assessment a = d.assessment();
        AssessmentContext x = a.context();
        Instant day = a.observationStartedAt() != null ? a.observationStartedAt() : a.createdAt();
        String part = x.scope().stream().map(code -> f.workProcess(code).map(w -> w.code() + " " + w.title()).orElse(code))
                .collect(Collectors.joining("; "));
        return new AssessmentReport.Context(a.id(), x.student().name(), x.student().number(),
                a.assessors().stream().map(s -> new AssessmentReport.Assessor(s.id(), s.name(), get("wackerDossier.role." + s.role().name())))
                        .toList(),
                day == null ? null : LocalDate.ofInstant(day, zone), x.place(), get("wackerDossier.setting." + x.setting().name()), x.task(),
                x.mode() == Mode.SUMMATIVE ? AssessmentReport.Mode.SUMMATIVE : AssessmentReport.Mode.FORMATIVE,
                x.mode() == Mode.SUMMATIVE ? x.examStartsAt() : null, f.title(), part, a.observationStartedAt(), a.observationEndedAt(), zone);
    }

    /** When each step ended: observing and the note log with the observation, C and K with the last lock, E with the last agreed level. */
    private List<StepRecord> steps(Dossier d, int criteria) {
        Assessment a = d.assessment();
        List<StepRecord> steps = new ArrayList<>();
        // The context and the note log say when and how much; the steps need no remark of their own.
        steps.add(new StepRecord(AssessmentReport.Step.OBSERVE, a.observationEndedAt(), null));
        steps.add(new StepRecord(AssessmentReport.Step.TAKE_NOTES, a.observationEndedAt(), null));
        Instant allLocked = d.allObserversLocked()
                ? d.locks().stream().map(LevelLock::at).max(Comparator.naturalOrder()).orElse(null) : null;
        String locks = d.locks().stream().sorted(Comparator.comparing(LevelLock::at))
                .map(l -> get("wackerDossier.remark.locked", name(a, l.assessorId()), dateTime(l.at())))
                .collect(Collectors.joining(" "));
        steps.add(new StepRecord(AssessmentReport.Step.CLASSIFY, allLocked, null));
        steps.add(new StepRecord(AssessmentReport.Step.QUALIFY, allLocked, locks.isBlank() ? null : locks));
        boolean agreed = criteria > 0 && d.agreed().size() >= criteria;
        Instant lastAgreed = agreed ? d.agreed().stream().map(AgreedLevel::at).max(Comparator.naturalOrder()).orElse(null) : null;
        steps.add(new StepRecord(AssessmentReport.Step.EVALUATE, lastAgreed,
                d.allObserversLocked() ? get("wackerDossier.remark.agreed", d.agreed().size(), criteria) : null));
        List<String> remark = new ArrayList<>();
        d.report().map(ReportText::debrief).filter(s -> !s.isBlank()).ifPresent(s -> remark.add(get("wackerDossier.remark.debrief", s)));
        for (Addendum x : d.addenda()) {
            remark.add(get("wackerDossier.remark.addendum", dateTime(x.at()), name(a, x.author()), x.text()));
        }
        steps.add(new StepRecord(AssessmentReport.Step.REPORT, a.lockedAt(), remark.isEmpty() ? null : String.join("\n", remark)));
        return steps;
    }

    private AssessmentReport.Criterion criterion(Dossier d, Scale scale, Criterion c, Function<CourseEvidence, LinkedPost> posts) {
        Map<String, Instant> locked = new HashMap<>();
        d.locks().forEach(l -> locked.put(l.assessorId(), l.at()));
        List<LevelGiven> levels = new ArrayList<>();
        for (Assessor s : d.assessment().assessors()) {
            d.level(s.id(), c.code()).ifPresent(l -> levels.add(new LevelGiven(s.id(), scale.label(l.level()), l.justification(),
                    // A third assessor does not lock: their level stands as given.
                    s.role() == AssessorRole.THIRD ? l.at() : locked.get(s.id()))));
        }
        Optional<AgreedLevel> agreed = d.agreed(c.code());
        return new AssessmentReport.Criterion(c.code(), c.text(), c.critical(), levels,
                agreed.map(x -> scale.label(x.level())).orElse(null),
                agreed.map(AgreedLevel::rationale).filter(s -> !s.isBlank()).orElse(null),
                d.notesFor(c.code()).stream().map(n -> new AssessmentReport.Note(n.assessorId(), n.at(), n.text())).toList(),
                d.evidence().stream().filter(e -> e.criterionCode().equals(c.code())).sorted(Comparator.comparing(CourseEvidence::at))
                        .map(posts).toList());
    }

    /** The outcome by the framework's rules and the rule with what decided it; none while a level is missing. */
    private AssessmentReport.Result result(Dossier d, Framework f) {
        Map<String, String> agreed = new HashMap<>();
        d.agreed().forEach(x -> agreed.put(x.criterionCode(), x.level()));
        ResultRules.Result r = ResultRules.apply(f, d.assessment().context().scope(), agreed);
        if (r.outcome() == Outcome.INCOMPLETE) {
            return null;
        }
        Scale scale = f.scale();
        List<String> rule = new ArrayList<>();
        rule.add(get("wackerDossier.rule.general", f.rules().minimumSharePercent(), scale.label(f.rules().passLevel()),
                scale.label(scale.lowest().code())));
        for (ResultRules.WorkProcessResult w : r.workProcesses()) {
            rule.add(w.criticalFailures().isEmpty()
                    ? get("wackerDossier.rule.share", w.code(), w.sufficient(), w.total(), scale.label(f.rules().passLevel()), w.required())
                    : get("wackerDossier.rule.critical", w.code(), scale.label(scale.lowest().code()), String.join(", ", w.criticalFailures())));
        }
        String outcome = get("wackerDossier.outcome." + r.outcome().name());
        if (d.assessment().context().mode() == Mode.FORMATIVE) {
            outcome = get("wackerDossier.outcome.formative", outcome);
        }
        return new AssessmentReport.Result(outcome, r.outcome() == Outcome.PASSED, String.join(" ", rule));
    }

    /** Every assessor's line (signed or still open) and the student's "seen and discussed". */
    private List<AssessmentReport.Signature> signatures(Dossier d) {
        Assessment a = d.assessment();
        List<AssessmentReport.Signature> out = new ArrayList<>();
        for (Assessor s : a.assessors()) {
            Optional<Signature> signed = d.signatures().stream()
                    .filter(x -> x.role() == SignerRole.ASSESSOR && x.signerId().equals(s.id())).findFirst();
            out.add(new AssessmentReport.Signature(signed.map(Signature::name).orElse(s.name()), get("wackerDossier.role." + s.role().name()),
                    get("wackerDossier.statement.ASSESSOR"), signed.map(Signature::at).orElse(null)));
        }
        Optional<Signature> student = d.signatures().stream().filter(x -> x.role() == SignerRole.STUDENT).findFirst();
        out.add(new AssessmentReport.Signature(student.map(Signature::name).orElse(a.context().student().name()),
                get("wackerDossier.role.STUDENT"), get("wackerDossier.statement.STUDENT"), student.map(Signature::at).orElse(null)));
        return out;
    }

    /** A text field with one point per line becomes a list; blank lines and list marks go. */
    static List<String> lines(String text) {
        return text.lines().map(String::strip).map(s -> s.replaceFirst("^[-\u2022*]\\s*", "")).filter(s -> !s.isBlank()).toList();
    }

    private static String name(Assessment a, String assessorId) {
        return a.assessor(assessorId).map(Assessor::name).orElse(assessorId);
    }

    private String dateTime(Instant at) {
        return dateTime.format(at.atZone(zone));
    }

    private String get(String key, Object... args) {
        return texts.require(key, args);
    }
}
