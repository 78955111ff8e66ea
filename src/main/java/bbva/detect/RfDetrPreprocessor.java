package bbva.detect;

import bbva.video.VideoFrame;

/**
 * RF-DETR's input transform as rfdetr trains and exports it: square resize (no letterbox) to R x R
 * with Pillow's antialiased bilinear, BGR -> RGB, /255, then ImageNet mean/std per channel, laid out
 * as CHW float.
 */
public final class RfDetrPreprocessor {
    static final float[] MEAN = {0.485f, 0.456f, 0.406f};
    static final float[] STD = {0.229f, 0.224f, 0.225f};

    /** Per channel (R, G, B), the normalized value of each 8-bit level: the same floats, without a division per pixel. */
    private static final float[][] LEVELS = levels();

    private final int resolution;

    public RfDetrPreprocessor(int resolution) {
        this.resolution = resolution;
    }

    public float[] toTensor(VideoFrame frame) {
        int r = resolution;
        byte[] resized = AntialiasedResize.resize(frame.bgr(), frame.width(), frame.height(), r, r);
        float[] chw = new float[3 * r * r];
        int plane = r * r;
        float[] red = LEVELS[0];
        float[] green = LEVELS[1];
        float[] blue = LEVELS[2];
        for (int p = 0; p < plane; p++) {
            chw[p] = red[resized[p * 3 + 2] & 0xff];
            chw[plane + p] = green[resized[p * 3 + 1] & 0xff];
            chw[2 * plane + p] = blue[resized[p * 3] & 0xff];
        }
        return chw;
    }

    private static float[][] levels() {
        float[][] levels = new float[3][256];
        for (int c = 0; c < 3; c++) {
            for (int v = 0; v < 256; v++) {
                levels[c][v] = (v / 255f - MEAN[c]) / STD[c];
            }
        }
        return levels;
    }
}
