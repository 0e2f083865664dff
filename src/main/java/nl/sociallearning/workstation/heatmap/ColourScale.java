package nl.sociallearning.workstation.heatmap;

import java.util.ArrayList;
import java.util.List;

/**
 * Counts to colours that tell the truth: a perceptually uniform, colour-blind-safe palette (viridis or cividis,
 * from their published control points, interpolated in CIELAB so that equal steps look equal), linear or
 * logarithmic. More is darker, as ink on paper: a count of 1 takes the light end (the palette's brightest tenth
 * is left out, so that 1 never looks like nothing) and the largest count the dark end. Zero is not on the scale:
 * it is a neutral light grey, and "not enrolled yet" is hatched (see {@link HeatmapPainter}). Plain Java: colours
 * are 0xRRGGBB ints.
 */
public final class ColourScale {

    /** The palettes, each from ten published control points at 0, 1/9, ..., 1 (dark end first). */
    public enum Palette {
        /** viridis (matplotlib; viridisLite's {@code viridis(10)}). */
        VIRIDIS(0x440154, 0x482878, 0x3E4A89, 0x31688E, 0x26828E, 0x1F9E89, 0x35B779, 0x6DCD59, 0xB4DE2C, 0xFDE725),
        /** cividis (Nuñez, Anderton and Renslow 2018; viridisLite's {@code cividis(10)}): for all colour vision. */
        CIVIDIS(0x00204D, 0x00336F, 0x39486B, 0x575C6D, 0x707173, 0x8A8779, 0xA69D75, 0xC4B56C, 0xE4CF5B, 0xFFEA46);

        private final int[] stops;
        private final double[][] lab;

        Palette(int... stops) {
            this.stops = stops;
            this.lab = new double[stops.length][];
            for (int i = 0; i < stops.length; i++) {
                lab[i] = toLab(stops[i]);
            }
        }

        /** The published control points, dark end first. */
        public int[] stops() {
            return stops.clone();
        }

        /** The palette at {@code t} in [0, 1] (0: the dark end), interpolated in CIELAB between control points. */
        public int rgb(double t) {
            double x = Math.max(0, Math.min(1, t)) * (stops.length - 1);
            int i = Math.min(stops.length - 2, (int) Math.floor(x));
            double f = x - i;
            if (f == 0) {
                return stops[i];
            }
            if (f == 1) {
                return stops[i + 1];
            }
            double[] a = lab[i];
            double[] b = lab[i + 1];
            return fromLab(a[0] + (b[0] - a[0]) * f, a[1] + (b[1] - a[1]) * f, a[2] + (b[2] - a[2]) * f);
        }
    }

    /** How counts spread over the palette. */
    public enum Kind { LINEAR, LOG }

    /** Zero: on no scale, a neutral light grey. */
    public static final int ZERO = 0xECEEF1;
    /** Where a count of 1 sits on the palette (0: dark end, 1: bright end). */
    static final double LIGHTEST = 0.9;

    private final Palette palette;
    private final Kind kind;
    private final int max;
    private final int[] lookup;

    public ColourScale(Palette palette, Kind kind, int max) {
        this.palette = palette;
        this.kind = kind;
        this.max = Math.max(1, max);
        this.lookup = new int[Math.min(this.max, 4096) + 1];
        lookup[0] = ZERO;
        for (int c = 1; c < lookup.length; c++) {
            lookup[c] = palette.rgb(position(c));
        }
    }

    public Palette palette() { return palette; }

    public Kind kind() { return kind; }

    public int max() { return max; }

    /** How strong a count is, in [0, 1]: 0 for nothing, 1 for the largest count. */
    public double intensity(int count) {
        if (count <= 0) {
            return 0;
        }
        if (count >= max) {
            return 1;
        }
        return kind == Kind.LINEAR ? (double) count / max : Math.log1p(count) / Math.log1p(max);
    }

    /** Where a positive count sits on the palette: {@link #LIGHTEST} for the faintest, 0 for the largest. */
    public double position(int count) {
        return LIGHTEST * (1 - intensity(count));
    }

    /** The colour of a count, 0xRRGGBB. */
    public int rgb(int count) {
        if (count <= 0) {
            return ZERO;
        }
        return count < lookup.length ? lookup[count] : palette.rgb(position(count));
    }

    /**
     * The numbers to print on the legend: 1, round steps (1-2-5 on a logarithmic scale, an even step on a linear
     * one) and the largest count.
     */
    public List<Integer> breaks() {
        List<Integer> out = new ArrayList<>();
        out.add(1);
        if (max == 1) {
            return out;
        }
        if (kind == Kind.LOG) {
            for (long decade = 1; decade <= max; decade *= 10) {
                for (int m : new int[] {1, 2, 5}) {
                    long v = decade * m;
                    if (v > 1 && v < max && Math.log(max) - Math.log(v) > 0.35) {
                        out.add((int) v);
                    }
                }
            }
        } else {
            int step = niceStep(max / 4.0);
            for (long v = step; v < max; v += step) {
                if (v > 1 && max - v > step * 0.4) {
                    out.add((int) v);
                }
            }
        }
        out.add(max);
        return out;
    }

    static int niceStep(double raw) {
        double magnitude = Math.pow(10, Math.floor(Math.log10(Math.max(1, raw))));
        double f = raw / magnitude;
        double nice = f < 1.5 ? 1 : f < 3.5 ? 2 : f < 7.5 ? 5 : 10;
        return (int) Math.max(1, nice * magnitude);
    }

    // --- CIELAB (D65), for interpolation and tests ------------------------------------------------------------

    /** sRGB 0xRRGGBB to CIELAB {L*, a*, b*}. */
    public static double[] toLab(int rgb) {
        double r = linear(((rgb >> 16) & 0xFF) / 255.0);
        double g = linear(((rgb >> 8) & 0xFF) / 255.0);
        double b = linear((rgb & 0xFF) / 255.0);
        double x = (0.4124564 * r + 0.3575761 * g + 0.1804375 * b) / 0.95047;
        double y = 0.2126729 * r + 0.7151522 * g + 0.0721750 * b;
        double z = (0.0193339 * r + 0.1191920 * g + 0.9503041 * b) / 1.08883;
        double fx = f(x);
        double fy = f(y);
        double fz = f(z);
        return new double[] {116 * fy - 16, 500 * (fx - fy), 200 * (fy - fz)};
    }

    static int fromLab(double l, double a, double bb) {
        double fy = (l + 16) / 116;
        double fx = fy + a / 500;
        double fz = fy - bb / 200;
        double x = finv(fx) * 0.95047;
        double y = finv(fy);
        double z = finv(fz) * 1.08883;
        double r = 3.2404542 * x - 1.5371385 * y - 0.4985314 * z;
        double g = -0.9692660 * x + 1.8760108 * y + 0.0415560 * z;
        double b = 0.0556434 * x - 0.2040259 * y + 1.0572252 * z;
        return (channel(r) << 16) | (channel(g) << 8) | channel(b);
    }

    private static double linear(double c) {
        return c <= 0.04045 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
    }

    private static int channel(double c) {
        double v = c <= 0.0031308 ? 12.92 * c : 1.055 * Math.pow(c, 1 / 2.4) - 0.055;
        return (int) Math.round(Math.max(0, Math.min(1, v)) * 255);
    }

    private static double f(double t) {
        return t > 216.0 / 24389 ? Math.cbrt(t) : (24389.0 / 27 * t + 16) / 116;
    }

    private static double finv(double t) {
        return t * t * t > 216.0 / 24389 ? t * t * t : (116 * t - 16) / (24389.0 / 27);
    }
}
