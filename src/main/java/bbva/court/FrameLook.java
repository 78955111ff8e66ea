package bbva.court;

import bbva.video.VideoFrame;
import java.util.Base64;

/**
 * What a frame looks like, in a few bytes, to tell a hard cut from a camera that moves: a colour
 * histogram (4 levels per channel, which a pan hardly changes) and a 8x6 thumbnail of its lightness
 * (which a cut to another camera changes everywhere). Two consecutive analyzed frames are a cut
 * when their colours differ a lot, or differ somewhat while the picture changed everywhere.
 */
public record FrameLook(byte[] histogram, byte[] thumbnail) {
    static final int BINS = 64;
    static final int TW = 8;
    static final int TH = 6;
    /** Colour similarity (Bhattacharyya coefficient) below which two frames are always a cut. */
    static final double CUT_SIMILARITY = 0.75;
    /** Below this similarity, a cut when the thumbnails differ by more than {@link #CUT_CHANGE} on average. */
    static final double CHANGED_SIMILARITY = 0.93;
    static final double CUT_CHANGE = 30;

    public static FrameLook of(VideoFrame frame) {
        int[] counts = new int[BINS];
        long[] light = new long[TW * TH];
        int[] cells = new int[TW * TH];
        byte[] bgr = frame.bgr();
        int step = Math.max(1, Math.min(frame.width(), frame.height()) / 120);
        int n = 0;
        for (int y = 0; y < frame.height(); y += step) {
            for (int x = 0; x < frame.width(); x += step) {
                int p = (y * frame.width() + x) * 3;
                int b = bgr[p] & 0xff;
                int g = bgr[p + 1] & 0xff;
                int r = bgr[p + 2] & 0xff;
                counts[(r >> 6) * 16 + (g >> 6) * 4 + (b >> 6)]++;
                int cell = (y * TH / frame.height()) * TW + x * TW / frame.width();
                light[cell] += (299 * r + 587 * g + 114 * b) / 1000;
                cells[cell]++;
                n++;
            }
        }
        byte[] histogram = new byte[BINS];
        for (int k = 0; k < BINS; k++) {
            histogram[k] = (byte) Math.round(255.0 * counts[k] / n);
        }
        byte[] thumbnail = new byte[TW * TH];
        for (int k = 0; k < thumbnail.length; k++) {
            thumbnail[k] = (byte) (cells[k] == 0 ? 0 : light[k] / cells[k]);
        }
        return new FrameLook(histogram, thumbnail);
    }

    public double similarity(FrameLook o) {
        double sum = 0;
        for (int k = 0; k < BINS; k++) {
            sum += Math.sqrt((histogram[k] & 0xff) * (o.histogram[k] & 0xff));
        }
        return Math.min(1, sum / 255.0);
    }

    /** Mean absolute difference of the thumbnails, 0-255. */
    public double change(FrameLook o) {
        double sum = 0;
        for (int k = 0; k < thumbnail.length; k++) {
            sum += Math.abs((thumbnail[k] & 0xff) - (o.thumbnail[k] & 0xff));
        }
        return sum / thumbnail.length;
    }

    /** Whether the picture cut to another shot between {@code before} and this frame. */
    public boolean cutFrom(FrameLook before) {
        double s = similarity(before);
        return s < CUT_SIMILARITY || s < CHANGED_SIMILARITY && change(before) > CUT_CHANGE;
    }

    public String encode() {
        byte[] all = new byte[BINS + thumbnail.length];
        System.arraycopy(histogram, 0, all, 0, BINS);
        System.arraycopy(thumbnail, 0, all, BINS, thumbnail.length);
        return Base64.getEncoder().encodeToString(all);
    }

    public static FrameLook decode(String text) {
        byte[] all = Base64.getDecoder().decode(text);
        byte[] h = new byte[BINS];
        byte[] t = new byte[all.length - BINS];
        System.arraycopy(all, 0, h, 0, BINS);
        System.arraycopy(all, BINS, t, 0, t.length);
        return new FrameLook(h, t);
    }
}
