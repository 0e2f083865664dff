package nl.sociallearning.workstation.assessment.flow;

import nl.sociallearning.workstation.domain.assessment.Criterion;
import nl.sociallearning.workstation.domain.assessment.Dossier;
import nl.sociallearning.workstation.domain.assessment.Framework;
import nl.sociallearning.workstation.domain.assessment.Note;

import java.util.List;

/**
 * An assessment as one assessor may see it. Until every observing assessor has locked their levels, the
 * others' levels are not in it at all: the blind rule holds here, not only on screen.
 */
public record AssessorView(String viewerId, Dossier dossier, Framework framework, Progress progress) {

    public List<Criterion> criteria() {
        return framework.criteriaIn(dossier.assessment().context().scope());
    }

    /** The viewer's own notes, in time order. */
    public List<Note> ownNotes() {
        return dossier.notesOf(viewerId);
    }

    /** Criteria in scope that none of the viewer's notes supports yet. */
    public List<Criterion> withoutEvidence() {
        return criteria().stream().filter(c -> dossier.links().stream()
                .noneMatch(l -> l.assessorId().equals(viewerId) && l.criterionCode().equals(c.code()))).toList();
    }

    public boolean othersVisible() {
        return dossier.allObserversLocked();
    }
}
