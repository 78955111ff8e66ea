package bbva.batch.ocr;

import bbva.AnalysisParameters;
import bbva.detect.Detection;
import bbva.BatchPlan;
import bbva.batch.FrameCursor;
import bbva.batch.ReadAhead;
import bbva.batch.StepState;
import bbva.ocr.JerseyCrops;
import bbva.ocr.JerseyView;
import bbva.store.Phase;
import bbva.store.Store;
import bbva.store.VideoEntity;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;

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
    /** Null when each batch is decoded when asked. */
    private final ExecutorService ahead;
    private int batch = -1;
    /** Touched only by the read-ahead thread while {@link #coming} runs. */
    private FrameCursor frames;
    private Map<Integer, List<JerseyView>> byFrame = Map.of();
    /** The started batch's crops, being read ahead. */
    private Future<BatchCrops> coming;
    /** Whether the started batch is still to hand out, and the next frame to hand out (null before the first batch). */
    private boolean pending;
    private Integer next;

    /** {@code readAhead}: a started batch is decoded on a thread of its own, beside the model's reading of the batch before. */
    OcrCursor(Store store, AnalysisParameters params, VideoEntity video, boolean readAhead) throws IOException {
        this.store = store;
        this.params = params;
        this.video = video;
        this.plan = BatchPlan.of(video);
        FrameCursor.checkUnchanged(params.video(), video);
        this.ahead = readAhead ? ReadAhead.thread("bbva-ocr-read-ahead") : null;
    }

    BatchPlan plan() {
        return plan;
    }

    /** Starts batch {@code index} at its first frame, or at {@code resumeAt} when that frame is in it. */
    void start(int index, Integer resumeAt) {
        BatchPlan.Span span = plan.span(index);
        int first = resumeAt != null && plan.batchOf(resumeAt) == index ? resumeAt : span.frameStart();
        settle();
        batch = index;
        byFrame = BatchCrops.viewsByFrame(store, video, span, params.ocrCrops());
        if (frames != null && frames.next() == first) {
            frames.extendTo(span.frameEnd());   // the batch just read ends where this one starts
        } else {
            closeFrames();
            frames = new FrameCursor(params.video(), video, plan, first, span.frameEnd());
        }
        next = first;
        pending = frames.hasNext();
        if (ahead != null && pending) {
            coming = ahead.submit(this::decode);
        }
    }

    boolean hasNext() {
        return pending;
    }

    /** The crops of the rest of the batch. */
    BatchCrops read(StepState step) throws InterruptedException {
        step.at(Phase.OCR, batch, false);
        BatchCrops crops = coming != null ? ReadAhead.await(coming) : decode();
        coming = null;
        pending = false;
        next = crops.last() + plan.stride();
        step.at(Phase.OCR, batch, true);
        return crops;
    }

    private BatchCrops decode() {
        int first = frames.next();
        int last = first;
        List<JerseyCrops.Crop> crops = new ArrayList<>();
        while (frames.hasNext()) {
            last = frames.next();
            List<JerseyView> picks = byFrame.get(last);
            if (picks == null) {
                frames.skip();
            } else {
                crops.addAll(JerseyCrops.forFrame(frames.read(), picks));
            }
        }
        return new BatchCrops(first, last, crops);
    }

    /**
     * Waits for a batch read ahead and never handed out, even when interrupted: the decoder must not
     * be touched under it. Its failure is not this run's.
     */
    private void settle() {
        boolean interrupted = false;
        while (coming != null) {
            try {
                coming.get();
                coming = null;
            } catch (InterruptedException e) {
                interrupted = true;
            } catch (ExecutionException e) {
                coming = null;
                closeFrames();   // where it stopped is unknown
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /** The next frame to read, null before the first batch. */
    Integer next() {
        return next;
    }

    /** Lets go of the video file; the next {@link #start} opens it again. */
    void release() {
        settle();
        closeFrames();
    }

    private void closeFrames() {
        if (frames != null) {
            frames.close();
            frames = null;
        }
    }

    @Override
    public void close() {
        release();
        if (ahead != null) {
            ahead.shutdown();
        }
    }
}
