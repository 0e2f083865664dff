package nl.sociallearning.workstation.assessment.flow;

import nl.sociallearning.workstation.assessment.audit.AuditChain;
import nl.sociallearning.workstation.assessment.audit.Canonical;
import nl.sociallearning.workstation.assessment.audit.DossierHash;
import nl.sociallearning.workstation.domain.assessment.Addendum;
import nl.sociallearning.workstation.domain.assessment.AgreedLevel;
import nl.sociallearning.workstation.domain.assessment.Assessment;
import nl.sociallearning.workstation.domain.assessment.AssessmentContext;
import nl.sociallearning.workstation.domain.assessment.Assessor;
import nl.sociallearning.workstation.domain.assessment.AssessorRole;
import nl.sociallearning.workstation.domain.assessment.AuditEntry;
import nl.sociallearning.workstation.domain.assessment.CourseEvidence;
import nl.sociallearning.workstation.domain.assessment.Criterion;
import nl.sociallearning.workstation.domain.assessment.CriterionLevel;
import nl.sociallearning.workstation.domain.assessment.Dossier;
import nl.sociallearning.workstation.domain.assessment.Framework;
import nl.sociallearning.workstation.domain.assessment.LevelLock;
import nl.sociallearning.workstation.domain.assessment.Mode;
import nl.sociallearning.workstation.domain.assessment.Note;
import nl.sociallearning.workstation.domain.assessment.NoteLink;
import nl.sociallearning.workstation.domain.assessment.PostCandidate;
import nl.sociallearning.workstation.domain.assessment.ReportText;
import nl.sociallearning.workstation.domain.assessment.Signature;
import nl.sociallearning.workstation.domain.assessment.SignerRole;
import nl.sociallearning.workstation.store.AssessmentRepository;
import nl.sociallearning.workstation.store.Cache;
import nl.sociallearning.workstation.store.FrameworkRepository;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The six WACKER steps as commands, each checked against the method before anything is stored: notes only while
 * observing, classifying once the observation has ended, no level without a linked note and a justification,
 * each assessor's levels blind until all have locked, the evaluation before the report, and after the last
 * signature only additions, each written to the hash-chained audit log. Every assessor's records are their own.
 */
public final class AssessmentFlow {

    public static final String STUDENT = "student";

    private final AssessmentRepository assessments;
    private final FrameworkRepository frameworks;
    private final Clock clock;

    public AssessmentFlow(Cache cache, Clock clock) {
        this.assessments = cache.assessments();
        this.frameworks = cache.frameworks();
        this.clock = clock;
    }

    /** Stored times are milliseconds, so that a record read back hashes as it did when written. */
    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    // --- Waarnemen --------------------------------------------------------------------------------------------------

    public Assessment create(NewAssessment n) {
        Framework f = frameworks.find(n.frameworkCode()).orElseThrow(() -> new FlowException(Refusal.UNKNOWN_FRAMEWORK, n.frameworkCode()));
        AssessmentContext x = n.context();
        if (x.scope().isEmpty() || x.student() == null || x.student().name().isBlank()) {
            throw new FlowException(Refusal.BAD_CONTEXT, "student and scope");
        }
        for (String w : x.scope()) {
            if (f.workProcess(w).isEmpty()) {
                throw new FlowException(Refusal.NOT_IN_SCOPE, w);
            }
        }
        if (n.assessors().stream().noneMatch(a -> a.role() == AssessorRole.ASSESSOR)) {
            throw new FlowException(Refusal.BAD_CONTEXT, "assessors");
        }
        Assessment a = new Assessment(UUID.randomUUID().toString(), f.code(), x, n.assessors(), now(), null, null, null);
        assessments.create(a);
        return a;
    }

    public void startObservation(String id, String actorId) {
        Dossier d = dossier(id);
        assessorOf(d, actorId);
        if (d.assessment().observationStarted()) {
            throw new FlowException(Refusal.OBSERVATION_STARTED, id);
        }
        Instant at = now();
        assessments.startObservation(id, at);
        if (d.assessment().context().mode() == Mode.SUMMATIVE && d.assessment().context().examStartsAt() == null) {
            assessments.setExamStart(id, at);
        }
    }

    public void endObservation(String id, String actorId) {
        Dossier d = dossier(id);
        assessorOf(d, actorId);
        if (!d.assessment().observationStarted()) {
            throw new FlowException(Refusal.OBSERVATION_NOT_STARTED, id);
        }
        if (d.assessment().observationEnded()) {
            throw new FlowException(Refusal.OBSERVATION_ENDED, id);
        }
        assessments.endObservation(id, now());
    }

    // --- Aantekeningen ----------------------------------------------------------------------------------------------

    public Note addNote(String id, String assessorId, String text) {
        Dossier d = dossier(id);
        assessorOf(d, assessorId);
        if (!d.assessment().observationStarted()) {
            throw new FlowException(Refusal.OBSERVATION_NOT_STARTED, id);
        }
        if (d.assessment().observationEnded()) {
            throw new FlowException(Refusal.OBSERVATION_ENDED, id);
        }
        if (text == null || text.isBlank()) {
            throw new FlowException(Refusal.EMPTY_NOTE, "");
        }
        Note n = new Note(UUID.randomUUID().toString(), id, assessorId, now(), text.strip());
        assessments.addNote(n);
        return n;
    }

    // --- Classificeren ----------------------------------------------------------------------------------------------

    public void link(String id, String assessorId, String noteId, String criterionCode) {
        Dossier d = classifying(id, assessorId, criterionCode);
        Note note = d.notes().stream().filter(n -> n.id().equals(noteId)).findFirst()
                .orElseThrow(() -> new FlowException(Refusal.NOT_YOUR_NOTE, noteId));
        if (!note.assessorId().equals(assessorId)) {
            throw new FlowException(Refusal.NOT_YOUR_NOTE, noteId);
        }
        boolean there = d.links().stream().anyMatch(l -> l.assessorId().equals(assessorId) && l.noteId().equals(noteId)
                && l.criterionCode().equals(criterionCode));
        if (!there) {
            assessments.addLink(new NoteLink(id, assessorId, noteId, criterionCode, now()));
        }
    }

    public void unlink(String id, String assessorId, String noteId, String criterionCode) {
        Dossier d = classifying(id, assessorId, criterionCode);
        if (d.level(assessorId, criterionCode).isPresent()
                && d.notesFor(assessorId, criterionCode).stream().allMatch(n -> n.id().equals(noteId))) {
            // The level would be left without evidence: the assessor first takes the level back.
            throw new FlowException(Refusal.NO_EVIDENCE, criterionCode);
        }
        assessments.removeLink(id, assessorId, noteId, criterionCode);
    }

    /**
     * A course post as evidence for a criterion: its id and the excerpt quoted (the post's own text, shortened,
     * when no excerpt is given). The post must be in the cache.
     */
    public CourseEvidence linkPost(String id, String assessorId, String criterionCode, String courseId, String postId, String excerpt) {
        classifying(id, assessorId, criterionCode);
        PostCandidate post = assessments.post(courseId, postId).orElseThrow(() -> new FlowException(Refusal.NO_EVIDENCE, postId));
        if (excerpt == null || excerpt.isBlank()) {
            excerpt = excerptOf(post.bodyHtml());
        }
        if (excerpt.isBlank()) {
            throw new FlowException(Refusal.NO_EVIDENCE, postId);
        }
        CourseEvidence e = new CourseEvidence(UUID.randomUUID().toString(), id, assessorId, criterionCode, courseId, postId,
                excerpt.strip(), now());
        assessments.addEvidence(e);
        return e;
    }

    /** Posts in the cache containing the text, to pick evidence from. */
    public List<PostCandidate> posts(String text) {
        return text == null || text.isBlank() ? List.of() : assessments.postsContaining(text.strip(), 30);
    }

    /** A post's text without markup, at most about 300 characters, cut at a word. */
    public static String excerptOf(String html) {
        String text = org.jsoup.Jsoup.parse(html).text().strip();
        if (text.length() <= 300) {
            return text;
        }
        int cut = text.lastIndexOf(' ', 300);
        return text.substring(0, cut > 200 ? cut : 300) + " …";
    }

    private Dossier classifying(String id, String assessorId, String criterionCode) {
        Dossier d = dossier(id);
        assessorOf(d, assessorId);
        if (!d.assessment().observationEnded()) {
            throw new FlowException(Refusal.OBSERVATION_NOT_ENDED, id);
        }
        if (d.hasLocked(assessorId)) {
            throw new FlowException(Refusal.LEVELS_LOCKED, assessorId);
        }
        inScope(d, framework(d), criterionCode);
        return d;
    }

    // --- Kwalificeren -----------------------------------------------------------------------------------------------

    public CriterionLevel setLevel(String id, String assessorId, String criterionCode, String level, String justification) {
        Dossier d = dossier(id);
        Assessor who = assessorOf(d, assessorId);
        Framework f = framework(d);
        if (d.assessment().locked() || !d.signatures().isEmpty()) {
            throw new FlowException(Refusal.SIGNED, id);
        }
        if (!d.assessment().observationEnded()) {
            throw new FlowException(Refusal.OBSERVATION_NOT_ENDED, id);
        }
        inScope(d, f, criterionCode);
        if (!f.scale().has(level)) {
            throw new FlowException(Refusal.UNKNOWN_LEVEL, level);
        }
        boolean third = who.role() == AssessorRole.THIRD;
        if (third && !d.allObserversLocked()) {
            throw new FlowException(Refusal.EVALUATION_NOT_OPEN, id);
        }
        if (!third && d.hasLocked(assessorId)) {
            throw new FlowException(Refusal.LEVELS_LOCKED, assessorId);
        }
        // No evidence, no score: an observer needs a note of their own; a third assessor judges from the others' notes.
        boolean evidence = third ? !d.notesFor(criterionCode).isEmpty() : !d.notesFor(assessorId, criterionCode).isEmpty();
        if (!evidence) {
            throw new FlowException(Refusal.NO_EVIDENCE, criterionCode);
        }
        if (justification == null || justification.isBlank()) {
            throw new FlowException(Refusal.NO_JUSTIFICATION, criterionCode);
        }
        CriterionLevel l = new CriterionLevel(id, assessorId, criterionCode, level, justification.strip(), now());
        assessments.putLevel(l);
        return l;
    }

    public void lockLevels(String id, String assessorId) {
        Dossier d = dossier(id);
        Assessor who = assessorOf(d, assessorId);
        if (who.role() != AssessorRole.ASSESSOR) {
            throw new FlowException(Refusal.NOT_AN_ASSESSOR, assessorId);
        }
        if (d.hasLocked(assessorId)) {
            throw new FlowException(Refusal.LEVELS_LOCKED, assessorId);
        }
        List<String> missing = framework(d).criteriaIn(d.assessment().context().scope()).stream().map(Criterion::code)
                .filter(c -> d.level(assessorId, c).isEmpty()).toList();
        if (!missing.isEmpty()) {
            throw new FlowException(Refusal.LEVELS_INCOMPLETE, String.join(", ", missing));
        }
        assessments.addLock(new LevelLock(id, assessorId, now()));
    }

    /** An assessment as the viewer may see it: another assessor's levels only once every observer has locked. */
    public AssessorView view(String id, String viewerId) {
        Dossier d = dossier(id);
        memberOf(d, viewerId);
        return view(d, framework(d), viewerId);
    }

    /** What a screen shows of one assessment to one assessor; the evaluation is empty while it is not open. */
    public record Opened(AssessorView view, List<EvaluationRow> evaluation, ResultRules.Result result,
                         AuditChain.Verification audit) { }

    /**
     * Everything a screen shows of an assessment, from one read of the dossier and its framework: the same as
     * {@link #view}, {@link #evaluation} (when open), {@link #result} and, once locked, {@link #verify}.
     */
    public Opened open(String id, String viewerId) {
        Dossier d = dossier(id);
        memberOf(d, viewerId);
        Framework f = framework(d);
        return new Opened(view(d, f, viewerId), d.allObserversLocked() ? EvaluationRow.of(d, f) : List.of(),
                result(d, f), d.assessment().locked() ? AuditChain.verify(assessments.audit(id), DossierHash.of(d)) : null);
    }

    private static AssessorView view(Dossier d, Framework f, String viewerId) {
        Dossier visible = d.allObserversLocked() ? d : new Dossier(d.assessment(), d.notes(), d.links(), d.levelsOf(viewerId),
                d.locks(), d.agreed(), d.report(), d.signatures(), d.evidence(), d.addenda());
        return new AssessorView(viewerId, visible, f, Progress.of(d, viewerId, f.criteriaIn(d.assessment().context().scope()).size()));
    }

    /** Another assessor's levels, refused while the blind phase lasts. */
    public List<CriterionLevel> levelsOf(String id, String viewerId, String ofAssessorId) {
        Dossier d = dossier(id);
        memberOf(d, viewerId);
        if (!viewerId.equals(ofAssessorId) && !d.allObserversLocked()) {
            throw new FlowException(Refusal.BLIND, ofAssessorId);
        }
        return d.levelsOf(ofAssessorId);
    }

    // --- Evalueren --------------------------------------------------------------------------------------------------

    public List<EvaluationRow> evaluation(String id, String viewerId) {
        Dossier d = dossier(id);
        memberOf(d, viewerId);
        if (!d.allObserversLocked()) {
            throw new FlowException(Refusal.EVALUATION_NOT_OPEN, id);
        }
        return EvaluationRow.of(d, framework(d));
    }

    public void addThirdAssessor(String id, String actorId, Assessor third) {
        Dossier d = evaluating(id, actorId);
        if (d.assessment().assessor(third.id()).isPresent()) {
            throw new FlowException(Refusal.BAD_CONTEXT, third.id());
        }
        assessments.addAssessor(id, new Assessor(third.id(), third.name(), AssessorRole.THIRD));
    }

    public AgreedLevel agree(String id, String actorId, String criterionCode, String level, String rationale) {
        Dossier d = evaluating(id, actorId);
        Framework f = framework(d);
        inScope(d, f, criterionCode);
        if (!f.scale().has(level)) {
            throw new FlowException(Refusal.UNKNOWN_LEVEL, level);
        }
        EvaluationRow row = EvaluationRow.of(d, f).stream().filter(r -> r.criterion().code().equals(criterionCode)).findFirst().orElseThrow();
        boolean plain = row.commonLevel().filter(level::equals).isPresent();
        if (!plain && (rationale == null || rationale.isBlank())) {
            throw new FlowException(Refusal.RATIONALE_NEEDED, criterionCode);
        }
        AgreedLevel a = new AgreedLevel(id, criterionCode, level, rationale == null ? "" : rationale.strip(), actorId, now());
        assessments.putAgreed(a);
        return a;
    }

    /** Records the common level as agreed wherever all assessors gave the same; returns how many. */
    public int agreeWhereUnanimous(String id, String actorId) {
        Dossier d = evaluating(id, actorId);
        int n = 0;
        for (EvaluationRow row : EvaluationRow.of(d, framework(d))) {
            if (row.agreed().isEmpty() && row.commonLevel().isPresent()) {
                assessments.putAgreed(new AgreedLevel(id, row.criterion().code(), row.commonLevel().get(), "", actorId, now()));
                n++;
            }
        }
        return n;
    }

    private Dossier evaluating(String id, String actorId) {
        Dossier d = dossier(id);
        assessorOf(d, actorId);
        if (!d.allObserversLocked()) {
            throw new FlowException(Refusal.EVALUATION_NOT_OPEN, id);
        }
        if (!d.signatures().isEmpty()) {
            throw new FlowException(Refusal.SIGNED, id);
        }
        return d;
    }

    // --- Rapporteren ------------------------------------------------------------------------------------------------

    public ResultRules.Result result(String id) {
        Dossier d = dossier(id);
        return result(d, framework(d));
    }

    private static ResultRules.Result result(Dossier d, Framework f) {
        Map<String, String> agreed = new HashMap<>();
        d.agreed().forEach(a -> agreed.put(a.criterionCode(), a.level()));
        return ResultRules.apply(f, d.assessment().context().scope(), agreed);
    }

    public void writeReport(String id, String actorId, String strengths, String nextSteps, String debrief, String studentResponse) {
        Dossier d = reporting(id, actorId);
        if (!d.signatures().isEmpty()) {
            throw new FlowException(Refusal.SIGNED, id);
        }
        assessments.putReport(new ReportText(id, text(strengths), text(nextSteps), text(debrief), text(studentResponse), actorId, now()));
    }

    /**
     * A signature: an assessor's under the judgement, or the student's "seen and discussed" (signer {@link #STUDENT}).
     * With the last one the assessment locks and its audit log begins.
     */
    public void sign(String id, String signerId, SignerRole role, String name) {
        Dossier d = reporting(id, role == SignerRole.ASSESSOR ? signerId : null);
        ReportText r = d.report().orElseThrow(() -> new FlowException(Refusal.REPORT_INCOMPLETE, id));
        if (r.strengths().isBlank() || r.nextSteps().isBlank() || r.debrief().isBlank()) {
            throw new FlowException(Refusal.REPORT_INCOMPLETE, id);
        }
        String signer = role == SignerRole.STUDENT ? STUDENT : signerId;
        if (d.signatures().stream().anyMatch(s -> s.signerId().equals(signer) && s.role() == role)) {
            throw new FlowException(Refusal.ALREADY_SIGNED, signer);
        }
        if (name == null || name.isBlank()) {
            throw new FlowException(Refusal.REPORT_INCOMPLETE, "name");
        }
        Signature s = new Signature(id, signer, role, name.strip(), now());
        assessments.addSignature(s);
        List<Signature> all = new ArrayList<>(d.signatures());
        all.add(s);
        boolean assessorsSigned = d.assessment().assessors().stream()
                .allMatch(a -> all.stream().anyMatch(x -> x.role() == SignerRole.ASSESSOR && x.signerId().equals(a.id())));
        boolean studentSigned = all.stream().anyMatch(x -> x.role() == SignerRole.STUDENT);
        if (assessorsSigned && studentSigned) {
            lock(id, signer);
        }
    }

    private void lock(String id, String actor) {
        Dossier signed = dossier(id);
        Instant at = now();
        Assessment a = signed.assessment();
        Dossier locked = new Dossier(new Assessment(a.id(), a.frameworkCode(), a.context(), a.assessors(), a.createdAt(),
                a.observationStartedAt(), a.observationEndedAt(), at), signed.notes(), signed.links(), signed.levels(),
                signed.locks(), signed.agreed(), signed.report(), signed.signatures(), signed.evidence(), signed.addenda());
        String content = Canonical.text(Canonical.MAPPER.createObjectNode().put("lockedAt", at.toString()));
        AuditEntry first = AuditChain.next(List.of(), id, at, actor, "locked", content, DossierHash.of(locked));
        assessments.lock(id, at, first);
    }

    /** After locking, the one change there is: a remark added, in the audit log. */
    public Addendum addAddendum(String id, String authorId, String text) {
        Dossier d = dossier(id);
        if (!d.assessment().locked()) {
            throw new FlowException(Refusal.NOT_LOCKED, id);
        }
        if (!authorId.equals(STUDENT)) {
            memberOf(d, authorId);
        }
        if (text == null || text.isBlank()) {
            throw new FlowException(Refusal.EMPTY_NOTE, "");
        }
        Addendum add = new Addendum(UUID.randomUUID().toString(), id, authorId, text.strip(), now());
        List<Addendum> addenda = new ArrayList<>(d.addenda());
        addenda.add(add);
        addenda.sort(java.util.Comparator.comparing(Addendum::at).thenComparing(Addendum::id));
        Dossier after = new Dossier(d.assessment(), d.notes(), d.links(), d.levels(), d.locks(), d.agreed(), d.report(),
                d.signatures(), d.evidence(), addenda);
        String content = Canonical.text(Canonical.MAPPER.valueToTree(add));
        AuditEntry entry = AuditChain.next(assessments.audit(id), id, add.at(), authorId, "addendum", content, DossierHash.of(after));
        assessments.addAddendum(add, entry);
        return add;
    }

    /** Checks the audit log and the assessment as stored now against it. */
    public AuditChain.Verification verify(String id) {
        return AuditChain.verify(assessments.audit(id), DossierHash.of(dossier(id)));
    }

    private Dossier reporting(String id, String assessorId) {
        Dossier d = dossier(id);
        if (assessorId != null) {
            assessorOf(d, assessorId);
        }
        if (d.assessment().locked()) {
            throw new FlowException(Refusal.ASSESSMENT_LOCKED, id);
        }
        Framework f = framework(d);
        int inScope = f.criteriaIn(d.assessment().context().scope()).size();
        if (!d.allObserversLocked() || d.agreed().size() < inScope) {
            throw new FlowException(Refusal.REPORT_NOT_OPEN, id);
        }
        return d;
    }

    // --- shared -----------------------------------------------------------------------------------------------------

    public List<Assessment> all() {
        return assessments.all();
    }

    private static String text(String s) {
        return s == null ? "" : s.strip();
    }

    private Dossier dossier(String id) {
        return assessments.dossier(id).orElseThrow(() -> new FlowException(Refusal.UNKNOWN_ASSESSMENT, id));
    }

    private Framework framework(Dossier d) {
        return frameworks.find(d.assessment().frameworkCode())
                .orElseThrow(() -> new FlowException(Refusal.UNKNOWN_FRAMEWORK, d.assessment().frameworkCode()));
    }

    /** An assessor of this assessment who is about to change it: refused once it is locked. */
    private static Assessor assessorOf(Dossier d, String assessorId) {
        if (d.assessment().locked()) {
            throw new FlowException(Refusal.ASSESSMENT_LOCKED, d.assessment().id());
        }
        return memberOf(d, assessorId);
    }

    private static Assessor memberOf(Dossier d, String assessorId) {
        return d.assessment().assessor(assessorId).orElseThrow(() -> new FlowException(Refusal.NOT_AN_ASSESSOR, assessorId));
    }

    private static void inScope(Dossier d, Framework f, String criterionCode) {
        boolean in = f.criteriaIn(d.assessment().context().scope()).stream().anyMatch(c -> c.code().equals(criterionCode));
        if (!in) {
            throw new FlowException(Refusal.NOT_IN_SCOPE, criterionCode);
        }
    }
}
