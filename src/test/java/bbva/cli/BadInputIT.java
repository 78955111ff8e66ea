package bbva.cli;

import static org.junit.jupiter.api.Assertions.assertTrue;

import bbva.TestPaths;
import bbva.video.TestVideos;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every bad input ends with a message naming the problem and what to do, and a non-zero exit code;
 * problems found by the job leave it FAILED with that reason, and after the fix the same analysis resumes.
 */
class BadInputIT {
    private static final String STANDIN = TestPaths.standin("rfdetr-standin-coco.onnx").toString();

    private static Cli.Result analyze(Cli cli, Path video, String... extra) throws Exception {
        String[] args = new String[4 + extra.length];
        args[0] = "analyze";
        args[1] = video.toString();
        args[2] = "--max-frames";
        args[3] = "30";
        System.arraycopy(extra, 0, args, 4, extra.length);
        return cli.run(args);
    }

    @Test
    void missingVideoFailsTheJobAndResumesOnceItIsThere(@TempDir Path dir) throws Exception {
        Cli cli = new Cli(dir.resolve("data"));
        Path video = dir.resolve("game.avi");
        analyze(cli, video, "--model", STANDIN).expect(1).contains("FAILED").contains("Video not found: " + video);
        cli.run("status").expect(0).contains("game.avi").contains("failed").contains("Video not found");
        Files.copy(TestPaths.vtest(), video);
        cli.run("resume", video.toString()).expect(0).contains("COMPLETED");
    }

    @Test
    void brokenVideos(@TempDir Path dir) throws Exception {
        Path vtest = TestPaths.vtest();
        Cli cli = new Cli(dir.resolve("data"));
        analyze(cli, Files.writeString(dir.resolve("notes.mp4"), "not a video\n".repeat(100)), "--model", STANDIN)
                .expect(1).contains("Cannot open").contains("as a video");
        analyze(cli, TestVideos.damaged(vtest, dir.resolve("garbled.avi")), "--model", STANDIN)
                .expect(1).contains("is damaged").contains("decode error");
        analyze(cli, TestVideos.truncated(vtest, dir.resolve("short.avi"), 0.3), "--model", STANDIN)
                .expect(1).contains("is truncated: its header says 795 frames");
        Cli.Result empty = analyze(cli, TestVideos.empty(dir.resolve("empty.mp4")), "--model", STANDIN).expect(1);
        assertTrue(empty.output().contains("no decodable video frames") || empty.output().contains("Cannot open"), empty.output());
    }

    @Test
    void badModelsFailAndAFixedModelResumes(@TempDir Path dir) throws Exception {
        Path vtest = TestPaths.vtest();
        Cli cli = new Cli(dir.resolve("data"));
        Path model = dir.resolve("rfdetr.onnx");
        analyze(cli, vtest, "--model", model.toString()).expect(1).contains("Model file not found: " + model)
                .contains("models/README.md");
        Files.copy(Path.of(STANDIN), model);
        cli.run("resume", vtest.toString()).expect(0).contains("COMPLETED").contains("rfdetr:rfdetr.onnx");

        Cli other = new Cli(dir.resolve("data2"));
        Path junk = Files.writeString(dir.resolve("junk.onnx"), "garbage");
        analyze(other, vtest, "--model", junk.toString()).expect(1).contains("is not a valid ONNX model");
        analyze(other, vtest, "--model", TestPaths.standin("wrong-signature.onnx").toString(), "--fresh")
                .expect(1).contains("does not have RF-DETR's inputs/outputs").contains("'images'");
    }

    @Test
    void badParametersAreRefusedBeforeAnyJob(@TempDir Path dir) throws Exception {
        Path vtest = TestPaths.vtest();
        Cli cli = new Cli(dir.resolve("data"));
        analyze(cli, vtest, "--batch-size", "0").expect(2).contains("batchSizeFrames must be at least 1");
        analyze(cli, vtest, "--stride", "0").expect(2).contains("frameStride must be at least 1");
        analyze(cli, vtest, "--detector", "yolo").expect(2).contains("auto, rfdetr, nanodet, hog, file");
        cli.run("list").expect(0);
        cli.run("status").expect(0).contains("No analyses");
    }

    @Test
    void secondAnalyzeWhileRunningIsRefusedAndStatusStillWorks(@TempDir Path dir) throws Exception {
        Path vtest = TestPaths.vtest();
        Cli cli = new Cli(dir.resolve("data"));
        Cli.Child running = cli.start(List.of("-Dbbva.faults=detect.frame.45=pause"),
                "analyze", vtest.toString(), "--model", STANDIN, "--max-frames", "90", "--no-progress");
        running.awaitOutput("FAULT-POINT detect.frame.45", 120);
        try {
            analyze(cli, vtest, "--model", STANDIN).expect(3).contains("already running");
            Path other = Files.copy(vtest, dir.resolve("other.avi"));
            analyze(cli, other, "--model", STANDIN).expect(3).contains("Another analysis").contains("--data-dir");
            String status = cli.run("status", vtest.toString()).expect(0).contains("running").contains("30/90 frames (33%)")
                    .contains("1      30-59         pending").output();   // nothing of it is committed yet
            // the first batch's crops to read are counted with its detection: a few views of each walker
            Matcher crops = Pattern.compile("0/(\\d+) crops \\(0%\\)").matcher(status);
            assertTrue(crops.find(), status);
            assertTrue(Integer.parseInt(crops.group(1)) > 3 && Integer.parseInt(crops.group(1)) < 60, status);
            cli.run("export", vtest.toString()).expect(0).contains("\"detectionStatus\" : \"completed\"");
        } finally {
            running.kill9();
        }
        cli.run("resume", vtest.toString(), "--no-progress").expect(0).contains("COMPLETED");
    }
}
