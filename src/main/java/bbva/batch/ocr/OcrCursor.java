package bbva.batch.ocr;

import bbva.AnalysisParameters;
import bbva.detect.Detection;
import bbva.BatchPlan;
import bbva.batch.FrameCursor;
import bbva.batch.StepState;
import bbva.ocr.JerseyCrops;
import bbva.store.Phase;
import bbva.store.Store;
import bbva.store.VideoEntity;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What the OCR readers ("ocr" and "ocrFollow") walk through: one batch at a time, its frames decoded
 * from a given one on, with the crops to read in them, as one item. Where it is (the next frame) is
 * their checkpoint; a batch's last frame ends their chunk ({@link BatchEndCheckpoint}), so a chunk
 * never spans two batches, whichever batches a reader skips.
 */
final class OcrCursor implements AutoCloseable {
    private final Store store;
    private final AnalysisParameters params;
    private final VideoEntity video;
    private final BatchPlan plan;
    private int batch = -1;
    private FrameCursor frames;
    private Map<Integer, List<Detection>> byFrame = Map.of();

    OcrCursor(Store store, AnalysisParameters params, VideoEntity video) throws IOException {
        this.store = store;
        this.params = params;
        this.video = video;
        this.plan = BatchPlan.of(video);
        FrameCursor.checkUnchanged(params.video(), video);
    }

    BatchPlan plan() {
        return plan;
    }

    /** Starts batch {@code index} at its first frame, or at {@code resumeAt} when that frame is in it. */
    void start(int index, Integer resumeAt) {
        BatchPlan.Span span = plan.span(index);
        int first = resumeAt != null && plan.batchOf(resumeAt) == index ? resumeAt : span.frameStart();
        batch = index;
        byFrame = BatchCrops.detectionsByFrame(store, video, span, params.ocrCrops());
        if (frames != null && frames.next() == first) {
            frames.extendTo(span.frameEnd());   // the batch just read ends where this one starts
        } else {
            close();
            frames = new FrameCursor(params.video(), video, plan, first, span.frameEnd());
        }
    }

    boolean hasNext() {
        return frames != null && frames.hasNext();
    }

    /** The crops of the rest of the batch. */
    BatchCrops read(StepState step) {
        step.at(Phase.OCR, batch, false);
        int first = frames.next();
        int last = first;
        List<JerseyCrops.Crop> crops = new ArrayList<>();
        while (frames.hasNext()) {
            last = frames.next();
            List<Detection> picks = byFrame.get(last);
            if (picks == null) {
                frames.skip();
            } else {
                crops.addAll(JerseyCrops.forFrame(frames.read(), picks));
            }
        }
        step.at(Phase.OCR, batch, true);
        return new BatchCrops(first, last, crops);
    }

    /** The next frame to read, null before the first batch. */
    Integer next() {
        return frames == null ? null : frames.next();
    }

    @Override
    public void close() {
        if (frames != null) {
            frames.close();
            frames = null;
        }
    }
}
