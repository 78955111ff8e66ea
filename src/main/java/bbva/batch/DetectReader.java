package bbva.batch;

import bbva.AnalysisException;
import bbva.AnalysisParameters;
import bbva.store.BatchPlan;
import bbva.store.Status;
import bbva.store.Store;
import bbva.store.VideoEntity;
import bbva.video.Fingerprint;
import bbva.video.FrameSource;
import bbva.video.VideoFrame;
import jakarta.batch.api.chunk.AbstractItemReader;
import jakarta.batch.runtime.context.JobContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.Serializable;

/** Reader of step "detect": analyzed frames in order; the checkpoint is the next frame index. */
@Named("detectReader")
@Dependent
public class DetectReader extends AbstractItemReader {
    @Inject
    JobContext jobContext;
    @Inject
    Store store;

    private FrameSource source;
    private BatchPlan plan;
    private long videoId;
    private int nextFrame;
    private int endFrame;

    @Override
    public void open(Serializable checkpoint) throws IOException {
        AnalysisParameters params = JobParameters.of(jobContext);
        VideoEntity video = JobParameters.video(jobContext, store);
        if (!Fingerprint.of(params.video()).equals(video.fingerprint)) {
            throw new AnalysisException(params.video() + " has changed since its analysis started. Restore the "
                    + "original file to resume, or start over with bbva analyze --fresh.");
        }
        videoId = video.id;
        plan = BatchPlan.of(video);
        endFrame = plan.endFrame();
        nextFrame = checkpoint == null ? 0 : (Integer) checkpoint;
        source = FrameSource.open(params.video(), nextFrame);
    }

    @Override
    public Object readItem() {
        if (nextFrame >= endFrame) {
            return null;
        }
        while (source.nextIndex() < nextFrame) {
            if (!source.skip()) {
                throw endedEarly();
            }
        }
        if (plan.span(plan.batchOf(nextFrame)).frameStart() == nextFrame) {
            store.markDetection(videoId, plan.batchOf(nextFrame), Status.PROCESSING);
        }
        VideoFrame frame = source.next();
        if (frame == null) {
            throw endedEarly();
        }
        nextFrame += plan.stride();
        return frame;
    }

    private AnalysisException endedEarly() {
        return new AnalysisException(jobContext.getProperties().getProperty("video") + " ends at frame "
                + source.nextIndex() + " although " + endFrame + " frames were counted when the analysis started. "
                + "The file may be damaged; re-encode it and start over with bbva analyze --fresh.");
    }

    @Override
    public Serializable checkpointInfo() {
        return nextFrame;
    }

    @Override
    public void close() {
        if (source != null) {
            source.close();
        }
    }
}
