package nl.sociallearning.workstation.assessment.flow;

import nl.sociallearning.workstation.domain.assessment.AgreedLevel;
import nl.sociallearning.workstation.domain.assessment.Criterion;
import nl.sociallearning.workstation.domain.assessment.CriterionLevel;
import nl.sociallearning.workstation.domain.assessment.Dossier;
import nl.sociallearning.workstation.domain.assessment.Framework;
import nl.sociallearning.workstation.domain.assessment.Note;

import java.util.List;
import java.util.Optional;

/** One criterion in the evaluation: every assessor's level side by side, whether they differ, the agreed level. */
public record EvaluationRow(Criterion criterion, List<CriterionLevel> levels, boolean disagreement, int spread,
                            Optional<AgreedLevel> agreed, List<Note> notes) {

    static List<EvaluationRow> of(Dossier d, Framework f) {
        return f.criteriaIn(d.assessment().context().scope()).stream().map(c -> {
            List<CriterionLevel> levels = d.assessment().assessors().stream()
                    .map(a -> d.level(a.id(), c.code())).flatMap(Optional::stream).toList();
            List<Integer> ranks = levels.stream().map(l -> f.scale().rank(l.level())).toList();
            int spread = ranks.isEmpty() ? 0 : ranks.stream().max(Integer::compare).get() - ranks.stream().min(Integer::compare).get();
            return new EvaluationRow(c, levels, spread > 0, spread, d.agreed(c.code()), d.notesFor(c.code()));
        }).toList();
    }

    /** The level all assessors gave, when they gave the same. */
    public Optional<String> commonLevel() {
        return !disagreement && !levels.isEmpty() ? Optional.of(levels.get(0).level()) : Optional.empty();
    }
}
