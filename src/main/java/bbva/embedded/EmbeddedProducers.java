package bbva.embedded;

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

    @Produces
    @Dependent
    PlayerStore players() {
        return EmbeddedRuntime.current().players();
    }
}
