package bbva.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bbva.TestPaths;
import bbva.video.TestVideos;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The whole job through the CLI, on real footage and on a clip the test renders. */
class PipelineIT {
    private static final String STANDIN = TestPaths.standin("rfdetr-standin-coco.onnx").toString();

    @Test
    void wholeRealVideoIn27BatchesAndTwoRunsExportTheSameBytes(@TempDir Path dir) throws Exception {
        Path vtest = TestPaths.vtest();
        Cli first = new Cli(dir.resolve("a"));
        // OCR's determinism and restarts are IdentityIT's subject; here the whole video, without OCR
        first.run("analyze", vtest.toString(), "--model", STANDIN, "--no-ocr").expect(0)
                .contains("Detection: 795/795 frames (100%)").contains("batches         : 27/27 completed")
                .contains("detections      : 2385");
        JsonNode export = new ObjectMapper().readTree(first.export(vtest));
        JsonNode batches = export.get("batches");
        assertEquals(27, batches.size());
        for (JsonNode b : batches) {
            assertEquals("completed", b.get("detectionStatus").asText());
        }
        assertEquals(780, batches.get(26).get("frameStart").asInt());
        assertEquals(794, batches.get(26).get("frameEnd").asInt());
        assertEquals(2385, export.get("detections").size());
        assertEquals(795, export.get("video").get("frameCount").asInt());

        Cli second = new Cli(dir.resolve("b"));
        second.run("analyze", vtest.toString(), "--model", STANDIN, "--no-ocr", "--batch-size", "30", "--no-progress").expect(0);
        assertEquals(first.export(vtest), second.export(vtest), "two analyses of one video export identical bytes");

        first.run("analyze", vtest.toString(), "--model", STANDIN, "--no-ocr").expect(0).contains("already analyzed");
        first.run("analyze", vtest.toString(), "--model", STANDIN, "--no-ocr", "--fresh", "--no-progress").expect(0).contains("COMPLETED");
        assertEquals(second.export(vtest), first.export(vtest));

        Path csv = dir.resolve("csv");
        first.run("export", vtest.toString(), "--format", "csv", "--output", csv.toString()).expect(0);
        assertEquals(1 + 2385, Files.readAllLines(csv.resolve("detections.csv")).size());
        assertEquals(1 + 27, Files.readAllLines(csv.resolve("batches.csv")).size());
        assertEquals(1, Files.readAllLines(csv.resolve("ocrReadings.csv")).size(), "header only: OCR was off");
        assertTrue(Files.readAllLines(csv.resolve("players.csv")).size() > 1, "tracks became players");
        assertTrue(Files.readString(csv.resolve("video.csv")).startsWith("name,fingerprint,"));
    }

    @Test
    void builtInDetectorFindsWalkersInRealFootageWithANote(@TempDir Path dir) throws Exception {
        Path vtest = TestPaths.vtest();
        Cli cli = new Cli(dir);
        cli.run("analyze", vtest.toString(), "--max-frames", "60", "--no-progress").expect(0)
                .contains("Note: no RF-DETR model configured, using the built-in NanoDet-g")
                .contains("detector        : nanodet:nanodet-g-416");
        JsonNode detections = new ObjectMapper().readTree(cli.export(vtest)).get("detections");
        // 3-5 walkers are in view in these frames; HOG found about 2 a frame
        assertTrue(detections.size() >= 150, "NanoDet should find the walkers in every frame, found " + detections.size());
        for (JsonNode d : detections) {
            assertTrue(Set.of("person", "sports ball").contains(d.get("label").asText()), d.toString());
            assertTrue(d.get("x1").asDouble() >= 0 && d.get("x2").asDouble() <= 768 && d.get("y2").asDouble() <= 576);
        }
    }

    @Test
    void renderedClipWithStrideAndSmallBatches(@TempDir Path dir) throws Exception {
        Path clip = TestVideos.render(dir.resolve("clip.mp4"), 100, 320, 240, 25);
        Cli cli = new Cli(dir.resolve("data"));
        cli.run("analyze", clip.toString(), "--model", STANDIN, "--stride", "3", "--batch-size", "10", "--no-progress")
                .expect(0).contains("frames analyzed : 34 of 34").contains("batches         : 4/4");
        JsonNode export = new ObjectMapper().readTree(cli.export(clip));
        assertEquals(99, export.get("batches").get(3).get("frameEnd").asInt());
        for (JsonNode d : export.get("detections")) {
            assertEquals(0, d.get("frame").asInt() % 3);
        }
        assertEquals(34 * 3, export.get("detections").size());

        Cli hog = new Cli(dir.resolve("hog"));
        hog.run("analyze", clip.toString(), "--detector", "hog", "--no-progress").expect(0)
                .contains("batches         : 4/4 completed");
    }
}
