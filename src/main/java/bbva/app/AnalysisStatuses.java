package bbva.app;

import bbva.progress.Progress;
import bbva.store.Batch;
import bbva.BatchPlan;
import bbva.store.Store;
import bbva.store.VideoEntity;
import bbva.store.WorkStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** Reads {@link AnalysisStatus}es from the batch rows (read once per status) and the video's row. */
public final class AnalysisStatuses {
    private final Store store;

    public AnalysisStatuses(Store store) {
        this.store = Objects.requireNonNull(store);
    }

    public AnalysisStatus of(VideoEntity v) {
        List<Batch> batches = store.batches(v.id);
        return new AnalysisStatus(progress(v, batches), store.detectionCount(v.id, batches), batches, v.executionMode,
                streams(v, batches));
    }

    private static List<AnalysisStatus.Stream> streams(VideoEntity v, List<Batch> batches) {
        List<AnalysisStatus.Stream> out = new ArrayList<>();
        for (BatchPlan.Part part : BatchPlan.of(v).parts(v.detectPartitions)) {
            int detected = (int) batches.stream().filter(b -> b.index() >= part.firstBatch() && b.index() <= part.lastBatch()
                    && b.detection() == WorkStatus.COMPLETED).count();
            out.add(new AnalysisStatus.Stream(part.firstBatch(), part.lastBatch(), detected));
        }
        return out;
    }

    /** Progress alone (no detection count), for a live progress line. */
    public Progress progress(VideoEntity v) {
        return progress(v, store.batches(v.id));
    }

    private Progress progress(VideoEntity v, List<Batch> batches) {
        return Progress.of(v.analyzedFrames, v.frameStride, batches);
    }
}
