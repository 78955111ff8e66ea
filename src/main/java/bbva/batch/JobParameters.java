package bbva.batch;

import bbva.AnalysisException;
import bbva.AnalysisParameters;
import bbva.store.Store;
import bbva.store.VideoEntity;
import jakarta.batch.runtime.context.JobContext;

/** The analysis parameters as the job XML passes them (job-level properties fed from job parameters). */
final class JobParameters {
    private JobParameters() {
    }

    static AnalysisParameters of(JobContext job) {
        return AnalysisParameters.parse(job.getProperties());
    }

    /** The video row prepare stored for this job's video. */
    static VideoEntity video(JobContext job, Store store) {
        String path = of(job).video().toString();
        return store.video(path).orElseThrow(() -> new AnalysisException(
                "No prepared analysis for " + path + "; start it with bbva analyze."));
    }
}
