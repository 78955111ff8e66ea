package bbva.batch;

import bbva.AnalysisSlots;
import bbva.batch.detect.DetectionRuns;
import bbva.progress.Progress;
import bbva.store.Status;
import bbva.store.Store;
import jakarta.batch.api.listener.AbstractJobListener;
import jakarta.batch.runtime.BatchStatus;
import jakarta.batch.runtime.context.JobContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.logging.Logger;

/**
 * Keeps the videos row of this analysis in step with its executions (a restart names its execution
 * there; at the end: completed, failed or stopped) and gives the job its final exit status: "COMPLETED", "STOPPED: ..." or the failed step's
 * reason, never a decision's value.
 */
@Named("jobListener")
@Dependent
public class JobListener extends AbstractJobListener {
    private static final Logger LOG = Logger.getLogger(JobListener.class.getName());
    /** A step failed but could not store why: on Liberty, a partition on another server, or a database lost meanwhile. */
    private static final String UNRECORDED = "a step failed, and its reason could not be stored (was the database unreachable?). "
            + "The failing step's log has it: the job log, or the messages.log of the server that ran it. Stored batches are kept; "
            + "after fixing the cause, restart the analysis to continue.";

    @Inject
    JobContext jobContext;
    @Inject
    Store store;
    @Inject
    AnalysisSlots slots;

    /**
     * Waits for one of the runtime's analysis slots (afterJob gives it back). The wait is here, before
     * any step, because a step holds its runtime's job-repository locks while it runs, and a queue of
     * waiting steps would time out other jobs' writes there.
     */
    @Override
    public void beforeJob() throws InterruptedException {
        LOG.info(() -> "Analysis " + jobContext.getInstanceId() + " of " + video() + ": execution " + jobContext.getExecutionId()
                + " waits for an analysis slot");
        slots.acquire(jobContext.getExecutionId(), () -> jobContext.getBatchStatus() == BatchStatus.STOPPING);
        LOG.info(() -> "Analysis " + jobContext.getInstanceId() + ": execution " + jobContext.getExecutionId() + " started");
        DetectionRuns.forget(video());
        store.continueAnalysis(video(), jobContext.getInstanceId(), jobContext.getExecutionId());
    }

    @Override
    public void afterJob() {
        try {
            finish();
        } finally {
            DetectionRuns.forget(video());
            slots.release(jobContext.getExecutionId());
        }
    }

    private void finish() {
        // JBeret reports COMPLETED here, Liberty still STARTED: both mean every step ended well
        BatchStatus status = jobContext.getBatchStatus();
        String videoStatus = switch (status) {
            case COMPLETED, STARTED -> Status.COMPLETED;
            case STOPPING, STOPPED -> Status.STOPPED;
            default -> Status.FAILED;
        };
        if (videoStatus.equals(Status.COMPLETED)) {
            jobContext.setExitStatus(BatchStatus.COMPLETED.name());
        } else if (videoStatus.equals(Status.STOPPED)) {
            jobContext.setExitStatus(stopReason());
        } else if (jobContext.getExitStatus() == null || !jobContext.getExitStatus().startsWith(ExitStatuses.FAILED)) {
            jobContext.setExitStatus(store.video(video()).filter(v -> v.failure != null && Long.valueOf(jobContext.getInstanceId()).equals(v.jobInstance))
                    .map(v -> v.failure).orElse(ExitStatuses.FAILED + UNRECORDED));
        }
        store.finishVideo(video(), jobContext.getInstanceId(), videoStatus);
        LOG.info(() -> "Analysis " + jobContext.getInstanceId() + ": execution " + jobContext.getExecutionId() + " ended "
                + jobContext.getExitStatus());
    }

    private String stopReason() {
        return store.video(video()).map(v -> {
            Progress p = Progress.of(v.analyzedFrames, v.frameStride, store.batches(v.id));
            return ExitStatuses.stopped(p.batchesDone(), p.ocrBatchesDone(), p.batchesTotal(), p.ocrEnabled());
        }).orElse(ExitStatuses.STOPPED + "stopped on request before the video was prepared; restart the analysis to continue.");
    }

    private String video() {
        return jobContext.getProperties().getProperty("video");
    }
}
