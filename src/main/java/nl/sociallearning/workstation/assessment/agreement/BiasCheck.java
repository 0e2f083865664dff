package nl.sociallearning.workstation.assessment.agreement;

import nl.sociallearning.workstation.assessment.agreement.BiasWarning.Kind;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Advisory bias warnings over the assessors' original levels. Each check looks at one assessor at a time;
 * thresholds are in {@link Settings}. The warnings come back grouped by assessor, in the order of the kinds.
 */
public final class BiasCheck {

    /**
     * When a pattern is worth a warning.
     *
     * @param haloMinCriteria        an assessment needs this many criteria before "the same level everywhere" counts
     * @param centralShare           share of middle levels that counts as central tendency
     * @param centralMinLevels       levels an assessor must have given before central tendency is judged
     * @param leniencyLevels         mean difference in levels from the others that counts as lenient or severe
     * @param leniencyMinCriteria    shared criteria (units) needed before leniency is judged
     * @param leniencyMinAssessments distinct students (or assessments, when students are unknown) needed
     * @param driftMinAssessments    length of a series before drift is judged
     * @param driftLevels            change of the mean level between the halves of a series that counts as drift
     */
    public record Settings(int haloMinCriteria, double centralShare, int centralMinLevels, double leniencyLevels,
                           int leniencyMinCriteria, int leniencyMinAssessments, int driftMinAssessments, double driftLevels) {

        public static Settings defaults() {
            return new Settings(4, 0.8, 10, 0.5, 10, 3, 6, 0.5);
        }
    }

    private BiasCheck() {
    }

    public static List<BiasWarning> check(Collection<Rating> ratings) {
        return check(ratings, Settings.defaults());
    }

    public static List<BiasWarning> check(Collection<Rating> ratings, Settings settings) {
        Map<Agreement.Unit, Map<String, Rating>> units = Agreement.units(ratings);
        Map<String, List<Rating>> byAssessor = new TreeMap<>();
        for (Map<String, Rating> unit : units.values()) {
            unit.forEach((assessor, rating) -> byAssessor.computeIfAbsent(assessor, a -> new ArrayList<>()).add(rating));
        }
        List<BiasWarning> warnings = new ArrayList<>();
        byAssessor.forEach((assessor, own) -> {
            halo(assessor, own, settings, warnings);
            centralTendency(assessor, own, settings, warnings);
            leniency(assessor, units, settings, warnings);
            enteredEarly(assessor, own, warnings);
            drift(assessor, own, settings, warnings);
        });
        return warnings;
    }

    private static Map<String, List<Rating>> byAssessment(List<Rating> own) {
        Map<String, List<Rating>> result = new TreeMap<>();
        own.forEach(r -> result.computeIfAbsent(r.assessmentId(), a -> new ArrayList<>()).add(r));
        return result;
    }

    private static void halo(String assessor, List<Rating> own, Settings settings, List<BiasWarning> warnings) {
        List<String> uniform = new ArrayList<>();
        int eligible = 0;
        for (Map.Entry<String, List<Rating>> assessment : byAssessment(own).entrySet()) {
            List<Rating> levels = assessment.getValue();
            if (levels.size() < settings.haloMinCriteria()) {
                continue;
            }
            eligible++;
            if (levels.stream().map(Rating::level).distinct().count() == 1) {
                uniform.add(assessment.getKey());
            }
        }
        if (!uniform.isEmpty()) {
            warnings.add(new BiasWarning(Kind.HALO, assessor, uniform, uniform.size(), eligible, Double.NaN, Double.NaN));
        }
    }

    /** Middle levels: the middle one of an odd scale, the two middle ones of an even scale of four or more. */
    static boolean isMiddle(int level, int scaleSize) {
        if (scaleSize < 3) {
            return false;
        }
        return scaleSize % 2 == 1 ? level == scaleSize / 2 : level == scaleSize / 2 - 1 || level == scaleSize / 2;
    }

    private static void centralTendency(String assessor, List<Rating> own, Settings settings, List<BiasWarning> warnings) {
        List<Rating> scaled = own.stream().filter(r -> r.scaleSize() >= 3).toList();
        if (scaled.size() < settings.centralMinLevels()) {
            return;
        }
        int middle = (int) scaled.stream().filter(r -> isMiddle(r.level(), r.scaleSize())).count();
        double share = middle / (double) scaled.size();
        if (share >= settings.centralShare()) {
            List<String> assessments = scaled.stream().map(Rating::assessmentId).distinct().sorted().toList();
            warnings.add(new BiasWarning(Kind.CENTRAL_TENDENCY, assessor, assessments, middle, scaled.size(), share,
                    settings.centralShare()));
        }
    }

    /** Own level minus the mean of the others' levels, on every unit the assessor shares with others. */
    private static void leniency(String assessor, Map<Agreement.Unit, Map<String, Rating>> units, Settings settings,
                                 List<BiasWarning> warnings) {
        double sum = 0;
        int shared = 0;
        Set<String> assessments = new TreeSet<>();
        Set<String> subjects = new TreeSet<>();
        for (Map<String, Rating> unit : units.values()) {
            Rating own = unit.get(assessor);
            if (own == null || unit.size() < 2) {
                continue;
            }
            double others = unit.values().stream().filter(r -> r != own).mapToInt(Rating::level).average().orElseThrow();
            sum += own.level() - others;
            shared++;
            assessments.add(own.assessmentId());
            subjects.add(own.studentId() != null ? "s:" + own.studentId() : "a:" + own.assessmentId());
        }
        if (shared < settings.leniencyMinCriteria() || subjects.size() < settings.leniencyMinAssessments()) {
            return;
        }
        double mean = sum / shared;
        if (Math.abs(mean) >= settings.leniencyLevels()) {
            Kind kind = mean > 0 ? Kind.LENIENCY : Kind.SEVERITY;
            warnings.add(new BiasWarning(kind, assessor, List.copyOf(assessments), shared, subjects.size(), mean,
                    settings.leniencyLevels()));
        }
    }

    private static void enteredEarly(String assessor, List<Rating> own, List<BiasWarning> warnings) {
        for (Map.Entry<String, List<Rating>> assessment : byAssessment(own).entrySet()) {
            List<Rating> early = assessment.getValue().stream()
                    .filter(r -> r.enteredAt() != null && r.observationEndedAt() != null && r.enteredAt().isBefore(r.observationEndedAt()))
                    .toList();
            if (early.isEmpty()) {
                continue;
            }
            long minutes = early.stream()
                    .mapToLong(r -> Duration.between(r.enteredAt(), r.observationEndedAt()).toMinutes())
                    .max().orElse(0);
            warnings.add(new BiasWarning(Kind.ENTERED_BEFORE_OBSERVATION_ENDED, assessor, List.of(assessment.getKey()), early.size(),
                    assessment.getValue().size(), minutes, Double.NaN));
        }
    }

    /** The assessor's assessments in time order (when the levels were entered, else when the observation ended). */
    private static void drift(String assessor, List<Rating> own, Settings settings, List<BiasWarning> warnings) {
        record Point(String assessment, Instant at, double mean) {
        }
        List<Point> series = new ArrayList<>();
        byAssessment(own).forEach((assessment, levels) -> {
            Instant at = levels.stream().map(r -> r.enteredAt() != null ? r.enteredAt() : r.observationEndedAt())
                    .filter(t -> t != null).min(Comparator.naturalOrder()).orElse(null);
            if (at != null) {
                series.add(new Point(assessment, at, levels.stream().mapToInt(Rating::level).average().orElseThrow()));
            }
        });
        if (series.size() < settings.driftMinAssessments()) {
            return;
        }
        series.sort(Comparator.comparing(Point::at).thenComparing(Point::assessment));
        int half = series.size() / 2;
        double first = series.subList(0, half).stream().mapToDouble(Point::mean).average().orElseThrow();
        double second = series.subList(series.size() - half, series.size()).stream().mapToDouble(Point::mean).average().orElseThrow();
        if (Math.abs(second - first) >= settings.driftLevels()) {
            warnings.add(new BiasWarning(Kind.DRIFT, assessor, series.stream().map(Point::assessment).toList(), series.size(),
                    series.size(), first, second));
        }
    }
}
