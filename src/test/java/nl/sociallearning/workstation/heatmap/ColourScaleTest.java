package nl.sociallearning.workstation.heatmap;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The colour scale against the published palettes and the properties that make it honest. */
class ColourScaleTest {

    @Test
    void thePalettesGoThroughTheirPublishedControlPoints() {
        ColourScale.Palette v = ColourScale.Palette.VIRIDIS;
        assertThat(v.rgb(0)).isEqualTo(0x440154);
        assertThat(v.rgb(1)).isEqualTo(0xFDE725);
        assertThat(v.rgb(5 / 9.0)).isEqualTo(0x1F9E89);
        assertThat(ColourScale.Palette.CIVIDIS.rgb(0)).isEqualTo(0x00204D);
        assertThat(ColourScale.Palette.CIVIDIS.rgb(1)).isEqualTo(0xFFEA46);
        // Between two control points: close to matplotlib's own viridis(0.5) = #21918C.
        assertThat(distance(v.rgb(0.5), 0x21918C)).isLessThan(3.0);
    }

    @Test
    void lightnessRisesEvenlyAlongEachPalette() {
        for (ColourScale.Palette p : ColourScale.Palette.values()) {
            double previous = -1;
            List<Double> steps = new ArrayList<>();
            for (int i = 0; i <= 50; i++) {
                double l = ColourScale.toLab(p.rgb(i / 50.0))[0];
                assertThat(l).as("%s at %d/50", p, i).isGreaterThan(previous);
                if (previous >= 0) {
                    steps.add(l - previous);
                }
                previous = l;
            }
            double min = steps.stream().mapToDouble(Double::doubleValue).min().orElseThrow();
            double max = steps.stream().mapToDouble(Double::doubleValue).max().orElseThrow();
            assertThat(max / min).as("%s: lightness steps within a factor 3", p).isLessThan(3.0);
        }
    }

    @Test
    void moreIsDarkerAndZeroAndOneLookDifferent() {
        ColourScale s = new ColourScale(ColourScale.Palette.VIRIDIS, ColourScale.Kind.LINEAR, 40);
        assertThat(s.rgb(0)).isEqualTo(ColourScale.ZERO);
        assertThat(s.rgb(40)).isEqualTo(0x440154);
        assertThat(s.rgb(400)).as("above the largest: the largest").isEqualTo(0x440154);
        double previous = 101;
        for (int c = 1; c <= 40; c++) {
            double l = ColourScale.toLab(s.rgb(c))[0];
            assertThat(l).isLessThan(previous);
            previous = l;
        }
        double zero = ColourScale.toLab(ColourScale.ZERO)[0];
        double one = ColourScale.toLab(s.rgb(1))[0];
        assertThat(zero - one).as("1 is visibly darker than 0").isGreaterThan(8);
        assertThat(distance(s.rgb(1), ColourScale.ZERO)).as("and differs in colour (ΔE)").isGreaterThan(30);
    }

    @Test
    void linearAndLogarithmicPlaceCountsAsTheySay() {
        ColourScale lin = new ColourScale(ColourScale.Palette.CIVIDIS, ColourScale.Kind.LINEAR, 100);
        ColourScale log = new ColourScale(ColourScale.Palette.CIVIDIS, ColourScale.Kind.LOG, 100);
        assertThat(lin.intensity(50)).isCloseTo(0.5, within(1e-9));
        assertThat(lin.intensity(0)).isZero();
        assertThat(log.intensity(100)).isEqualTo(1);
        assertThat(log.intensity(9)).isCloseTo(Math.log(10) / Math.log(101), within(1e-9));
        assertThat(log.intensity(1)).isGreaterThan(lin.intensity(1));
        assertThat(lin.position(100)).isZero();
        assertThat(lin.position(1)).isCloseTo(ColourScale.LIGHTEST * 0.99, within(1e-9));
    }

    @Test
    void theLegendBreaksAreRoundAndEndWithTheLargestCount() {
        assertThat(new ColourScale(ColourScale.Palette.VIRIDIS, ColourScale.Kind.LOG, 3000).breaks())
                .containsExactly(1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000, 3000);
        assertThat(new ColourScale(ColourScale.Palette.VIRIDIS, ColourScale.Kind.LINEAR, 23).breaks())
                .containsExactly(1, 5, 10, 15, 20, 23);
        assertThat(new ColourScale(ColourScale.Palette.VIRIDIS, ColourScale.Kind.LOG, 1).breaks()).containsExactly(1);
        assertThat(new ColourScale(ColourScale.Palette.VIRIDIS, ColourScale.Kind.LINEAR, 0).max()).isEqualTo(1);
    }

    static double distance(int a, int b) {
        double[] x = ColourScale.toLab(a);
        double[] y = ColourScale.toLab(b);
        return Math.sqrt(Math.pow(x[0] - y[0], 2) + Math.pow(x[1] - y[1], 2) + Math.pow(x[2] - y[2], 2));
    }
}
