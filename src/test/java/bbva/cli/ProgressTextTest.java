package bbva.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import bbva.progress.Progress;
import bbva.store.Batch;
import bbva.store.WorkStatus;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Progress numbers from batch rows, and the CLI's words for them. */
class ProgressTextTest {
    private static List<Batch> batches(int done, int total, WorkStatus ocr) {
        return batches(done, total, 0, ocr);
    }

    /** The first {@code ocrDone} batches have their OCR completed. */
    private static List<Batch> batches(int done, int total, int ocrDone, WorkStatus ocr) {
        List<Batch> out = new ArrayList<>();
        for (int i = 0; i < total; i++) {
            out.add(new Batch(i, i * 30, Math.min(i * 30 + 29, 794), i < done ? WorkStatus.COMPLETED : WorkStatus.PENDING,
                    i < ocrDone ? WorkStatus.COMPLETED : ocr, null, null));
        }
        return out;
    }

    private static Progress of(List<Batch> batches, Map<Integer, Long> persons) {
        return Progress.of(795, 1, batches, persons);
    }

    private static final Map<Integer, Long> NO_OCR = Map.of();

    @Test
    void detectionCountsFramesOfCompletedBatches() {
        Progress p = of(batches(4, 27, WorkStatus.SKIPPED), NO_OCR);
        assertEquals("Detection: 120/795 frames (15%)", "Detection: " + ProgressText.detection(p));
        assertEquals(15, Progress.percent(p.overall(Progress.Weights.DEFAULT)), "OCR skipped: overall = detection");
        assertEquals("Detection: 120/795 frames (15%)  overall 15%", ProgressText.line(p, Progress.Weights.DEFAULT));
        assertEquals(100, Progress.percent(of(batches(27, 27, WorkStatus.SKIPPED), NO_OCR).detectFraction()));
    }

    @Test
    void overallWeighsDetectionAndOcrDetections() {
        List<Batch> b = batches(27, 27, 9, WorkStatus.PENDING);
        Map<Integer, Long> persons = new HashMap<>();
        for (int i = 0; i < 27; i++) {
            // 8 x 155 read in completed batches (1240), then 12 x 103 + 6 x 104 (1860) to read: 3100 in all
            persons.put(i, i < 8 ? 155L : i == 8 ? 0L : i < 21 ? 103L : 104L);
        }
        Progress p = of(b, persons);
        assertEquals("OCR: 1240/3100 detections (40%)", "OCR: " + ProgressText.ocr(p));
        assertEquals(0.7 * 1 + 0.3 * 0.4, p.overall(Progress.Weights.DEFAULT), 1e-9);
        assertEquals("Detection: 795/795 frames (100%)  OCR: 1240/3100 detections (40%)  overall 82%",
                ProgressText.line(p, Progress.Weights.DEFAULT));
        assertEquals(0.5 + 0.5 * 0.4, p.overall(ProgressOptions.parse("detect=1,ocr=1")), 1e-9);
        Progress nobody = of(b, Map.of());
        assertEquals(9 / 27.0, nobody.ocrFraction(), 1e-9, "no people detected: OCR progress by batches");
        assertThrows(IllegalArgumentException.class, () -> ProgressOptions.parse("detect=0,ocr=0"));
        assertThrows(IllegalArgumentException.class, () -> ProgressOptions.parse("tracking=1"));
    }
}
