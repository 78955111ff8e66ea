package bbva.ocr;

import bbva.video.VideoFrame;
import java.util.List;
import org.bytedeco.opencv.global.opencv_core;
import org.bytedeco.opencv.global.opencv_imgproc;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Size;

/**
 * PP-OCR recognition input: each crop resized to height 48 keeping its aspect ratio (at most
 * {@link #WIDTH} wide), BGR, (x/255 - 0.5) / 0.5, right-padded with zeros to a common width.
 */
public final class PpOcrPreprocessor {
    public static final int HEIGHT = 48;
    public static final int WIDTH = 320;

    public float[] toTensor(List<VideoFrame> crops) {
        int plane = HEIGHT * WIDTH;
        float[] out = new float[crops.size() * 3 * plane];
        for (int n = 0; n < crops.size(); n++) {
            VideoFrame crop = crops.get(n);
            int w = Math.max(1, Math.min(WIDTH, (int) Math.ceil(HEIGHT * (double) crop.width() / crop.height())));
            byte[] px = new byte[HEIGHT * w * 3];
            try (Mat in = new Mat(crop.height(), crop.width(), opencv_core.CV_8UC3); Mat resized = new Mat()) {
                in.data().put(crop.bgr());
                opencv_imgproc.resize(in, resized, new Size(w, HEIGHT), 0, 0, opencv_imgproc.INTER_LINEAR);
                resized.data().get(px);
            }
            int base = n * 3 * plane;
            for (int y = 0; y < HEIGHT; y++) {
                for (int x = 0; x < w; x++) {
                    int p = (y * w + x) * 3;
                    for (int c = 0; c < 3; c++) {
                        out[base + c * plane + y * WIDTH + x] = ((px[p + c] & 0xff) / 255f - 0.5f) / 0.5f;
                    }
                }
            }
        }
        return out;
    }
}
