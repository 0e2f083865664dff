package nl.sociallearning.workstation.assessment.mapping;

import nl.sociallearning.workstation.assessment.agreement.Rating;
import nl.sociallearning.workstation.domain.assessment.Assessment;
import nl.sociallearning.workstation.domain.assessment.Assessor;
import nl.sociallearning.workstation.domain.assessment.CriterionLevel;
import nl.sociallearning.workstation.domain.assessment.Dossier;
import nl.sociallearning.workstation.domain.assessment.Framework;
import nl.sociallearning.workstation.domain.assessment.Scale;
import nl.sociallearning.workstation.store.Cache;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Every assessment in the cache as the agreement statistics' input: each observing assessor's own levels, once
 * they have locked them (before that they may still change, and they are blind), with when each was entered and
 * when the observation ended. Agreed levels and a third assessor's level are left out: they were given after
 * seeing the others' levels, so they say nothing about independent agreement.
 *
 * @param ratings the levels, one per assessor, criterion and assessment
 * @param names   assessor id to name
 * @param rated   the assessments that gave at least one level, with what a filter asks of them
 */
public record CachedRatings(List<Rating> ratings, Map<String, String> names, List<RatedAssessment> rated) {

    public CachedRatings {
        ratings = List.copyOf(ratings);
        names = Map.copyOf(names);
        rated = List.copyOf(rated);
    }

    /** How many assessments gave at least one level. */
    public int assessments() {
        return rated.size();
    }

    /** Only the assessments the filter lets through, with their levels. */
    public CachedRatings filter(AgreementFilter filter, ZoneId zone) {
        List<RatedAssessment> kept = rated.stream().filter(a -> filter.matches(a, zone)).toList();
        Set<String> ids = kept.stream().map(RatedAssessment::id).collect(Collectors.toSet());
        return new CachedRatings(ratings.stream().filter(r -> ids.contains(r.assessmentId())).toList(), names, kept);
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
        List<RatedAssessment> rated = new ArrayList<>();
        for (Dossier dossier : cache.assessments().dossiers()) {
            Assessment header = dossier.assessment();
            Framework f = frameworks.computeIfAbsent(header.frameworkCode(), code -> cache.frameworks().find(code).orElse(null));
            if (f == null) {
                continue;
            }
            List<Rating> own = of(dossier, f.scale());
            if (!own.isEmpty()) {
                Instant observed = header.observationStartedAt() != null ? header.observationStartedAt() : header.createdAt();
                rated.add(new RatedAssessment(header.id(), f.code(), f.title(), observed,
                        own.stream().map(Rating::assessorId).distinct().toList()));
                ratings.addAll(own);
                header.assessors().forEach(a -> names.putIfAbsent(a.id(), a.name()));
            }
        }
        return new CachedRatings(ratings, names, rated);
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
