package bbva.batch;

import jakarta.batch.api.listener.AbstractStepListener;
import jakarta.batch.runtime.context.JobContext;
import jakarta.batch.runtime.context.StepContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/** Around every step: time it; on failure, record the reason as the step's and the job's exit status. */
@Named("stepListener")
@Dependent
public class StepListener extends AbstractStepListener {
    @Inject
    JobContext jobContext;
    @Inject
    StepContext stepContext;

    private long started;

    @Override
    public void beforeStep() {
        started = System.nanoTime();
    }

    @Override
    public void afterStep() {
        RunMetrics.addStep(stepContext.getStepName(), System.nanoTime() - started);
        Exception error = stepContext.getException();
        if (error != null) {
            String reason = ExitStatuses.failed(error);
            jobContext.setExitStatus(reason);
            stepContext.setExitStatus(reason);
        }
    }
}
