package bbva.cli;

import bbva.AnalysisParameters;
import bbva.detect.DetectorFactory;
import bbva.embedded.EmbeddedRuntime;
import bbva.progress.Progress;
import jakarta.batch.runtime.BatchStatus;
import jakarta.batch.runtime.JobExecution;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "analyze", description = "Detect players in a video, checkpointing every batch of frames.")
final class AnalyzeCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "VIDEO", description = "The video file (.mp4, .avi, .mkv ...).")
    Path video;
    @Option(names = "--model", paramLabel = "FILE.onnx",
            description = "RF-DETR ONNX export (default: $BBVA_MODEL, else models/rfdetr.onnx if present).")
    Path model;
    @Option(names = "--detector", defaultValue = "auto", description = "auto, rfdetr or hog (default: ${DEFAULT-VALUE}).")
    String detector;
    @Option(names = "--batch-size", paramLabel = "N", description = "Frames per checkpointed batch (default: 30).")
    String batchSize;
    @Option(names = "--stride", paramLabel = "N", description = "Analyze every Nth frame (default: 1).")
    String stride;
    @Option(names = "--max-frames", paramLabel = "N", description = "Analyze only the first N frames.")
    String maxFrames;
    @Option(names = "--threshold", paramLabel = "P", description = "Minimum detection score (default: 0.5).")
    String threshold;
    @Option(names = "--classes", paramLabel = "A,B", description = "Class names to keep (default: people and ball).")
    String classes;
    @Option(names = "--threads", paramLabel = "N", description = "Inference threads (default: all cores).")
    String threads;
    @Option(names = "--detections", paramLabel = "FILE.csv",
            description = "With --detector file: boxes to use instead of a model (frame,classId,label,score,x1,y1,x2,y2).")
    Path detections;
    @Option(names = "--no-ocr", description = "Skip jersey-number OCR (players get no number).")
    boolean noOcr;
    @Option(names = "--ocr-threads", paramLabel = "N", description = "OCR partitions run in parallel (default: 1).")
    String ocrThreads;
    @Option(names = "--min-track-frames", paramLabel = "N",
            description = "Tracks seen in fewer analyzed frames are flagged short (default: 10).")
    String minTrackFrames;
    @Option(names = "--fresh", description = "Start over even if an analysis of this video exists.")
    boolean fresh;
    @Mixin
    ProgressOptions progress;
    @Mixin
    DataDirOption data;

    @Override
    public Integer call() throws Exception {
        AnalysisParameters params = AnalysisParameters.parse(parameters());
        String path = params.video().toString();
        if (params.fallsBackToHog()) {
            System.err.println(DetectorFactory.HOG_WARNING);
        }
        try (EmbeddedRuntime runtime = Session.forJobs(data.resolve(), "analyze", path)) {
            Optional<JobExecution> previous = Executions.latest(runtime.jobs(), path);
            JobWatcher watcher = new JobWatcher(runtime, path, progress.weights(), progress.show());
            if (previous.isPresent() && !fresh) {
                JobExecution e = previous.get();
                if (e.getBatchStatus() == BatchStatus.COMPLETED) {
                    System.out.println(path + " is already analyzed (execution " + e.getExecutionId()
                            + "). See it with bbva status / bbva export, or analyze again with --fresh.");
                    return ExitCodes.OK;
                }
                if (Executions.unfinished(e)) {
                    if (!sameParameters(e.getJobParameters(), params.toProperties())) {
                        System.err.println("An unfinished analysis of " + path + " (execution " + e.getExecutionId()
                                + ") used other parameters. Finish it with: bbva resume " + path
                                + "  or start over with: bbva analyze --fresh ...");
                        return ExitCodes.BAD_INPUT;
                    }
                    System.out.println("Resuming the unfinished analysis of " + path + " (execution "
                            + e.getExecutionId() + ", " + e.getBatchStatus() + ").");
                    return watcher.watch(runtime.jobs().restart(e.getExecutionId(), null));
                }
            }
            return watcher.watch(runtime.jobs().start(Executions.JOB, params.toProperties()));
        }
    }

    private Properties parameters() {
        Properties p = new Properties();
        p.setProperty(AnalysisParameters.VIDEO, video.toAbsolutePath().normalize().toString());
        p.setProperty(AnalysisParameters.DETECTOR, detector);
        Path chosen = model != null ? model : defaultModel();
        if (chosen != null && !"hog".equals(detector)) {
            p.setProperty(AnalysisParameters.MODEL, chosen.toAbsolutePath().normalize().toString());
        }
        put(p, AnalysisParameters.BATCH_SIZE, batchSize);
        put(p, AnalysisParameters.STRIDE, stride);
        put(p, AnalysisParameters.MAX_FRAMES, maxFrames);
        put(p, AnalysisParameters.THRESHOLD, threshold);
        put(p, AnalysisParameters.CLASSES, classes);
        put(p, AnalysisParameters.THREADS, threads);
        if (detections != null) {
            p.setProperty(AnalysisParameters.DETECTIONS, detections.toAbsolutePath().normalize().toString());
        }
        p.setProperty(AnalysisParameters.OCR_ENABLED, Boolean.toString(!noOcr));
        put(p, AnalysisParameters.OCR_THREADS, ocrThreads);
        put(p, AnalysisParameters.MIN_TRACK_FRAMES, minTrackFrames);
        p.setProperty(AnalysisParameters.REPLACE, Boolean.toString(fresh));
        return p;
    }

    /** $BBVA_MODEL, else models/rfdetr.onnx under the installation (bin/bbva sets bbva.home). */
    static Path defaultModel() {
        String env = System.getenv("BBVA_MODEL");
        if (env != null && !env.isBlank()) {
            return Path.of(env);
        }
        String home = System.getProperty("bbva.home");
        if (home != null) {
            Path p = Path.of(home, "models", "rfdetr.onnx");
            if (Files.isRegularFile(p)) {
                return p;
            }
        }
        return null;
    }

    private static void put(Properties p, String key, String value) {
        if (value != null) {
            p.setProperty(key, value);
        }
    }

    /** Thread counts are left out: they change speed, not results. */
    private static boolean sameParameters(Properties old, Properties now) {
        for (String k : new String[] {AnalysisParameters.BATCH_SIZE, AnalysisParameters.STRIDE,
                AnalysisParameters.MAX_FRAMES, AnalysisParameters.DETECTOR, AnalysisParameters.MODEL,
                AnalysisParameters.THRESHOLD, AnalysisParameters.CLASSES, AnalysisParameters.DETECTIONS,
                AnalysisParameters.OCR_ENABLED, AnalysisParameters.MIN_TRACK_FRAMES}) {
            if (!String.valueOf(old.getProperty(k)).equals(String.valueOf(now.getProperty(k)))) {
                return false;
            }
        }
        return true;
    }
}
