package bbva.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bbva.TestPaths;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * kill -9 at chosen points of a real run (the child pauses at a named fault point, then is killed),
 * resume in a new JVM, and compare the canonical export with an uninterrupted run's, byte for byte.
 * The stand-in model's scores depend on each frame's pixels, so a resume that read the wrong frames
 * would export different scores.
 */
class CrashRecoveryIT {
    static final String FRAMES = "150";   // 5 batches of 30
    static Path video;
    static String reference;

    static String[] analyze(Path v) {
        return new String[] {"analyze", v.toString(), "--model", TestPaths.standin("rfdetr-standin-coco.onnx").toString(),
                "--max-frames", FRAMES, "--no-progress"};
    }

    @BeforeAll
    static void uninterruptedRun(@TempDir Path dir) throws Exception {
        video = TestPaths.vtest();
        Cli cli = new Cli(dir.resolve("reference"));
        cli.run(analyze(video)).expect(0).contains("COMPLETED").contains("batches         : 5/5");
        reference = cli.export(video);
        assertNoDuplicates(reference, 150 * 3);
    }

    static void assertNoDuplicates(String json, int expectedRows) throws Exception {
        JsonNode detections = new ObjectMapper().readTree(json).get("detections");
        Set<String> keys = new HashSet<>();
        for (JsonNode d : detections) {
            assertTrue(keys.add(d.get("frame") + "/" + d.get("index")), "duplicate detection " + d);
        }
        assertEquals(expectedRows, detections.size());
    }

    @ParameterizedTest(name = "kill -9 at {0}")
    @ValueSource(strings = {"prepare.planning", "prepare.planned", "detect.frame.45", "detect.committed.2",
            "detect.frame.149"})
    void killedRunResumesToTheSameResults(String point, @TempDir Path dir) throws Exception {
        Cli cli = new Cli(dir);
        Cli.Child child = cli.start(List.of("-Dbbva.faults=" + point + "=pause"), analyze(video));
        child.awaitOutput("FAULT-POINT " + point, 120);
        child.kill9();

        cli.run("status").expect(0).contains("interrupted").contains("STARTED");
        String summary = cli.run("resume", video.toString(), "--no-progress").expect(0).contains("COMPLETED").output();
        String resumed = cli.export(video);
        Exports.assertCountedAsExported(summary, resumed);
        assertEquals(reference, resumed, "export after kill -9 at " + point + " and resume");
        assertNoDuplicates(resumed, 150 * 3);
    }

    @Test
    void replayedChunkAfterCommitReplacesItsRows(@TempDir Path dir) throws Exception {
        // killed between the writer's commit and JBeret's checkpoint: batch 2 is stored, the checkpoint
        // still points at its start, so the restart processes batch 2 again
        Cli cli = new Cli(dir);
        Cli.Child child = cli.start(List.of("-Dbbva.faults=detect.committed.2=pause"), analyze(video));
        child.awaitOutput("FAULT-POINT detect.committed.2", 120);
        child.kill9();
        cli.run("status", video.toString()).expect(0).contains("3/5");
        cli.run("restart", "1", "--no-progress").expect(0).contains("COMPLETED");
        assertEquals(reference, cli.export(video));
    }

    @Test
    void failedBatchKeepsStoredBatchesAndResumes(@TempDir Path dir) throws Exception {
        Cli cli = new Cli(dir);
        cli.start(List.of("-Dbbva.faults=detect.frame.75=fail"), analyze(video)).await().expect(1)
                .contains("FAILED").contains("injected failure at detect.frame.75")
                .contains("bbva resume");
        cli.run("status", video.toString()).expect(0).contains("failed").contains("2/5");
        // the job's own messages go to the data directory's log, not the console: steps, stored batches, the failure's cause
        String log = java.nio.file.Files.readString(dir.resolve("bbva.log.0"));
        assertTrue(log.contains("detect: frames 30-59 stored with "), log);
        assertTrue(log.contains("detect: batch 2 failed: java.lang.IllegalStateException: injected failure at detect.frame.75"), log);
        assertTrue(log.contains("ended FAILED: "), log);
        cli.run("resume", video.toString(), "--no-progress").expect(0).contains("COMPLETED").notContains("detect: frames");
        assertTrue(java.nio.file.Files.readString(dir.resolve("bbva.log.0")).contains("ended COMPLETED"));
        assertEquals(reference, cli.export(video));
    }
}
