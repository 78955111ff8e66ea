package bbva.cli;

import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.Properties;

/**
 * {@code bench --modes}: the same video and model run as a plain loop (the yardstick), as one plain loop
 * of one thread per core side by side (the yardstick of the detection streams), sequentially, in one
 * detection stream per core, and pipelined. The loop runs before the jobs and again after them, and
 * the jobs are compared with the mean of both: this machine's speed drifts over minutes, and a single
 * loop run would favour whichever runs next to it.
 */
final class ModesBench {
    interface Runner {
        Properties run(String label, List<String> extraOptions) throws IOException, InterruptedException;
    }

    private ModesBench() {
    }

    interface Loop {
        Properties run() throws IOException, InterruptedException;
    }

    static void compare(int frames, Runner runner, Loop plainLoop, Loop loopsSideBySide) throws IOException, InterruptedException {
        int cores = Runtime.getRuntime().availableProcessors();
        Properties loopBefore = plainLoop.run();
        Properties loops = loopsSideBySide.run();
        Properties sequential = runner.run("sequential, 1 detection stream", List.of("--mode", "sequential"));
        Properties streams = runner.run("sequential, " + cores + " detection streams x 1 thread",
                List.of("--mode", "sequential", "--detect-partitions", Integer.toString(cores), "--threads", "1"));
        Properties pipeline = runner.run("pipeline, 1 detection stream", List.of("--mode", "pipeline"));
        Properties loopAfter = plainLoop.run();
        System.out.println();
        double seqWall = d(sequential, "wallSeconds");
        double seqDetect = d(sequential, "step.detect.seconds");
        double streamsDetect = d(streams, "step.detect.seconds");
        double before = rate(loopBefore);
        double after = rate(loopAfter);
        double loopRate = (before + after) / 2;
        System.out.println(String.format(Locale.ROOT, "plain loop, no database   : %.2f frames/s (before the jobs %.2f, after them %.2f; decode, pre-process, "
                + "model, post-process; %.1f ms/frame in the model)", loopRate, before, after, loopModelMs(loopBefore, loopAfter)));
        System.out.println(String.format(Locale.ROOT, "detection, 1 stream       : %.2f frames/s (step detect %.1f s, %.1f ms/frame in the model); "
                + "%.2f of the plain loop (goal >= 1.00)", frames / seqDetect, seqDetect, modelMs(sequential), frames / seqDetect / loopRate));
        // the model's speed drifts between runs here; the time around the model calls is what bbva adds
        double jobAround = 1000 * seqDetect / frames - modelMs(sequential);
        double loopAround = (aroundMs(loopBefore) + aroundMs(loopAfter)) / 2;
        System.out.println(String.format(Locale.ROOT, "  outside the model       : %.1f ms/frame in step detect, %.1f in the plain loop; per model second, "
                + "1 stream is %.2f of the plain loop", jobAround, loopAround,
                (1 + loopAround / loopModelMs(loopBefore, loopAfter)) / (1 + jobAround / modelMs(sequential))));
        System.out.println(String.format(Locale.ROOT, "detection, %d streams      : %.2f frames/s (step detect %.1f s); ratio %.2f (goal >= 1.12); "
                        + "%.2f of the plain loop (goal >= 1.10)",
                cores, frames / streamsDetect, streamsDetect, seqDetect / streamsDetect, frames / streamsDetect / loopRate));
        // what the cores give side by side with nothing of bbva around the model: the streams' ceiling here
        System.out.println(String.format(Locale.ROOT, "  %d plain loops x 1 thread: %.2f frames/s side by side, %.2fx the plain loop; %d streams are %.2f of them",
                cores, rate(loops), rate(loops) / loopRate, cores, frames / streamsDetect / rate(loops)));
        double ocr = seqOcr(sequential);
        double pipeWall = d(pipeline, "wallSeconds");
        System.out.println(String.format(Locale.ROOT, "sequential job            : %.1f s (OCR %.1f s, %.0f%% of it)", seqWall, ocr, 100 * ocr / seqWall));
        // the pipeline hides OCR behind detection: its saving is a share of OCR's time, which says little when OCR is small
        String saving = ocr >= 0.2 * seqWall
                ? String.format(Locale.ROOT, "saves %.0f%% of the OCR time (goal >= 50%%)", 100 * (seqWall - pipeWall) / ocr)
                : String.format(Locale.ROOT, "OCR is %.0f%% of the job (the saving's goal, >= 50%% of the OCR time, is for OCR >= 20%%)", 100 * ocr / seqWall);
        System.out.println(String.format(Locale.ROOT, "pipeline job              : %.1f s; ratio %.2f of sequential (goal <= 1.00); %s; OCR waited %.1f s for detection",
                pipeWall, pipeWall / seqWall, saving, d(pipeline, "ocrWaitSeconds")));
    }

    private static double rate(Properties loop) {
        return d(loop, "frames") / d(loop, "wallSeconds");
    }

    private static double loopModelMs(Properties before, Properties after) {
        return (modelMs(before) + modelMs(after)) / 2;
    }

    /** A loop run's time per frame outside the model calls. */
    private static double aroundMs(Properties loop) {
        return 1000 * d(loop, "wallSeconds") / d(loop, "frames") - modelMs(loop);
    }

    private static double modelMs(Properties run) {
        return 1000 * d(run, "inferenceSeconds") / d(run, "frames");
    }

    private static double seqOcr(Properties p) {
        return Double.parseDouble(p.getProperty("step.ocr.seconds", "0"));
    }

    private static double d(Properties p, String key) {
        return Double.parseDouble(p.getProperty(key, "0"));
    }
}
