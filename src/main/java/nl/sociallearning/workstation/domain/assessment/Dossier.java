package nl.sociallearning.workstation.domain.assessment;

import java.util.List;
import java.util.Optional;

/** Everything recorded for one assessment, as stored: every assessor's records side by side, nothing merged. */
public record Dossier(Assessment assessment, List<Note> notes, List<NoteLink> links, List<CriterionLevel> levels,
                      List<LevelLock> locks, List<AgreedLevel> agreed, Optional<ReportText> report,
                      List<Signature> signatures, List<CourseEvidence> evidence, List<Addendum> addenda) {

    public Dossier {
        notes = List.copyOf(notes);
        links = List.copyOf(links);
        levels = List.copyOf(levels);
        locks = List.copyOf(locks);
        agreed = List.copyOf(agreed);
        signatures = List.copyOf(signatures);
        evidence = List.copyOf(evidence);
        addenda = List.copyOf(addenda);
    }

    public List<Note> notesOf(String assessorId) {
        return notes.stream().filter(n -> n.assessorId().equals(assessorId)).toList();
    }

    public List<NoteLink> linksOf(String assessorId) {
        return links.stream().filter(l -> l.assessorId().equals(assessorId)).toList();
    }

    public List<CriterionLevel> levelsOf(String assessorId) {
        return levels.stream().filter(l -> l.assessorId().equals(assessorId)).toList();
    }

    public Optional<CriterionLevel> level(String assessorId, String criterionCode) {
        return levels.stream().filter(l -> l.assessorId().equals(assessorId) && l.criterionCode().equals(criterionCode))
                .findFirst();
    }

    public boolean hasLocked(String assessorId) {
        return locks.stream().anyMatch(l -> l.assessorId().equals(assessorId));
    }

    /** True when every observing assessor has locked their levels: the blind phase is over. */
    public boolean allObserversLocked() {
        return !assessment.observers().isEmpty() && assessment.observers().stream().allMatch(a -> hasLocked(a.id()));
    }

    public Optional<AgreedLevel> agreed(String criterionCode) {
        return agreed.stream().filter(a -> a.criterionCode().equals(criterionCode)).findFirst();
    }

    /** The notes (of any assessor) linked to a criterion, in time order. */
    public List<Note> notesFor(String criterionCode) {
        List<String> ids = links.stream().filter(l -> l.criterionCode().equals(criterionCode)).map(NoteLink::noteId).toList();
        return notes.stream().filter(n -> ids.contains(n.id()))
                .sorted(java.util.Comparator.comparing(Note::at)).toList();
    }

    public List<Note> notesFor(String assessorId, String criterionCode) {
        return notesFor(criterionCode).stream().filter(n -> n.assessorId().equals(assessorId)).toList();
    }
}
