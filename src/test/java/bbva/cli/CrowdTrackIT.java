package bbva.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bbva.video.BroadcastClip;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The track step with a whole arena in view: every person of the rendered broadcast (players,
 * referees, bench, 50-odd fans), about 70 tracks at once, court and OCR off so that all of them are
 * tracked. The tracker's state lives in bbva's tables, so nothing outgrows the runtime's checkpoint;
 * kill -9 and Ctrl-C inside the step, then resume, give the uninterrupted run's export.
 */
class CrowdTrackIT {
    static Path dir;
    static Path clip;
    static Path boxes;
    static String reference;

    static String[] analyze() {
        return new String[] {"analyze", clip.toString(), "--detector", "file", "--detections", boxes.toString(),
                "--no-ocr", "--court", "off", "--no-progress"};
    }

    @BeforeAll
    static void uninterrupted(@TempDir Path tmp) throws Exception {
        dir = tmp;
        clip = BroadcastClip.render(dir.resolve("arena.mp4"));
        boxes = BroadcastClip.detections(dir.resolve("everyone.csv"));
        Cli cli = new Cli(dir.resolve("reference"));
        cli.run(analyze()).expect(0).contains("COMPLETED");
        reference = cli.export(clip);
    }

    @Test
    void everyoneInViewIsTracked() throws Exception {
        JsonNode export = new ObjectMapper().readTree(reference);
        long inFrame40 = BroadcastClip.truth().stream().filter(b -> b.frame() == 40).count();
        assertTrue(inFrame40 >= 60, "people in view: " + inFrame40);
        List<Integer> tracked = new ArrayList<>();
        for (JsonNode d : export.get("detections")) {
            if (d.get("frame").asInt() == 40 && !d.get("trackId").isNull()) {
                tracked.add(d.get("trackId").asInt());
            }
        }
        assertEquals(inFrame40, tracked.size(), "every person of frame 40 has a track");
        assertEquals(inFrame40, tracked.stream().distinct().count(), "and each their own");
    }

    @Test
    void killedInTrackResumesToTheSameExport() throws Exception {
        Cli cli = new Cli(dir.resolve("kill"));
        Cli.Child child = cli.start(List.of("-Dbbva.faults=track.committed.1=pause"), analyze());
        child.awaitOutput("FAULT-POINT track.committed.1", 300);
        child.kill9();
        cli.run("resume", clip.toString(), "--no-progress").expect(0).contains("COMPLETED");
        assertEquals(reference, cli.export(clip), "export after kill -9 in track and resume");
    }

    @Test
    void ctrlCInTrackResumesToTheSameExport() throws Exception {
        Cli cli = new Cli(dir.resolve("ctrl-c"));
        Cli.Child child = cli.start(List.of("-Dbbva.faults=track.frame.75=stall"), analyze());
        child.awaitOutput("FAULT-POINT track.frame.75", 300);
        assertEquals(0, new ProcessBuilder("kill", "-INT", Long.toString(child.process.pid())).start().waitFor());
        assertTrue(child.process.waitFor(120, TimeUnit.SECONDS), child.output());
        assertEquals(130, child.process.exitValue(), child.output());
        cli.run("resume", clip.toString(), "--no-progress").expect(0).contains("COMPLETED");
        assertEquals(reference, cli.export(clip), "export after Ctrl-C in track and resume");
    }
}
