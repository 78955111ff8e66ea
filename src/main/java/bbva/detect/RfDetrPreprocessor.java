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

    private final int resolution;

    public RfDetrPreprocessor(int resolution) {
        this.resolution = resolution;
    }

    public float[] toTensor(VideoFrame frame) {
        int r = resolution;
        byte[] resized = AntialiasedResize.resize(frame.bgr(), frame.width(), frame.height(), r, r);
        float[] chw = new float[3 * r * r];
        int plane = r * r;
        for (int p = 0; p < plane; p++) {
            int b = resized[p * 3] & 0xff;
            int g = resized[p * 3 + 1] & 0xff;
            int rd = resized[p * 3 + 2] & 0xff;
            chw[p] = (rd / 255f - MEAN[0]) / STD[0];
            chw[plane + p] = (g / 255f - MEAN[1]) / STD[1];
            chw[2 * plane + p] = (b / 255f - MEAN[2]) / STD[2];
        }
        return chw;
    }
}
