package bbva.court;

import bbva.colour.Lab;
import bbva.video.VideoFrame;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
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
        float[] lab = cells(frame, step, gw, gh);
        float[] floor = floorColour(lab, gw, gh);
        boolean[] mask = new boolean[gw * gh];
        for (int i = 0; i < mask.length; i++) {
            mask[i] = distance(lab, 3 * i, floor) <= MAX_DISTANCE;
        }
        mask = erode(dilate(mask, gw, gh, CLOSING), gw, gh, CLOSING);
        int[] region = largestRegion(mask, gw, gh);
        if (region.length < MIN_SHARE * gw * gh) {
            return Optional.empty();
        }
        return Optional.of(new Court(hull(region, gw, gh, step)));
    }

    /** The mean colour of each cell, sampled on a 2x2 pattern, in Lab: cell i at [3i, 3i + 3). */
    private static float[] cells(VideoFrame frame, int step, int gw, int gh) {
        float[] out = new float[gw * gh * 3];
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
                Lab.into(r / 4, g / 4, b / 4, out, 3 * (cy * gw + cx));
            }
        }
        return out;
    }

    /**
     * The mean of the most common coarse colour among the cells of the lower middle of the frame (ties:
     * the smaller bin key).
     */
    static float[] floorColour(float[] lab, int gw, int gh) {
        int y0 = (int) (gh * 0.4);
        int y1 = (int) (gh * 0.9);
        int x0 = (int) (gw * 0.1);
        int x1 = (int) (gw * 0.9);
        int[] keys = new int[(y1 - y0) * (x1 - x0)];
        int n = 0;
        for (int cy = y0; cy < y1; cy++) {
            for (int cx = x0; cx < x1; cx++) {
                keys[n++] = key(lab, 3 * (cy * gw + cx));
            }
        }
        int bestKey = mostCommon(keys);
        float[] sum = new float[4];
        for (int cy = y0, k = 0; cy < y1; cy++) {
            for (int cx = x0; cx < x1; cx++, k++) {
                if (keys[k] == bestKey) {
                    int at = 3 * (cy * gw + cx);
                    sum[0] += lab[at];
                    sum[1] += lab[at + 1];
                    sum[2] += lab[at + 2];
                    sum[3]++;
                }
            }
        }
        return new float[] {sum[0] / sum[3], sum[1] / sum[3], sum[2] / sum[3]};
    }

    /** The most common of these keys, the smallest of those as common. */
    private static int mostCommon(int[] keys) {
        int[] sorted = keys.clone();
        Arrays.sort(sorted);
        int best = 0;
        int bestCount = 0;
        for (int i = 0; i < sorted.length; ) {
            int j = i;
            while (j < sorted.length && sorted[j] == sorted[i]) {
                j++;
            }
            if (j - i > bestCount) {
                bestCount = j - i;
                best = sorted[i];
            }
            i = j;
        }
        return best;
    }

    private static int key(float[] lab, int at) {
        return ((int) Math.floor(lab[at] / 12) * 64 + (int) Math.floor(lab[at + 1] / 8) + 32) * 64 + (int) Math.floor(lab[at + 2] / 8) + 32;
    }

    static double distance(float[] lab, int at, float[] b) {
        double dl = (lab[at] - b[0]) / 2;
        double da = lab[at + 1] - b[1];
        double db = lab[at + 2] - b[2];
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
        int[] prefix = new int[Math.max(gw, gh) + 1];
        for (int y = 0; y < gh; y++) {
            for (int x = 0; x < gw; x++) {
                prefix[x + 1] = prefix[x] + (m[y * gw + x] ? 1 : 0);
            }
            for (int x = 0; x < gw; x++) {
                rows[y * gw + x] = window(prefix, x, r, gw, dilate);
            }
        }
        boolean[] out = new boolean[m.length];
        for (int x = 0; x < gw; x++) {
            for (int y = 0; y < gh; y++) {
                prefix[y + 1] = prefix[y] + (rows[y * gw + x] ? 1 : 0);
            }
            for (int y = 0; y < gh; y++) {
                out[y * gw + x] = window(prefix, y, r, gh, dilate);
            }
        }
        return out;
    }

    /** Dilation: any cell of the window inside the frame set; erosion: all of them. */
    private static boolean window(int[] prefix, int at, int r, int length, boolean dilate) {
        int lo = Math.max(0, at - r);
        int hi = Math.min(length - 1, at + r);
        int set = prefix[hi + 1] - prefix[lo];
        return dilate ? set > 0 : set == hi - lo + 1;
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
                tail = visit(mask, seen, queue, tail, x > 0 ? c - 1 : -1);
                tail = visit(mask, seen, queue, tail, x < gw - 1 ? c + 1 : -1);
                tail = visit(mask, seen, queue, tail, y > 0 ? c - gw : -1);
                tail = visit(mask, seen, queue, tail, y < gh - 1 ? c + gw : -1);
            }
            if (tail > best.length) {
                best = Arrays.copyOf(queue, tail);
            }
        }
        return best;
    }

    private static int visit(boolean[] mask, boolean[] seen, int[] queue, int tail, int n) {
        if (n >= 0 && mask[n] && !seen[n]) {
            seen[n] = true;
            queue[tail++] = n;
        }
        return tail;
    }

    /** Convex hull (Andrew's monotone chain) of the region's cell corners, in frame pixels, clockwise on screen. */
    static double[] hull(int[] region, int gw, int gh, int step) {
        // per row only the outermost cells can be on the hull
        int[] left = new int[gh];
        int[] right = new int[gh];
        Arrays.fill(left, Integer.MAX_VALUE);
        Arrays.fill(right, -1);
        for (int c : region) {
            int x = c % gw;
            int y = c / gw;
            left[y] = Math.min(left[y], x);
            right[y] = Math.max(right[y], x);
        }
        List<long[]> points = new ArrayList<>();
        for (int y = 0; y < gh; y++) {
            if (right[y] < 0) {
                continue;
            }
            points.add(new long[] {(long) left[y] * step, (long) y * step});
            points.add(new long[] {(long) left[y] * step, (long) (y + 1) * step});
            points.add(new long[] {(long) (right[y] + 1) * step, (long) y * step});
            points.add(new long[] {(long) (right[y] + 1) * step, (long) (y + 1) * step});
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
