package bbva.cli;

import bbva.bench.RunStats;
import bbva.bench.SyntheticGame;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.stream.Stream;

/**
 * {@code bench --game MINUTES}: the whole job on a synthetic game ({@link SyntheticGame}, boxes replayed
 * by the file detector, so only bbva's own steps are timed) at a quarter of the length and at the
 * whole length, each in a child JVM with a fixed 1 GiB heap: each step's time per frame, peak RSS and
 * database size, and whether the ten players come out by team and number.
 */
final class GameBench {
    static final List<String> STEPS = List.of("prepare", "detect", "track", "teams", "ocr", "identify");
    private static final List<String> JVM = List.of("-Xms1g", "-Xmx1g", "-XX:+AlwaysPreTouch", "-XX:+UseParallelGC");
    /** Reading every box costs about 45 ms per frame: its per-frame figure needs no more frames than this. */
    static final int EVERY_BOX_FRAMES = 9_000;

    private GameBench() {
    }

    static void run(double minutes, PrintStream out, ScratchDirs scratch) throws IOException, InterruptedException {
        int whole = (int) Math.round(minutes * 60 * SyntheticGame.FPS);
        int quarter = Math.max(300, whole / 4);
        out.println("bench --game: a synthetic game of " + quarter + " and " + whole + " frames (" + SyntheticGame.W + "x"
                + SyntheticGame.H + ", " + (int) SyntheticGame.FPS + " fps, 10 players and a referee), boxes replayed, "
                + Runtime.getRuntime().availableProcessors() + " cores, heap " + JVM.get(1).substring(4));
        Path smallGame = render(quarter, out, scratch);
        Properties small = analyze(smallGame, quarter, List.of());
        int everyBoxFrames = Math.min(quarter, EVERY_BOX_FRAMES);
        Properties everyBox = analyze(smallGame, everyBoxFrames,
                List.of("--ocr-crops", "0", "--max-frames", Integer.toString(everyBoxFrames)));
        scratch.delete(smallGame.getParent());
        Path largeGame = render(whole, out, scratch);
        Properties large = analyze(largeGame, whole, List.of());
        scratch.delete(largeGame.getParent());
        out.println();
        out.println(String.format(Locale.ROOT, "%-10s %14s %14s %8s", "step", quarter + " frames", whole + " frames", "ratio"));
        for (String step : STEPS) {
            double a = perFrame(small, "step." + step + ".seconds");
            double b = perFrame(large, "step." + step + ".seconds");
            out.println(String.format(Locale.ROOT, "%-10s %11.3f ms %11.3f ms %8.2f", step, a, b, b / a));
        }
        double a = perFrame(small, "wallSeconds");
        double b = perFrame(large, "wallSeconds");
        out.println(String.format(Locale.ROOT, "%-10s %11.3f ms %11.3f ms %8.2f  (goal per step <= 1.10)", "job", a, b, b / a));
        out.println(String.format(Locale.ROOT, "%-10s %11.0f MB %11.0f MB %8.2f  (goal <= 1.20)", "peak RSS",
                d(small, "peakRssKb") / 1024, d(large, "peakRssKb") / 1024, d(large, "peakRssKb") / d(small, "peakRssKb")));
        out.println(String.format(Locale.ROOT, "%-10s %11.0f MB %11.0f MB  (%.1f KB per frame)", "database",
                d(small, "dbBytes") / 1e6, d(large, "dbBytes") / 1e6, d(large, "dbBytes") / 1e3 / whole));
        out.println("people    : " + small.getProperty("people") + " | " + large.getProperty("people"));
        double every = perFrame(everyBox, "step.ocr.seconds");
        double best = perFrame(small, "step.ocr.seconds");
        out.println(String.format(Locale.ROOT, "OCR       : %.3f ms per frame reading each person's best 3 views per batch, %.3f ms reading "
                + "every box (--ocr-crops 0, first %d frames): %.1fx less (goal >= 8x); people then: %s", best, every,
                everyBoxFrames, every / best, everyBox.getProperty("people")));
    }

    /** Renders a game of {@code frames} frames in a new folder: the video's path (its boxes beside it, .csv). */
    private static Path render(int frames, PrintStream out, ScratchDirs scratch) throws IOException {
        Path dir = scratch.create("bbva-game");
        Path video = dir.resolve("game-" + frames + ".mp4");
        long t0 = System.nanoTime();
        SyntheticGame.write(video, boxesOf(video), frames);
        out.println(String.format(Locale.ROOT, "rendered %d frames in %.1f s", frames, (System.nanoTime() - t0) / 1e9));
        return video;
    }

    private static Path boxesOf(Path video) {
        return video.resolveSibling(video.getFileName().toString().replace(".mp4", ".csv"));
    }

    private static Properties analyze(Path video, int frames, List<String> extra) throws IOException, InterruptedException {
        Path dir = Files.createTempDirectory(video.getParent(), "run");
        Path stats = dir.resolve("stats.properties");
        Path data = dir.resolve("data");
        List<String> args = new ArrayList<>(JVM);
        args.addAll(List.of("-D" + RunStats.PROPERTY + "=" + stats, Main.class.getName(), "analyze", video.toString(),
                "--detector", "file", "--detections", boxesOf(video).toString(), "--data-dir", data.toString(), "--no-progress"));
        args.addAll(extra);
        BenchCommand.java("analyze " + frames + " frames" + (extra.isEmpty() ? "" : " " + String.join(" ", extra)), args, dir);
        Properties p = RunStats.read(stats);
        p.setProperty("dbBytes", Long.toString(size(data.resolve("db"))));
        Path json = dir.resolve("export.json");
        BenchCommand.child("export", List.of("export", video.toString(), "--data-dir", data.toString(), "-o", json.toString()), dir);
        p.setProperty("people", people(new ObjectMapper().readTree(json.toFile())));
        return p;
    }

    /** How many of the ten players were found by (team, number), and what became of the referee. */
    static String people(JsonNode export) {
        int found = 0;
        for (SyntheticGame.Person truth : SyntheticGame.PEOPLE) {
            if (truth.kit() == SyntheticGame.Kit.REFEREE) {
                continue;
            }
            int team = truth.kit() == SyntheticGame.Kit.HOME ? 1 : 2;   // team 1 is the lighter kit
            for (JsonNode p : export.get("people")) {
                if (p.get("identified").asBoolean() && p.get("team").asInt() == team && p.get("number").asText().equals(truth.number())) {
                    found++;
                    break;
                }
            }
        }
        long unidentified = 0;
        for (JsonNode p : export.get("people")) {
            unidentified += p.get("identified").asBoolean() ? 0 : 1;
        }
        return found + "/10 players by (team, number), " + unidentified + " unidentified (the referee: 1)";
    }

    private static long size(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).mapToLong(f -> f.toFile().length()).sum();
        }
    }

    private static double perFrame(Properties p, String key) {
        return 1000 * Double.parseDouble(p.getProperty(key, "0")) / d(p, "frames");
    }

    private static double d(Properties p, String key) {
        return Double.parseDouble(p.getProperty(key));
    }
}
