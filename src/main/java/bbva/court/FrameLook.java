package bbva.court;

import bbva.video.VideoFrame;
import java.util.Base64;

/**
 * What a frame looks like, in a few bytes, to tell a hard cut from a camera that moves: a colour
 * histogram (4 levels per channel, which a pan hardly changes) and a 16x9 thumbnail of its
 * lightness. Two consecutive analyzed frames are a cut when their colours differ a lot, or when the
 * thumbnail changed even after the best shift of up to {@link #SHIFT_X} x {@link #SHIFT_Y} cells (a
 * pan moves the picture; a cut to another camera changes it everywhere).
 */
public record FrameLook(byte[] histogram, byte[] thumbnail) {
    static final int BINS = 64;
    static final int TW = 16;
    static final int TH = 9;
    static final int SHIFT_X = 2;
    static final int SHIFT_Y = 1;
    /** Colour similarity (Bhattacharyya coefficient) below which two frames are always a cut. */
    static final double CUT_SIMILARITY = 0.75;
    /**
     * Mean lightness change of the thumbnail, after the best shift, above which frames are a cut.
     * Measured: panning broadcast frames at most 2.8 (real clip) and 3 (rendered), a cut between
     * two cameras on the same court 17 (rendered).
     */
    static final double CUT_CHANGE = 10;

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

    /** Mean absolute difference of the thumbnails (0-255) where they overlap, at the shift that makes it least. */
    public double change(FrameLook o) {
        double best = Double.MAX_VALUE;
        for (int dy = -SHIFT_Y; dy <= SHIFT_Y; dy++) {
            for (int dx = -SHIFT_X; dx <= SHIFT_X; dx++) {
                double sum = 0;
                int n = 0;
                for (int y = Math.max(0, dy); y < TH + Math.min(0, dy); y++) {
                    for (int x = Math.max(0, dx); x < TW + Math.min(0, dx); x++) {
                        sum += Math.abs((thumbnail[y * TW + x] & 0xff) - (o.thumbnail[(y - dy) * TW + x - dx] & 0xff));
                        n++;
                    }
                }
                best = Math.min(best, sum / n);
            }
        }
        return best;
    }

    /** Whether the picture cut to another shot between {@code before} and this frame. */
    public boolean cutFrom(FrameLook before) {
        return similarity(before) < CUT_SIMILARITY || change(before) > CUT_CHANGE;
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
