package bbva.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bbva.video.PlayerClip;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Graceful stops (SIGINT as Ctrl-C, SIGTERM as a service manager sends) inside every step of the job,
 * at a fault point that holds the step mid-chunk until the signal has landed. Batches of 20 frames
 * do not divide the 90-frame clip, and frame 45 is in the middle of batch 2 (40-59), so the stopped
 * chunk is shorter than a batch. While stopped, every batch marked completed must hold exactly the
 * rows of the uninterrupted run; after resume the export must equal it byte for byte.
 */
class StopIT {
    static final int FRAMES = 90;
    static Path clip;
    static Path boxes;
    static String reference;

    static String[] analyze() {
        return new String[] {"analyze", clip.toString(), "--detector", "file", "--detections", boxes.toString(),
                "--batch-size", "20", "--ocr-threads", "2", "--no-progress"};
    }

    @BeforeAll
    static void uninterrupted(@TempDir Path dir) throws Exception {
        clip = PlayerClip.render(dir.resolve("game.mp4"), FRAMES);
        boxes = PlayerClip.boxes(dir.resolve("truth.csv"), FRAMES);
        Cli cli = new Cli(dir.resolve("reference"));
        cli.run(analyze()).expect(0).contains("batches         : 5/5 completed");
        reference = cli.export(clip);
    }

    @ParameterizedTest(name = "{1} at {0}")
    @CsvSource({"prepare.probing,INT", "prepare.probing,TERM", "detect.frame.45,INT", "detect.frame.45,TERM",
            "track.frame.45,INT", "track.frame.45,TERM", "ocr.frame.45,INT", "ocr.frame.45,TERM",
            "teams.clustered,TERM", "identify.voting,INT", "identify.voting,TERM"})
    void stopInsideAStepThenResumeGivesTheSameResults(String point, String signal, @TempDir Path dir) throws Exception {
        Cli cli = new Cli(dir);
        Cli.Child child = cli.start(List.of("-Dbbva.faults=" + point + "=stall"), analyze());
        child.awaitOutput("FAULT-POINT " + point, 180);
        signal(child, signal);
        assertTrue(child.process.waitFor(120, TimeUnit.SECONDS), child.output());
        String out = child.output();
        assertTrue(out.contains("Interrupted: stopping at the next checkpoint"), out);
        if (point.startsWith("identify")) {
            // the last step is one short transaction: the run may finish before the stop is seen
            assertTrue(child.process.exitValue() == 0 || out.contains("STOPPED"), out);
        } else {
            assertEquals(signal.equals("INT") ? 130 : 143, child.process.exitValue(), out);
            assertTrue(out.contains("Analysis of " + clip + " STOPPED"), out);
            assertTrue(out.contains("Stopped with ") || out.contains("Stopped before the video was prepared"), out);
            Cli.Result status = cli.run("status", clip.toString()).expect(0).contains("stopped").contains("STOPPED");
            // detection's stopped chunk ended at frame 45, inside batch 2 (frames 40-59): stored in part, not
            // completed; OCR reads a batch as one item, so its stop lands after batch 2
            if (point.startsWith("detect")) {
                status.contains("2      40-59         processing");
            } else if (point.startsWith("ocr")) {
                status.contains("2      40-59         completed   completed");
            }
            if (!point.startsWith("prepare")) {
                Exports.assertStatusesAreHonest(cli.export(clip), reference);
            }
        }
        String summary = cli.run("resume", clip.toString(), "--no-progress").expect(0).output();
        String resumed = cli.export(clip);
        Exports.assertCountedAsExported(summary, resumed);
        assertEquals(reference, resumed, "export after " + signal + " at " + point + " and resume");
        Exports.assertNoDuplicates(resumed, reference);
    }

    @Test
    void aSecondCtrlCQuitsAtOnceAndResumeStillGivesTheSameResults(@TempDir Path dir) throws Exception {
        Cli cli = new Cli(dir);
        Cli.Child child = cli.start(List.of("-Dbbva.faults=detect.frame.45=stall"), analyze());
        child.awaitOutput("FAULT-POINT detect.frame.45", 180);
        signal(child, "INT");
        child.awaitOutput("Interrupted: stopping at the next checkpoint", 30);
        signal(child, "INT");
        assertTrue(child.process.waitFor(10, TimeUnit.SECONDS), "a second Ctrl-C quits at once: " + child.output());
        assertEquals(130, child.process.exitValue(), child.output());
        assertTrue(child.output().contains("Quitting at once"), child.output());
        assertTrue(!child.output().contains("Analysis of"), "no summary after quitting at once: " + child.output());
        Exports.assertStatusesAreHonest(cli.export(clip), reference);
        cli.run("resume", clip.toString(), "--no-progress").expect(0).contains("COMPLETED");
        assertEquals(reference, cli.export(clip));
    }

    private static void signal(Cli.Child child, String signal) throws Exception {
        assertEquals(0, new ProcessBuilder("kill", "-" + signal, Long.toString(child.process.pid())).start().waitFor());
    }
}
