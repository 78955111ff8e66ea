package bbva.detect;

/** How much two boxes {x1, y1, x2, y2} overlap: the one place intersection areas are computed. */
public final class Overlap {
    private Overlap() {
    }

    public static double[] box(Detection d) {
        return new double[] {d.x1(), d.y1(), d.x2(), d.y2()};
    }

    /** Intersection over union (the tracker's match). */
    public static double iou(double[] a, double[] b) {
        double inter = intersection(a, b);
        return inter == 0 ? 0 : inter / (area(a) + area(b) - inter);
    }

    /** Intersection over the smaller box's area: 1 when one box lies inside the other (a number inside a person). */
    public static double overSmaller(double[] a, double[] b) {
        double inter = intersection(a, b);
        return inter == 0 ? 0 : inter / Math.min(area(a), area(b));
    }

    private static double intersection(double[] a, double[] b) {
        double ix = Math.min(a[2], b[2]) - Math.max(a[0], b[0]);
        double iy = Math.min(a[3], b[3]) - Math.max(a[1], b[1]);
        return ix <= 0 || iy <= 0 ? 0 : ix * iy;
    }

    private static double area(double[] box) {
        return (box[2] - box[0]) * (box[3] - box[1]);
    }
}
