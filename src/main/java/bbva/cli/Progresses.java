package bbva.cli;

import bbva.embedded.EmbeddedRuntime;
import bbva.progress.Progress;
import bbva.progress.StoredProgress;
import bbva.store.VideoEntity;
import java.util.Map;

/** Progress of a stored analysis, as the CLI shows it. */
final class Progresses {
    private Progresses() {
    }

    static Progress of(EmbeddedRuntime runtime, VideoEntity v) {
        return StoredProgress.of(runtime.store(), runtime.players(), v);
    }

    static Map<Integer, Long> persons(EmbeddedRuntime runtime, VideoEntity v) {
        return StoredProgress.persons(runtime.players(), v, runtime.store().batches(v.id));
    }
}
