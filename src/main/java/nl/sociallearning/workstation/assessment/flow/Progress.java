package nl.sociallearning.workstation.assessment.flow;

import nl.sociallearning.workstation.domain.assessment.AssessorRole;
import nl.sociallearning.workstation.domain.assessment.Dossier;
import nl.sociallearning.workstation.domain.assessment.Step;

import java.util.EnumSet;
import java.util.Set;

/**
 * Where an assessment stands for one assessor: which steps are done, which are open, which can no longer change.
 * The order is the method's: notes during the observation, classifying after it, levels per assessor blind,
 * the evaluation once everyone locked, the report once every criterion has an agreed level.
 */
public record Progress(Step current, Set<Step> done, Set<Step> open, Set<Step> frozen) {

    public static Progress of(Dossier d, String viewerId, int criteriaInScope) {
        boolean third = d.assessment().assessor(viewerId).map(a -> a.role() == AssessorRole.THIRD).orElse(false);
        boolean started = d.assessment().observationStarted();
        boolean ended = d.assessment().observationEnded();
        boolean ownLocked = third ? d.allObserversLocked() : d.hasLocked(viewerId);
        boolean evaluating = d.allObserversLocked();
        boolean agreed = evaluating && d.agreed().size() >= criteriaInScope && criteriaInScope > 0;
        boolean signed = !d.signatures().isEmpty();
        boolean locked = d.assessment().locked();
        Set<Step> done = EnumSet.noneOf(Step.class);
        Set<Step> open = EnumSet.of(Step.WAARNEMEN);
        Set<Step> frozen = EnumSet.noneOf(Step.class);
        if (started) {
            done.add(Step.WAARNEMEN);
            open.add(Step.AANTEKENINGEN);
        }
        if (ended) {
            done.add(Step.AANTEKENINGEN);
            open.add(Step.CLASSIFICEREN);
            open.add(Step.KWALIFICEREN);
            frozen.add(Step.WAARNEMEN);
            frozen.add(Step.AANTEKENINGEN);
        }
        if (ownLocked) {
            done.add(Step.CLASSIFICEREN);
            done.add(Step.KWALIFICEREN);
            frozen.add(Step.CLASSIFICEREN);
            frozen.add(Step.KWALIFICEREN);
        }
        if (evaluating) {
            open.add(Step.EVALUEREN);
        }
        if (agreed) {
            done.add(Step.EVALUEREN);
            open.add(Step.RAPPORTEREN);
        }
        if (signed) {
            frozen.add(Step.EVALUEREN);
        }
        if (locked) {
            done.add(Step.RAPPORTEREN);
            frozen.add(Step.RAPPORTEREN);
        }
        Step current = Step.RAPPORTEREN;
        for (Step s : Step.values()) {
            if (!done.contains(s)) {
                current = s;
                break;
            }
        }
        return new Progress(current, done, open, frozen);
    }

    public boolean isOpen(Step s) {
        return open.contains(s);
    }
}
