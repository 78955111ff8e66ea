package bbva.embedded;

import bbva.AnalysisSlots;
import bbva.FilePolicy;
import bbva.RunningExecutions;
import bbva.store.PlayerStore;
import bbva.store.Store;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.inject.Produces;

/** Hands the embedded runtime's stores to the batch artifacts, which only ever see the store classes. */
@Dependent
public class EmbeddedProducers {
    @Produces
    @Dependent
    Store store() {
        return EmbeddedRuntime.current().store();
    }

    /** The CLI runs on the user's own files. */
    @Produces
    @Dependent
    FilePolicy files() {
        return FilePolicy.OWN_FILES;
    }

    /**
     * The data directory admits one process, and it runs one job at a time: no other execution can
     * be running (one left STARTED by a killed process is dead).
     */
    @Produces
    @Dependent
    RunningExecutions running() {
        return executionId -> false;
    }

    @Produces
    @Dependent
    AnalysisSlots slots() {
        return AnalysisSlots.UNLIMITED;
    }

    @Produces
    @Dependent
    PlayerStore players() {
        return EmbeddedRuntime.current().players();
    }
}
