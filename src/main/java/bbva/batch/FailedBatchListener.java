package bbva.batch;

import bbva.store.Store;
import jakarta.batch.api.chunk.listener.AbstractChunkListener;
import jakarta.batch.runtime.context.StepContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/**
 * Chunk listener of the steps that own batch statuses ("detect", each "ocr" partition): when a chunk
 * fails, the batch its reader was working on is marked failed (what of it was committed stays).
 */
@Named("failedBatchListener")
@Dependent
public class FailedBatchListener extends AbstractChunkListener {
    @Inject
    JobParameters job;
    @Inject
    StepContext stepContext;
    @Inject
    Store store;

    @Override
    public void onError(Exception e) {
        StepResources at = StepResources.of(stepContext);
        if (at.batch() != null) {
            store.failBatch(job.video().id, at.phase(), at.batch());
        }
    }
}
