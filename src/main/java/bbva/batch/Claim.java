package bbva.batch;

import bbva.store.Store;
import jakarta.batch.api.AbstractBatchlet;
import jakarta.batch.runtime.BatchStatus;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/**
 * Step "claim", first in every execution, restarts included: checks the parameters against the
 * runtime's file rules and takes the video's rows for this analysis, refusing while another
 * analysis of the same file runs (whichever way either was submitted).
 */
@Named("claim")
@Dependent
public class Claim extends AbstractBatchlet {
    @Inject
    JobParameters job;
    @Inject
    Store store;

    @Override
    public String process() {
        store.claim(job.params().video().toString(), job.owner());
        return BatchStatus.COMPLETED.name();
    }
}
