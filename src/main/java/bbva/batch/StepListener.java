package bbva.batch;

import bbva.detect.Detector;
import bbva.store.PlayerStore;
import bbva.store.Store;
import jakarta.batch.api.listener.AbstractStepListener;
import jakarta.batch.runtime.context.JobContext;
import jakarta.batch.runtime.context.StepContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/**
 * Around every step: time it; afterwards release the step's detector and, on failure, record the
 * reason and mark its batches failed.
 */
@Named("stepListener")
@Dependent
public class StepListener extends AbstractStepListener {
    @Inject
    JobContext jobContext;
    @Inject
    StepContext stepContext;
    @Inject
    Store store;
    @Inject
    PlayerStore players;

    private long started;

    @Override
    public void beforeStep() {
        started = System.nanoTime();
    }

    @Override
    public void afterStep() {
        RunMetrics.addStep(stepContext.getStepName(), System.nanoTime() - started);
        if (stepContext.getTransientUserData() instanceof Detector detector) {
            RunMetrics.addInference(detector.inferenceNanos());
            detector.close();
            stepContext.setTransientUserData(null);
        }
        Exception error = stepContext.getException();
        if (error != null) {
            String reason = Failures.reason(error);
            jobContext.setExitStatus(reason);
            stepContext.setExitStatus(reason);
            String video = jobContext.getProperties().getProperty("video");
            store.video(video).ifPresent(v -> {
                store.failInProgress(v.id);
                players.failOcrInProgress(v.id);
            });
        }
    }
}
