package bbva.batch;

import bbva.AnalysisParameters;
import jakarta.batch.runtime.context.JobContext;

/** The analysis parameters as the job XML passes them (job-level properties fed from job parameters). */
final class JobParameters {
    private JobParameters() {
    }

    static AnalysisParameters of(JobContext job) {
        return AnalysisParameters.parse(job.getProperties());
    }
}
