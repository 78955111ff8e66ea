package bbva.ocr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import bbva.detect.Detection;
import bbva.video.VideoFrame;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class JerseyCropsTest {
    static List<JerseyView> asIs(Detection... boxes) {
        return Arrays.stream(boxes).map(d -> new JerseyView(d, JerseyView.Look.AS_IS)).toList();
    }

    /** A 200x400 frame whose pixel bytes encode their x and y coordinates, so a crop's origin can be read back. */
    private static VideoFrame frame() {
        byte[] bgr = new byte[200 * 400 * 3];
        for (int y = 0; y < 400; y++) {
            for (int x = 0; x < 200; x++) {
                bgr[(y * 200 + x) * 3] = (byte) x;
                bgr[(y * 200 + x) * 3 + 1] = (byte) y;
            }
        }
        return new VideoFrame(3, 200, 400, bgr);
    }

    @Test
    void numberBoxesArePairedToTheirPersonByOverlapOfTheSmallerBox() {
        Detection left = Detection.of(2, "player", 0.9f, 10, 10, 60, 90);
        Detection right = Detection.of(2, "player", 0.8f, 100, 10, 150, 90);
        Detection numberOfRight = Detection.of(1, "number", 0.7f, 115, 30, 135, 50);     // inside right
        Detection straddling = Detection.of(1, "number", 0.9f, 55, 30, 75, 50);          // 25% inside left
        List<JerseyCrops.Crop> crops = JerseyCrops.forFrame(frame(), asIs(left, right, numberOfRight, straddling));
        assertEquals(2, crops.size());
        assertSame(left, crops.get(0).person());
        // left has no number box of its own (the straddling one overlaps it by 25%); 80 of 400 px tall: its chest band
        VideoFrame chest = crops.get(0).image();
        assertEquals(Math.round(10 + 0.2f * 50), chest.bgr()[0] & 0xff, "chest starts 20% in");
        assertEquals(Math.round(10 + 0.2f * 80), chest.bgr()[1] & 0xff, "and 20% down");
        assertEquals(30, chest.width());
        assertEquals(18, chest.height());
        // right reads its number box, padded by 15%
        VideoFrame number = crops.get(1).image();
        assertEquals(112, number.bgr()[0] & 0xff);
        assertEquals(27, number.bgr()[1] & 0xff);
        assertEquals(26, number.width());
        assertEquals(26, number.height());
    }

    @Test
    void overlapIsMeasuredOverTheSmallerBox() {
        Detection big = Detection.of(1, "person", 1, 0, 0, 100, 100);
        Detection small = Detection.of(1, "number", 1, 90, 0, 110, 10);
        assertEquals(0.5, JerseyCrops.overSmaller(small, big), 1e-9);
        assertEquals(0.0, JerseyCrops.overSmaller(small, Detection.of(1, "person", 1, 120, 0, 130, 10)), 1e-9);
    }

    @Test
    void aTallPersonIsReadOnTheWholeTorso() {
        Detection tall = Detection.of(1, "person", 0.9f, 10, 0, 60, 125);
        VideoFrame big = new VideoFrame(0, 200, 130, new byte[200 * 130 * 3]);
        VideoFrame torso = JerseyCrops.forFrame(big, asIs(tall)).get(0).image();
        assertEquals(35, torso.width(), "the middle 70%");
        assertEquals(44, torso.height(), "20-55% of the height");
        assertEquals(List.of(), JerseyCrops.forFrame(big, asIs(tall.offCourt(true))), "people off the court are not read");
    }

    @Test
    void theBandDependsOnThePersonsShareOfTheFrameNotOnPixels() {
        Detection player = Detection.of(1, "person", 0.9f, 10, 100, 50, 210);   // 110 px tall
        assertEquals(24, cropHeight(480, player), "a quarter of 480 is 120: the chest band, 20-42 %");
        assertEquals(39, cropHeight(400, player), "over a quarter of 400: the torso band, 20-55 %");
        Detection at1080 = Detection.of(1, "person", 0.9f, 10, 100, 100, 350);  // 250 px tall
        assertEquals(55, cropHeight(1080, at1080), "a broadcast player at 1080p is read on the chest as at 480p");
    }

    private static int cropHeight(int frameHeight, Detection person) {
        VideoFrame frame = new VideoFrame(0, 120, frameHeight, new byte[120 * frameHeight * 3]);
        return JerseyCrops.forFrame(frame, asIs(person)).get(0).image().height();
    }

    /** A navy shirt with a white "1" on it, 40x100 px in a 480-px frame: a broadcast player. */
    @Test
    void aCloserLookShowsTheNarrowChestBandAsDarkPrintOnALightShirt() {
        byte[] bgr = new byte[200 * 480 * 3];
        for (int y = 100; y < 200; y++) {
            for (int x = 50; x < 90; x++) {
                boolean digit = x >= 68 && x < 72 && y >= 124 && y < 138;
                int[] colour = digit ? new int[] {235, 235, 235} : new int[] {90, 40, 30};   // BGR: navy, white
                for (int c = 0; c < 3; c++) {
                    bgr[(y * 200 + x) * 3 + c] = (byte) colour[c];
                }
            }
        }
        Detection player = Detection.of(1, "person", 0.9f, 50, 100, 90, 200);
        JerseyCrops.Crop crop = JerseyCrops.forFrame(new VideoFrame(0, 200, 480, bgr),
                List.of(new JerseyView(player, JerseyView.Look.PRINT))).get(0);
        VideoFrame print = crop.image();
        assertEquals(JerseyView.Look.PRINT, crop.look());
        assertEquals(20, print.width(), "the middle half across");
        assertEquals(18, print.height(), "22-40% down");
        int shirt = print.bgr()[0] & 0xff;
        int digit = print.bgr()[((131 - 122) * 20 + (70 - 60)) * 3] & 0xff;
        assertEquals(255, shirt, "the navy shirt turned white");
        assertEquals(0, digit, "the white number turned black");
        assertEquals(print.bgr()[0], print.bgr()[1], "grey");
    }
}
