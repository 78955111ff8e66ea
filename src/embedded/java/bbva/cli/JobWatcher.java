package bbva.cli;

import bbva.app.AnalysisStatus;
import bbva.app.AnalysisStatuses;
import bbva.batch.RunMetrics;
import bbva.bench.RunStats;
import bbva.embedded.EmbeddedRuntime;
import bbva.identify.Player;
import bbva.progress.Progress;
import bbva.store.ConnectionLoss;
import bbva.store.Store;
import bbva.store.VideoEntity;
import jakarta.batch.runtime.BatchStatus;
import jakarta.batch.runtime.JobExecution;
import java.io.IOException;
import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Waits for a job in this process (JBeret's threads are daemons, so the CLI must), shows progress,
 * turns Ctrl-C and SIGTERM into a stop at the next checkpoint, and prints the summary.
 */
final class JobWatcher {
    private static final long POLL_MS = 300;

    private final EmbeddedRuntime runtime;
    private final String video;
    private final Progress.Weights weights;
    private final boolean showProgress;
    private final PrintStream out = System.out;
    private final PrintStream err = System.err;
    private final AnalysisStatuses statuses;
    private long ocrNanos0;
    private RunMetrics metrics;

    JobWatcher(EmbeddedRuntime runtime, String video, Progress.Weights weights, boolean showProgress) {
        this.runtime = runtime;
        this.video = video;
        this.weights = weights;
        this.showProgress = showProgress;
        this.statuses = new AnalysisStatuses(runtime.store());
    }

    /**
     * Follows the execution to its end. If the database goes away meanwhile, the job cannot even record
     * its end: say so, and how to continue (the execution stays STARTED, which resume restarts).
     */
    int watch(long executionId) throws InterruptedException, IOException {
        try {
            return follow(executionId);
        } catch (RuntimeException e) {
            if (!ConnectionLoss.causes(e)) {
                throw e;
            }
            err.println("error: lost the database (" + ConnectionLoss.reason(e) + "). The analysis stopped; the batches "
                    + "it stored are kept. Once the database is back, continue with: bbva resume " + video);
            return ExitCodes.JOB_FAILED;
        }
    }

    private int follow(long executionId) throws InterruptedException, IOException {
        out.println("Execution " + executionId + ": analyzing " + video);
        long t0 = System.nanoTime();
        metrics = RunMetrics.of(executionId);
        long inference0 = metrics.inferenceNanos();
        ocrNanos0 = metrics.ocrNanos();
        int framesBefore = progress().map(Progress::framesDone).orElse(0);
        RunStats stats = new RunStats();
        BatchStatus status;
        java.util.OptionalInt signalled;
        try (StopSignals signals = new StopSignals(() -> requestStop(executionId), this::stopAtOnce);
             ProgressView view = showProgress ? new ProgressView(err, System.console() != null) : null) {
            while (!terminal(status = execution(executionId).getBatchStatus())) {
                if (view != null) {
                    progress().ifPresent(p -> view.update(p, weights));
                }
                stats.sample();
                Thread.sleep(POLL_MS);
            }
            if (view != null) {
                progress().ifPresent(p -> view.update(p, weights));
            }
            runtime.awaitEnd(executionId, 60);
            status = execution(executionId).getBatchStatus();
            signalled = signals.exitCode();
        }
        double wall = (System.nanoTime() - t0) / 1e9;
        double inference = (metrics.inferenceNanos() - inference0) / 1e9;
        int framesRun = summarize(executionId, status, wall, inference, framesBefore);
        stats.writeIfRequested(wall, inference, framesRun, metrics.stepSeconds(), metrics.ocrWaitNanos() / 1e9);
        if (signalled.isPresent() && status != BatchStatus.COMPLETED) {
            return signalled.getAsInt();
        }
        return status == BatchStatus.COMPLETED ? ExitCodes.OK : ExitCodes.JOB_FAILED;
    }

    /** Prints the summary; returns the frames this run analyzed. */
    private int summarize(long id, BatchStatus status, double wall, double inference, int framesBefore) {
        JobExecution e = execution(id);
        Store store = runtime.store();
        Optional<VideoEntity> v = store.video(video);
        out.println("Analysis of " + video + " " + status + " (execution " + id + ")");
        if (status == BatchStatus.FAILED && e.getExitStatus() != null) {
            out.println("  reason          : " + e.getExitStatus());
        }
        if (v.isEmpty()) {
            if (status == BatchStatus.STOPPED) {
                out.println("Stopped before the video was prepared. Resume with: bbva resume " + video);
            }
            return 0;
        }
        AnalysisStatus stored = statuses.of(v.get());
        Progress p = stored.progress();
        int framesRun = p.framesDone() - framesBefore;
        out.println("  frames analyzed : " + p.framesDone() + " of " + p.framesTotal() + " (video has "
                + v.get().frameCount + " frames, stride " + v.get().frameStride + ")");
        out.println("  detections      : " + stored.detections());
        out.println("  batches         : " + p.batchesDone() + "/" + p.batchesTotal() + " completed ("
                + v.get().batchSize + " frames each)");
        out.println("  detector        : " + v.get().detector);
        out.println(String.format(Locale.ROOT, "  wall time       : %.1f s (this run: %d frames, %.1f frames/s)",
                wall, framesRun, framesRun / Math.max(wall, 1e-9)));
        if (framesRun > 0) {
            out.println(String.format(Locale.ROOT, "  model inference : %.1f s (%.1f ms/frame, %.0f%% of wall time)",
                    inference, inference * 1000 / framesRun, 100 * inference / Math.max(wall, 1e-9)));
        }
        if (p.ocrEnabled()) {
            String batches = p.ocrBatchesDone() + "/" + p.ocrBatchesTotal() + " batches";
            out.println("  jersey OCR      : " + (p.ocrTotal() > 0 ? p.ocrDone() + "/" + p.ocrTotal() + " crops read (" + batches + ")"
                    : batches + " read") + ocrModelTime());
        }
        if (status == BatchStatus.COMPLETED) {
            List<Player> players = runtime.players().players(v.get().id);
            PlayersTable.print(out, v.get(), players);
            PlayersTable.printPeople(out, v.get(), players);
        }
        if (status == BatchStatus.STOPPED) {
            out.println("Stopped with " + p.batchesDone() + "/" + p.batchesTotal() + " batches stored. Resume with: bbva resume " + video);
        } else if (status != BatchStatus.COMPLETED) {
            out.println("  Completed batches are kept. After fixing the cause, continue with: bbva resume " + video);
        }
        return framesRun;
    }

    /** The OCR model's time in this run, when it ran. */
    private String ocrModelTime() {
        double seconds = (metrics.ocrNanos() - ocrNanos0) / 1e9;
        return seconds > 0 ? String.format(Locale.ROOT, ", OCR model %.1f s", seconds) : "";
    }

    private Optional<Progress> progress() {
        return runtime.store().video(video).map(statuses::progress);
    }

    private JobExecution execution(long id) {
        return runtime.jobs().getJobExecution(id);
    }

    /** First Ctrl-C or SIGTERM: ask the job to stop at its next checkpoint; the main loop then sees it end. */
    private void requestStop(long id) {
        if (terminal(execution(id).getBatchStatus())) {
            return;
        }
        err.println();
        err.println("Interrupted: stopping at the next checkpoint (press Ctrl-C again to quit at once; "
                + "either way, resume with: bbva resume " + video + ")");
        try {
            runtime.jobs().stop(id);
        } catch (Exception e) {
            err.println("Could not stop cleanly (" + e.getMessage() + "); bbva resume will still continue.");
        }
    }

    private void stopAtOnce() {
        err.println();
        err.println("Quitting at once. Committed batches are kept; continue with: bbva resume " + video);
        err.flush();
    }

    static boolean terminal(BatchStatus s) {
        return s == BatchStatus.COMPLETED || s == BatchStatus.FAILED || s == BatchStatus.STOPPED
                || s == BatchStatus.ABANDONED;
    }
}
