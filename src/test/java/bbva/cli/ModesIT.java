package bbva.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bbva.TestPaths;
import bbva.video.PlayerClip;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Execution modes and detection partitions change how the work is shared, never the results: every
 * mode exports the bytes of a sequential run, uninterrupted, after kill -9, after Ctrl-C and after a
 * failed batch. The clip has 5 batches of 20 frames (not divisible by 2 or 3 partitions).
 */
class ModesIT {
    static final int FRAMES = 100;
    static Path clip;
    static Path boxes;
    static String reference;

    static String[] analyze(String modeOptions) {
        List<String> args = new ArrayList<>(List.of("analyze", clip.toString(), "--detector", "file", "--detections",
                boxes.toString(), "--batch-size", "20", "--no-progress"));
        if (!modeOptions.isBlank()) {
            args.addAll(Arrays.asList(modeOptions.strip().split(" +")));
        }
        return args.toArray(new String[0]);
    }

    @BeforeAll
    static void sequential(@TempDir Path dir) throws Exception {
        clip = PlayerClip.render(dir.resolve("game.mp4"), FRAMES);
        boxes = PlayerClip.boxes(dir.resolve("truth.csv"), FRAMES);
        Cli cli = new Cli(dir.resolve("reference"));
        cli.run(analyze("--mode sequential")).expect(0).contains("batches         : 5/5 completed")
                .contains("Players (4 tracks)");
        reference = cli.export(clip);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"--mode pipeline", "--detect-partitions 2", "--detect-partitions 3",
            "--mode pipeline --detect-partitions 2"})
    void everyModeExportsTheBytesOfASequentialRun(String options, @TempDir Path dir) throws Exception {
        Cli cli = new Cli(dir);
        cli.run(analyze(options)).expect(0).contains("COMPLETED").contains("batches         : 5/5 completed");
        assertEquals(reference, cli.export(clip), options);
        String log = Files.readString(dir.resolve("bbva.log.0"));
        if (options.contains("pipeline")) {
            assertTrue(Pattern.compile("ocrFollow: ended in [0-9.]+ s.*read 5\\b").matcher(log).find(),   // one item per batch
                    "in pipeline mode step ocrFollow reads the batches: " + log);
        }
        cli.run("status", clip.toString()).expect(0)
                .contains(options.contains("pipeline") ? "pipeline" : "sequential")
                .contains("detection streams: " + (options.contains("partitions 3") ? 3 : options.contains("partitions 2") ? 2 : 1));
    }

    @Test
    void realFootageWithAModelInThreePartitionsAndPipeline(@TempDir Path dir) throws Exception {
        Path vtest = TestPaths.vtest();
        String model = TestPaths.standin("rfdetr-standin-coco.onnx").toString();
        Cli sequential = new Cli(dir.resolve("seq"));
        sequential.run("analyze", vtest.toString(), "--model", model, "--max-frames", "150", "--no-progress").expect(0)
                .contains("batches         : 5/5 completed");
        Cli modes = new Cli(dir.resolve("modes"));
        modes.run("analyze", vtest.toString(), "--model", model, "--max-frames", "150", "--no-progress",
                "--mode", "pipeline", "--detect-partitions", "3", "--threads", "1").expect(0).contains("batches         : 5/5 completed");
        assertEquals(sequential.export(vtest), modes.export(vtest));
    }

    @ParameterizedTest(name = "kill -9 with {0} at {1}")
    @CsvSource(delimiter = '|', value = {
            "--mode pipeline|detect.frame.75=pause,ocr.committed.1=pause",
            "--mode pipeline --detect-partitions 2|detect.frame.30=pause,detect.frame.75=pause",
            "--mode pipeline|ocr.frame.85=pause",
            "--detect-partitions 2|ocr.frame.45=pause"})
    void killedInAnyModeResumesToTheSameResults(String options, String faults, @TempDir Path dir) throws Exception {
        Cli cli = new Cli(dir);
        Cli.Child child = cli.start(List.of("-Dbbva.faults=" + faults), analyze(options));
        for (String fault : faults.split(",")) {
            child.awaitOutput("FAULT-POINT " + fault.split("=")[0], 120);
        }
        child.kill9();
        cli.run("resume", clip.toString(), "--no-progress").expect(0).contains("COMPLETED");
        String resumed = cli.export(clip);
        assertEquals(reference, resumed, "export after kill -9 at " + faults + " with " + options);
        Exports.assertNoDuplicates(resumed, reference);
    }

    @ParameterizedTest(name = "Ctrl-C with {0} at {1}")
    @CsvSource(delimiter = '|', value = {
            "--mode pipeline|detect.frame.75",
            "--mode pipeline --detect-partitions 2|ocr.frame.25"})
    void ctrlCInPipelineModeStopsAndResumesToTheSameResults(String options, String point, @TempDir Path dir) throws Exception {
        Cli cli = new Cli(dir);
        Cli.Child child = cli.start(List.of("-Dbbva.faults=" + point + "=stall"), analyze(options));
        child.awaitOutput("FAULT-POINT " + point, 120);
        assertEquals(0, new ProcessBuilder("kill", "-INT", Long.toString(child.process.pid())).start().waitFor());
        assertTrue(child.process.waitFor(120, TimeUnit.SECONDS), child.output());
        assertEquals(130, child.process.exitValue(), child.output());
        assertTrue(child.output().contains("STOPPED"), child.output());
        Exports.assertStatusesAreHonest(cli.export(clip), reference);
        cli.run("resume", clip.toString(), "--no-progress").expect(0).contains("COMPLETED");
        assertEquals(reference, cli.export(clip));
    }

    @Test
    void failedDetectionEndsThePipelineAndResumes(@TempDir Path dir) throws Exception {
        Cli cli = new Cli(dir);
        Cli.Child child = cli.start(List.of("-Dbbva.faults=detect.frame.75=fail"), analyze("--mode pipeline"));
        assertTrue(child.process.waitFor(180, TimeUnit.SECONDS), "OCR must not wait for a failed detection: " + child.output());
        child.await().expect(1).contains("FAILED").contains("injected failure at detect.frame.75");
        cli.run("status", clip.toString()).expect(0).contains("3      60-79         failed");
        cli.run("resume", clip.toString(), "--no-progress").expect(0).contains("COMPLETED");
        assertEquals(reference, cli.export(clip));
    }
}
