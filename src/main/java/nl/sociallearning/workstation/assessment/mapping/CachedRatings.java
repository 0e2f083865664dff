package nl.sociallearning.workstation.assessment.mapping;

import nl.sociallearning.workstation.assessment.agreement.Rating;
import nl.sociallearning.workstation.domain.assessment.Assessment;
import nl.sociallearning.workstation.domain.assessment.Assessor;
import nl.sociallearning.workstation.domain.assessment.CriterionLevel;
import nl.sociallearning.workstation.domain.assessment.Dossier;
import nl.sociallearning.workstation.domain.assessment.Framework;
import nl.sociallearning.workstation.domain.assessment.Scale;
import nl.sociallearning.workstation.store.Cache;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every assessment in the cache as the agreement statistics' input: each observing assessor's own levels, once
 * they have locked them (before that they may still change, and they are blind), with when each was entered and
 * when the observation ended. Agreed levels and a third assessor's level are left out: they were given after
 * seeing the others' levels, so they say nothing about independent agreement.
 *
 * @param ratings     the levels, one per assessor, criterion and assessment
 * @param names       assessor id to name
 * @param assessments how many assessments gave at least one level
 */
public record CachedRatings(List<Rating> ratings, Map<String, String> names, int assessments) {

    public CachedRatings {
        ratings = List.copyOf(ratings);
        names = Map.copyOf(names);
    }

    public String name(String assessorId) {
        return names.getOrDefault(assessorId, assessorId);
    }

    public int assessors() {
        return (int) ratings.stream().map(Rating::assessorId).distinct().count();
    }

    public static CachedRatings read(Cache cache) {
        Map<String, Framework> frameworks = new HashMap<>();
        List<Rating> ratings = new ArrayList<>();
        Map<String, String> names = new LinkedHashMap<>();
        int assessments = 0;
        for (Dossier dossier : cache.assessments().dossiers()) {
            Assessment header = dossier.assessment();
            Framework f = frameworks.computeIfAbsent(header.frameworkCode(), code -> cache.frameworks().find(code).orElse(null));
            if (f == null) {
                continue;
            }
            List<Rating> own = of(dossier, f.scale());
            if (!own.isEmpty()) {
                assessments++;
                ratings.addAll(own);
                header.assessors().forEach(a -> names.putIfAbsent(a.id(), a.name()));
            }
        }
        return new CachedRatings(ratings, names, assessments);
    }

    static List<Rating> of(Dossier d, Scale scale) {
        Assessment a = d.assessment();
        List<Rating> out = new ArrayList<>();
        for (Assessor s : a.observers()) {
            if (!d.hasLocked(s.id())) {
                continue;
            }
            for (CriterionLevel l : d.levelsOf(s.id())) {
                int rank = scale.rank(l.level());
                if (rank >= 0) {
                    out.add(new Rating(a.id(), a.context().student().number(), l.criterionCode(), s.id(), rank, scale.levels().size(),
                            l.at(), a.observationEndedAt()));
                }
            }
        }
        return out;
    }
}
