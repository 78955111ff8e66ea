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

    /** One side of the polygon, from (xa, ya) to (xb, yb). */
    private record Edge(double xa, double ya, double xb, double yb) {
        /** Runs across the picture (a sideline) rather than steeply (a baseline seen from the side). */
        boolean flat() {
            return Math.abs(yb - ya) <= FLAT * Math.abs(xb - xa);
        }

        double distance(double x, double y) {
            double dx = xb - xa;
            double dy = yb - ya;
            double len = dx * dx + dy * dy;
            double t = len == 0 ? 0 : Math.max(0, Math.min(1, ((x - xa) * dx + (y - ya) * dy) / len));
            return Math.hypot(x - xa - t * dx, y - ya - t * dy);
        }
    }

    private List<Edge> edges() {
        int n = corners.length / 2;
        List<Edge> edges = new ArrayList<>(n);
        for (int i = 0, j = n - 1; i < n; j = i++) {
            edges.add(new Edge(corners[2 * j], corners[2 * j + 1], corners[2 * i], corners[2 * i + 1]));
        }
        return edges;
    }

    /** Even-odd rule; a point on an edge counts as inside. */
    public boolean contains(double x, double y) {
        boolean in = false;
        for (Edge e : edges()) {
            if ((e.yb() > y) != (e.ya() > y) && x < (e.xa() - e.xb()) * (y - e.yb()) / (e.ya() - e.yb()) + e.xb()) {
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
        Edge top = null;
        double topY = 0;
        for (Edge e : edges()) {
            if (x >= Math.min(e.xa(), e.xb()) && x <= Math.max(e.xa(), e.xb())) {
                double y = e.xa() == e.xb() ? Math.min(e.ya(), e.yb()) : e.ya() + (e.yb() - e.ya()) * (x - e.xa()) / (e.xb() - e.xa());
                if (top == null || y < topY) {
                    top = e;
                    topY = y;
                }
            }
        }
        return top == null || !top.flat() ? OptionalDouble.empty() : OptionalDouble.of(topY);
    }

    /** Distance from the point to the polygon's flat edges, or to its steep ones. */
    double distance(double x, double y, boolean flatEdges) {
        return edges().stream().filter(e -> e.flat() == flatEdges).mapToDouble(e -> e.distance(x, y)).min().orElse(Double.MAX_VALUE);
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
