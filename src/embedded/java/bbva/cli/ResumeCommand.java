package bbva.cli;

import bbva.app.Analyses;
import bbva.embedded.EmbeddedRuntime;
import jakarta.batch.runtime.BatchStatus;
import jakarta.batch.runtime.JobExecution;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

@Command(name = "resume", description = "Continue the interrupted or failed analysis of a video from its last completed batch.")
final class ResumeCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "VIDEO")
    Path video;
    @Mixin
    ProgressOptions progress;
    @Mixin
    DataDirOption data;

    @Override
    public Integer call() throws Exception {
        String path = video.toAbsolutePath().normalize().toString();
        try (EmbeddedRuntime runtime = Session.forJobs(data.resolve(), "resume", path)) {
            Optional<JobExecution> latest = new Analyses(runtime.jobs()).latestOf(path);
            if (latest.isEmpty()) {
                System.err.println("No analysis of " + path + " in " + runtime.dataDir().root()
                        + ". Start one with: bbva analyze " + path);
                return ExitCodes.BAD_INPUT;
            }
            JobExecution e = latest.get();
            if (e.getBatchStatus() == BatchStatus.COMPLETED) {
                System.out.println("The analysis of " + path + " is already complete (execution " + e.getExecutionId() + ").");
                return ExitCodes.OK;
            }
            System.out.println("Resuming execution " + e.getExecutionId() + " (" + e.getBatchStatus() + ").");
            long restarted = runtime.jobs().restart(e.getExecutionId(), null);
            return new JobWatcher(runtime, path, progress.weights(), progress.show()).watch(restarted);
        }
    }
}
