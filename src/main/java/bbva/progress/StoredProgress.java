package bbva.progress;

import bbva.detect.LabelMap;
import bbva.store.BatchEntity;
import bbva.store.PlayerStore;
import bbva.store.Store;
import bbva.store.VideoEntity;
import java.util.List;
import java.util.Map;

/**
 * Progress read from the tables, for the CLI and the server alike. People per batch (a join of
 * detections and batches) is only counted once detection is complete: during detection that join
 * would lock against the detect writer, and OCR progress is not needed yet.
 */
public final class StoredProgress {
    private StoredProgress() {
    }

    public static Progress of(Store store, PlayerStore players, VideoEntity v) {
        List<BatchEntity> batches = store.batches(v.id);
        Progress p = Progress.of(v, batches, Map.of());
        return p.detectFraction() >= 1 && p.ocrEnabled() ? Progress.of(v, batches, persons(players, v)) : p;
    }

    public static Map<Integer, Long> persons(PlayerStore players, VideoEntity v) {
        return players.personsPerBatch(v.id, LabelMap.PERSON_LABELS);
    }
}
