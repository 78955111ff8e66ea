package bbva.cli;

import bbva.embedded.EmbeddedRuntime;
import bbva.progress.Progress;
import bbva.store.BatchEntity;
import bbva.store.Status;
import bbva.store.VideoEntity;
import jakarta.batch.runtime.JobExecution;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

@Command(name = "status", description = "Every analysis with its progress; with VIDEO, also its batch table. Works while a job runs.")
final class StatusCommand implements Callable<Integer> {
    @Parameters(index = "0", arity = "0..1", paramLabel = "VIDEO")
    Path video;
    @Mixin
    ProgressOptions progress;
    @Mixin
    DataDirOption data;

    @Override
    public Integer call() throws Exception {
        try (EmbeddedRuntime runtime = Session.forReading(data.resolve(), "status")) {
            Properties holder = runtime.owner() ? new Properties() : runtime.dataDir().holder();
            List<VideoEntity> videos = runtime.store().videos();
            if (video != null) {
                String path = video.toAbsolutePath().normalize().toString();
                videos = videos.stream().filter(v -> v.path.equals(path)).toList();
                if (videos.isEmpty()) {
                    System.err.println("No analysis of " + path + " in " + runtime.dataDir().root() + ".");
                    return ExitCodes.BAD_INPUT;
                }
            }
            if (videos.isEmpty()) {
                System.out.println("No analyses in " + runtime.dataDir().root() + ". Start one with: bbva analyze VIDEO");
                return ExitCodes.OK;
            }
            System.out.printf("%-28s %-12s %-28s %-8s %-9s %s%n", "VIDEO", "STATUS", "DETECTION", "OVERALL", "BATCHES", "EXECUTION");
            for (VideoEntity v : videos) {
                List<BatchEntity> batches = runtime.store().batches(v.id);
                Progress p = Progress.of(v, batches);
                Optional<JobExecution> e = Executions.latest(runtime.jobs(), v.path);
                System.out.printf("%-28s %-12s %-28s %-8s %-9s %s%n", v.name, state(v, holder),
                        p.detectionLine().substring("Detection: ".length()),
                        Progress.percent(p.overall(progress.weights())) + "%",
                        p.batchesDone() + "/" + p.batchesTotal(),
                        e.map(x -> x.getExecutionId() + " " + x.getBatchStatus() + exitReason(x)).orElse("-"));
                if (video != null) {
                    printBatches(batches);
                }
            }
            return ExitCodes.OK;
        }
    }

    /** "analyzing" left behind by a killed process reads as interrupted. */
    private static String state(VideoEntity v, Properties holder) {
        if (Status.ANALYZING.equals(v.status) && !v.path.equals(holder.getProperty("video"))) {
            return "interrupted";
        }
        return Status.ANALYZING.equals(v.status) ? "running" : v.status;
    }

    private static String exitReason(JobExecution e) {
        String exit = e.getExitStatus();
        return exit != null && exit.startsWith("FAILED: ") ? " — " + exit.substring(8) : "";
    }

    private static void printBatches(List<BatchEntity> batches) {
        System.out.printf("%n  %-6s %-13s %-11s %-11s%n", "BATCH", "FRAMES", "DETECTION", "OCR");
        for (BatchEntity b : batches) {
            System.out.printf("  %-6d %-13s %-11s %-11s%n", b.batchIndex, b.frameStart + "-" + b.frameEnd,
                    b.detectionStatus, b.ocrStatus);
        }
    }
}
