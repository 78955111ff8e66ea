package bbva.progress;

import bbva.detect.LabelMap;
import bbva.store.BatchEntity;
import bbva.store.PlayerStore;
import bbva.store.Store;
import bbva.store.VideoEntity;
import java.util.List;
import java.util.Map;

/** Progress read from the tables, for the CLI's status and the server's REST API alike. */
public final class StoredProgress {
    private StoredProgress() {
    }

    public static Progress of(Store store, PlayerStore players, VideoEntity v) {
        return of(players, v, store.batches(v.id));
    }

    /** For a caller that has read the batch rows already. */
    public static Progress of(PlayerStore players, VideoEntity v, List<BatchEntity> batches) {
        return Progress.of(v, batches, persons(players, v, batches));
    }

    public static Map<Integer, Long> persons(PlayerStore players, VideoEntity v, List<BatchEntity> batches) {
        return players.personsPerBatch(v.id, LabelMap.PERSON_LABELS, batches);
    }
}
