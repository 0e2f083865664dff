package nl.sociallearning.workstation.assessment;

import nl.sociallearning.workstation.assessment.agreement.AgreementTables;
import nl.sociallearning.workstation.assessment.mapping.AgreementFilter;
import nl.sociallearning.workstation.assessment.mapping.CachedRatings;
import nl.sociallearning.workstation.assessment.mapping.RatedAssessment;
import nl.sociallearning.workstation.domain.assessment.Assessor;
import nl.sociallearning.workstation.store.Cache;
import nl.sociallearning.workstation.ui.TaskRunner;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The agreement page's filters over the demo's assessments: each leaves exactly the assessments it names, and the
 * figures on the page are the figures computed directly on that subset.
 */
class AgreementFilterTest {

    static final Locale DUTCH = Locale.forLanguageTag("nl");
    static final ZoneId ZONE = ZoneId.of("Europe/Amsterdam");

    @TempDir
    static Path dir;
    static Cache cache;
    static CachedRatings all;

    @BeforeAll
    static void seed() {
        cache = Cache.open(dir);
        DemoAssessments.seedIfEmpty(cache);
        all = CachedRatings.read(cache);
    }

    @AfterAll
    static void close() {
        cache.close();
    }

    @Test
    void anAssessorLeavesExactlyTheAssessmentsInWhichThatAssessorLockedLevels() {
        // From the cache itself: the assessments in which Carla observed and locked her levels.
        Set<String> carla = cache.assessments().dossiers().stream()
                .filter(d -> d.assessment().observers().stream().map(Assessor::id).anyMatch(DemoAssessmentSeries.CARLA::equals))
                .filter(d -> d.hasLocked(DemoAssessmentSeries.CARLA))
                .map(d -> d.assessment().id()).collect(Collectors.toSet());
        assertThat(carla).hasSize(4);

        CachedRatings filtered = all.filter(new AgreementFilter(null, null, null, DemoAssessmentSeries.CARLA), ZONE);
        assertThat(filtered.rated()).extracting(RatedAssessment::id).containsExactlyInAnyOrderElementsOf(carla);
        assertThat(filtered.assessments()).isEqualTo(4);
        assertThat(filtered.ratings()).allMatch(r -> carla.contains(r.assessmentId())).isNotEmpty();
        // The other assessor in those assessments is Ank; nobody else.
        assertThat(filtered.assessors()).isEqualTo(2);

        // The page's figures for the filter equal the figures computed directly on those assessments' levels.
        AgreementViewModel model = new AgreementViewModel(cache, TaskRunner.direct(), DUTCH, ZONE, java.time.Clock.systemUTC());
        model.load();
        assertThat(model.summaryProperty().get().assessments()).isEqualTo(all.assessments()).isGreaterThanOrEqualTo(14);
        model.filter(new AgreementFilter(null, null, null, DemoAssessmentSeries.CARLA));
        AgreementViewModel.Summary s = model.summaryProperty().get();
        assertThat(s.assessments()).isEqualTo(4);
        assertThat(s.total()).isEqualTo(all.assessments());
        AgreementTables direct = AgreementTables.of(all.ratings().stream().filter(r -> carla.contains(r.assessmentId())).toList(),
                all::name, DUTCH);
        assertThat(s.tables()).isEqualTo(direct);
        assertThat(s.tables().pairs()).filteredOn(p -> p.criterionCode().isEmpty())
                .singleElement().satisfies(p -> assertThat(List.of(p.assessorA(), p.assessorB())).containsExactlyInAnyOrder("Ank de Vries", "Carla Smit"));
        assertThat(s.people()).extracting(AgreementViewModel.Choice::label).contains("Carla Smit", "Dirk Mulder");
    }

    @Test
    void aPeriodCountsBothItsDaysAndAFrameworkOnlyItsOwn() {
        List<LocalDate> days = all.rated().stream().map(a -> a.observedAt().atZone(ZONE).toLocalDate()).sorted().toList();
        LocalDate from = days.get(3);
        LocalDate to = days.get(8);
        long expected = days.stream().filter(d -> !d.isBefore(from) && !d.isAfter(to)).count();
        CachedRatings period = all.filter(new AgreementFilter(from, to, null, null), ZONE);
        assertThat(period.assessments()).isEqualTo((int) expected).isGreaterThanOrEqualTo(6);
        assertThat(period.rated()).allMatch(a -> !a.observedAt().atZone(ZONE).toLocalDate().isBefore(from)
                && !a.observedAt().atZone(ZONE).toLocalDate().isAfter(to));
        assertThat(all.filter(new AgreementFilter(to.plusDays(1), to, null, null), ZONE).assessments()).isZero();

        assertThat(all.filter(new AgreementFilter(null, null, "VIG-B1", null), ZONE).assessments()).isEqualTo(all.assessments());
        CachedRatings none = all.filter(new AgreementFilter(null, null, "EPA-HBO", null), ZONE);
        assertThat(none.assessments()).isZero();
        assertThat(none.ratings()).isEmpty();
    }

    @Test
    void aFilterThatLeavesNothingGivesNoFiguresInsteadOfZeros() {
        AgreementViewModel model = new AgreementViewModel(cache, TaskRunner.direct(), DUTCH, ZONE, java.time.Clock.systemUTC());
        model.load();
        model.filter(new AgreementFilter(LocalDate.of(2001, 1, 1), LocalDate.of(2001, 12, 31), null, null));
        AgreementViewModel.Summary s = model.summaryProperty().get();
        assertThat(s.assessments()).isZero();
        assertThat(s.tooFew()).isTrue();
        assertThat(s.tables().criteria()).isEmpty();
        assertThat(s.tables().pairs()).isEmpty();
        assertThat(s.frameworks()).as("the choices stay those of all assessments").isNotEmpty();

        // One assessment: each criterion rests on one unit, so alpha cannot be computed and says so (no 0, no NaN).
        RatedAssessment one = all.rated().get(0);
        LocalDate day = one.observedAt().atZone(ZONE).toLocalDate();
        model.filter(new AgreementFilter(day, day, null, null));
        s = model.summaryProperty().get();
        assertThat(s.assessments()).isEqualTo(1);
        assertThat(s.tables().criteria()).isNotEmpty().allSatisfy(c -> {
            assertThat(c.units()).isEqualTo(1);
            assertThat(c.quality()).isEqualTo(AgreementTables.Quality.UNKNOWN);
            assertThat(c.alphaOrdinal()).isEqualTo("\u2013");
        });
        assertThat(s.tables().toString()).doesNotContain("NaN");
    }

}
