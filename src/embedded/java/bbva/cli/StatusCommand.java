package bbva.cli;

import bbva.embedded.EmbeddedRuntime;
import bbva.progress.Progress;
import bbva.app.AnalysisStatus;
import bbva.app.AnalysisStatuses;
import bbva.app.Analyses;
import bbva.store.Batch;
import bbva.store.Status;
import bbva.store.VideoEntity;
import jakarta.batch.runtime.BatchStatus;
import jakarta.batch.runtime.JobExecution;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

@Command(name = "status", description = "Every analysis with its progress; with VIDEO, also its batch table. Works while a job runs.")
final class StatusCommand implements Callable<Integer> {
    private static final String ROW = "%-24s %-12s %-24s %-24s %-8s %-8s %s%n";
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
            String only = video == null ? null : video.toAbsolutePath().normalize().toString();
            List<VideoEntity> videos = runtime.store().videos().stream()
                    .filter(v -> only == null || v.path.equals(only)).toList();
            Map<String, JobExecution> latest = new TreeMap<>();
            for (JobExecution e : new Analyses(runtime.jobs()).executions()) {   // oldest first: the last one stays
                String path = Analyses.videoOf(e);
                if (path != null && (only == null || path.equals(only))) {
                    latest.put(path, e);
                }
            }
            // analyses that never got past prepare (bad input, or killed there) exist only as executions
            Map<String, JobExecution> unprepared = new TreeMap<>(latest);
            videos.forEach(v -> unprepared.remove(v.path));
            if (videos.isEmpty() && unprepared.isEmpty()) {
                System.err.println(only != null ? "No analysis of " + only + " in " + runtime.dataDir().root() + "."
                        : "No analyses in " + runtime.dataDir().root() + ". Start one with: bbva analyze VIDEO");
                return only != null ? ExitCodes.BAD_INPUT : ExitCodes.OK;
            }
            System.out.printf(ROW, "VIDEO", "STATUS", "DETECTION", "OCR", "OVERALL", "BATCHES", "EXECUTION");
            unprepared.forEach((path, e) -> System.out.printf(ROW, Path.of(path).getFileName(), state(e, path, holder),
                    "not prepared", "-", "0%", "-", e.getExecutionId() + " " + e.getBatchStatus() + exitReason(e)));
            AnalysisStatuses statuses = new AnalysisStatuses(runtime.store());
            for (VideoEntity v : videos) {
                AnalysisStatus status = statuses.of(v);
                Progress p = status.progress();
                Optional<JobExecution> e = Optional.ofNullable(latest.get(v.path));
                System.out.printf(ROW, v.name, state(v, holder), ProgressText.detection(p),
                        p.ocrEnabled() ? ProgressText.ocr(p) : "skipped",
                        Progress.percent(p.overall(progress.weights())) + "%",
                        p.batchesDone() + "/" + p.batchesTotal(),
                        e.map(x -> x.getExecutionId() + " " + x.getBatchStatus() + exitReason(x)).orElse("-"));
                if (video != null) {
                    printStreams(status);
                    printBatches(status.batches());
                }
            }
            return ExitCodes.OK;
        }
    }

    private static String state(JobExecution e, String path, Properties holder) {
        if (e.getBatchStatus() == BatchStatus.STARTED || e.getBatchStatus() == BatchStatus.STARTING) {
            return path.equals(holder.getProperty("video")) ? "running" : "interrupted";
        }
        return e.getBatchStatus().name().toLowerCase(Locale.ROOT);
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

    private static void printStreams(AnalysisStatus status) {
        System.out.printf("%n  mode: %s, detection streams: %d%n", status.executionMode(), status.streams().size());
        if (status.streams().size() > 1) {
            for (int i = 0; i < status.streams().size(); i++) {
                AnalysisStatus.Stream s = status.streams().get(i);
                System.out.printf("  stream %d: batches %d-%d, %d/%d detected%n", i + 1, s.firstBatch(), s.lastBatch(),
                        s.detected(), s.batches());
            }
        }
    }

    private static void printBatches(List<Batch> batches) {
        System.out.printf("%n  %-6s %-13s %-11s %-11s %-24s %s%n", "BATCH", "FRAMES", "DETECTION", "OCR", "DETECTED BY", "READ BY");
        for (Batch b : batches) {
            System.out.printf("  %-6d %-13s %-11s %-11s %-24s %s%n", b.index(), b.frameStart() + "-" + b.frameEnd(),
                    b.detection().db(), b.ocr().db(), b.detectedBy() == null ? "-" : b.detectedBy(),
                    b.readBy() == null ? "-" : b.readBy());
        }
    }
}
