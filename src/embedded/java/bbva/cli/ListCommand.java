package bbva.cli;

import bbva.app.Analyses;
import bbva.embedded.EmbeddedRuntime;
import jakarta.batch.runtime.JobExecution;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "list", description = "List job executions (ids for bbva restart).")
final class ListCommand implements Callable<Integer> {
    @Mixin
    DataDirOption data;

    @Override
    public Integer call() throws Exception {
        try (EmbeddedRuntime runtime = Session.forReading(data.resolve(), "list")) {
            System.out.printf("%-10s %-9s %-11s %-30s %s%n", "EXECUTION", "INSTANCE", "STATUS", "VIDEO", "EXIT STATUS");
            Analyses analyses = new Analyses(runtime.jobs());
            for (JobExecution e : analyses.executions()) {
                String video = Analyses.videoOf(e);
                long instance = analyses.instanceOf(e);
                System.out.printf("%-10d %-9d %-11s %-30s %s%n", e.getExecutionId(), instance, e.getBatchStatus(),
                        video == null ? "-" : Path.of(video).getFileName(), e.getExitStatus());
            }
            return ExitCodes.OK;
        }
    }
}
