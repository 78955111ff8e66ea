package bbva.cli;

import bbva.bench.PlainLoop;
import bbva.detect.DetectorChoice;
import bbva.bench.RunStats;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * Measures, in one invocation, the numbers the project's speed and memory goals are stated in. Each
 * run is a separate `bbva analyze` process with its own temporary database, so RSS is per run.
 */
@Command(name = "bench", description = "Measure throughput, checkpoint overhead and memory on a video.")
final class BenchCommand implements Callable<Integer> {
    /** A fixed, pre-touched heap for every child JVM: RSS then differs between runs only by what the run really keeps. */
    private static final List<String> JVM_OPTIONS = List.of("-Xms768m", "-Xmx768m", "-XX:+AlwaysPreTouch",
            "-XX:+UseParallelGC");   // as bin/bbva
    @Parameters(index = "0", paramLabel = "VIDEO", arity = "0..1", description = "The video (not with --game).")
    Path video;
    @Option(names = "--model", paramLabel = "FILE.onnx",
            description = "Model to run (default: models/standin/rfdetr-standin-heavy.onnx, RF-DETR-nano-like cost).")
    Path model;
    @Option(names = "--detector", defaultValue = "rfdetr", converter = DetectorOption.class,
            description = "rfdetr, nanodet or hog (default: ${DEFAULT-VALUE}).")
    DetectorChoice detector;

    static final class DetectorOption implements CommandLine.ITypeConverter<DetectorChoice> {
        @Override
        public DetectorChoice convert(String value) {
            return DetectorChoice.of(value);
        }
    }
    @Option(names = "--frames", paramLabel = "N", description = "Use only the first N frames (default: the whole video).")
    int frames;
    @Option(names = "--threads", paramLabel = "N", description = "Inference threads (default: all cores).")
    String threads;
    @Option(names = "--ocr-only", description = "Only time jersey OCR on a frame of 10 players.")
    boolean ocrOnly;
    @Option(names = "--tiles", description = "Compare the detector per frame on whole frames and on tiles (auto, 3x2): "
            + "plain loops, no database.")
    boolean tiles;
    @Option(names = "--game", paramLabel = "MINUTES", description = "Run the whole job on a synthetic game of a quarter of "
            + "MINUTES and of MINUTES (boxes replayed, 1 GiB heap): each step's time per frame, peak RSS, database size.")
    Double game;
    @Option(names = "--modes", description = "Compare execution modes instead: sequential, one detection stream per core, pipeline.")
    boolean modes;

    /** Every run's folder, deleted when the bench ends. */
    private final ScratchDirs scratch = new ScratchDirs();

    @Override
    public Integer call() throws Exception {
        try (scratch) {
            return measure();
        }
    }

    private Integer measure() throws Exception {
        if (ocrOnly) {
            OcrBench.run(System.out);
            return ExitCodes.OK;
        }
        if (game != null) {
            if (!(game > 0)) {
                throw new picocli.CommandLine.ParameterException(new picocli.CommandLine(this), "--game needs a length in minutes above 0.");
            }
            GameBench.run(game, System.out, scratch);
            return ExitCodes.OK;
        }
        if (video == null) {
            throw new picocli.CommandLine.ParameterException(new picocli.CommandLine(this), "Missing required parameter: 'VIDEO'");
        }
        Path chosen = model != null ? model : Path.of(System.getProperty("bbva.home", "."),
                "models", "standin", "rfdetr-standin-heavy.onnx");
        int total = frames > 0 ? frames : countFrames();
        System.out.println("bench: " + video + ", " + total + " frames, detector " + detector.id()
                + (usesModelFile() ? " (" + chosen.getFileName() + ")" : "") + ", "
                + Runtime.getRuntime().availableProcessors() + " cores");
        if (tiles) {
            compareTiles(total, chosen);
            return ExitCodes.OK;
        }
        if (modes) {
            ModesBench.compare(total, (label, extra) -> run(label, total, 30, chosen, extra), () -> plainLoop(total, chosen),
                    () -> loopsSideBySide(total, chosen));
            return ExitCodes.OK;
        }
        Properties batched = run("30-frame checkpoints", total, 30, chosen, List.of());
        Properties single = run("one checkpoint", total, total, chosen, List.of());
        Properties quarter = run("quarter of the frames", Math.max(1, total / 4), 30, chosen, List.of());

        double wall = d(batched, "wallSeconds");
        double inference = d(batched, "inferenceSeconds");
        double detectStep = d(batched, "step.detect.seconds");
        System.out.println();
        System.out.println(String.format(Locale.ROOT, "throughput            : %.2f frames/s (%.1f ms/frame model inference)",
                d(batched, "frames") / wall, 1000 * inference / d(batched, "frames")));
        System.out.println(String.format(Locale.ROOT, "overhead ratio        : %.3f  (detect step wall %.1f s / model inference %.1f s; goal <= 1.10; whole job %.1f s)",
                detectStep / inference, detectStep, inference, wall));
        // this machine's speed drifts between runs; dividing each run by its own model time cancels that
        double normalized = (wall / inference) / (d(single, "wallSeconds") / d(single, "inferenceSeconds"));
        System.out.println(String.format(Locale.ROOT, "checkpoint ratio      : %.3f per model second (raw wall %.1f s / %.1f s = %.3f; goal <= 1.03)",
                normalized, wall, d(single, "wallSeconds"), wall / d(single, "wallSeconds")));
        System.out.println(String.format(Locale.ROOT, "heap ratio            : %.2f  (peak heap after GC, whole %.1f MiB / quarter %.1f MiB; goal <= 1.1)",
                d(batched, "peakHeapAfterGcBytes") / d(quarter, "peakHeapAfterGcBytes"),
                d(batched, "peakHeapAfterGcBytes") / 1048576, d(quarter, "peakHeapAfterGcBytes") / 1048576));
        System.out.println(String.format(Locale.ROOT, "RSS ratio             : %.2f  (peak RSS, whole %.0f MiB / quarter %.0f MiB; goal <= 1.1)",
                d(batched, "peakRssKb") / d(quarter, "peakRssKb"), d(batched, "peakRssKb") / 1024, d(quarter, "peakRssKb") / 1024));
        double ocrStep = Double.parseDouble(batched.getProperty("step.ocr.seconds", "0"));
        System.out.println(String.format(Locale.ROOT, "OCR share of job      : %.1f%%  (step ocr %.1f s of %.1f s; steps: detect %s s, track %s s, identify %s s)",
                100 * ocrStep / wall, ocrStep, wall, batched.getProperty("step.detect.seconds"),
                batched.getProperty("step.track.seconds"), batched.getProperty("step.identify.seconds")));
        double render = renderRate(batched, total);
        System.out.println(String.format(Locale.ROOT, "render speed          : %.1f frames/s, %.1fx the analysis's %.2f frames/s (bbva render of the "
                + "same frames from the stored results; goal >= 5x)", render, render / (d(batched, "frames") / wall),
                d(batched, "frames") / wall));
        OcrBench.run(System.out);
        return ExitCodes.OK;
    }

    /** Frames/s of {@code bbva render} over the frames a run analysed, from that run's stored results, as render reports it. */
    private double renderRate(Properties run, int total) throws IOException, InterruptedException {
        Path data = Path.of(run.getProperty("dataDir"));
        String out = child("render", List.of("render", video.toString(), "--data-dir", data.toString(), "-o",
                data.resolveSibling("render.mp4").toString(), "--to", "#" + (total - 1), "--no-progress"), data.getParent());
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("at ([0-9.]+) frames/s").matcher(out);
        if (!m.find()) {
            throw new IllegalStateException("render printed no speed:\n" + out);
        }
        return Double.parseDouble(m.group(1));
    }

    private boolean usesModelFile() {
        return detector == DetectorChoice.RFDETR;
    }

    private int countFrames() {
        return bbva.video.VideoProbe.probe(video.toAbsolutePath().normalize()).frameCount();
    }

    private Properties run(String label, int maxFrames, int batchSize, Path chosenModel, List<String> extra)
            throws IOException, InterruptedException {
        Path dir = scratch.create("bbva-bench");
        Path stats = dir.resolve("stats.properties");
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        cmd.addAll(JVM_OPTIONS);
        cmd.addAll(List.of("-D" + RunStats.PROPERTY + "=" + stats, "-cp", System.getProperty("java.class.path"), Main.class.getName(),
                "analyze", video.toString(), "--data-dir", dir.resolve("data").toString(),
                "--no-progress", "--detector", detector.id(), "--max-frames", Integer.toString(maxFrames),
                "--batch-size", Integer.toString(batchSize)));
        if (usesModelFile()) {
            cmd.addAll(List.of("--model", chosenModel.toString()));
        }
        if (threads != null && !extra.contains("--threads")) {
            cmd.addAll(List.of("--threads", threads));
        }
        cmd.addAll(extra);
        System.out.print("run: " + label + " ... ");
        System.out.flush();
        int code = start(cmd, dir.resolve("out.txt")).waitFor();
        if (code != 0 || !Files.exists(stats)) {
            throw new IllegalStateException("benchmark run failed (exit " + code + "): " + String.join(" ", cmd) + "\n" + Files.readString(dir.resolve("out.txt")));
        }
        Properties s = RunStats.read(stats);
        s.setProperty("dataDir", dir.resolve("data").toString());
        System.out.println(String.format(Locale.ROOT, "%.1f s", d(s, "wallSeconds")));
        return s;
    }

    /** The detector's cost per frame with tiles off, auto and 3x2, each a plain loop over the same frames. */
    private void compareTiles(int total, Path chosenModel) throws IOException, InterruptedException {
        Map<String, Properties> runs = new LinkedHashMap<>();
        for (String t : List.of("off", "auto", "3x2")) {
            runs.put(t, plainLoop(total, chosenModel, t));
        }
        double whole = d(runs.get("off"), "wallSeconds") / d(runs.get("off"), "frames");
        System.out.println();
        runs.forEach((t, r) -> System.out.println(String.format(Locale.ROOT,
                "tiles %-4s: %.1f ms/frame (%.1f ms in the model), %.2fx whole frames%s", t,
                1000 * d(r, "wallSeconds") / d(r, "frames"), 1000 * d(r, "inferenceSeconds") / d(r, "frames"),
                d(r, "wallSeconds") / d(r, "frames") / whole, t.equals("auto") ? " (goal <= 4x)" : "")));
    }

    /** {@link PlainLoop} over the same frames with the same model, threads and tiles as the jobs, in a child JVM. */
    private Properties plainLoop(int total, Path chosenModel) throws IOException, InterruptedException {
        return plainLoop(total, chosenModel, "auto");
    }

    private Properties plainLoop(int total, Path chosenModel, String tiling) throws IOException, InterruptedException {
        Path dir = scratch.create("bbva-bench");
        Path stats = dir.resolve("stats.properties");
        List<String> args = new ArrayList<>(JVM_OPTIONS);   // as the jobs it is compared with
        args.addAll(List.of("-D" + RunStats.PROPERTY + "=" + stats, PlainLoop.class.getName(), video.toString(), detector.id(),
                usesModelFile() ? chosenModel.toString() : "-",
                threads != null ? threads : Integer.toString(Runtime.getRuntime().availableProcessors()), Integer.toString(total),
                tiling));
        String out = java("plain loop, tiles " + tiling, args, dir);
        if (!Files.exists(stats)) {
            throw new IllegalStateException("the plain loop wrote no numbers:\n" + out);
        }
        return RunStats.read(stats);
    }

    /**
     * One {@link PlainLoop} of one thread per core, all at once, each on its share of the frames as the
     * detection streams share them: how much faster the model runs side by side than with all threads in
     * one session on this machine, with nothing of bbva around it. Timed by the slowest loop.
     */
    private Properties loopsSideBySide(int total, Path chosenModel) throws IOException, InterruptedException {
        int loops = Runtime.getRuntime().availableProcessors();
        Path dir = scratch.create("bbva-bench");
        List<Process> running = new ArrayList<>();
        List<Path> stats = new ArrayList<>();
        System.out.print("run: " + loops + " plain loops x 1 thread side by side ... ");
        System.out.flush();
        for (int i = 0; i < loops; i++) {
            int first = total * i / loops;
            stats.add(dir.resolve("stats" + i + ".properties"));
            List<String> args = new ArrayList<>(JVM_OPTIONS);
            args.addAll(List.of("-D" + RunStats.PROPERTY + "=" + stats.get(i), PlainLoop.class.getName(), video.toString(),
                    detector.id(), usesModelFile() ? chosenModel.toString() : "-", "1",
                    Integer.toString(total * (i + 1) / loops - first), "auto", Integer.toString(first)));
            running.add(start(javaCommand(args), dir.resolve("loop" + i + ".txt")));
        }
        double wall = 0;
        for (int i = 0; i < loops; i++) {
            int code = running.get(i).waitFor();
            if (code != 0 || !Files.exists(stats.get(i))) {
                throw new IllegalStateException("plain loop " + i + " failed (exit " + code + "):\n"
                        + Files.readString(dir.resolve("loop" + i + ".txt")));
            }
            wall = Math.max(wall, d(RunStats.read(stats.get(i)), "wallSeconds"));
        }
        System.out.println(String.format(Locale.ROOT, "%.1f s", wall));
        Properties p = new Properties();
        p.setProperty("frames", Integer.toString(total));
        p.setProperty("wallSeconds", Double.toString(wall));
        return p;
    }

    /** Runs a bbva command in a child JVM; its output. */
    static String child(String label, List<String> args, Path dir) throws IOException, InterruptedException {
        List<String> all = new ArrayList<>(List.of(Main.class.getName()));
        all.addAll(args);
        return java(label, all, dir);
    }

    /** Runs a child JVM on this classpath with the given options, main class and arguments; its output. */
    static String java(String label, List<String> args, Path dir) throws IOException, InterruptedException {
        List<String> cmd = javaCommand(args);
        System.out.print("run: " + label + " ... ");
        System.out.flush();
        long t0 = System.nanoTime();
        Path out = dir.resolve(label + ".txt");
        int code = start(cmd, out).waitFor();
        String text = Files.readString(out);
        if (code != 0) {
            throw new IllegalStateException("benchmark run failed (exit " + code + "): " + String.join(" ", cmd) + "\n" + text);
        }
        System.out.println(String.format(Locale.ROOT, "%.1f s", (System.nanoTime() - t0) / 1e9));
        return text;
    }

    private static List<String> javaCommand(List<String> args) {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                System.getProperty("java.class.path")));
        cmd.addAll(args);
        return cmd;
    }

    private static Process start(List<String> cmd, Path output) throws IOException {
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(output.toFile());
        pb.environment().put("ORT_DISABLE_TELEMETRY", "1");   // see bin/bbva
        return pb.start();
    }

    private static double d(Properties p, String key) {
        return Double.parseDouble(p.getProperty(key));
    }
}
