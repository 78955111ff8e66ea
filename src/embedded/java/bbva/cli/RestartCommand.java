package bbva.cli;

import bbva.app.Analyses;
import bbva.embedded.EmbeddedRuntime;
import jakarta.batch.operations.JobExecutionAlreadyCompleteException;
import jakarta.batch.operations.NoSuchJobExecutionException;
import jakarta.batch.runtime.JobExecution;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

@Command(name = "restart", description = "Restart a failed, stopped or interrupted execution by id (see bbva list).")
final class RestartCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "EXECUTION_ID")
    long executionId;
    @Mixin
    ProgressOptions progress;
    @Mixin
    DataDirOption data;

    @Override
    public Integer call() throws Exception {
        try (EmbeddedRuntime runtime = Session.forJobs(data.resolve(), "restart", "")) {
            JobExecution e;
            try {
                e = runtime.jobs().getJobExecution(executionId);
            } catch (NoSuchJobExecutionException ex) {
                System.err.println("No execution " + executionId + " in " + runtime.dataDir().root() + "; see bbva list.");
                return ExitCodes.BAD_INPUT;
            }
            try {
                long restarted = runtime.jobs().restart(executionId, null);
                return new JobWatcher(runtime, Analyses.videoOf(e), progress.weights(), progress.show()).watch(restarted);
            } catch (JobExecutionAlreadyCompleteException ex) {
                System.out.println("Execution " + executionId + " already completed; nothing to restart.");
                return ExitCodes.OK;
            }
        }
    }
}
