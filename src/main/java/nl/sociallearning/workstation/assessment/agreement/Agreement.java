package nl.sociallearning.workstation.assessment.agreement;

import nl.sociallearning.workstation.assessment.agreement.CohensKappa.Weights;
import nl.sociallearning.workstation.assessment.agreement.KrippendorffAlpha.Metric;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Agreement over many assessments: per criterion (all assessors, and per pair) and per pair of assessors
 * (pooled over criteria). A unit is one criterion in one assessment.
 *
 * <p>Input: the assessors' original levels, at most one per assessor per unit. Two different levels from the
 * same assessor for the same unit are refused (they would make every figure wrong without anyone noticing).
 */
public final class Agreement {

    /**
     * Fewer units than this and no coefficient is given: on one unit alpha comes out as exactly 0 whenever the two
     * levels differ, and kappa has no chance agreement to speak of, so a number would only mislead.
     */
    public static final int MIN_UNITS = 2;

    private Agreement() {
    }

    /** Per criterion, in the order of the criterion codes. Criteria without any unit rated twice are left out. */
    public static List<CriterionAgreement> perCriterion(Collection<Rating> ratings) {
        Map<String, Map<String, Map<String, Integer>>> byCriterion = new TreeMap<>();
        Map<String, Integer> scales = new TreeMap<>();
        for (Map.Entry<Unit, Map<String, Rating>> unit : units(ratings).entrySet()) {
            Map<String, Integer> levels = new TreeMap<>();
            unit.getValue().forEach((assessor, rating) -> levels.put(assessor, rating.level()));
            byCriterion.computeIfAbsent(unit.getKey().criterion(), c -> new TreeMap<>()).put(unit.getKey().assessment(), levels);
            scales.put(unit.getKey().criterion(), unit.getValue().values().iterator().next().scaleSize());
        }
        List<CriterionAgreement> result = new ArrayList<>();
        byCriterion.forEach((criterion, assessments) -> {
            int scale = scales.get(criterion);
            List<Collection<Integer>> pairable = new ArrayList<>();
            Set<String> assessors = new TreeSet<>();
            long agreeingPairs = 0;
            long allPairs = 0;
            for (Map<String, Integer> unit : assessments.values()) {
                if (unit.size() < 2) {
                    continue;
                }
                pairable.add(unit.values());
                assessors.addAll(unit.keySet());
                List<Integer> levels = List.copyOf(unit.values());
                for (int i = 0; i < levels.size(); i++) {
                    for (int j = i + 1; j < levels.size(); j++) {
                        allPairs++;
                        if (levels.get(i).equals(levels.get(j))) {
                            agreeingPairs++;
                        }
                    }
                }
            }
            if (pairable.isEmpty()) {
                return;
            }
            boolean computable = pairable.size() >= MIN_UNITS;
            result.add(new CriterionAgreement(criterion, scale, pairable.size(), assessors.size(),
                    OptionalDouble.of(agreeingPairs / (double) allPairs),
                    computable ? KrippendorffAlpha.of(pairable, scale, Metric.NOMINAL) : OptionalDouble.empty(),
                    computable ? KrippendorffAlpha.of(pairable, scale, Metric.ORDINAL) : OptionalDouble.empty(),
                    computable ? KrippendorffAlpha.of(pairable, scale, Metric.INTERVAL) : OptionalDouble.empty(),
                    pairs(criterion, assessments.values(), scale)));
        });
        return result;
    }

    /**
     * Per pair of assessors over all criteria both rated in the same assessments. Kappa needs one scale: when the
     * pooled criteria use scales of different sizes, the kappas are empty (the per-criterion pairs still have them).
     */
    public static List<PairAgreement> perPair(Collection<Rating> ratings) {
        List<Map<String, Integer>> units = new ArrayList<>();
        Set<Integer> scales = new TreeSet<>();
        for (Map<String, Rating> unit : units(ratings).values()) {
            Map<String, Integer> levels = new TreeMap<>();
            unit.forEach((assessor, rating) -> {
                levels.put(assessor, rating.level());
                scales.add(rating.scaleSize());
            });
            units.add(levels);
        }
        return pairs(null, units, scales.size() == 1 ? scales.iterator().next() : -1);
    }

    /** The units grouped from the ratings: unit → assessor → rating, in a stable order. */
    static Map<Unit, Map<String, Rating>> units(Collection<Rating> ratings) {
        Map<Unit, Map<String, Rating>> units = new TreeMap<>();
        Map<String, Integer> scales = new TreeMap<>();
        for (Rating r : ratings) {
            Integer scale = scales.putIfAbsent(r.criterionCode(), r.scaleSize());
            if (scale != null && scale != r.scaleSize()) {
                throw new IllegalArgumentException("Criterion " + r.criterionCode() + " has levels on scales of " + scale + " and "
                        + r.scaleSize() + " levels");
            }
            Map<String, Rating> unit = units.computeIfAbsent(new Unit(r.assessmentId(), r.criterionCode()), u -> new TreeMap<>());
            Rating earlier = unit.putIfAbsent(r.assessorId(), r);
            if (earlier != null && earlier.level() != r.level()) {
                throw new IllegalArgumentException("Assessor " + r.assessorId() + " has two levels (" + earlier.level() + " and "
                        + r.level() + ") for criterion " + r.criterionCode() + " in assessment " + r.assessmentId()
                        + "; pass each assessor's original level once");
            }
        }
        return units;
    }

    /** Pairs over units (assessor → level); scale −1 means mixed scales: no kappa. */
    private static List<PairAgreement> pairs(String criterion, Collection<Map<String, Integer>> units, int scale) {
        Map<String, List<int[]>> byPair = new TreeMap<>();
        for (Map<String, Integer> unit : units) {
            List<String> assessors = List.copyOf(unit.keySet());
            for (int i = 0; i < assessors.size(); i++) {
                for (int j = i + 1; j < assessors.size(); j++) {
                    byPair.computeIfAbsent(assessors.get(i) + "\u0000" + assessors.get(j), p -> new ArrayList<>())
                            .add(new int[]{unit.get(assessors.get(i)), unit.get(assessors.get(j))});
                }
            }
        }
        List<PairAgreement> result = new ArrayList<>();
        byPair.forEach((key, levels) -> {
            String[] names = key.split("\u0000", 2);
            int n = levels.size();
            int[] a = new int[n];
            int[] b = new int[n];
            int exact = 0;
            int withinOne = 0;
            double difference = 0;
            for (int u = 0; u < n; u++) {
                a[u] = levels.get(u)[0];
                b[u] = levels.get(u)[1];
                exact += a[u] == b[u] ? 1 : 0;
                withinOne += Math.abs(a[u] - b[u]) <= 1 ? 1 : 0;
                difference += a[u] - b[u];
            }
            OptionalDouble none = OptionalDouble.empty();
            boolean computable = scale >= 2 && n >= MIN_UNITS;
            result.add(new PairAgreement(criterion, names[0], names[1], n, exact / (double) n, withinOne / (double) n, difference / n,
                    !computable ? none : CohensKappa.of(a, b, scale, Weights.NOMINAL),
                    !computable ? none : CohensKappa.of(a, b, scale, Weights.LINEAR),
                    !computable ? none : CohensKappa.of(a, b, scale, Weights.QUADRATIC)));
        });
        return result;
    }

    record Unit(String assessment, String criterion) implements Comparable<Unit> {
        @Override
        public int compareTo(Unit other) {
            int c = assessment.compareTo(other.assessment);
            return c != 0 ? c : criterion.compareTo(other.criterion);
        }
    }
}
