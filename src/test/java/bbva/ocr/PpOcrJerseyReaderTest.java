package bbva.ocr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bbva.bench.JerseyImages;
import bbva.video.VideoFrame;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The real PP-OCRv4 model on rendered jersey crops. */
class PpOcrJerseyReaderTest {
    static PpOcrJerseyReader reader;

    @BeforeAll
    static void load() {
        reader = new PpOcrJerseyReader(2);
    }

    @AfterAll
    static void close() {
        reader.close();
    }

    @Test
    void readsAtLeast98PercentOfVariedCropsAndSaysNoNumberOnBlankShirts() {
        assertAccuracy(JerseySet.uniform(2026, 300, 0.1), 0.98);
    }

    @Test
    void readsAtLeast98PercentOfZerosAndTwoDigitNumbers() {
        assertAccuracy(JerseySet.zerosAndTwoDigits(2027, 300), 0.98);
    }

    private static void assertAccuracy(JerseySet set, double goal) {
        List<JerseyReading> readings = new ArrayList<>();
        for (int i = 0; i < set.crops().size(); i += 10) {
            readings.addAll(reader.read(set.crops().subList(i, Math.min(i + 10, set.crops().size()))));
        }
        int correct = 0;
        List<String> wrong = new ArrayList<>();
        for (int i = 0; i < set.truth().size(); i++) {
            JerseyReading r = readings.get(i);
            if (Objects.equals(set.truth().get(i), r.number())) {
                correct++;
            } else {
                wrong.add(set.descriptions().get(i) + " -> " + r.number() + String.format(" %.2f", r.confidence()));
            }
        }
        double accuracy = correct / (double) set.truth().size();
        System.out.printf("NUMBER OCR accuracy %d/%d = %.3f; misread: %s%n", correct, set.truth().size(), accuracy, wrong);
        assertTrue(accuracy >= goal, "accuracy " + accuracy + ", misread: " + wrong);
    }

    /** No crop is padded for another: what shares a frame, a batch or a call cannot change its reading. */
    @Test
    void aCropReadsTheSameWithOthersAsAlone() {
        JerseySet set = JerseySet.uniform(2028, 60, 0.1);
        List<VideoFrame> crops = new ArrayList<>();
        for (int i = 0; i < set.crops().size(); i++) {
            crops.add(widened(set.crops().get(i), i % 4));
        }
        List<List<Integer>> calls = PpOcrPreprocessor.calls(crops, 32);
        assertTrue(calls.size() > 3 && calls.size() < crops.size(), "the crops' widths vary, and some share one: " + calls);
        List<JerseyReading> together = reader.read(crops);
        for (int i = 0; i < crops.size(); i++) {
            JerseyReading alone = reader.read(List.of(crops.get(i))).get(0);
            assertEquals(alone.number(), together.get(i).number(), set.descriptions().get(i));
            assertEquals(alone.confidence(), together.get(i).confidence(), set.descriptions().get(i));
        }
    }

    /** The crop with {@code quarters} quarters of its width more shirt each side (its edge columns repeated). */
    private static VideoFrame widened(VideoFrame crop, int quarters) {
        int extra = quarters * crop.width() / 4;
        int w = crop.width() + 2 * extra;
        byte[] out = new byte[w * crop.height() * 3];
        for (int y = 0; y < crop.height(); y++) {
            for (int x = 0; x < w; x++) {
                int from = Math.min(crop.width() - 1, Math.max(0, x - extra));
                System.arraycopy(crop.bgr(), (y * crop.width() + from) * 3, out, (y * w + x) * 3, 3);
            }
        }
        return new VideoFrame(crop.index(), w, crop.height(), out);
    }

    @Test
    void blankShirtsAreNoNumberWhereNumberedOnesAreRead() {
        List<VideoFrame> numbered = new ArrayList<>();
        List<VideoFrame> blank = new ArrayList<>();
        for (int kit = 0; kit < JerseyImages.KITS.length; kit++) {
            numbered.add(JerseyImages.toFrame(JerseyImages.render(Integer.toString(10 + kit * 11), kit, "SansSerif", 64, false, 6, kit)));
            blank.add(JerseyImages.toFrame(JerseyImages.render(null, kit, "SansSerif", 64, false, 6, kit)));
        }
        List<JerseyReading> withNumber = reader.read(numbered);
        List<JerseyReading> withoutNumber = reader.read(blank);
        for (int kit = 0; kit < JerseyImages.KITS.length; kit++) {
            assertEquals(Integer.toString(10 + kit * 11), withNumber.get(kit).number(), "kit " + kit);
            assertTrue(withNumber.get(kit).confidence() >= CtcDigitDecoder.MIN_CONFIDENCE, "kit " + kit);
            assertEquals(JerseyReading.NONE, withoutNumber.get(kit), "blank kit " + kit);
        }
    }

    @Test
    void batchedAndSingleReadsAgree() {
        List<VideoFrame> crops = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            crops.add(JerseyImages.toFrame(JerseyImages.render(Integer.toString(7 + i * 13), i, "Dialog", 48 + i * 8, false, 0, i)));
        }
        List<JerseyReading> batched = reader.read(crops);
        for (int i = 0; i < crops.size(); i++) {
            JerseyReading single = reader.read(List.of(crops.get(i))).get(0);
            assertEquals(single.number(), batched.get(i).number());
            assertEquals(single.confidence(), batched.get(i).confidence(), 1e-3);
        }
    }
}
