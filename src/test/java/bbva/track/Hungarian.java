package bbva.track;

/** The assignment problem (Kuhn-Munkres, O(n^3) with potentials): the one-to-one pairing of rows and columns with the largest total. */
final class Hungarian {
    private Hungarian() {
    }

    static long maxTotal(long[][] gain) {
        int rows = gain.length;
        int cols = rows == 0 ? 0 : gain[0].length;
        int n = Math.max(rows, cols);
        if (n == 0) {
            return 0;
        }
        long max = 0;
        for (long[] r : gain) {
            for (long g : r) {
                max = Math.max(max, g);
            }
        }
        // minimise cost = max - gain on an n x n matrix padded with zero gains
        long[][] cost = new long[n + 1][n + 1];
        for (int i = 1; i <= n; i++) {
            for (int j = 1; j <= n; j++) {
                cost[i][j] = max - (i <= rows && j <= cols ? gain[i - 1][j - 1] : 0);
            }
        }
        long[] u = new long[n + 1];
        long[] v = new long[n + 1];
        int[] p = new int[n + 1];
        int[] way = new int[n + 1];
        for (int i = 1; i <= n; i++) {
            p[0] = i;
            int j0 = 0;
            long[] minv = new long[n + 1];
            boolean[] used = new boolean[n + 1];
            java.util.Arrays.fill(minv, Long.MAX_VALUE);
            do {
                used[j0] = true;
                int i0 = p[j0];
                long delta = Long.MAX_VALUE;
                int j1 = 0;
                for (int j = 1; j <= n; j++) {
                    if (!used[j]) {
                        long cur = cost[i0][j] - u[i0] - v[j];
                        if (cur < minv[j]) {
                            minv[j] = cur;
                            way[j] = j0;
                        }
                        if (minv[j] < delta) {
                            delta = minv[j];
                            j1 = j;
                        }
                    }
                }
                for (int j = 0; j <= n; j++) {
                    if (used[j]) {
                        u[p[j]] += delta;
                        v[j] -= delta;
                    } else {
                        minv[j] -= delta;
                    }
                }
                j0 = j1;
            } while (p[j0] != 0);
            do {
                int j1 = way[j0];
                p[j0] = p[j1];
                j0 = j1;
            } while (j0 != 0);
        }
        long total = 0;
        for (int j = 1; j <= n; j++) {
            if (p[j] <= rows && j <= cols) {
                total += gain[p[j] - 1][j - 1];
            }
        }
        return total;
    }
}
