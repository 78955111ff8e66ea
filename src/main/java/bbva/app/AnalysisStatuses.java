package bbva.app;

import bbva.progress.Progress;
import bbva.store.Batch;
import bbva.BatchPlan;
import bbva.store.PlayerStore;
import bbva.store.Store;
import bbva.store.VideoEntity;
import bbva.store.WorkStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Reads {@link AnalysisStatus}es: the batch rows once, and the person detections per batch (what OCR
 * has to read) once per analysis after its detection is complete, since they do not change after;
 * a front end that polls keeps one instance.
 */
public final class AnalysisStatuses {
    private record Analysis(long videoId, Long instance) {
    }

    private final Store store;
    private final PlayerStore players;
    private final Map<Analysis, Map<Integer, Long>> personsOfDetected = new ConcurrentHashMap<>();

    public AnalysisStatuses(Store store, PlayerStore players) {
        this.store = Objects.requireNonNull(store);
        this.players = Objects.requireNonNull(players);
    }

    public AnalysisStatus of(VideoEntity v) {
        List<Batch> batches = store.batches(v.id);
        return new AnalysisStatus(progress(v, batches), store.detectionCount(v.id), batches, v.executionMode,
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
        Analysis key = new Analysis(v.id, v.jobInstance);
        Map<Integer, Long> persons = personsOfDetected.get(key);
        if (persons == null) {
            persons = players.personsPerBatch(v.id, batches);
            if (batches.stream().allMatch(b -> b.detection() == WorkStatus.COMPLETED)) {
                personsOfDetected.put(key, persons);
            }
        }
        return Progress.of(v.analyzedFrames, v.frameStride, batches, persons);
    }
}
