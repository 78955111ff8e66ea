package bbva.batch.detect;

import jakarta.batch.api.listener.AbstractStepListener;
import jakarta.batch.runtime.context.JobContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/** Step listener of "detect": tells {@link DetectionRuns} when detection starts and ends. */
@Named("detectionRunListener")
@Dependent
public class DetectionRunListener extends AbstractStepListener {
    @Inject
    JobContext jobContext;

    @Override
    public void beforeStep() {
        DetectionRuns.started(video());
    }

    @Override
    public void afterStep() {
        DetectionRuns.ended(video());
    }

    private String video() {
        return jobContext.getProperties().getProperty("video");
    }
}
