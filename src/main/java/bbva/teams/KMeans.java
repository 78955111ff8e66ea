package bbva.teams;

import java.util.Arrays;
import java.util.Random;

/** k-means++ over points in a few dimensions, deterministic: seeded starts, the best of several kept. */
final class KMeans {
    static final int RESTARTS = 8;
    static final long SEED = 7;
    static final int ITERATIONS = 30;

    /**
     * The best of {@link #RESTARTS} k-means++ runs (least sum of squared distances; ties to the first):
     * one run can settle in a poor split (on the shared clip one seed of eight split the gold kit in two
     * and left the grey referees with blue, at 1.4 times the others' sum).
     */
    static double[][] centres(double[][] points, int k) {
        double[][] best = null;
        double bestCost = Double.MAX_VALUE;
        for (int r = 0; r < RESTARTS; r++) {
            double[][] centres = run(points, k, SEED + r);
            double cost = 0;
            for (double[] p : points) {
                double d = distance(centres[nearest(centres, p)], p);
                cost += d * d;
            }
            if (cost < bestCost) {
                best = centres;
                bestCost = cost;
            }
        }
        return best;
    }

    private static double[][] run(double[][] points, int k, long seed) {
        Random random = new Random(seed);
        double[][] centres = new double[k][];
        centres[0] = points[random.nextInt(points.length)].clone();
        double[] d2 = new double[points.length];
        for (int c = 1; c < k; c++) {
            double sum = 0;
            for (int i = 0; i < points.length; i++) {
                double d = distance(centres[nearest(Arrays.copyOf(centres, c), points[i])], points[i]);
                d2[i] = d * d;
                sum += d2[i];
            }
            double r = random.nextDouble() * sum;
            int pick = 0;
            while (pick < points.length - 1 && r > d2[pick]) {
                r -= d2[pick++];
            }
            centres[c] = points[pick].clone();
        }
        int[] assigned = new int[points.length];
        for (int it = 0; it < ITERATIONS; it++) {
            boolean changed = false;
            for (int i = 0; i < points.length; i++) {
                int c = nearest(centres, points[i]);
                changed |= it == 0 || c != assigned[i];
                assigned[i] = c;
            }
            double[][] sums = new double[k][points[0].length];
            int[] counts = new int[k];
            for (int i = 0; i < points.length; i++) {
                counts[assigned[i]]++;
                for (int j = 0; j < points[i].length; j++) {
                    sums[assigned[i]][j] += points[i][j];
                }
            }
            for (int c = 0; c < k; c++) {
                if (counts[c] > 0) {
                    for (int j = 0; j < sums[c].length; j++) {
                        centres[c][j] = sums[c][j] / counts[c];
                    }
                }
            }
            if (!changed) {
                break;
            }
        }
        return centres;
    }

    static int nearest(double[][] centres, double[] p) {
        int best = 0;
        for (int c = 1; c < centres.length; c++) {
            if (distance(centres[c], p) < distance(centres[best], p)) {
                best = c;
            }
        }
        return best;
    }

    static double distance(double[] a, double[] b) {
        double s = 0;
        for (int j = 0; j < a.length; j++) {
            double d = a[j] - b[j];
            s += d * d;
        }
        return Math.sqrt(s);
    }

    private KMeans() {
    }
}
