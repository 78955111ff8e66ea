package bbva.batch.ocr;

import bbva.AnalysisParameters;
import bbva.detect.Detection;
import bbva.BatchPlan;
import bbva.batch.FrameCursor;
import bbva.batch.StepState;
import bbva.store.Phase;
import bbva.store.Store;
import bbva.store.VideoEntity;
import java.io.IOException;
import java.util.List;
import java.util.Map;

/**
 * What the OCR readers ("ocr" and "ocrFollow") walk through: one batch at a time, its frames decoded
 * from a given one on, each with the crops to read in it. Where it is (the next frame) is their
 * checkpoint; a batch's last frame ends their chunk ({@link BatchEndCheckpoint}), so a chunk never
 * spans two batches, whichever batches a reader skips.
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
        close();
        BatchPlan.Span span = plan.span(index);
        int first = resumeAt != null && plan.batchOf(resumeAt) == index ? resumeAt : span.frameStart();
        batch = index;
        byFrame = FrameCrops.detectionsByFrame(store, video, span, params.ocrCrops());
        frames = new FrameCursor(params.video(), video, plan, first, span.frameEnd());
    }

    boolean hasNext() {
        return frames != null && frames.hasNext();
    }

    FrameCrops read(StepState step) {
        step.at(Phase.OCR, batch, false);
        FrameCrops item = FrameCrops.of(frames.read(), byFrame);
        step.at(Phase.OCR, batch, !frames.hasNext());
        return item;
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
