package bbva.app;

import bbva.detect.LabelMap;
import bbva.progress.Progress;
import bbva.store.Batch;
import bbva.store.PlayerStore;
import bbva.store.Store;
import bbva.store.VideoEntity;
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
        return new AnalysisStatus(progress(v, batches), store.detectionCount(v.id), batches);
    }

    /** Progress alone (no detection count), for a live progress line. */
    public Progress progress(VideoEntity v) {
        return progress(v, store.batches(v.id));
    }

    private Progress progress(VideoEntity v, List<Batch> batches) {
        Analysis key = new Analysis(v.id, v.jobInstance);
        Map<Integer, Long> persons = personsOfDetected.get(key);
        if (persons == null) {
            persons = players.personsPerBatch(v.id, LabelMap.PERSON_LABELS, batches);
            if (batches.stream().allMatch(b -> b.detection() == bbva.store.WorkStatus.COMPLETED)) {
                personsOfDetected.put(key, persons);
            }
        }
        return Progress.of(v.analyzedFrames, v.frameStride, batches, persons);
    }
}
