package bbva.batch;

import bbva.detect.Detection;
import bbva.detect.FrameDetections;
import bbva.store.BatchPlan;
import bbva.store.Store;
import bbva.store.VideoEntity;
import jakarta.batch.api.chunk.AbstractItemWriter;
import jakarta.batch.runtime.context.JobContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/**
 * Writer of step "detect": a chunk is exactly one batch (item-count = batch size and the reader
 * starts at batch boundaries), so it replaces that batch's detections and completes it in one
 * transaction. A chunk replayed after a crash rewrites the same rows.
 */
@Named("detectWriter")
@Dependent
public class DetectWriter extends AbstractItemWriter {
    @Inject
    JobContext jobContext;
    @Inject
    Store store;

    private long videoId;
    private BatchPlan plan;

    @Override
    public void open(Serializable checkpoint) {
        VideoEntity video = JobParameters.video(jobContext, store);
        videoId = video.id;
        plan = BatchPlan.of(video);
    }

    @Override
    public void writeItems(List<Object> items) {
        FrameDetections first = (FrameDetections) items.get(0);
        FrameDetections last = (FrameDetections) items.get(items.size() - 1);
        BatchPlan.Span span = plan.span(plan.batchOf(first.frame()));
        if (first.frame() != span.frameStart() || last.frame() != span.frameEnd()) {
            throw new IllegalStateException("chunk frames " + first.frame() + ".." + last.frame()
                    + " do not match batch " + span + "; the job's item-count must equal batchSizeFrames");
        }
        List<Detection> detections = new ArrayList<>();
        for (Object item : items) {
            detections.addAll(((FrameDetections) item).detections());
        }
        store.writeDetections(videoId, span.index(), span.frameStart(), span.frameEnd(), detections);
        FaultPoints.reach("detect.committed." + span.index());
    }
}
