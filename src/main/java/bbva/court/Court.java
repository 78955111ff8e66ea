package bbva.court;

import bbva.detect.Detection;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;

/**
 * The playing floor of one frame: a convex polygon in frame pixels (corners in order). A person is
 * on it when the middle of the bottom of their box (where the feet are; for a box that runs out of
 * the frame, the middle of the frame's bottom row under it) lies inside it, or within
 * {@link #FEET_MARGIN} of their height of it (feet on the line), or {@link #APRON_MARGIN} beyond a steep edge.
 */
public record Court(double[] corners) {
    public static final double FEET_MARGIN = 0.04;
    /**
     * Beyond a steep edge (a baseline, seen from the side) the margin is wider: referees stand on the
     * apron past the baseline, often painted another colour than the floor.
     */
    public static final double APRON_MARGIN = 0.25;
    /** An edge whose rows change by at most this much per column runs across the picture (a sideline). */
    static final double FLAT = 0.25;

    public Court {
        if (corners.length < 6 || corners.length % 2 != 0) {
            throw new IllegalArgumentException("a court polygon has at least three corners");
        }
    }

    public boolean holdsFeetOf(Detection d, int frameHeight) {
        double x = (d.x1() + d.x2()) / 2;
        double y = Math.min(d.y2(), frameHeight - 1);
        return contains(x, y) || distance(x, y, true) <= FEET_MARGIN * d.height()
                || distance(x, y, false) <= APRON_MARGIN * d.height();
    }

    /** Even-odd rule; a point on an edge counts as inside. */
    public boolean contains(double x, double y) {
        boolean in = false;
        int n = corners.length / 2;
        for (int i = 0, j = n - 1; i < n; j = i++) {
            double xi = corners[2 * i];
            double yi = corners[2 * i + 1];
            double xj = corners[2 * j];
            double yj = corners[2 * j + 1];
            if ((yi > y) != (yj > y) && x < (xj - xi) * (y - yi) / (yj - yi) + xi) {
                in = !in;
            }
        }
        return in;
    }

    /**
     * The highest row of the polygon in column x when the edge there runs across the picture (the far
     * sideline); empty when x is outside the polygon or the edge there is steep (a baseline).
     */
    public OptionalDouble farSidelineAt(double x) {
        double[] top = null;
        int n = corners.length / 2;
        for (int i = 0, j = n - 1; i < n; j = i++) {
            double xi = corners[2 * i];
            double yi = corners[2 * i + 1];
            double xj = corners[2 * j];
            double yj = corners[2 * j + 1];
            if (x >= Math.min(xi, xj) && x <= Math.max(xi, xj)) {
                double y = xi == xj ? Math.min(yi, yj) : yi + (yj - yi) * (x - xi) / (xj - xi);
                if (top == null || y < top[0]) {
                    top = new double[] {y, flat(xi, yi, xj, yj) ? 1 : 0};
                }
            }
        }
        return top == null || top[1] == 0 ? OptionalDouble.empty() : OptionalDouble.of(top[0]);
    }

    private static boolean flat(double xa, double ya, double xb, double yb) {
        return Math.abs(yb - ya) <= FLAT * Math.abs(xb - xa);
    }

    /** Distance from the point to the polygon's flat edges, or to its steep ones. */
    double distance(double x, double y, boolean flatEdges) {
        double best = Double.MAX_VALUE;
        int n = corners.length / 2;
        for (int i = 0, j = n - 1; i < n; j = i++) {
            double ax = corners[2 * j];
            double ay = corners[2 * j + 1];
            double dx = corners[2 * i] - ax;
            double dy = corners[2 * i + 1] - ay;
            if (flat(ax, ay, corners[2 * i], corners[2 * i + 1]) != flatEdges) {
                continue;
            }
            double len = dx * dx + dy * dy;
            double t = len == 0 ? 0 : Math.max(0, Math.min(1, ((x - ax) * dx + (y - ay) * dy) / len));
            best = Math.min(best, Math.hypot(x - ax - t * dx, y - ay - t * dy));
        }
        return best;
    }

    /** Stored form: "x,y x,y ..." in whole pixels. */
    public String encode() {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < corners.length; i += 2) {
            if (i > 0) {
                s.append(' ');
            }
            s.append(String.format(Locale.ROOT, "%d,%d", Math.round(corners[i]), Math.round(corners[i + 1])));
        }
        return s.toString();
    }

    public static Court decode(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        List<Double> v = new ArrayList<>();
        for (String point : text.strip().split(" ")) {
            String[] xy = point.split(",");
            v.add(Double.parseDouble(xy[0]));
            v.add(Double.parseDouble(xy[1]));
        }
        return new Court(v.stream().mapToDouble(Double::doubleValue).toArray());
    }
}
