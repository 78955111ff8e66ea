package bbva.detect;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import bbva.video.VideoFrame;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Against Pillow's own output (src/test/resources/bbva/detect/resize/make_fixtures.py). */
class AntialiasedResizeTest {

    @ParameterizedTest(name = "{0} to {1}x{2}")
    @CsvSource({
        "vtest-crop, 56, 56",     // shrink 2.9 x 2.1: widened kernels
        "vtest-crop, 37, 91",     // shrink 4.3 x 1.3
        "vtest-crop, 200, 200",   // enlarge: plain bilinear
        "vtest-crop, 160, 45",    // vertical pass only
        "noise, 29, 29",
        "noise, 100, 30",
    })
    void matchesPillowBitForBit(String input, int w, int h) throws IOException {
        BufferedImage in = read(input + ".png");
        BufferedImage expected = read(input + "-" + w + "x" + h + ".png");

        byte[] out = AntialiasedResize.resize(bgr(in), in.getWidth(), in.getHeight(), w, h);

        assertEquals(w * h * 3, out.length);
        assertArrayEquals(bgr(expected), out);
    }

    @Test
    void rfDetrInputIsPillowsResizeInRgbNormalized() throws IOException {
        BufferedImage in = read("vtest-crop.png");
        BufferedImage expected = read("vtest-crop-56x56.png");

        float[] chw = new RfDetrPreprocessor(56).toTensor(new VideoFrame(0, in.getWidth(), in.getHeight(), bgr(in)));

        int plane = 56 * 56;
        for (int p = 0; p < plane; p++) {
            int rgb = expected.getRGB(p % 56, p / 56);
            for (int c = 0; c < 3; c++) {
                int value = (rgb >> (16 - 8 * c)) & 0xff;
                float normalized = (value / 255f - RfDetrPreprocessor.MEAN[c]) / RfDetrPreprocessor.STD[c];
                assertEquals(normalized, chw[c * plane + p], 1e-6f, "channel " + c + " pixel " + p);
            }
        }
    }

    private static BufferedImage read(String name) throws IOException {
        try (InputStream s = AntialiasedResizeTest.class.getResourceAsStream("/bbva/detect/resize/" + name)) {
            return ImageIO.read(s);
        }
    }

    private static byte[] bgr(BufferedImage image) {
        byte[] out = new byte[image.getWidth() * image.getHeight() * 3];
        for (int y = 0, p = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++, p += 3) {
                int rgb = image.getRGB(x, y);
                out[p] = (byte) rgb;
                out[p + 1] = (byte) (rgb >> 8);
                out[p + 2] = (byte) (rgb >> 16);
            }
        }
        return out;
    }
}
