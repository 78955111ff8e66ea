package bbva.batch;

import bbva.AnalysisParameters;
import bbva.BatchPlan;
import bbva.store.Phase;
import bbva.store.VideoEntity;
import bbva.video.VideoFrame;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.Serializable;

/**
 * Base of the readers that decode one range of frames (each "detect" and "ocr" partition). Its
 * checkpoint is the next frame, wherever that is (a chunk ended early by a stop leaves it
 * mid-batch), and a restart seeks to exactly that frame.
 */
public abstract class FrameReader extends StepReader {
    @Inject
    JobParameters job;

    protected AnalysisParameters params;
    protected VideoEntity video;
    protected BatchPlan plan;
    private FrameCursor frames;

    /** Analyzed frames [first, last] of this reader, or null when it has none. */
    public record Range(int first, int last) {
    }

    protected abstract Range range();

    protected abstract Phase phase();

    /** The item handed to the processor for a decoded frame. */
    protected abstract Object item(VideoFrame frame);

    @Override
    public void open(Serializable checkpoint) throws IOException {
        params = job.params();
        video = job.video();
        FrameCursor.checkUnchanged(params.video(), video);
        plan = BatchPlan.of(video);
        Range range = range();
        if (range != null) {
            frames = new FrameCursor(params.video(), video, plan,
                    checkpoint == null ? range.first() : (Integer) checkpoint, range.last());
        }
    }

    @Override
    public Object readItem() {
        if (frames == null || !frames.hasNext()) {
            return null;
        }
        state().at(phase(), plan.batchOf(frames.next()), false);
        return item(frames.read());
    }

    @Override
    public Serializable checkpointInfo() {
        return frames == null ? null : frames.next();
    }

    @Override
    protected void closeInput() {
        if (frames != null) {
            frames.close();
        }
    }
}
