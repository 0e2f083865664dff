package nl.sociallearning.workstation.assessment.report;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;

/**
 * Everything a WACKER assessment report shows, as plain values: the writers ({@link ReportPdf},
 * {@link ReportCsv}, {@link ReportJson}) know nothing else. Texts are printed as given (levels by their
 * names on the framework's scale, e.g. "voldoende"); times are instants shown in the context's time zone.
 * Lists may be empty but never null (null lists become empty); optional single values may be null.
 *
 * @param context          who, where, when, what (step W)
 * @param steps            when each step was completed, with an optional remark, in the order of the method
 * @param notes            the time-stamped note log of every assessor (step A)
 * @param criteria         per criterion: evidence (C), each assessor's level (K), the agreed level (E)
 * @param result           the overall result and the rule that decided it (R); null while not decided
 * @param strengths        what went well
 * @param nextSteps        advice for further learning
 * @param studentResponse  the student's response in the debrief; null if none was recorded
 * @param signatures       the assessors' and the student's signatures
 */
public record AssessmentReport(Context context, List<StepRecord> steps, List<Note> notes, List<Criterion> criteria, Result result,
                               List<String> strengths, List<String> nextSteps, StudentResponse studentResponse,
                               List<Signature> signatures) {

    public AssessmentReport {
        Objects.requireNonNull(context, "context");
        steps = copy(steps);
        notes = copy(notes);
        criteria = copy(criteria);
        strengths = copy(strengths);
        nextSteps = copy(nextSteps);
        signatures = copy(signatures);
    }

    /** Formative (development, work placement) or summative (the qualifying exam). */
    public enum Mode { FORMATIVE, SUMMATIVE }

    /** The six steps of WACKER, in their order. */
    public enum Step { OBSERVE, TAKE_NOTES, CLASSIFY, QUALIFY, EVALUATE, REPORT }

    /**
     * @param assessmentId      the assessment's id (printed small, for reference)
     * @param studentName       the student
     * @param studentNumber     the student's number; may be null
     * @param assessors         the assessors, including a third assessor if one was called in
     * @param date              the day of the observation
     * @param place             e.g. "Zorgcentrum De Linde, afdeling Kastanje, Deventer"
     * @param setting           work placement, exam or simulation, as text: e.g. "Werkplek (bpv)"
     * @param task              what the student did
     * @param mode              formative or summative
     * @param examStartedAt     summative: the recorded moment the exam started; else null
     * @param framework         the framework, e.g. "Kwalificatiedossier Verzorgende-IG"
     * @param frameworkPart     the part in scope, e.g. "B1-K1-W4 Voert verpleegtechnische handelingen uit"
     * @param observationStart  start of the observation; may be null
     * @param observationEnd    end of the observation; may be null
     * @param zone              the time zone the times are shown in (null: Europe/Amsterdam)
     */
    public record Context(String assessmentId, String studentName, String studentNumber, List<Assessor> assessors, LocalDate date,
                          String place, String setting, String task, Mode mode, Instant examStartedAt, String framework,
                          String frameworkPart, Instant observationStart, Instant observationEnd, ZoneId zone) {
        public Context {
            Objects.requireNonNull(studentName, "studentName");
            Objects.requireNonNull(mode, "mode");
            assessors = copy(assessors);
            zone = zone == null ? ZoneId.of("Europe/Amsterdam") : zone;
        }

        /** The assessor's name for an id, or the id itself when the assessor is not listed. */
        public String assessorName(String assessorId) {
            return assessors.stream().filter(a -> a.id().equals(assessorId)).map(Assessor::name).findFirst().orElse(assessorId);
        }
    }

    /** @param role e.g. "praktijkopleider", "examinator", "derde beoordelaar" */
    public record Assessor(String id, String name, String role) {
        public Assessor {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(name, "name");
        }
    }

    /** @param completedAt when the step was completed; null if it was not */
    public record StepRecord(Step step, Instant completedAt, String remark) {
        public StepRecord {
            Objects.requireNonNull(step, "step");
        }
    }

    /** One line of an assessor's note log. */
    public record Note(String assessorId, Instant time, String text) {
    }

    /**
     * One criterion with its evidence, the assessors' original levels and the agreed level.
     *
     * @param critical    one "onvoldoende" on a critical criterion fails the framework part
     * @param levels      each assessor's original level, as they locked it
     * @param agreedLevel the level agreed in step E; null while not agreed
     * @param agreement   why that level (the rationale of step E); may be null
     * @param evidence    the notes linked to this criterion (step C)
     * @param posts       course posts linked to this criterion as evidence
     */
    public record Criterion(String code, String title, boolean critical, List<LevelGiven> levels, String agreedLevel,
                            String agreement, List<Note> evidence, List<LinkedPost> posts) {
        public Criterion {
            Objects.requireNonNull(code, "code");
            Objects.requireNonNull(title, "title");
            levels = copy(levels);
            evidence = copy(evidence);
            posts = copy(posts);
        }

        /** Whether the assessors' original levels differ. */
        public boolean disagreement() {
            return levels.stream().map(LevelGiven::level).distinct().count() > 1;
        }
    }

    /** An assessor's original level for a criterion, with the justification that points to the notes. */
    public record LevelGiven(String assessorId, String level, String justification, Instant lockedAt) {
        public LevelGiven {
            Objects.requireNonNull(assessorId, "assessorId");
            Objects.requireNonNull(level, "level");
        }
    }

    /** A course post linked as evidence. */
    public record LinkedPost(String course, String thread, String author, Instant postedAt, String excerpt) {
    }

    /**
     * @param outcome e.g. "Behaald" / "Niet behaald"
     * @param passed  whether the part was passed
     * @param rule    the rule that decided it, e.g. "Alle kritieke criteria minstens voldoende; ten hoogste één onvoldoende"
     */
    public record Result(String outcome, boolean passed, String rule) {
    }

    public record StudentResponse(String text, Instant respondedAt) {
    }

    /**
     * @param statement what the signature declares, e.g. "gezien en besproken" for the student
     * @param signedAt  when it was signed; null if not yet signed
     */
    public record Signature(String name, String role, String statement, Instant signedAt) {
        public Signature {
            Objects.requireNonNull(name, "name");
        }
    }

    private static <T> List<T> copy(List<T> list) {
        return list == null ? List.of() : List.copyOf(list);
    }
}
