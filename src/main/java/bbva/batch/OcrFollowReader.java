package bbva.batch;

import bbva.AnalysisParameters;
import bbva.AnalysisParameters.ExecutionMode;
import bbva.detect.Detection;
import bbva.store.Batch;
import bbva.store.BatchPlan;
import bbva.store.Phase;
import bbva.store.Store;
import bbva.store.VideoEntity;
import jakarta.batch.api.chunk.AbstractItemReader;
import jakarta.batch.runtime.context.JobContext;
import jakarta.batch.runtime.context.StepContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.Serializable;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reader of step "ocrFollow" (pipeline mode): the frames of each batch whose detection is complete
 * and whose OCR is not, lowest batch first, as detection goes on beside it; it waits while nothing
 * is ready and ends once detection has ended (step "ocr" reads anything left). Its checkpoint is
 * the batch and next frame it is at; a batch is one chunk ({@link BatchEndCheckpoint}).
 */
@Named("ocrFollowReader")
@Dependent
public class OcrFollowReader extends AbstractItemReader {
    static final String STEP = "ocrFollow";
    /** How often it looks without news from detection (detection sends news when it runs in this JVM). */
    private static final long POLL_MILLIS = 1000;
    /** Longer than any start of step "detect" takes; past it, detection is taken not to run in this execution. */
    private static final long START_GRACE_NANOS = 60_000_000_000L;

    @Inject
    JobParameters job;
    @Inject
    JobContext jobContext;
    @Inject
    StepContext stepContext;
    @Inject
    Store store;

    private AnalysisParameters params;
    private VideoEntity video;
    private BatchPlan plan;
    private Position resumeAt;
    private long opened;
    private int batch = -1;
    private FrameCursor frames;
    private Map<Integer, List<Detection>> byFrame = Map.of();

    record Position(int batch, int nextFrame) implements Serializable {
    }

    @Override
    public void open(Serializable checkpoint) throws IOException {
        params = job.params();
        if (params.executionMode() != ExecutionMode.PIPELINE || !params.ocrEnabled()) {
            return;
        }
        video = job.video();
        FrameCursor.checkUnchanged(params.video(), video);
        plan = BatchPlan.of(video);
        resumeAt = (Position) checkpoint;
        opened = System.nanoTime();
    }

    @Override
    public Object readItem() throws InterruptedException {
        if (plan == null) {
            return null;
        }
        long waitStart = System.nanoTime();
        try {
            while (frames == null || !frames.hasNext()) {
                closeFrames();
                long seen = DetectionRuns.news();
                DetectionRuns.State detection = DetectionRuns.of(jobContext.getProperties().getProperty("video"));
                Optional<Batch> next = store.firstToRead(video.id);
                if (next.isPresent()) {
                    start(next.get());
                } else if (detectionOver(detection)) {
                    return null;
                } else {
                    DetectionRuns.awaitNews(seen, POLL_MILLIS);
                }
            }
        } finally {
            RunMetrics.addOcrWait(System.nanoTime() - waitStart);
        }
        StepResources at = StepResources.of(stepContext);
        at.working(Phase.OCR, batch);
        FrameCrops item = FrameCrops.of(frames.read(), byFrame);
        at.batchEnds(!frames.hasNext());
        return item;
    }

    /** Read after {@code state} was: a batch completed before detection ended is already visible. */
    private boolean detectionOver(DetectionRuns.State state) {
        return state == DetectionRuns.State.ENDED || store.detectionComplete(video.id)
                || (state == DetectionRuns.State.NOT_STARTED && System.nanoTime() - opened > START_GRACE_NANOS);
    }

    private void start(Batch b) {
        BatchPlan.Span span = plan.span(b.index());
        int first = span.frameStart();
        if (resumeAt != null && resumeAt.batch() == b.index()) {
            first = resumeAt.nextFrame();
        }
        resumeAt = null;
        batch = b.index();
        byFrame = FrameCrops.detectionsByFrame(store, video, span, params.ocrCrops());
        frames = new FrameCursor(params.video(), video, plan, first, span.frameEnd());
    }

    @Override
    public Serializable checkpointInfo() {
        return frames == null ? resumeAt : new Position(batch, frames.next());
    }

    private void closeFrames() {
        if (frames != null) {
            frames.close();
            frames = null;
        }
    }

    @Override
    public void close() {
        try {
            closeFrames();
        } finally {
            StepResources.of(stepContext).close();
        }
    }
}
