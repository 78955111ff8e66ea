package bbva.batch;

import bbva.AnalysisException;
import bbva.AnalysisParameters;
import bbva.FilePolicy;
import bbva.RunningExecutions;
import bbva.store.JobOwner;
import bbva.store.Store;
import bbva.store.VideoEntity;
import jakarta.batch.runtime.context.JobContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;

/**
 * This job's analysis as its artifacts see it: the parameters (job-level properties fed from job
 * parameters), parsed and checked against the runtime's {@link FilePolicy} on every use, since a
 * restart may bring new parameters; and the video row prepare stored.
 */
@Dependent
public class JobParameters {
    @Inject
    JobContext jobContext;
    @Inject
    Store store;
    @Inject
    FilePolicy files;
    @Inject
    RunningExecutions running;

    public AnalysisParameters params() {
        return files.check(AnalysisParameters.parse(jobContext.getProperties()));
    }

    /** This execution's id (in a partition too: the id of the execution the partition belongs to). */
    public long execution() {
        return jobContext.getExecutionId();
    }

    /** This execution, as the owner of the video's rows while it runs. */
    public JobOwner owner() {
        return new JobOwner(jobContext.getInstanceId(), execution(), params().replace(), running);
    }

    public VideoEntity video() {
        String path = params().video().toString();
        return store.video(path).orElseThrow(() -> new AnalysisException(
                "No prepared analysis for " + path + "; start the analysis again."));
    }
}
