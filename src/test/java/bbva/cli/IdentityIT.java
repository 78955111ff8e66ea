package bbva.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bbva.bench.JerseyImages;
import bbva.video.PlayerClip;
import java.nio.file.Files;
import javax.imageio.ImageIO;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Tracking + OCR + identify on a rendered clip whose truth is known: ground-truth boxes are replayed
 * by the file detector, so every player must get the right number, and a kill -9 in any of the
 * later steps must resume to the same export.
 */
class IdentityIT {
    static final int FRAMES = 90;
    static Path clip;
    static Path boxes;
    static String reference;
    static String summary;

    static String[] analyze() {
        return new String[] {"analyze", clip.toString(), "--detector", "file", "--detections", boxes.toString(),
                "--ocr-threads", "2", "--no-progress"};
    }

    @BeforeAll
    static void uninterrupted(@TempDir Path dir) throws Exception {
        clip = PlayerClip.render(dir.resolve("game.mp4"), FRAMES);
        boxes = PlayerClip.boxes(dir.resolve("truth.csv"), FRAMES);
        Cli cli = new Cli(dir.resolve("reference"));
        summary = cli.run(analyze()).expect(0).contains("Players (4 tracks)").output();
        reference = cli.export(clip);
    }

    /** OCR's progress counts the crops it reads: a few views of each person per batch, as many as it stored readings. */
    @Test
    void ocrProgressCountsTheCropsRead() throws Exception {
        Matcher m = Pattern.compile("jersey OCR +: (\\d+)/(\\d+) crops read \\(3/3 batches\\)").matcher(summary);
        assertTrue(m.find(), summary);
        int readings = new ObjectMapper().readTree(reference).get("ocrReadings").size();
        assertEquals(m.group(2), m.group(1), "all read");
        assertEquals(readings, Integer.parseInt(m.group(1)), "one reading per crop counted");
        assertEquals(4 * 3 * 3, readings, "3 views of each of the 4 players in each of the 3 batches");
    }

    @Test
    void everyPlayerGetsTheRightNumberAndTracksArePure() throws Exception {
        JsonNode export = new ObjectMapper().readTree(reference);
        Map<Integer, Set<String>> truthOfTrack = new HashMap<>();
        int untracked = 0;
        for (JsonNode d : export.get("detections")) {
            if (d.get("trackId").isNull()) {
                untracked++;
                continue;
            }
            truthOfTrack.computeIfAbsent(d.get("trackId").asInt(), k -> new HashSet<>())
                    .add(PlayerClip.at(d.get("y1").asDouble()).number());
        }
        assertEquals(4, truthOfTrack.size(), "one track per player: " + truthOfTrack);
        truthOfTrack.forEach((track, truth) -> assertEquals(1, truth.size(), "track " + track + " mixes players " + truth));
        assertTrue(untracked <= 4, "only the first frame of each player is tentative, got " + untracked);

        JsonNode players = export.get("players");
        assertEquals(4, players.size());
        for (JsonNode p : players) {
            String truth = truthOfTrack.get(p.get("trackId").asInt()).iterator().next();
            assertEquals(truth, p.get("number").asText(), "player of track " + p.get("trackId"));
            assertTrue(p.get("confidence").asDouble() > 0.8, p.toString());
            assertTrue(!p.get("shortTrack").asBoolean());
        }
        for (JsonNode b : export.get("batches")) {
            assertEquals("completed", b.get("ocrStatus").asText());
        }
        // --ocr-crops 3 (the default): three views of each of the 4 players in each batch of 30 frames
        assertEquals(4 * 3 * (FRAMES / 30), export.get("ocrReadings").size(), "three readings per player and batch");
    }

    @ParameterizedTest(name = "kill -9 at {0}")
    @ValueSource(strings = {"track.committed.1", "ocr.committed.1", "identify.voting"})
    void killedInALaterStepResumesToTheSameResults(String point, @TempDir Path dir) throws Exception {
        Cli cli = new Cli(dir);
        Cli.Child child = cli.start(List.of("-Dbbva.faults=" + point + "=pause"), analyze());
        child.awaitOutput("FAULT-POINT " + point, 180);
        child.kill9();
        cli.run("resume", clip.toString(), "--no-progress").expect(0).contains("COMPLETED");
        assertEquals(reference, cli.export(clip), "export after kill -9 at " + point + " and resume");
    }

    @Test
    void readNumberPrintsWhatOcrReadsInEachImage(@TempDir Path dir) throws Exception {
        Path jersey = dir.resolve("23.png");
        ImageIO.write(JerseyImages.render("23", 2, "SansSerif", 64, false, 0, 1), "png", jersey.toFile());
        Path blank = dir.resolve("blank.png");
        ImageIO.write(JerseyImages.render(null, 2, "SansSerif", 64, false, 0, 1), "png", blank.toFile());
        Cli cli = new Cli(dir.resolve("data"));
        cli.run("read-number", jersey.toString(), blank.toString()).expect(0)
                .contains(jersey + ": 23 (confidence ").contains(blank + ": no number");
        Path text = Files.writeString(dir.resolve("notes.png"), "not an image");
        cli.run("read-number", text.toString()).expect(2).contains("cannot read " + text + " as an image");
    }

    @Test
    void withoutOcrBatchesAreSkippedAndPlayersHaveNoNumber(@TempDir Path dir) throws Exception {
        Cli cli = new Cli(dir);
        String[] args = List.of(analyze()).toArray(new String[0]);
        String[] noOcr = java.util.Arrays.copyOf(args, args.length + 1);
        noOcr[args.length] = "--no-ocr";
        cli.run(noOcr).expect(0).contains("Players (4 tracks)");
        JsonNode export = new ObjectMapper().readTree(cli.export(clip));
        for (JsonNode b : export.get("batches")) {
            assertEquals("skipped", b.get("ocrStatus").asText());
        }
        assertEquals(0, export.get("ocrReadings").size());
        for (JsonNode p : export.get("players")) {
            assertTrue(p.get("number").isNull());
        }
    }
}
