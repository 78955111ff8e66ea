package bbva.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bbva.detect.Detection;
import bbva.ocr.JerseyReading;
import bbva.ocr.PpOcrJerseyReader;
import bbva.render.Annotator;
import bbva.render.PlayerSheet;
import bbva.video.FrameSource;
import bbva.video.PlayerClip;
import bbva.video.VideoFrame;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.Color;
import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** render and snapshot draw the stored results of a rendered clip whose truth is known. */
class RenderIT {
    static final int FRAMES = 90;
    static Path dir;
    static Path clip;
    static Cli cli;
    /** frame -> stored detections, from the export. */
    static final Map<Integer, List<Detection>> stored = new HashMap<>();
    static final Map<Integer, String> numberOfTrack = new HashMap<>();

    @BeforeAll
    static void analyze(@TempDir Path tmp) throws Exception {
        dir = tmp;
        clip = PlayerClip.render(dir.resolve("game.mp4"), FRAMES);
        Path boxes = PlayerClip.boxes(dir.resolve("truth.csv"), FRAMES);
        cli = new Cli(dir.resolve("data"));
        cli.run("analyze", clip.toString(), "--detector", "file", "--detections", boxes.toString(), "--no-progress")
                .expect(0).contains("Players (4 tracks)");
        JsonNode export = new ObjectMapper().readTree(cli.export(clip));
        for (JsonNode d : export.get("detections")) {
            Integer track = d.get("trackId").isNull() ? null : d.get("trackId").asInt();
            stored.computeIfAbsent(d.get("frame").asInt(), k -> new ArrayList<>()).add(new Detection(d.get("frame").asInt(),
                    d.get("index").asInt(), d.get("classId").asInt(), d.get("label").asText(), (float) d.get("score").asDouble(),
                    (float) d.get("x1").asDouble(), (float) d.get("y1").asDouble(), (float) d.get("x2").asDouble(),
                    (float) d.get("y2").asDouble(), track));
        }
        for (JsonNode p : export.get("players")) {
            numberOfTrack.put(p.get("trackId").asInt(), p.get("number").asText());
        }
    }

    @Test
    void theRenderedVideoShowsEachTrackInItsColourWithItsNumberReadable() throws Exception {
        Path out = dir.resolve("annotated.mp4");
        cli.run("render", clip.toString(), "-o", out.toString(), "--no-progress").expect(0)
                .contains("wrote " + out + ": " + FRAMES + " frames at");

        int checkedBoxes = 0;
        int readLabels = 0;
        try (FrameSource video = FrameSource.open(out, 0); PpOcrJerseyReader reader = new PpOcrJerseyReader(2)) {
            assertEquals(25.0, video.fps(), 0.01);
            assertEquals("h264", video.codec());
            int frames = 0;
            for (VideoFrame f; (f = video.next()) != null; frames++) {
                if (f.index() % 20 != 10) {
                    continue;
                }
                BufferedImage original = PlayerClip.draw(f.index());
                for (Detection d : stored.getOrDefault(f.index(), List.of())) {
                    if (d.trackId() == null) {
                        continue;
                    }
                    Color colour = Annotator.colourOf(d.trackId());
                    int x = Math.round(d.x1()) - 1;                                  // on the line, just off the shirt
                    int y = Math.round((d.y1() + Math.min(d.y2(), original.getHeight())) / 2);
                    if (x < 0) {
                        continue;
                    }
                    assertTrue(distance(new Color(original.getRGB(x, y)), colour) > 100, "the clip itself is not drawn in " + colour);
                    assertTrue(nearest(f, x, y, colour) < 70, "frame " + f.index() + " track " + d.trackId()
                            + ": its box edge should be " + colour);
                    checkedBoxes++;
                    Rectangle digits = Annotator.label(d, numberOfTrack.get(d.trackId())).digits();
                    if (digits.y > 30 || digits.x > 220) {   // clear of the header
                        JerseyReading r = reader.read(List.of(crop(f, digits))).get(0);
                        assertEquals(numberOfTrack.get(d.trackId()), r.number(), "label of track " + d.trackId() + " in frame " + f.index());
                        readLabels++;
                    }
                }
            }
            assertEquals(FRAMES, frames);
        }
        assertTrue(checkedBoxes >= 12, "boxes checked: " + checkedBoxes);
        assertTrue(readLabels >= 6, "labels read back: " + readLabels);
    }

    @Test
    void aPartlyAnalysedVideoRendersWholeWithTheRestMarked() throws Exception {
        Cli partial = new Cli(dir.resolve("partial"));
        partial.run("analyze", clip.toString(), "--detector", "file", "--detections", dir.resolve("truth.csv").toString(),
                "--max-frames", "45", "--no-ocr", "--no-progress").expect(0);
        Path out = dir.resolve("partial.mp4");
        partial.run("render", clip.toString(), "-o", out.toString(), "--no-progress").expect(0);
        try (FrameSource video = FrameSource.open(out, 0)) {
            for (VideoFrame f; (f = video.next()) != null; ) {
                int yellow = count(f, new Rectangle(0, 0, 240, 22), c -> c.getRed() > 200 && c.getGreen() > 150 && c.getBlue() < 90);
                if (f.index() < 45) {
                    assertTrue(yellow < 5, "frame " + f.index() + " was analysed; header in white");
                } else {
                    assertTrue(yellow > 20, "frame " + f.index() + " was not analysed; header says so in yellow");
                }
            }
            assertEquals(FRAMES, video.nextIndex());
        }
    }

    @Test
    void aSnapshotIsTheFrameWithItsBoxesExactly() throws Exception {
        Path png = dir.resolve("frame.png");
        cli.run("snapshot", clip.toString(), "--frame", "50", "-o", png.toString()).expect(0);
        BufferedImage image = ImageIO.read(png.toFile());
        assertEquals(640, image.getWidth());
        for (Detection d : stored.get(50)) {
            int colour = Annotator.colourOf(d.trackId()).getRGB() & 0xffffff;
            assertEquals(colour, image.getRGB(Math.round(d.x1()), Math.round((d.y1() + d.y2()) / 2)) & 0xffffff, "left edge of " + d);
        }
    }

    @Test
    void thePlayerSheetShowsEachPlayerWithItsShirtAndReadableNumber() throws Exception {
        Path png = dir.resolve("players.png");
        cli.run("players", clip.toString(), "-o", png.toString()).expect(0);
        BufferedImage sheet = ImageIO.read(png.toFile());
        assertEquals(4 * PlayerSheet.TILE_W, sheet.getWidth(), "one row of 4 players");
        List<String> numbers = PlayerClip.PLAYERS.stream().map(PlayerClip.Player::number)
                .sorted(java.util.Comparator.comparingInt(Integer::parseInt)).toList();
        try (PpOcrJerseyReader reader = new PpOcrJerseyReader(2)) {
            for (int i = 0; i < numbers.size(); i++) {
                String number = numbers.get(i);
                Color shirt = PlayerClip.PLAYERS.stream().filter(p -> p.number().equals(number)).findFirst().orElseThrow().shirt();
                Rectangle picture = PlayerSheet.pictureRegion(i);
                int shirtPixels = 0;
                for (int y = picture.y; y < picture.y + picture.height; y++) {
                    for (int x = picture.x; x < picture.x + picture.width; x++) {
                        if (distance(new Color(sheet.getRGB(x, y)), shirt) < 30) {
                            shirtPixels++;
                        }
                    }
                }
                assertTrue(shirtPixels > 2000, "tile " + i + " shows the shirt of " + number + ": " + shirtPixels + " pixels");
                Rectangle r = PlayerSheet.numberRegion(i);   // the digits, at its left: at most 2 at 22 px
                JerseyReading read = reader.read(List.of(bbva.bench.JerseyImages.toFrame(sheet.getSubimage(r.x, r.y, 48, r.height)))).get(0);
                assertEquals(number, read.number(), "tile " + i);
            }
        }
    }

    @Test
    void ctrlCDuringARenderLeavesNoFile() throws Exception {
        Path longClip = PlayerClip.render(dir.resolve("long.mp4"), 1500);
        Cli longCli = new Cli(dir.resolve("long"));
        Path longBoxes = PlayerClip.boxes(dir.resolve("long.csv"), 30);
        longCli.run("analyze", longClip.toString(), "--detector", "file", "--detections", longBoxes.toString(),
                "--max-frames", "30", "--no-ocr", "--no-progress").expect(0);
        Path out = dir.resolve("long-annotated.mp4");
        Path partialFile = dir.resolve(".long-annotated.mp4.partial");
        Cli.Child child = longCli.start(List.of(), "render", longClip.toString(), "-o", out.toString(), "--no-progress");
        long deadline = System.currentTimeMillis() + 60_000;
        while (!Files.exists(partialFile) && System.currentTimeMillis() < deadline && child.process.isAlive()) {
            Thread.sleep(20);
        }
        assertTrue(Files.exists(partialFile), "the render writes under a temporary name: " + child.output());
        new ProcessBuilder("kill", "-INT", Long.toString(child.process.pid())).start().waitFor();
        assertTrue(child.process.waitFor(30, TimeUnit.SECONDS));
        assertEquals(130, child.process.exitValue(), child.output());
        assertTrue(child.output().contains("render stopped; no file written"), child.output());
        assertFalse(Files.exists(out));
        assertFalse(Files.exists(partialFile));
    }

    @Test
    void badRequestsSayWhatIsWrong() throws Exception {
        Path other = PlayerClip.render(dir.resolve("other.mp4"), 10);
        cli.run("render", other.toString()).expect(2).contains("No analysis of").contains("bbva analyze");
        cli.run("render", dir.resolve("missing.mp4").toString()).expect(2).contains("does not exist");
        cli.run("render", clip.toString(), "--from", "1:xx").expect(2).contains("'1:xx' is not a time");
        cli.run("render", clip.toString(), "-o", dir.resolve("out.gif").toString()).expect(2).contains("name it .mp4");
        cli.run("snapshot", clip.toString(), "--frame", "90").expect(2).contains("outside the video (frames 0 to 89)");
        cli.run("snapshot", clip.toString()).expect(2).contains("--frame N or --at TIME");
    }

    private static VideoFrame crop(VideoFrame f, Rectangle r) {
        byte[] out = new byte[r.width * r.height * 3];
        for (int y = 0; y < r.height; y++) {
            System.arraycopy(f.bgr(), ((r.y + y) * f.width() + r.x) * 3, out, y * r.width * 3, r.width * 3);
        }
        return new VideoFrame(f.index(), r.width, r.height, out);
    }

    private static Color pixel(VideoFrame f, int x, int y) {
        int p = (y * f.width() + x) * 3;
        return new Color(f.bgr()[p + 2] & 0xff, f.bgr()[p + 1] & 0xff, f.bgr()[p] & 0xff);
    }

    /** The smallest colour distance to {@code c} within 2 pixels of (x, y): lines blur a little in H.264. */
    private static double nearest(VideoFrame f, int x, int y, Color c) {
        double best = Double.MAX_VALUE;
        for (int dy = -2; dy <= 2; dy++) {
            for (int dx = -2; dx <= 2; dx++) {
                int px = Math.min(f.width() - 1, Math.max(0, x + dx));
                int py = Math.min(f.height() - 1, Math.max(0, y + dy));
                best = Math.min(best, distance(pixel(f, px, py), c));
            }
        }
        return best;
    }

    private static int count(VideoFrame f, Rectangle r, java.util.function.Predicate<Color> test) {
        int n = 0;
        for (int y = r.y; y < r.y + r.height; y++) {
            for (int x = r.x; x < r.x + r.width; x++) {
                if (test.test(pixel(f, x, y))) {
                    n++;
                }
            }
        }
        return n;
    }

    private static double distance(Color a, Color b) {
        int dr = a.getRed() - b.getRed();
        int dg = a.getGreen() - b.getGreen();
        int db = a.getBlue() - b.getBlue();
        return Math.sqrt(dr * dr + dg * dg + db * db);
    }
}
