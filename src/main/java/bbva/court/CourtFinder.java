package bbva.court;

import bbva.colour.Lab;
import bbva.video.VideoFrame;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Finds the playing floor in a frame by its colour: the floor is the one large surface of a single
 * colour in the lower part of a game picture (wood or paint), and its lines, logos and the players
 * on it are small against it. On a grid of cells about {@link #CELLS} to the short side: the most
 * common colour of the lower middle of the frame is taken as the floor's; cells near it in CIE Lab
 * (lightness counting half: reflections and shadows) form a mask, which is closed to bridge lines
 * and players; its largest connected region, if it covers at least {@link #MIN_SHARE} of the frame,
 * is the floor, and its convex hull the court. Stands, benches and ad boards are other colours and
 * stay outside. Deterministic: the same pixels give the same polygon.
 */
public final class CourtFinder {
    static final int CELLS = 120;
    static final double MIN_SHARE = 0.12;
    static final double MAX_DISTANCE = 16;
    static final int CLOSING = 2;

    private CourtFinder() {
    }

    public static Optional<Court> find(VideoFrame frame) {
        int step = Math.max(1, Math.min(frame.width(), frame.height()) / CELLS);
        int gw = frame.width() / step;
        int gh = frame.height() / step;
        float[][] lab = cells(frame, step, gw, gh);
        float[] floor = floorColour(lab, gw, gh);
        boolean[] mask = new boolean[gw * gh];
        for (int i = 0; i < mask.length; i++) {
            mask[i] = distance(lab[i], floor) <= MAX_DISTANCE;
        }
        mask = erode(dilate(mask, gw, gh, CLOSING), gw, gh, CLOSING);
        int[] region = largestRegion(mask, gw, gh);
        if (region.length < MIN_SHARE * gw * gh) {
            return Optional.empty();
        }
        return Optional.of(new Court(hull(region, gw, step)));
    }

    /** The mean colour of each cell, sampled on a 2x2 pattern, in Lab. */
    private static float[][] cells(VideoFrame frame, int step, int gw, int gh) {
        float[][] out = new float[gw * gh][];
        byte[] bgr = frame.bgr();
        int half = Math.max(1, step / 2);
        for (int cy = 0; cy < gh; cy++) {
            for (int cx = 0; cx < gw; cx++) {
                int r = 0;
                int g = 0;
                int b = 0;
                for (int dy = 0; dy < 2; dy++) {
                    for (int dx = 0; dx < 2; dx++) {
                        int x = Math.min(frame.width() - 1, cx * step + dx * half);
                        int y = Math.min(frame.height() - 1, cy * step + dy * half);
                        int p = (y * frame.width() + x) * 3;
                        b += bgr[p] & 0xff;
                        g += bgr[p + 1] & 0xff;
                        r += bgr[p + 2] & 0xff;
                    }
                }
                out[cy * gw + cx] = Lab.of(r / 4, g / 4, b / 4);
            }
        }
        return out;
    }

    /** The mean of the most common coarse colour among the cells of the lower middle of the frame. */
    static float[] floorColour(float[][] lab, int gw, int gh) {
        Map<Integer, float[]> bins = new HashMap<>();
        int bestKey = 0;
        int bestCount = -1;
        for (int cy = (int) (gh * 0.4); cy < (int) (gh * 0.9); cy++) {
            for (int cx = (int) (gw * 0.1); cx < (int) (gw * 0.9); cx++) {
                float[] c = lab[cy * gw + cx];
                int key = ((int) Math.floor(c[0] / 12) * 64 + (int) Math.floor(c[1] / 8) + 32) * 64 + (int) Math.floor(c[2] / 8) + 32;
                float[] sum = bins.computeIfAbsent(key, k -> new float[4]);
                sum[0] += c[0];
                sum[1] += c[1];
                sum[2] += c[2];
                sum[3]++;
                if (sum[3] > bestCount || sum[3] == bestCount && key < bestKey) {
                    bestCount = (int) sum[3];
                    bestKey = key;
                }
            }
        }
        float[] s = bins.get(bestKey);
        return new float[] {s[0] / s[3], s[1] / s[3], s[2] / s[3]};
    }

    static double distance(float[] a, float[] b) {
        double dl = (a[0] - b[0]) / 2;
        double da = a[1] - b[1];
        double db = a[2] - b[2];
        return Math.sqrt(dl * dl + da * da + db * db);
    }

    private static boolean[] dilate(boolean[] m, int gw, int gh, int r) {
        return morph(m, gw, gh, r, true);
    }

    private static boolean[] erode(boolean[] m, int gw, int gh, int r) {
        return morph(m, gw, gh, r, false);
    }

    /**
     * Square structuring element of radius r, as a row pass then a column pass; outside the frame
     * counts as floor for erosion, so the floor's edge at the frame's edge is kept.
     */
    private static boolean[] morph(boolean[] m, int gw, int gh, int r, boolean dilate) {
        boolean[] rows = new boolean[m.length];
        for (int y = 0; y < gh; y++) {
            for (int x = 0; x < gw; x++) {
                boolean v = !dilate;
                for (int dx = -r; dx <= r && v != dilate; dx++) {
                    int nx = x + dx;
                    v = nx < 0 || nx >= gw ? v : m[y * gw + nx] == dilate ? dilate : v;
                }
                rows[y * gw + x] = v;
            }
        }
        boolean[] out = new boolean[m.length];
        for (int y = 0; y < gh; y++) {
            for (int x = 0; x < gw; x++) {
                boolean v = !dilate;
                for (int dy = -r; dy <= r && v != dilate; dy++) {
                    int ny = y + dy;
                    v = ny < 0 || ny >= gh ? v : rows[ny * gw + x] == dilate ? dilate : v;
                }
                out[y * gw + x] = v;
            }
        }
        return out;
    }

    /** The cells of the largest 4-connected region (first found wins ties). */
    private static int[] largestRegion(boolean[] mask, int gw, int gh) {
        boolean[] seen = new boolean[mask.length];
        int[] queue = new int[mask.length];
        int[] best = new int[0];
        for (int start = 0; start < mask.length; start++) {
            if (!mask[start] || seen[start]) {
                continue;
            }
            int head = 0;
            int tail = 0;
            queue[tail++] = start;
            seen[start] = true;
            while (head < tail) {
                int c = queue[head++];
                int x = c % gw;
                int y = c / gw;
                int[] around = {x > 0 ? c - 1 : -1, x < gw - 1 ? c + 1 : -1, y > 0 ? c - gw : -1, y < gh - 1 ? c + gw : -1};
                for (int n : around) {
                    if (n >= 0 && mask[n] && !seen[n]) {
                        seen[n] = true;
                        queue[tail++] = n;
                    }
                }
            }
            if (tail > best.length) {
                best = java.util.Arrays.copyOf(queue, tail);
            }
        }
        return best;
    }

    /** Convex hull (Andrew's monotone chain) of the region's cell corners, in frame pixels, clockwise on screen. */
    static double[] hull(int[] region, int gw, int step) {
        // per row only the outermost cells can be on the hull
        Map<Integer, int[]> rows = new java.util.TreeMap<>();
        for (int c : region) {
            int x = c % gw;
            int y = c / gw;
            int[] span = rows.computeIfAbsent(y, k -> new int[] {x, x});
            span[0] = Math.min(span[0], x);
            span[1] = Math.max(span[1], x);
        }
        List<long[]> points = new ArrayList<>();
        for (Map.Entry<Integer, int[]> e : rows.entrySet()) {
            int y = e.getKey();
            points.add(new long[] {(long) e.getValue()[0] * step, (long) y * step});
            points.add(new long[] {(long) e.getValue()[0] * step, (long) (y + 1) * step});
            points.add(new long[] {(long) (e.getValue()[1] + 1) * step, (long) y * step});
            points.add(new long[] {(long) (e.getValue()[1] + 1) * step, (long) (y + 1) * step});
        }
        points.sort((a, b) -> a[0] != b[0] ? Long.compare(a[0], b[0]) : Long.compare(a[1], b[1]));
        List<long[]> h = new ArrayList<>();
        for (int pass = 0; pass < 2; pass++) {
            int base = h.size();
            for (int i = 0; i < points.size(); i++) {
                long[] p = points.get(pass == 0 ? i : points.size() - 1 - i);
                while (h.size() >= base + 2 && cross(h.get(h.size() - 2), h.get(h.size() - 1), p) <= 0) {
                    h.remove(h.size() - 1);
                }
                h.add(p);
            }
            h.remove(h.size() - 1);
        }
        double[] out = new double[h.size() * 2];
        for (int i = 0; i < h.size(); i++) {
            out[2 * i] = h.get(i)[0];
            out[2 * i + 1] = h.get(i)[1];
        }
        return out;
    }

    private static long cross(long[] o, long[] a, long[] b) {
        return (a[0] - o[0]) * (b[1] - o[1]) - (a[1] - o[1]) * (b[0] - o[0]);
    }
}
