package bbva.cli;

import bbva.AnalysisParameters;
import jakarta.batch.operations.JobOperator;
import jakarta.batch.operations.NoSuchJobException;
import jakarta.batch.runtime.BatchStatus;
import jakarta.batch.runtime.JobExecution;
import jakarta.batch.runtime.JobInstance;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** Looks up the video-analysis executions in the job repository. */
final class Executions {
    static final String JOB = "video-analysis";

    private Executions() {
    }

    static List<JobExecution> all(JobOperator ops) {
        List<JobExecution> out = new ArrayList<>();
        int count;
        try {
            count = ops.getJobInstanceCount(JOB);
        } catch (NoSuchJobException e) {
            return out;
        }
        for (JobInstance instance : ops.getJobInstances(JOB, 0, count)) {
            out.addAll(ops.getJobExecutions(instance));
        }
        out.sort(Comparator.comparingLong(JobExecution::getExecutionId));
        return out;
    }

    /** The newest execution that analyzed this video. */
    static Optional<JobExecution> latest(JobOperator ops, String video) {
        return all(ops).stream()
                .filter(e -> video.equals(videoOf(e)))
                .max(Comparator.comparingLong(JobExecution::getExecutionId));
    }

    static String videoOf(JobExecution e) {
        return e.getJobParameters() == null ? null : e.getJobParameters().getProperty(AnalysisParameters.VIDEO);
    }

    static boolean unfinished(JobExecution e) {
        BatchStatus s = e.getBatchStatus();
        return s != BatchStatus.COMPLETED && s != BatchStatus.ABANDONED;
    }
}
