package bbva.batch;

import bbva.AnalysisException;
import bbva.AnalysisParameters;
import bbva.store.BatchPlan;
import bbva.store.Phase;
import bbva.store.VideoEntity;
import bbva.video.Fingerprint;
import bbva.video.FrameSource;
import bbva.video.VideoFrame;
import jakarta.batch.api.chunk.AbstractItemReader;
import jakarta.batch.runtime.context.StepContext;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.Serializable;

/**
 * Base of the readers that decode video (step "detect" and each "ocr" partition). It reads every
 * analyzed frame of its range of the prepared video, after checking that the file is still the
 * one prepare fingerprinted. Its checkpoint is the next frame, wherever that is (a chunk ended
 * early by a stop leaves it mid-batch), and a restart seeks to exactly that frame.
 */
abstract class FrameReader extends AbstractItemReader {
    @Inject
    JobParameters job;
    @Inject
    StepContext stepContext;

    protected AnalysisParameters params;
    protected VideoEntity video;
    protected BatchPlan plan;
    private FrameSource source;
    private int nextFrame;
    private int lastFrame = -1;

    /** Analyzed frames [first, last] of this reader, or null when it has none. */
    protected record Range(int first, int last) {
    }

    protected abstract Range range();

    protected abstract Phase phase();

    /** The item handed to the processor for a decoded frame. */
    protected abstract Object item(VideoFrame frame);

    @Override
    public void open(Serializable checkpoint) throws IOException {
        params = job.params();
        video = job.video();
        if (!Fingerprint.of(params.video()).equals(video.fingerprint)) {
            throw new AnalysisException(params.video() + " has changed since its analysis started. Put the "
                    + "original file back to continue, or analyze the new file from the start.");
        }
        plan = BatchPlan.of(video);
        Range range = range();
        if (range == null) {
            return;
        }
        lastFrame = range.last();
        nextFrame = checkpoint == null ? range.first() : (Integer) checkpoint;
        if (nextFrame <= lastFrame) {
            source = FrameSource.open(params.video(), nextFrame);
        }
    }

    @Override
    public Object readItem() {
        if (nextFrame > lastFrame) {
            return null;
        }
        StepResources.of(stepContext).working(phase(), plan.batchOf(nextFrame));
        while (source.nextIndex() < nextFrame) {
            if (!source.skip()) {
                throw endedEarly();
            }
        }
        VideoFrame frame = source.next();
        if (frame == null) {
            throw endedEarly();
        }
        nextFrame += plan.stride();
        return item(frame);
    }

    private AnalysisException endedEarly() {
        return new AnalysisException(params.video() + " ends at frame " + source.nextIndex() + " although "
                + video.frameCount + " frames decoded when the analysis started. The file may be damaged or "
                + "cut short; re-encode it and analyze it from the start.");
    }

    @Override
    public Serializable checkpointInfo() {
        return nextFrame;
    }

    @Override
    public void close() {
        try {
            if (source != null) {
                source.close();
            }
        } finally {
            StepResources.of(stepContext).close();
        }
    }
}
