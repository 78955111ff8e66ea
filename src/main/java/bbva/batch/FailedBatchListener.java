package bbva.batch;

import bbva.store.Store;
import jakarta.batch.api.chunk.listener.AbstractChunkListener;
import jakarta.batch.runtime.context.JobContext;
import jakarta.batch.runtime.context.StepContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Chunk listener of the steps that own batch statuses ("detect" and "ocr" partitions, "ocrFollow"):
 * when a chunk fails, the batch its reader was working on is marked failed (what of it was committed
 * stays), and the reason is recorded for the job listener: a partition's error need not reach the
 * step's listeners (Liberty), nor a split's the job's.
 */
@Named("failedBatchListener")
@Dependent
public class FailedBatchListener extends AbstractChunkListener {
    private static final Logger LOG = Logger.getLogger(FailedBatchListener.class.getName());

    @Inject
    JobParameters job;
    @Inject
    JobContext jobContext;
    @Inject
    StepContext stepContext;
    @Inject
    Store store;

    @Override
    public void onError(Exception e) {
        store.recordFailure(jobContext.getProperties().getProperty("video"), jobContext.getExecutionId(), ExitStatuses.failed(e));
        StepState.of(stepContext).position().ifPresent(at -> {
            LOG.log(Level.WARNING, stepContext.getStepName() + ": batch " + at.batch() + " failed: " + e, e);
            store.failBatch(job.video().id, jobContext.getExecutionId(), at.phase(), at.batch());
        });
    }
}
