package bbva.batch;

import bbva.AnalysisSlots;
import bbva.store.Store;
import jakarta.batch.api.AbstractBatchlet;
import jakarta.batch.runtime.BatchStatus;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/**
 * Step "claim", first in every execution, restarts included: checks the parameters against the
 * runtime's file rules, waits for one of the runtime's analysis slots (the job listener gives it
 * back), and takes the video's rows for this analysis, refusing while another analysis of the same
 * file runs (whichever way either was submitted).
 */
@Named("claim")
@Dependent
public class Claim extends AbstractBatchlet {
    @Inject
    JobParameters job;
    @Inject
    Store store;
    @Inject
    AnalysisSlots slots;

    private volatile boolean stopRequested;

    @Override
    public String process() throws InterruptedException {
        String video = job.params().video().toString();
        if (!slots.acquire(job.owner().execution(), () -> stopRequested)) {
            return BatchStatus.STOPPED.name();
        }
        store.claim(video, job.owner());
        return BatchStatus.COMPLETED.name();
    }

    @Override
    public void stop() {
        stopRequested = true;
    }
}
