package bbva.ocr;

import bbva.video.VideoFrame;

/**
 * A region of a shirt made to look like print, as the text model was trained on: grey, its darkest
 * pixel black and its lightest white, and the shirt (the median) on the light side, so that a white
 * number on a navy shirt becomes dark on light. On the shared NBA clip, reading each of blue #11's
 * boxes this way (on {@link JerseyCrops#printBand}) gave "11" 10 times against once as it is.
 */
final class PrintLook {
    private PrintLook() {
    }

    static VideoFrame of(VideoFrame region) {
        int n = region.width() * region.height();
        int[] grey = new int[n];
        int[] histogram = new int[256];
        byte[] bgr = region.bgr();
        for (int i = 0; i < n; i++) {
            grey[i] = (114 * (bgr[3 * i] & 0xff) + 587 * (bgr[3 * i + 1] & 0xff) + 299 * (bgr[3 * i + 2] & 0xff)) / 1000;
            histogram[grey[i]]++;
        }
        int darkest = 0;
        while (histogram[darkest] == 0) {
            darkest++;
        }
        int lightest = 255;
        while (histogram[lightest] == 0) {
            lightest--;
        }
        int median = 0;
        int seen = histogram[0];
        while (seen <= n / 2) {
            seen += histogram[++median];
        }
        boolean darkShirt = median < (darkest + lightest) / 2;
        byte[] out = new byte[n * 3];
        for (int i = 0; i < n; i++) {
            int v = lightest == darkest ? 128 : (grey[i] - darkest) * 255 / (lightest - darkest);
            out[3 * i] = out[3 * i + 1] = out[3 * i + 2] = (byte) (darkShirt ? 255 - v : v);
        }
        return new VideoFrame(region.index(), region.width(), region.height(), out);
    }
}
