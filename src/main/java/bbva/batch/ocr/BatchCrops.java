package bbva.batch.ocr;

import bbva.detect.Detection;
import bbva.ocr.JerseyCrops;
import bbva.ocr.JerseyPicks;
import bbva.ocr.JerseyView;
import bbva.store.VideoEntity;
import bbva.BatchPlan;
import bbva.store.Store;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Item of the OCR steps: the jersey crops (possibly none) of analyzed frames {@code first}..{@code last},
 * the rest of one batch, read together: a batch's few picks per frame cost less read in a few calls
 * than frame by frame. Always the whole batch but after a restart from an older mid-batch checkpoint.
 */
record BatchCrops(int first, int last, List<JerseyCrops.Crop> crops) {
    /** The views of one batch's stored detections that its frames' crops are cut from, by frame ({@link JerseyPicks#toRead}). */
    static Map<Integer, List<JerseyView>> viewsByFrame(Store store, VideoEntity video, BatchPlan.Span span, int perPerson) {
        Map<Integer, List<JerseyView>> byFrame = new HashMap<>();
        List<Detection> stored = store.detections(video.id, span.frameStart(), span.frameEnd());
        for (JerseyView v : JerseyPicks.toRead(stored, video.width, video.height, perPerson)) {
            byFrame.computeIfAbsent(v.box().frame(), k -> new ArrayList<>()).add(v);
        }
        return byFrame;
    }
}
