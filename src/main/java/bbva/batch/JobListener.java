package bbva.batch;

import bbva.store.Status;
import bbva.store.Store;
import jakarta.batch.api.listener.AbstractJobListener;
import jakarta.batch.runtime.BatchStatus;
import jakarta.batch.runtime.context.JobContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/** Keeps videos.status in step with the job: analyzing while it runs, then completed, failed or stopped. */
@Named("jobListener")
@Dependent
public class JobListener extends AbstractJobListener {
    @Inject
    JobContext jobContext;
    @Inject
    Store store;

    @Override
    public void beforeJob() {
        store.setVideoStatus(video(), Status.ANALYZING);
    }

    @Override
    public void afterJob() {
        BatchStatus status = jobContext.getBatchStatus();
        // JBeret reports COMPLETED here, Liberty still STARTED: both mean every step ended well
        String videoStatus = switch (status) {
            case COMPLETED, STARTED -> Status.COMPLETED;
            case STOPPING, STOPPED -> Status.STOPPED;
            default -> Status.FAILED;
        };
        // a step that failed has set the reason already; a completed job would otherwise end with the
        // ocrDecision's value ("ocr"/"skip") as its exit status
        if (videoStatus.equals(Status.COMPLETED)) {
            jobContext.setExitStatus(BatchStatus.COMPLETED.name());
        }
        store.setVideoStatus(video(), videoStatus);
    }

    private String video() {
        return jobContext.getProperties().getProperty("video");
    }
}
