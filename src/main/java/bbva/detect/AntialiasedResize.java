package bbva.detect;

import java.util.Arrays;

/**
 * Pillow's {@code Image.resize(size, BILINEAR)}, bit for bit: a triangle filter widened by the scale
 * factor when shrinking (antialiasing), applied horizontally then vertically with Pillow's 22-bit
 * fixed-point weights and rounding to 8 bits between the passes. rfdetr trains and exports with this
 * resize; OpenCV has no equivalent (INTER_AREA differs by up to 60 grey levels at edges).
 */
public final class AntialiasedResize {
    private static final int PRECISION_BITS = 32 - 8 - 2;
    private static final int CHANNELS = 3;

    /** Per output pixel: the first input pixel, how many follow, and their fixed-point weights. */
    private record Coefficients(int[] first, int[] count, int[][] weights) {
    }

    private AntialiasedResize() {
    }

    /** Resizes interleaved 3-channel 8-bit pixels (any channel order) from w x h to outW x outH. */
    public static byte[] resize(byte[] pixels, int w, int h, int outW, int outH) {
        if (pixels.length != w * h * CHANNELS || outW <= 0 || outH <= 0) {
            throw new IllegalArgumentException("expected " + w + "x" + h + "x3 pixels and a positive output size");
        }
        Coefficients vertical = coefficients(h, outH);
        // Pillow resamples only the rows the vertical pass will read, then shifts its bounds by the first.
        int firstRow = vertical.first()[0];
        int lastRow = vertical.first()[outH - 1] + vertical.count()[outH - 1];
        byte[] rows;
        if (outW != w) {
            rows = horizontal(pixels, w, firstRow, lastRow, coefficients(w, outW));
        } else {
            rows = new byte[(lastRow - firstRow) * outW * CHANNELS];
            System.arraycopy(pixels, firstRow * w * CHANNELS, rows, 0, rows.length);
        }
        return outH == h ? rows : vertical(rows, outW, firstRow, vertical);
    }

    /** Rows [firstRow, lastRow) resampled to the output width; the three channels of a pixel at once. */
    private static byte[] horizontal(byte[] in, int w, int firstRow, int lastRow, Coefficients c) {
        int outW = c.first().length;
        byte[] out = new byte[(lastRow - firstRow) * outW * CHANNELS];
        int half = 1 << (PRECISION_BITS - 1);
        for (int y = firstRow, at = 0; y < lastRow; y++) {
            int row = y * w * CHANNELS;
            for (int x = 0; x < outW; x++, at += CHANNELS) {
                int[] k = c.weights()[x];
                int p = row + c.first()[x] * CHANNELS;
                int s0 = half;
                int s1 = half;
                int s2 = half;
                for (int j = 0; j < k.length; j++, p += CHANNELS) {
                    s0 += (in[p] & 0xff) * k[j];
                    s1 += (in[p + 1] & 0xff) * k[j];
                    s2 += (in[p + 2] & 0xff) * k[j];
                }
                out[at] = clip8(s0);
                out[at + 1] = clip8(s1);
                out[at + 2] = clip8(s2);
            }
        }
        return out;
    }

    /** Output rows as weighted sums of whole input rows, accumulated row by row (vectorizable). */
    private static byte[] vertical(byte[] rows, int outW, int firstRow, Coefficients c) {
        int stride = outW * CHANNELS;
        int outH = c.first().length;
        byte[] out = new byte[stride * outH];
        int[] sum = new int[stride];
        for (int y = 0; y < outH; y++) {
            Arrays.fill(sum, 1 << (PRECISION_BITS - 1));
            int[] k = c.weights()[y];
            for (int j = 0; j < k.length; j++) {
                int from = (c.first()[y] - firstRow + j) * stride;
                int weight = k[j];
                for (int i = 0; i < stride; i++) {
                    sum[i] += (rows[from + i] & 0xff) * weight;
                }
            }
            for (int i = 0, at = y * stride; i < stride; i++) {
                out[at + i] = clip8(sum[i]);
            }
        }
        return out;
    }

    private static byte clip8(int sum) {
        if (sum <= 0) {
            return 0;
        }
        return (byte) Math.min(255, sum >> PRECISION_BITS);
    }

    /** Pillow's precompute_coeffs + normalize_coeffs_8bpc for the bilinear (triangle) filter. */
    private static Coefficients coefficients(int inSize, int outSize) {
        double scale = (double) inSize / outSize;
        double filterScale = Math.max(scale, 1.0);
        double support = filterScale;   // bilinear support 1.0, widened
        double inverse = 1.0 / filterScale;
        int[] first = new int[outSize];
        int[] count = new int[outSize];
        int[][] weights = new int[outSize][];
        for (int o = 0; o < outSize; o++) {
            double center = (o + 0.5) * scale;
            int min = Math.max(0, (int) (center - support + 0.5));
            int max = Math.min(inSize, (int) (center + support + 0.5)) - min;
            double[] k = new double[max];
            double total = 0;
            for (int j = 0; j < max; j++) {
                k[j] = Math.max(0, 1.0 - Math.abs((j + min - center + 0.5) * inverse));
                total += k[j];
            }
            weights[o] = new int[max];
            for (int j = 0; j < max; j++) {
                double normalized = total == 0 ? k[j] : k[j] / total;
                weights[o][j] = (int) (0.5 + normalized * (1 << PRECISION_BITS));
            }
            first[o] = min;
            count[o] = max;
        }
        return new Coefficients(first, count, weights);
    }
}
