package bbva.colour;

import bbva.detect.Detection;
import bbva.video.VideoFrame;
import java.util.Arrays;
import java.util.Base64;
import java.util.Locale;

/**
 * What a person's torso looks like, taken from the frame at detection time so that later steps need
 * no pixels: the median colour in CIE Lab (the kit colour, for teams) and a coarse RGB histogram (4
 * levels per channel, for telling one person from another after an occlusion). The torso is the band
 * {@link #TOP}..{@link #BOTTOM} of the box height and the middle half of its width, which keeps the
 * floor, the head and most of the arms out.
 */
public record Appearance(float l, float a, float b, byte[] histogram) implements java.io.Serializable {
    static final double TOP = 0.2;
    static final double BOTTOM = 0.5;
    public static final int BINS = 64;

    public Appearance {
        if (histogram.length != BINS) {
            throw new IllegalArgumentException("an appearance histogram has " + BINS + " bins");
        }
    }

    /** The torso of the box in the frame, or null when the box holds no pixel of it. */
    public static Appearance of(VideoFrame frame, Detection d) {
        int x0 = clamp(d.x1() + d.width() * 0.25, frame.width());
        int x1 = clamp(d.x1() + d.width() * 0.75, frame.width());
        int y0 = clamp(d.y1() + d.height() * TOP, frame.height());
        int y1 = clamp(d.y1() + d.height() * BOTTOM, frame.height());
        if (x1 <= x0 || y1 <= y0) {
            return null;
        }
        // at most ~32 x 32 samples: a person's torso colour does not need every pixel
        int step = Math.max(1, Math.max(x1 - x0, y1 - y0) / 32);
        int n = ((x1 - x0 + step - 1) / step) * ((y1 - y0 + step - 1) / step);
        float[] ls = new float[n];
        float[] as = new float[n];
        float[] bs = new float[n];
        int[] counts = new int[BINS];
        byte[] bgr = frame.bgr();
        int i = 0;
        for (int y = y0; y < y1; y += step) {
            for (int x = x0; x < x1; x += step) {
                int p = (y * frame.width() + x) * 3;
                int blue = bgr[p] & 0xff;
                int green = bgr[p + 1] & 0xff;
                int red = bgr[p + 2] & 0xff;
                counts[(red >> 6) * 16 + (green >> 6) * 4 + (blue >> 6)]++;
                float[] lab = Lab.of(red, green, blue);
                ls[i] = lab[0];
                as[i] = lab[1];
                bs[i] = lab[2];
                i++;
            }
        }
        byte[] histogram = new byte[BINS];
        for (int k = 0; k < BINS; k++) {
            histogram[k] = (byte) Math.round(255.0 * counts[k] / n);
        }
        return new Appearance(round(median(ls)), round(median(as)), round(median(bs)), histogram);
    }

    /** Bhattacharyya coefficient of the two histograms: 1 for the same colours, 0 for none in common. */
    public double similarity(Appearance o) {
        double sum = 0;
        for (int k = 0; k < BINS; k++) {
            sum += Math.sqrt((histogram[k] & 0xff) * (o.histogram[k] & 0xff));
        }
        return Math.min(1, sum / 255.0);
    }

    /** Stored form: "L a b" and the histogram in base64, in one short column. */
    public String encode() {
        return String.format(Locale.ROOT, "%.1f %.1f %.1f %s", l, a, b, Base64.getEncoder().encodeToString(histogram));
    }

    public static Appearance decode(String text) {
        if (text == null) {
            return null;
        }
        String[] parts = text.split(" ");
        return new Appearance(Float.parseFloat(parts[0]), Float.parseFloat(parts[1]), Float.parseFloat(parts[2]),
                Base64.getDecoder().decode(parts[3]));
    }

    private static int clamp(double v, int limit) {
        return (int) Math.max(0, Math.min(limit, Math.round(v)));
    }

    private static float median(float[] v) {
        float[] s = v.clone();
        Arrays.sort(s);
        return s[s.length / 2];
    }

    /** One decimal, as stored, so that a value read back equals the value computed. */
    private static float round(float v) {
        return Math.round(v * 10) / 10f;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Appearance x && l == x.l && a == x.a && b == x.b && Arrays.equals(histogram, x.histogram);
    }

    @Override
    public int hashCode() {
        return 31 * Float.hashCode(l + 3 * a + 7 * b) + Arrays.hashCode(histogram);
    }

    @Override
    public String toString() {
        return encode();
    }
}
