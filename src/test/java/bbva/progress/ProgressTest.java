package bbva.progress;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import bbva.store.BatchEntity;
import bbva.store.WorkStatus;
import bbva.store.VideoEntity;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProgressTest {
    private static List<BatchEntity> batches(int done, int total, WorkStatus ocr) {
        List<BatchEntity> out = new ArrayList<>();
        for (int i = 0; i < total; i++) {
            BatchEntity b = new BatchEntity();
            b.batchIndex = i;
            b.frameStart = i * 30;
            b.frameEnd = Math.min(i * 30 + 29, 794);
            b.detectionStatus = i < done ? WorkStatus.COMPLETED : WorkStatus.PENDING;
            b.ocrStatus = ocr;
            out.add(b);
        }
        return out;
    }

    private static VideoEntity video() {
        VideoEntity v = new VideoEntity();
        v.analyzedFrames = 795;
        v.frameStride = 1;
        return v;
    }

    private static final Map<Integer, Long> NO_OCR = Map.of();

    @Test
    void detectionCountsFramesOfCompletedBatches() {
        Progress p = Progress.of(video(), batches(4, 27, WorkStatus.SKIPPED), NO_OCR);
        assertEquals("Detection: 120/795 frames (15%)", p.detectionLine());
        assertEquals(15, Progress.percent(p.overall(Progress.Weights.DEFAULT)), "OCR skipped: overall = detection");
        assertEquals("Detection: 120/795 frames (15%)  overall 15%", p.line(Progress.Weights.DEFAULT));
        assertEquals(100, Progress.percent(Progress.of(video(), batches(27, 27, WorkStatus.SKIPPED), NO_OCR).detectFraction()));
    }

    @Test
    void overallWeighsDetectionAndOcrDetections() {
        List<BatchEntity> b = batches(27, 27, WorkStatus.PENDING);
        for (int i = 0; i < 9; i++) {
            b.get(i).ocrStatus = WorkStatus.COMPLETED;
        }
        Map<Integer, Long> persons = new HashMap<>();
        for (int i = 0; i < 27; i++) {
            // 8 x 155 read in completed batches (1240), then 12 x 103 + 6 x 104 (1860) to read: 3100 in all
            persons.put(i, i < 8 ? 155L : i == 8 ? 0L : i < 21 ? 103L : 104L);
        }
        Progress p = Progress.of(video(), b, persons);
        assertEquals("OCR: 1240/3100 detections (40%)", p.ocrLine());
        assertEquals(0.7 * 1 + 0.3 * 0.4, p.overall(Progress.Weights.DEFAULT), 1e-9);
        assertEquals("Detection: 795/795 frames (100%)  OCR: 1240/3100 detections (40%)  overall 82%",
                p.line(Progress.Weights.DEFAULT));
        assertEquals(0.5 + 0.5 * 0.4, p.overall(Progress.Weights.parse("detect=1,ocr=1")), 1e-9);
        Progress nobody = Progress.of(video(), b, Map.of());
        assertEquals(9 / 27.0, nobody.ocrFraction(), 1e-9, "no people detected: OCR progress by batches");
        assertThrows(IllegalArgumentException.class, () -> Progress.Weights.parse("detect=0,ocr=0"));
        assertThrows(IllegalArgumentException.class, () -> Progress.Weights.parse("tracking=1"));
    }
}
