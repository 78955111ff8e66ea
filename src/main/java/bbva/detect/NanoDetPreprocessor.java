package bbva.detect;

import bbva.video.VideoFrame;
import org.bytedeco.opencv.global.opencv_core;
import org.bytedeco.opencv.global.opencv_imgproc;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Size;

/**
 * NanoDet's input transform: the frame stretched bilinearly to S x S (as @vladmandic/human feeds
 * it), kept in BGR, (pixel - mean) / std per channel, laid out as CHW float.
 */
public final class NanoDetPreprocessor {
    static final float[] MEAN_BGR = {103.53f, 116.28f, 123.675f};
    static final float[] STD_BGR = {57.375f, 57.12f, 58.395f};

    private final int size;

    public NanoDetPreprocessor(int size) {
        this.size = size;
    }

    public float[] toTensor(VideoFrame frame) {
        int plane = size * size;
        byte[] resized = new byte[plane * 3];
        try (Mat in = new Mat(frame.height(), frame.width(), opencv_core.CV_8UC3);
             Mat out = new Mat()) {
            in.data().put(frame.bgr());
            opencv_imgproc.resize(in, out, new Size(size, size), 0, 0, opencv_imgproc.INTER_LINEAR);
            out.data().get(resized);
        }
        float[] chw = new float[3 * plane];
        for (int p = 0; p < plane; p++) {
            for (int c = 0; c < 3; c++) {
                chw[c * plane + p] = ((resized[p * 3 + c] & 0xff) - MEAN_BGR[c]) / STD_BGR[c];
            }
        }
        return chw;
    }
}
