package bbva.batch;

import bbva.detect.Detection;
import bbva.ocr.JerseyCrops;
import bbva.store.BatchPlan;
import bbva.store.Store;
import bbva.video.VideoFrame;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Item of the OCR steps: one analyzed frame's jersey crops (possibly none). */
record FrameCrops(int frame, List<JerseyCrops.Crop> crops) {
    static FrameCrops of(VideoFrame frame, Map<Integer, List<Detection>> detectionsByFrame) {
        return new FrameCrops(frame.index(), JerseyCrops.forFrame(frame, detectionsByFrame.getOrDefault(frame.index(), List.of())));
    }

    /** The stored detections of one batch, by frame: what its frames' crops are cut from. */
    static Map<Integer, List<Detection>> detectionsByFrame(Store store, long videoId, BatchPlan.Span span) {
        Map<Integer, List<Detection>> byFrame = new HashMap<>();
        for (Detection d : store.detections(videoId, span.frameStart(), span.frameEnd())) {
            byFrame.computeIfAbsent(d.frame(), k -> new ArrayList<>()).add(d);
        }
        return byFrame;
    }
}
