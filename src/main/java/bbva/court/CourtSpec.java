package bbva.court;

import bbva.AnalysisException;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Where the playing floor is: found in each scene ({@code auto}), not looked for ({@code off}: every
 * person counts as on the floor), or a polygon the user drew, in frame pixels, for footage where
 * auto fails.
 */
public record CourtSpec(Mode mode, double[] polygon) {
    public enum Mode { AUTO, OFF, POLYGON }

    public static final CourtSpec AUTO = new CourtSpec(Mode.AUTO, null);
    public static final CourtSpec OFF = new CourtSpec(Mode.OFF, null);

    /** "auto", "off" or "x1,y1,x2,y2,x3,y3,..." (at least three corners). */
    public static CourtSpec parse(String text) {
        String t = text.strip().toLowerCase(Locale.ROOT);
        if (t.isEmpty() || t.equals("auto")) {
            return AUTO;
        }
        if (t.equals("off")) {
            return OFF;
        }
        double[] v;
        try {
            v = Arrays.stream(t.split(",")).map(String::strip).mapToDouble(Double::parseDouble).toArray();
        } catch (NumberFormatException e) {
            v = new double[0];
        }
        if (v.length < 6 || v.length % 2 != 0 || Arrays.stream(v).anyMatch(x -> !(x >= 0 && x < 100_000))) {
            throw new AnalysisException("court must be auto, off or the floor's corners in frame pixels as x1,y1,x2,y2,x3,y3,... "
                    + "(at least three corners), got '" + text + "'.");
        }
        return new CourtSpec(Mode.POLYGON, v);
    }

    public String id() {
        return switch (mode) {
            case AUTO -> "auto";
            case OFF -> "off";
            case POLYGON -> Arrays.stream(polygon).mapToObj(CourtSpec::number).collect(Collectors.joining(","));
        };
    }

    private static String number(double x) {
        return x == Math.rint(x) ? Long.toString((long) x) : Double.toString(x);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CourtSpec c && c.mode == mode && Arrays.equals(c.polygon, polygon);
    }

    @Override
    public int hashCode() {
        return mode.hashCode() * 31 + Arrays.hashCode(polygon);
    }

    @Override
    public String toString() {
        return id();
    }
}
