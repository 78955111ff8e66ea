package bbva.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import bbva.progress.Progress;
import bbva.store.Batch;
import bbva.store.WorkStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;
import org.junit.jupiter.api.Test;

/** Progress numbers from batch rows, and the CLI's words for them. */
class ProgressTextTest {
    private static List<Batch> batches(int done, int total, WorkStatus ocr) {
        return batches(done, total, 0, ocr, i -> null);
    }

    /** The first {@code ocrDone} batches have their OCR completed; {@code crops} gives each detected batch's crops to read. */
    private static List<Batch> batches(int done, int total, int ocrDone, WorkStatus ocr, IntFunction<Integer> crops) {
        List<Batch> out = new ArrayList<>();
        for (int i = 0; i < total; i++) {
            out.add(new Batch(i, i * 30, Math.min(i * 30 + 29, 794), i < done ? WorkStatus.COMPLETED : WorkStatus.PENDING,
                    i < ocrDone ? WorkStatus.COMPLETED : ocr, null, null, i < done ? crops.apply(i) : null, null));
        }
        return out;
    }

    private static Progress of(List<Batch> batches) {
        return Progress.of(795, 1, batches);
    }

    @Test
    void detectionCountsFramesOfCompletedBatches() {
        Progress p = of(batches(4, 27, WorkStatus.SKIPPED));
        assertEquals("Detection: 120/795 frames (15%)", "Detection: " + ProgressText.detection(p));
        assertEquals(15, Progress.percent(p.overall(Progress.Weights.DEFAULT)), "OCR skipped: overall = detection");
        assertEquals("Detection: 120/795 frames (15%)  overall 15%", ProgressText.line(p, Progress.Weights.DEFAULT));
        assertEquals(100, Progress.percent(of(batches(27, 27, WorkStatus.SKIPPED)).detectFraction()));
    }

    @Test
    void overallWeighsDetectionAndOcrCrops() {
        // 8 x 155 read in completed batches (1240), then 12 x 103 + 6 x 104 (1860) to read: 3100 in all
        List<Batch> b = batches(27, 27, 9, WorkStatus.PENDING, i -> i < 8 ? 155 : i == 8 ? 0 : i < 21 ? 103 : 104);
        Progress p = of(b);
        assertEquals("OCR: 1240/3100 crops (40%)", "OCR: " + ProgressText.ocr(p));
        assertEquals(0.7 * 1 + 0.3 * 0.4, p.overall(Progress.Weights.DEFAULT), 1e-9);
        assertEquals("Detection: 795/795 frames (100%)  OCR: 1240/3100 crops (40%)  overall 82%",
                ProgressText.line(p, Progress.Weights.DEFAULT));
        assertEquals(0.5 + 0.5 * 0.4, p.overall(ProgressOptions.parse("detect=1,ocr=1")), 1e-9);
        Progress nobody = of(batches(27, 27, 9, WorkStatus.PENDING, i -> 0));
        assertEquals(9 / 27.0, nobody.ocrFraction(), 1e-9, "no crop to read: OCR progress by batches");
        assertThrows(IllegalArgumentException.class, () -> ProgressOptions.parse("detect=0,ocr=0"));
        assertThrows(IllegalArgumentException.class, () -> ProgressOptions.parse("tracking=1"));
    }

    @Test
    void batchesDetectedBeforeCropsWereCountedMakeOcrCountBatches() {
        Progress p = of(batches(27, 27, 9, WorkStatus.PENDING, i -> i == 3 ? null : 100));
        assertEquals(0, p.ocrTotal(), "no crop count for batch 3: none shown");
        assertEquals(9 / 27.0, p.ocrFraction(), 1e-9);
        assertEquals("9/27 batches (33%)", ProgressText.ocr(p));
    }

    @Test
    void cropsOfBatchesStillDetectingAreNotCountedYet() {
        Progress p = of(batches(10, 27, 5, WorkStatus.PENDING, i -> 20));
        assertEquals(100, p.ocrDone());
        assertEquals(200, p.ocrTotal(), "the 10 detected batches' crops");
    }
}
