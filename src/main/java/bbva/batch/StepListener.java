package bbva.batch;

import bbva.store.Store;
import jakarta.batch.api.BatchProperty;
import jakarta.batch.api.listener.AbstractStepListener;
import jakarta.batch.runtime.Metric;
import jakarta.batch.runtime.context.JobContext;
import jakarta.batch.runtime.context.StepContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.Locale;
import java.util.logging.Level;
import java.util.logging.Logger;

/** Around every step: time it; on failure, record the reason as the step's and the job's exit status. */
@Named("stepListener")
@Dependent
public class StepListener extends AbstractStepListener {
    private static final Logger LOG = Logger.getLogger(StepListener.class.getName());

    @Inject
    JobContext jobContext;
    @Inject
    StepContext stepContext;
    @Inject
    Store store;
    /** "true" on the steps of split "analyze" (set in the job XML). */
    @Inject
    @BatchProperty
    String inSplit;

    private long started;

    @Override
    public void beforeStep() {
        started = System.nanoTime();
        LOG.info(() -> stepContext.getStepName() + ": started (analysis " + jobContext.getInstanceId() + ", execution "
                + jobContext.getExecutionId() + ")");
    }

    @Override
    public void afterStep() {
        long nanos = System.nanoTime() - started;
        RunMetrics.of(jobContext.getExecutionId()).addStep(stepContext.getStepName(), nanos);
        Exception error = stepContext.getException();
        if (error != null) {
            String reason = ExitStatuses.failed(error);
            jobContext.setExitStatus(reason);
            stepContext.setExitStatus(reason);
            if ("true".equals(inSplit)) {
                // the job's exit status set from inside a split may not reach the job: the job listener reads this
                store.recordFailure(jobContext.getProperties().getProperty("video"), jobContext.getExecutionId(), reason);
            }
            LOG.log(Level.SEVERE, stepContext.getStepName() + ": " + reason, error);
            return;
        }
        LOG.info(() -> String.format(Locale.ROOT, "%s: ended in %.1f s%s", stepContext.getStepName(), nanos / 1e9, counts()));
    }

    /** A chunk step's counts, e.g. ", read 90, written 90, commits 3". */
    private String counts() {
        StringBuilder out = new StringBuilder();
        boolean any = false;
        for (Metric m : stepContext.getMetrics()) {
            any |= m.getValue() != 0;
            switch (m.getType()) {
                case READ_COUNT -> out.append(", read ").append(m.getValue());
                case WRITE_COUNT -> out.append(", written ").append(m.getValue());
                case COMMIT_COUNT -> out.append(", commits ").append(m.getValue());
                default -> { }
            }
        }
        return any ? out.toString() : "";   // a batchlet has no counts
    }
}
