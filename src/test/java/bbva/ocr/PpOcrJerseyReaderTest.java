package bbva.ocr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bbva.bench.JerseyImages;
import bbva.video.VideoFrame;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
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
    void readsAtLeast95PercentOfVariedCrops() {
        Random rnd = new Random(2026);
        List<String> truth = new ArrayList<>();
        List<VideoFrame> crops = new ArrayList<>();
        List<String> describe = new ArrayList<>();
        for (int i = 0; i < 140; i++) {
            int n = rnd.nextInt(101);
            String number = n == 100 ? "00" : Integer.toString(n);
            int kit = i % JerseyImages.KITS.length;
            String font = JerseyImages.FONTS[(i / 7) % JerseyImages.FONTS.length];
            int height = new int[] {28, 36, 48, 64, 96}[i % 5];
            boolean blur = i % 3 == 0;
            double noise = new double[] {0, 6, 14}[i % 3];
            truth.add(number);
            crops.add(JerseyImages.toFrame(JerseyImages.render(number, kit, font, height, blur, noise, i)));
            describe.add(number + " kit" + kit + " " + font + " h" + height + (blur ? " blur" : "") + " noise" + noise);
        }
        List<JerseyReading> readings = new ArrayList<>();
        for (int i = 0; i < crops.size(); i += 10) {
            readings.addAll(reader.read(crops.subList(i, Math.min(i + 10, crops.size()))));
        }
        int correct = 0;
        List<String> wrong = new ArrayList<>();
        for (int i = 0; i < truth.size(); i++) {
            if (truth.get(i).equals(readings.get(i).number())) {
                correct++;
            } else {
                wrong.add(describe.get(i) + " -> " + readings.get(i).number());
            }
        }
        double accuracy = correct / (double) truth.size();
        System.out.printf("OCR accuracy %d/%d = %.3f; misread: %s%n", correct, truth.size(), accuracy, wrong);
        assertTrue(accuracy >= 0.95, "accuracy " + accuracy + ", misread: " + wrong);
    }

    @Test
    void blankShirtsGetLowerConfidence() {
        List<VideoFrame> numbered = new ArrayList<>();
        List<VideoFrame> blank = new ArrayList<>();
        for (int kit = 0; kit < JerseyImages.KITS.length; kit++) {
            numbered.add(JerseyImages.toFrame(JerseyImages.render(Integer.toString(10 + kit * 11), kit, "SansSerif", 64, false, 6, kit)));
            blank.add(JerseyImages.toFrame(JerseyImages.render(null, kit, "SansSerif", 64, false, 6, kit)));
        }
        double withNumber = reader.read(numbered).stream().mapToDouble(JerseyReading::confidence).average().orElseThrow();
        double withoutNumber = reader.read(blank).stream().mapToDouble(JerseyReading::confidence).average().orElseThrow();
        assertTrue(withoutNumber < withNumber - 0.5, "blank " + withoutNumber + " vs numbered " + withNumber);
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
