package bbva.cli;

import bbva.AnalysisException;
import bbva.embedded.EmbeddedRuntime;
import bbva.render.StoredResults;
import bbva.render.VideoRenderer;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "render", description = "Write the video with its stored results drawn on it: boxes, track ids, "
        + "jersey numbers, trails. Runs no model; frames not analysed yet are marked as such.")
final class RenderCommand implements Callable<Integer> {
    static final int INTERRUPTED = 130;

    @Parameters(index = "0", paramLabel = "VIDEO")
    Path video;
    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Output video (default: NAME-annotated.mp4); .mp4 is H.264.")
    Path output;
    @Option(names = "--from", paramLabel = "TIME", description = "Start at this time (75, 1:15, H:MM:SS or #FRAME).")
    String from;
    @Option(names = "--to", paramLabel = "TIME", description = "End at this time, included (default: the end).")
    String to;
    @Option(names = "--no-progress", description = "Do not show the progress bar.")
    boolean noProgress;
    @Mixin
    DataDirOption data;

    @Override
    public Integer call() throws Exception {
        try (EmbeddedRuntime runtime = Session.forReading(data.resolve(), "render")) {
            StoredResults results = StoredVideo.open(runtime, video);
            double fps = results.video().fps;
            int last = results.video().frameCount - 1;
            int first = from == null ? 0 : StoredVideo.frameAt(from, fps, "--from");
            int end = to == null ? last : Math.min(last, StoredVideo.frameAt(to, fps, "--to"));
            if (first > end) {
                throw new AnalysisException("--from is after --to (or after the video's end, frame " + last + ").");
            }
            Path out = output != null ? output : Path.of(results.video().name.replaceFirst("\\.[^.]*$", "") + "-annotated.mp4");
            VideoRenderer renderer = new VideoRenderer();
            // The JVM halts once its hooks return: the hook waits until this thread has said why it stopped.
            CountDownLatch reported = new CountDownLatch(1);
            Thread hook = new Thread(() -> {
                renderer.cancel();
                awaitQuietly(reported);
            }, "render-stop");
            Runtime.getRuntime().addShutdownHook(hook);
            try (ProgressBar bar = noProgress ? null : new ProgressBarBuilder().setTaskName("Render")
                    .setInitialMax(end - first + 1).setUpdateIntervalMillis(500).continuousUpdate().build()) {
                VideoRenderer.Result r = renderer.render(results, video, first, end, out,
                        n -> {
                            if (bar != null) {
                                bar.stepTo(n);
                            }
                        });
                System.err.printf(Locale.ROOT, "wrote %s: %d frames at %.1f frames/s%n", r.output(), r.frames(), r.framesPerSecond());
                return ExitCodes.OK;
            } catch (VideoRenderer.RenderCancelledException e) {
                System.err.println("render stopped; no file written");
                return INTERRUPTED;
            } finally {
                reported.countDown();
                try {
                    Runtime.getRuntime().removeShutdownHook(hook);
                } catch (IllegalStateException shuttingDown) {
                    // the hook is running: it waits for this render to clean up
                }
            }
        }
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
