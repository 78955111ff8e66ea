package bbva.app;

import bbva.AnalysisParameters;
import bbva.Param;
import jakarta.batch.operations.JobOperator;
import jakarta.batch.operations.NoSuchJobException;
import jakarta.batch.runtime.BatchStatus;
import jakarta.batch.runtime.JobExecution;
import jakarta.batch.runtime.JobInstance;
import jakarta.batch.runtime.Metric;
import jakarta.batch.runtime.StepExecution;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Properties;

/**
 * Analyses as a batch runtime's job repository knows them. An analysis is a job instance of
 * {@link #JOB} (its id is the analysis id); its executions are the runs and restarts.
 */
public final class Analyses {
    public static final String JOB = "video-analysis";

    /** One step of an execution, with the chunk counts that show what a restart re-did. */
    public record Step(String step, String batchStatus, String exitStatus, Long readCount, Long writeCount, Long commitCount) {
    }

    private final JobOperator jobs;

    public Analyses(JobOperator jobs) {
        this.jobs = jobs;
    }

    public long start(AnalysisRequest request) {
        return jobs.start(JOB, request.jobParameters());
    }

    /** Asks a running execution to stop: the current chunk ends early, its work is checkpointed. */
    public void stop(JobExecution e) {
        jobs.stop(e.getExecutionId());
    }

    /**
     * Continues a FAILED or STOPPED execution from its checkpoints with its own parameters (passed
     * explicitly: runtimes differ on what a restart without parameters gets), less a forced failure
     * left over from trying restarts out.
     */
    public long restart(JobExecution e) {
        Properties p = new Properties();
        p.putAll(e.getJobParameters());
        p.remove(Param.FAIL_AT_FRAME.id);
        return jobs.restart(e.getExecutionId(), p);
    }

    /** Running or about to: a stop applies, a restart does not. */
    public static boolean active(JobExecution e) {
        BatchStatus s = e.getBatchStatus();
        return s == BatchStatus.STARTING || s == BatchStatus.STARTED || s == BatchStatus.STOPPING;
    }

    public List<JobInstance> instances() {
        try {
            List<JobInstance> all = new ArrayList<>(jobs.getJobInstances(JOB, 0, Integer.MAX_VALUE));
            all.sort(Comparator.comparingLong(JobInstance::getInstanceId));
            return all;
        } catch (NoSuchJobException e) {
            return List.of();
        }
    }

    public Optional<JobExecution> latestExecution(long instanceId) {
        return instances().stream().filter(i -> i.getInstanceId() == instanceId).findFirst().map(this::latestExecution);
    }

    public JobExecution latestExecution(JobInstance instance) {
        return jobs.getJobExecutions(instance).stream().max(Comparator.comparingLong(JobExecution::getExecutionId)).orElseThrow();
    }

    /** Every execution, oldest first. */
    public List<JobExecution> executions() {
        List<JobExecution> out = new ArrayList<>();
        for (JobInstance instance : instances()) {
            out.addAll(jobs.getJobExecutions(instance));
        }
        out.sort(Comparator.comparingLong(JobExecution::getExecutionId));
        return out;
    }

    /** The newest execution that analyzed this video. */
    public Optional<JobExecution> latestOf(String video) {
        return executions().stream().filter(e -> video.equals(videoOf(e))).max(Comparator.comparingLong(JobExecution::getExecutionId));
    }

    public long instanceOf(JobExecution e) {
        return jobs.getJobInstance(e.getExecutionId()).getInstanceId();
    }

    public static String videoOf(JobExecution e) {
        Properties p = e.getJobParameters();
        return p == null ? null : p.getProperty(Param.VIDEO.id);
    }

    /** Not completed nor abandoned: a restart would continue it. */
    public static boolean unfinished(JobExecution e) {
        BatchStatus s = e.getBatchStatus();
        return s != BatchStatus.COMPLETED && s != BatchStatus.ABANDONED;
    }

    public List<Step> steps(long executionId) {
        return jobs.getStepExecutions(executionId).stream().sorted(Comparator.comparingLong(StepExecution::getStepExecutionId))
                .map(s -> new Step(s.getStepName(), s.getBatchStatus().name(), s.getExitStatus(),
                        metric(s, Metric.MetricType.READ_COUNT), metric(s, Metric.MetricType.WRITE_COUNT),
                        metric(s, Metric.MetricType.COMMIT_COUNT)))
                .toList();
    }

    private static Long metric(StepExecution s, Metric.MetricType type) {
        for (Metric m : s.getMetrics()) {
            if (m.getType() == type) {
                return m.getValue();
            }
        }
        return null;
    }
}
