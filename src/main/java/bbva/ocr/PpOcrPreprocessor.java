package bbva.ocr;

import bbva.video.VideoFrame;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.bytedeco.opencv.global.opencv_core;
import org.bytedeco.opencv.global.opencv_imgproc;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.bytedeco.opencv.opencv_core.Size;

/**
 * PP-OCR recognition input: each crop framed by {@link #MARGIN} of its size on every side (its own
 * border pixels, repeated), resized to height 48 and {@link #STRETCH} times its aspect width (at most
 * {@link #MAX_WIDTH}), BGR, (x/255 - 0.5) / 0.5, right-padded with zeros to the widest crop of the
 * batch (as PaddleOCR batches). The text model reads lines of text: a number that fills a crop
 * reads better with a margin, and two digits 2 CTC steps wide merge ("00" read as "0") unless
 * stretched. Jersey crops are narrow, so this stays far cheaper than padding every crop to 320.
 */
public final class PpOcrPreprocessor implements AutoCloseable {
    public static final int HEIGHT = 48;
    public static final int MAX_WIDTH = 320;
    static final int MIN_WIDTH = 64;
    static final double MARGIN = 0.15;
    static final double STRETCH = 2.0;
    private static final float[] NORMALIZED = new float[256];

    static {
        for (int v = 0; v < 256; v++) {
            NORMALIZED[v] = (v / 255f - 0.5f) / 0.5f;
        }
    }

    // The images a crop passes through, kept from call to call: a JavaCPP allocation costs more than a crop's resizing
    private final Mat in = new Mat();
    private final Mat framed = new Mat();
    private final Mat resized = new Mat();
    private final Scalar none = new Scalar();
    private final Size size = new Size(MIN_WIDTH, HEIGHT);

    /** The tensor's width for a batch: the widest crop, at least {@link #MIN_WIDTH}, a multiple of 8. */
    public static int batchWidth(List<VideoFrame> crops) {
        int widest = MIN_WIDTH;
        for (VideoFrame c : crops) {
            widest = Math.max(widest, scaledWidth(c));
        }
        return Math.min(MAX_WIDTH, (widest + 7) / 8 * 8);
    }

    /**
     * The crops' indexes in model calls of at most {@code max} crops of the same tensor width, in the
     * given order: no crop is padded for another, so each is read exactly as it would be alone,
     * whichever crops share its frame, its batch or its call.
     */
    public static List<List<Integer>> calls(List<VideoFrame> crops, int max) {
        Map<Integer, List<Integer>> byWidth = new TreeMap<>();
        for (int i = 0; i < crops.size(); i++) {
            byWidth.computeIfAbsent(batchWidth(List.of(crops.get(i))), w -> new ArrayList<>()).add(i);
        }
        List<List<Integer>> calls = new ArrayList<>();
        for (List<Integer> same : byWidth.values()) {
            for (int from = 0; from < same.size(); from += max) {
                calls.add(same.subList(from, Math.min(same.size(), from + max)));
            }
        }
        return calls;
    }

    private static int scaledWidth(VideoFrame crop) {
        return Math.max(1, Math.min(MAX_WIDTH, (int) Math.ceil(STRETCH * HEIGHT * framed(crop.width()) / framed(crop.height()))));
    }

    private static int margin(int side) {
        return (int) Math.round(side * MARGIN);
    }

    private static int framed(int side) {
        return side + 2 * margin(side);
    }

    /** The crops as one tensor [N, 3, 48, W]; one thread at a time. */
    public float[] toTensor(List<VideoFrame> crops) {
        int width = batchWidth(crops);
        int plane = HEIGHT * width;
        float[] out = new float[crops.size() * 3 * plane];
        for (int n = 0; n < crops.size(); n++) {
            VideoFrame crop = crops.get(n);
            int w = scaledWidth(crop);
            in.create(crop.height(), crop.width(), opencv_core.CV_8UC3);
            in.data().put(crop.bgr());
            int mx = margin(crop.width());
            int my = margin(crop.height());
            opencv_core.copyMakeBorder(in, framed, my, my, mx, mx, opencv_core.BORDER_REPLICATE, none);
            opencv_imgproc.resize(framed, resized, size.width(w), 0, 0, opencv_imgproc.INTER_LINEAR);
            byte[] px = new byte[HEIGHT * w * 3];
            resized.data().get(px);
            normalize(px, w, out, n * 3 * plane, width);
        }
        return out;
    }

    @Override
    public void close() {
        in.close();
        framed.close();
        resized.close();
        none.close();
        size.close();
    }

    /** (x/255 - 0.5) / 0.5 of a {@code w}-wide BGR crop into its planes of a {@code width}-wide tensor, from {@code base}. */
    private static void normalize(byte[] px, int w, float[] out, int base, int width) {
        for (int c = 0; c < 3; c++) {
            for (int y = 0; y < HEIGHT; y++) {
                int o = base + (c * HEIGHT + y) * width;
                for (int x = 0, p = y * w * 3 + c; x < w; x++, p += 3) {
                    out[o + x] = NORMALIZED[px[p] & 0xff];
                }
            }
        }
    }
}
