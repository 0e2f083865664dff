package nl.sociallearning.workstation.store;

import nl.sociallearning.workstation.domain.assessment.Addendum;
import nl.sociallearning.workstation.domain.assessment.AgreedLevel;
import nl.sociallearning.workstation.domain.assessment.Assessment;
import nl.sociallearning.workstation.domain.assessment.AssessmentContext;
import nl.sociallearning.workstation.domain.assessment.Assessor;
import nl.sociallearning.workstation.domain.assessment.AssessorRole;
import nl.sociallearning.workstation.domain.assessment.AuditEntry;
import nl.sociallearning.workstation.domain.assessment.CourseEvidence;
import nl.sociallearning.workstation.domain.assessment.CriterionLevel;
import nl.sociallearning.workstation.domain.assessment.Dossier;
import nl.sociallearning.workstation.domain.assessment.LevelLock;
import nl.sociallearning.workstation.domain.assessment.Mode;
import nl.sociallearning.workstation.domain.assessment.Note;
import nl.sociallearning.workstation.domain.assessment.PostCandidate;
import nl.sociallearning.workstation.domain.assessment.NoteLink;
import nl.sociallearning.workstation.domain.assessment.ReportText;
import nl.sociallearning.workstation.domain.assessment.Setting;
import nl.sociallearning.workstation.domain.assessment.Signature;
import nl.sociallearning.workstation.domain.assessment.SignerRole;
import nl.sociallearning.workstation.domain.assessment.Student;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Assessments and every assessor's records. Writes are small and forced to disk (an assessor's note must survive
 * a flat battery). The rules of the steps are the assessment flow's; this class only stores what it is given.
 */
public final class AssessmentRepository {

    /** Records from another assessor's exchange file, added in one transaction or not at all. */
    public record Additions(String assessmentId, Assessment createIfAbsent, List<Assessor> newAssessors, List<Note> notes, List<NoteLink> links,
                            List<CriterionLevel> levels, List<LevelLock> locks, List<CourseEvidence> evidence) { }

    private final Jdbc jdbc;

    AssessmentRepository(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    public void create(Assessment a) {
        jdbc.writeDurably(c -> {
            insertHeader(c, a);
            return null;
        });
    }

    private static void insertHeader(Connection c, Assessment a) throws SQLException {
        AssessmentContext x = a.context();
        Jdbc.update(c, "INSERT INTO assessment (id, framework_code, student_number, student_name, setting, place, task, mode, "
                        + "exam_starts_at, created_at, observation_started_at, observation_ended_at, locked_at) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                a.id(), a.frameworkCode(), x.student().number(), x.student().name(), x.setting(), x.place(), x.task(), x.mode(),
                x.examStartsAt(), a.createdAt(), a.observationStartedAt(), a.observationEndedAt(), a.lockedAt());
        for (int i = 0; i < x.scope().size(); i++) {
            Jdbc.update(c, "INSERT INTO assessment_scope VALUES (?, ?, ?)", a.id(), i, x.scope().get(i));
        }
        for (int i = 0; i < a.assessors().size(); i++) {
            insertAssessor(c, a.id(), a.assessors().get(i), i);
        }
    }

    private static void insertAssessor(Connection c, String assessmentId, Assessor s, int position) throws SQLException {
        Jdbc.update(c, "INSERT INTO assessment_assessor VALUES (?, ?, ?, ?, ?)", assessmentId, s.id(), position, s.name(), s.role());
    }

    public void startObservation(String id, Instant at) {
        set(id, "observation_started_at", at);
    }

    public void setExamStart(String id, Instant at) {
        set(id, "exam_starts_at", at);
    }

    public void endObservation(String id, Instant at) {
        set(id, "observation_ended_at", at);
    }

    private void set(String id, String column, Instant at) {
        jdbc.writeDurably(c -> Jdbc.update(c, "UPDATE assessment SET " + column + " = ? WHERE id = ?", at, id));
    }

    public void addAssessor(String assessmentId, Assessor assessor) {
        jdbc.writeDurably(c -> {
            int position = (int) Jdbc.count(c, "SELECT COUNT(*) FROM assessment_assessor WHERE assessment_id = ?", assessmentId);
            insertAssessor(c, assessmentId, assessor, position);
            return null;
        });
    }

    public void addNote(Note n) {
        jdbc.writeDurably(c -> insertNote(c, n));
    }

    private static int insertNote(Connection c, Note n) throws SQLException {
        return Jdbc.update(c, "INSERT INTO assessment_note VALUES (?, ?, ?, ?, ?)", n.id(), n.assessmentId(), n.assessorId(),
                n.at(), n.text());
    }

    public void addLink(NoteLink l) {
        jdbc.writeDurably(c -> insertLink(c, l));
    }

    private static int insertLink(Connection c, NoteLink l) throws SQLException {
        return Jdbc.update(c, "INSERT INTO assessment_link VALUES (?, ?, ?, ?, ?)", l.assessmentId(), l.assessorId(), l.noteId(),
                l.criterionCode(), l.at());
    }

    public void removeLink(String assessmentId, String assessorId, String noteId, String criterionCode) {
        jdbc.writeDurably(c -> Jdbc.update(c, "DELETE FROM assessment_link WHERE assessment_id = ? AND assessor_id = ? "
                + "AND note_id = ? AND criterion_code = ?", assessmentId, assessorId, noteId, criterionCode));
    }

    /** An assessor's level for a criterion, replacing only that same assessor's earlier level (before they lock). */
    public void putLevel(CriterionLevel l) {
        jdbc.writeDurably(c -> {
            Jdbc.update(c, "DELETE FROM assessment_level WHERE assessment_id = ? AND assessor_id = ? AND criterion_code = ?",
                    l.assessmentId(), l.assessorId(), l.criterionCode());
            return insertLevel(c, l);
        });
    }

    private static int insertLevel(Connection c, CriterionLevel l) throws SQLException {
        return Jdbc.update(c, "INSERT INTO assessment_level VALUES (?, ?, ?, ?, ?, ?)", l.assessmentId(), l.assessorId(),
                l.criterionCode(), l.level(), l.justification(), l.at());
    }

    public void addLock(LevelLock l) {
        jdbc.writeDurably(c -> insertLock(c, l));
    }

    private static int insertLock(Connection c, LevelLock l) throws SQLException {
        return Jdbc.update(c, "INSERT INTO assessment_level_lock VALUES (?, ?, ?)", l.assessmentId(), l.assessorId(), l.at());
    }

    public void putAgreed(AgreedLevel a) {
        jdbc.writeDurably(c -> {
            Jdbc.update(c, "DELETE FROM assessment_agreed WHERE assessment_id = ? AND criterion_code = ?", a.assessmentId(),
                    a.criterionCode());
            return Jdbc.update(c, "INSERT INTO assessment_agreed VALUES (?, ?, ?, ?, ?, ?)", a.assessmentId(), a.criterionCode(),
                    a.level(), a.rationale(), a.recordedBy(), a.at());
        });
    }

    public void putReport(ReportText r) {
        jdbc.writeDurably(c -> {
            Jdbc.update(c, "DELETE FROM assessment_report WHERE assessment_id = ?", r.assessmentId());
            return Jdbc.update(c, "INSERT INTO assessment_report VALUES (?, ?, ?, ?, ?, ?, ?)", r.assessmentId(), r.strengths(),
                    r.nextSteps(), r.debrief(), r.studentResponse(), r.writtenBy(), r.at());
        });
    }

    public void addSignature(Signature s) {
        jdbc.writeDurably(c -> Jdbc.update(c, "INSERT INTO assessment_signature VALUES (?, ?, ?, ?, ?)", s.assessmentId(),
                s.signerId(), s.role(), s.name(), s.at()));
    }

    public void addEvidence(CourseEvidence e) {
        jdbc.writeDurably(c -> insertEvidence(c, e));
    }

    private static int insertEvidence(Connection c, CourseEvidence e) throws SQLException {
        return Jdbc.update(c, "INSERT INTO assessment_evidence VALUES (?, ?, ?, ?, ?, ?, ?, ?)", e.id(), e.assessmentId(),
                e.assessorId(), e.criterionCode(), e.courseId(), e.postId(), e.excerpt(), e.at());
    }

    /** Locks the assessment and writes the audit log's first entry in the same transaction. */
    public void lock(String id, Instant at, AuditEntry first) {
        jdbc.writeDurably(c -> {
            Jdbc.update(c, "UPDATE assessment SET locked_at = ? WHERE id = ?", at, id);
            return insertAudit(c, first);
        });
    }

    /** A remark after locking, and its audit entry, in one transaction. */
    public void addAddendum(Addendum a, AuditEntry entry) {
        jdbc.writeDurably(c -> {
            Jdbc.update(c, "INSERT INTO assessment_addendum VALUES (?, ?, ?, ?, ?)", a.id(), a.assessmentId(), a.author(),
                    a.text(), a.at());
            return insertAudit(c, entry);
        });
    }

    /** Adds another assessor's records; a record that is already there fails the whole batch. */
    public void add(Additions x) {
        jdbc.writeDurably(c -> {
            if (x.createIfAbsent() != null) {
                insertHeader(c, x.createIfAbsent());
            }
            for (Assessor s : x.newAssessors()) {
                int position = (int) Jdbc.count(c, "SELECT COUNT(*) FROM assessment_assessor WHERE assessment_id = ?",
                        x.assessmentId());
                insertAssessor(c, x.assessmentId(), s, position);
            }
            for (Note n : x.notes()) {
                insertNote(c, n);
            }
            for (NoteLink l : x.links()) {
                insertLink(c, l);
            }
            for (CriterionLevel l : x.levels()) {
                insertLevel(c, l);
            }
            for (LevelLock l : x.locks()) {
                insertLock(c, l);
            }
            for (CourseEvidence e : x.evidence()) {
                insertEvidence(c, e);
            }
            return null;
        });
    }

    /** Every assessment's header, newest first. */
    public List<Assessment> all() {
        return jdbc.read(c -> headers(c, null));
    }

    public Optional<Assessment> header(String id) {
        return jdbc.read(c -> headers(c, id).stream().findFirst());
    }

    public Optional<Dossier> dossier(String id) {
        return jdbc.read(c -> dossiers(c, id).stream().findFirst());
    }

    /** Every assessment whole, newest first: each table is read once, however many assessments there are. */
    public List<Dossier> dossiers() {
        return jdbc.read(c -> dossiers(c, null));
    }

    /** The one assessment {@code id}, or every assessment when it is null. */
    private static List<Dossier> dossiers(Connection c, String id) throws SQLException {
        List<Assessment> headers = headers(c, id);
        if (headers.isEmpty()) {
            return List.of();
        }
        Map<String, List<Note>> notes = byAssessment(c, "assessment_note", "at, id", id,
                r -> new Note(r.getString("id"), r.getString("assessment_id"), r.getString("assessor_id"), Jdbc.instant(r, "at"),
                        r.getString("text")));
        Map<String, List<NoteLink>> links = byAssessment(c, "assessment_link", "at, assessor_id, note_id, criterion_code", id,
                r -> new NoteLink(r.getString("assessment_id"), r.getString("assessor_id"), r.getString("note_id"),
                        r.getString("criterion_code"), Jdbc.instant(r, "at")));
        Map<String, List<CriterionLevel>> levels = byAssessment(c, "assessment_level", "assessor_id, criterion_code", id,
                r -> new CriterionLevel(r.getString("assessment_id"), r.getString("assessor_id"), r.getString("criterion_code"),
                        r.getString("level"), r.getString("justification"), Jdbc.instant(r, "at")));
        Map<String, List<LevelLock>> locks = byAssessment(c, "assessment_level_lock", "at, assessor_id", id,
                r -> new LevelLock(r.getString("assessment_id"), r.getString("assessor_id"), Jdbc.instant(r, "at")));
        Map<String, List<AgreedLevel>> agreed = byAssessment(c, "assessment_agreed", "criterion_code", id,
                r -> new AgreedLevel(r.getString("assessment_id"), r.getString("criterion_code"), r.getString("level"),
                        r.getString("rationale"), r.getString("recorded_by"), Jdbc.instant(r, "at")));
        Map<String, List<ReportText>> reports = byAssessment(c, "assessment_report", "assessment_id", id,
                r -> new ReportText(r.getString("assessment_id"), r.getString("strengths"), r.getString("next_steps"),
                        r.getString("debrief"), r.getString("student_response"), r.getString("written_by"), Jdbc.instant(r, "at")));
        Map<String, List<Signature>> signatures = byAssessment(c, "assessment_signature", "at, signer_id", id,
                r -> new Signature(r.getString("assessment_id"), r.getString("signer_id"), SignerRole.valueOf(r.getString("role")),
                        r.getString("name"), Jdbc.instant(r, "at")));
        Map<String, List<CourseEvidence>> evidence = byAssessment(c, "assessment_evidence", "at, id", id,
                r -> new CourseEvidence(r.getString("id"), r.getString("assessment_id"), r.getString("assessor_id"),
                        r.getString("criterion_code"), r.getString("course_id"), r.getString("post_id"), r.getString("excerpt"),
                        Jdbc.instant(r, "at")));
        Map<String, List<Addendum>> addenda = byAssessment(c, "assessment_addendum", "at, id", id,
                r -> new Addendum(r.getString("id"), r.getString("assessment_id"), r.getString("author"), r.getString("text"),
                        Jdbc.instant(r, "at")));
        List<Dossier> out = new ArrayList<>();
        for (Assessment a : headers) {
            String key = a.id();
            out.add(new Dossier(a, of(notes, key), of(links, key), of(levels, key), of(locks, key), of(agreed, key),
                    of(reports, key).stream().findFirst(), of(signatures, key), of(evidence, key), of(addenda, key)));
        }
        return out;
    }

    /** The one assessment {@code id}, or every assessment when it is null; newest first. */
    private static List<Assessment> headers(Connection c, String id) throws SQLException {
        Map<String, List<String>> scope = byAssessment(c, "assessment_scope", "position", id, r -> r.getString("work_process_code"));
        Map<String, List<Assessor>> assessors = byAssessment(c, "assessment_assessor", "position", id,
                r -> new Assessor(r.getString("assessor_id"), r.getString("name"), AssessorRole.valueOf(r.getString("role"))));
        return Jdbc.query(c, "SELECT * FROM assessment" + (id == null ? "" : " WHERE id = ?") + " ORDER BY created_at DESC",
                r -> header(r, of(scope, r.getString("id")), of(assessors, r.getString("id"))), params(id));
    }

    /** A table's rows of one assessment ({@code id}) or of all (null), per assessment, each list in {@code order}. */
    private static <T> Map<String, List<T>> byAssessment(Connection c, String table, String order, String id, Jdbc.RowMapper<T> mapper)
            throws SQLException {
        Map<String, List<T>> out = new HashMap<>();
        Jdbc.query(c, "SELECT * FROM " + table + (id == null ? "" : " WHERE assessment_id = ?") + " ORDER BY assessment_id, " + order,
                r -> out.computeIfAbsent(r.getString("assessment_id"), k -> new ArrayList<>()).add(mapper.map(r)), params(id));
        return out;
    }

    private static Object[] params(String id) {
        return id == null ? new Object[0] : new Object[]{id};
    }

    private static <T> List<T> of(Map<String, List<T>> rows, String assessmentId) {
        return rows.getOrDefault(assessmentId, List.of());
    }

    private static Assessment header(ResultSet r, List<String> scope, List<Assessor> assessors) throws SQLException {
        AssessmentContext context = new AssessmentContext(new Student(r.getString("student_number"), r.getString("student_name")),
                scope, Setting.valueOf(r.getString("setting")), r.getString("place"), r.getString("task"),
                Mode.valueOf(r.getString("mode")), Jdbc.instant(r, "exam_starts_at"));
        return new Assessment(r.getString("id"), r.getString("framework_code"), context, assessors, Jdbc.instant(r, "created_at"),
                Jdbc.instant(r, "observation_started_at"), Jdbc.instant(r, "observation_ended_at"), Jdbc.instant(r, "locked_at"));
    }

    public List<AuditEntry> audit(String assessmentId) {
        return jdbc.read(c -> Jdbc.query(c, "SELECT * FROM assessment_audit WHERE assessment_id = ? ORDER BY seq",
                r -> new AuditEntry(assessmentId, r.getLong("seq"), Jdbc.instant(r, "at"), r.getString("actor"),
                        r.getString("action"), r.getString("content"), r.getString("state_hash"),
                        r.getString("previous_hash"), r.getString("hash")), assessmentId));
    }

    private static int insertAudit(Connection c, AuditEntry e) throws SQLException {
        return Jdbc.update(c, "INSERT INTO assessment_audit VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", e.assessmentId(), e.seq(), e.at(),
                e.actor(), e.action(), e.content(), e.stateHash(), e.previousHash(), e.hash());
    }

    /** Course posts whose text contains {@code text} (any case), newest first: candidates for evidence. */
    public List<PostCandidate> postsContaining(String text, int limit) {
        String like = "%" + text.toLowerCase(java.util.Locale.ROOT).replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%";
        return jdbc.read(c -> Jdbc.query(c, "SELECT p.course_id, p.id, p.created_at, p.body_html, a.display_name FROM post p "
                        + "LEFT JOIN participant a ON a.course_id = p.course_id AND a.id = p.author_id "
                        + "WHERE NOT p.deleted AND LOWER(p.body_html) LIKE ? ESCAPE '!' ORDER BY p.created_at DESC LIMIT ?",
                r -> new PostCandidate(r.getString("course_id"), r.getString("id"),
                        r.getString("display_name") == null ? "" : r.getString("display_name"), Jdbc.instant(r, "created_at"),
                        r.getString("body_html")), like, limit));
    }

    public Optional<PostCandidate> post(String courseId, String postId) {
        return jdbc.read(c -> Jdbc.queryOne(c, "SELECT p.course_id, p.id, p.created_at, p.body_html, a.display_name FROM post p "
                        + "LEFT JOIN participant a ON a.course_id = p.course_id AND a.id = p.author_id "
                        + "WHERE p.course_id = ? AND p.id = ?",
                r -> new PostCandidate(r.getString("course_id"), r.getString("id"),
                        r.getString("display_name") == null ? "" : r.getString("display_name"), Jdbc.instant(r, "created_at"),
                        r.getString("body_html")), courseId, postId));
    }

    /** The public key first seen for an assessor's exchange files, if any. */
    public Optional<String> assessorKey(String assessorId) {
        return jdbc.read(c -> Jdbc.queryOne(c, "SELECT public_key FROM assessment_assessor_key WHERE assessor_id = ?",
                r -> r.getString(1), assessorId));
    }

    public void trustAssessorKey(String assessorId, String publicKey, Instant at) {
        jdbc.writeDurably(c -> Jdbc.update(c, "MERGE INTO assessment_assessor_key KEY (assessor_id) VALUES (?, ?, ?)",
                assessorId, publicKey, at));
    }
}
