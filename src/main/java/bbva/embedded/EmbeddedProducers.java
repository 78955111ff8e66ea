package bbva.embedded;

import bbva.store.Store;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.inject.Produces;

/** Hands the embedded runtime's store to the batch artifacts, which only ever see {@link Store}. */
@Dependent
public class EmbeddedProducers {
    @Produces
    @Dependent
    Store store() {
        return EmbeddedRuntime.currentStore();
    }
}
