package bbva.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bbva.TestPaths;
import bbva.ocr.JerseyView;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Ctrl-C (SIGINT) stops at the next batch boundary; resume finishes the rest. */
class InterruptIT {
    @Test
    void ctrlCStopsAfterTheCurrentBatchAndResumeFinishes(@TempDir Path dir) throws Exception {
        Path vtest = TestPaths.vtest();
        Cli cli = new Cli(dir);
        // HOG takes ~0.1 s a frame: slow enough to interrupt mid-run
        Cli.Child child = cli.start(List.of(), "analyze", vtest.toString(), "--detector", "hog", "--max-frames", "150");
        child.awaitOutput("Detection: 30/150 frames", 120);
        new ProcessBuilder("kill", "-INT", Long.toString(child.process.pid())).start().waitFor();
        assertTrue(child.process.waitFor(90, TimeUnit.SECONDS), child.output());
        assertEquals(130, child.process.exitValue(), child.output());
        assertTrue(child.output().contains("Interrupted: stopping at the next checkpoint"), child.output());
        assertTrue(child.output().matches("(?s).*Stopped with [1-4]/5 batches stored.*"), child.output());

        cli.run("status").expect(0).contains("stopped").contains("STOPPED");
        String resumed = cli.run("resume", vtest.toString(), "--no-progress").expect(0).contains("batches         : 5/5 completed")
                .output();
        String exported = cli.export(vtest);
        Exports.assertCountedAsExported(resumed, exported);
        JsonNode export = new ObjectMapper().readTree(exported);
        // the batch the stop cut in two chunks counts its crops over both: OCR read as many as were counted,
        // stored a reading of every view as it is, and of closer looks only sure numbers
        Matcher ocr = Pattern.compile("jersey OCR +: (\\d+)/(\\d+) crops read").matcher(resumed);
        assertTrue(ocr.find(), resumed);
        assertEquals(ocr.group(2), ocr.group(1), resumed);
        Map<String, JerseyView.Look> views = Exports.ocrViews(export, 3);
        assertEquals(views.size(), Integer.parseInt(ocr.group(1)), resumed);
        Set<String> read = new HashSet<>();
        for (JsonNode r : export.get("ocrReadings")) {
            String key = r.get("frame") + "/" + r.get("index");
            assertTrue(read.add(key), "read twice: " + key);
            assertTrue(views.containsKey(key), "read but not picked: " + key);
            assertTrue(views.get(key) == JerseyView.Look.AS_IS || r.get("confidence").asDouble() >= 0.7, "an unsure closer look stored: " + r);
        }
        views.forEach((key, look) -> assertTrue(look != JerseyView.Look.AS_IS || read.contains(key), "not stored: " + key));
        JsonNode detections = export.get("detections");
        Set<String> keys = new HashSet<>();
        Set<Integer> frames = new HashSet<>();
        for (JsonNode d : detections) {
            assertTrue(keys.add(d.get("frame") + "/" + d.get("index")), "duplicate " + d);
            frames.add(d.get("frame").asInt());
        }
        assertTrue(frames.size() > 100, "HOG finds walkers in most of the 150 frames, got " + frames.size());
    }
}
