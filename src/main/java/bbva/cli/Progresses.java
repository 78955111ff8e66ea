package bbva.cli;

import bbva.detect.LabelMap;
import bbva.embedded.EmbeddedRuntime;
import bbva.progress.Progress;
import bbva.store.VideoEntity;
import java.util.Map;

/** Progress of a stored analysis, as the CLI shows it. */
final class Progresses {
    private Progresses() {
    }

    static Progress of(EmbeddedRuntime runtime, VideoEntity v) {
        return Progress.of(v, runtime.store().batches(v.id), persons(runtime, v));
    }

    static Map<Integer, Long> persons(EmbeddedRuntime runtime, VideoEntity v) {
        return runtime.players().personsPerBatch(v.id, LabelMap.PERSON_LABELS);
    }
}
