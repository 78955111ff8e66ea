package bbva.batch.ocr;

import bbva.AnalysisParameters;
import bbva.AnalysisParameters.ExecutionMode;
import bbva.batch.JobParameters;
import bbva.batch.RunMetrics;
import bbva.batch.StepReader;
import bbva.batch.detect.DetectionRuns;
import bbva.batch.ocr.OcrCursor;
import bbva.store.Batch;
import bbva.store.Store;
import bbva.store.VideoEntity;
import jakarta.batch.runtime.context.JobContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.Serializable;
import java.util.Optional;

/**
 * Reader of step "ocrFollow" (pipeline mode): the frames of each batch whose detection is complete
 * and whose OCR is not, lowest batch first, as detection goes on beside it; it waits while nothing
 * is ready and ends once detection has ended (step "ocr" reads anything left). Its checkpoint is
 * the batch and next frame it is at; a batch is one chunk ({@link BatchEndCheckpoint}).
 */
@Named("ocrFollowReader")
@Dependent
public class OcrFollowReader extends StepReader {
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
    Store store;

    private VideoEntity video;
    private OcrCursor cursor;
    private Position resumeAt;
    private long opened;
    private int batch = -1;

    record Position(int batch, int nextFrame) implements Serializable {
    }

    @Override
    public void open(Serializable checkpoint) throws IOException {
        AnalysisParameters params = job.params();
        if (params.executionMode() != ExecutionMode.PIPELINE || !params.ocrEnabled()) {
            return;
        }
        video = job.video();
        cursor = new OcrCursor(store, params, video, false);   // detection has the other cores
        resumeAt = (Position) checkpoint;
        opened = System.nanoTime();
    }

    @Override
    public Object readItem() throws InterruptedException {
        if (cursor == null) {
            return null;
        }
        long waitStart = System.nanoTime();
        try {
            while (!cursor.hasNext()) {
                long seen = DetectionRuns.news();
                DetectionRuns.State detection = DetectionRuns.of(jobContext.getProperties().getProperty("video"));
                Optional<Batch> next = store.firstToRead(video.id);
                if (next.isPresent()) {
                    start(next.get());
                } else if (detectionOver(detection)) {
                    return null;
                } else {
                    cursor.release();   // the file is not held open while detection may take minutes
                    DetectionRuns.awaitNews(seen, POLL_MILLIS);
                }
            }
        } finally {
            RunMetrics.of(jobContext.getExecutionId()).addOcrWait(System.nanoTime() - waitStart);
        }
        return cursor.read(state());
    }

    /** Read after {@code state} was: a batch completed before detection ended is already visible. */
    private boolean detectionOver(DetectionRuns.State state) {
        return state == DetectionRuns.State.ENDED || store.detectionComplete(video.id)
                || (state == DetectionRuns.State.NOT_STARTED && System.nanoTime() - opened > START_GRACE_NANOS);
    }

    private void start(Batch b) {
        cursor.start(b.index(), resumeAt != null && resumeAt.batch() == b.index() ? resumeAt.nextFrame() : null);
        resumeAt = null;
        batch = b.index();
    }

    @Override
    public Serializable checkpointInfo() {
        Integer next = cursor == null ? null : cursor.next();
        return next == null ? resumeAt : new Position(batch, next);
    }

    @Override
    protected void closeInput() {
        if (cursor != null) {
            cursor.close();
        }
    }
}
