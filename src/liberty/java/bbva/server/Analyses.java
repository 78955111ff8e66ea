package bbva.server;

import jakarta.batch.operations.NoSuchJobException;
import jakarta.batch.runtime.BatchRuntime;
import jakarta.batch.runtime.JobExecution;
import jakarta.batch.runtime.JobInstance;
import jakarta.batch.runtime.Metric;
import jakarta.batch.runtime.StepExecution;
import jakarta.ws.rs.NotFoundException;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Analyses as the batch runtime knows them: an analysis id is the job instance id. */
final class Analyses {
    static final String JOB = "video-analysis";

    private Analyses() {
    }

    static List<JobInstance> all() {
        try {
            return BatchRuntime.getJobOperator().getJobInstances(JOB, 0, Integer.MAX_VALUE);
        } catch (NoSuchJobException e) {
            return List.of();
        }
    }

    static JobExecution latestExecution(long id) {
        for (JobInstance instance : all()) {
            if (instance.getInstanceId() == id) {
                return latestExecution(instance);
            }
        }
        throw new NotFoundException("No analysis " + id + ": GET /api/analyses lists them.");
    }

    static JobExecution latestExecution(JobInstance instance) {
        return BatchRuntime.getJobOperator().getJobExecutions(instance).stream()
                .max(Comparator.comparingLong(JobExecution::getExecutionId)).orElseThrow();
    }

    /** The execution's steps with their batch status and chunk counts (what a restart re-did). */
    static List<Map<String, Object>> steps(long executionId) {
        List<StepExecution> steps = BatchRuntime.getJobOperator().getStepExecutions(executionId);
        return steps.stream().sorted(Comparator.comparingLong(StepExecution::getStepExecutionId)).map(s -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("step", s.getStepName());
            m.put("batchStatus", s.getBatchStatus().name());
            m.put("exitStatus", s.getExitStatus());
            for (Metric metric : s.getMetrics()) {
                switch (metric.getType()) {
                    case READ_COUNT -> m.put("readCount", metric.getValue());
                    case WRITE_COUNT -> m.put("writeCount", metric.getValue());
                    case COMMIT_COUNT -> m.put("commitCount", metric.getValue());
                    default -> { }
                }
            }
            return m;
        }).toList();
    }
}
