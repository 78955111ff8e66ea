package bbva.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bbva.track.IdentityMetrics;
import bbva.video.TeamClip;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Tracks that survive occlusion, measured: on a rendered game where every player is hidden behind
 * another for over a second, with the true boxes and with a noisy detector (jitter, 5 % missed, false
 * boxes), re-identification against the tracker without it (--reid-seconds 0). A kill -9 in the track
 * step resumes to the same tracks.
 */
class OcclusionIT {
    static Path dir;
    static Path clip;
    static Path truthCsv;
    static Path noisyCsv;
    static final List<IdentityMetrics.Box> TRUTH = new ArrayList<>();

    @BeforeAll
    static void render(@TempDir Path tmp) throws Exception {
        dir = tmp;
        clip = TeamClip.render(dir.resolve("game.mp4"));
        truthCsv = TeamClip.detections(dir.resolve("truth.csv"), false);
        noisyCsv = TeamClip.detections(dir.resolve("noisy.csv"), true);
        TeamClip.truth().forEach(b -> TRUTH.add(new IdentityMetrics.Box(b.frame(), b.person(), b.x1(), b.y1(), b.x2(), b.y2())));
    }

    @Test
    void everyPlayerIsHiddenForOverASecondOnce() {
        for (TeamClip.Person p : TeamClip.PEOPLE) {
            int hidden = TeamClip.hiddenFrames(p.id());
            if (p.kit() != TeamClip.Kit.REFEREE) {
                assertTrue(hidden >= TeamClip.FPS && hidden <= 2 * 2 * TeamClip.FPS, p + " hidden for " + hidden + " frames");
            }
        }
    }

    @Test
    void reidentificationKeepsIdentitiesThroughOcclusions() throws Exception {
        IdentityMetrics before = metrics("truth-baseline", truthCsv, "0");
        IdentityMetrics after = metrics("truth-reid", truthCsv, null);
        note("true boxes", before, after);
        assertTrue(after.idf1() >= 0.90, after.toString());
        assertTrue(after.idf1() > before.idf1(), before + " -> " + after);
        after.switchesPerTruth().forEach((person, n) -> assertTrue(n <= 1, "person " + person + ": " + n + " ID switches"));
        assertTrue(before.idSwitches() >= 10, "without re-identification every hidden player gets a new id: " + before);
    }

    @Test
    void reidentificationHoldsWithANoisyDetector() throws Exception {
        IdentityMetrics before = metrics("noisy-baseline", noisyCsv, "0");
        IdentityMetrics after = metrics("noisy-reid", noisyCsv, null);
        note("noisy detector", before, after);
        assertTrue(after.idf1() >= 0.85, after.toString());
        assertTrue(after.idf1() > before.idf1(), before + " -> " + after);
        assertTrue(after.idSwitches() < before.idSwitches(), before + " -> " + after);
    }

    @Test
    void killedInTheTrackStepResumesToTheSameTracks() throws Exception {
        Cli reference = new Cli(dir.resolve("kill-reference"));
        reference.run(analyze(truthCsv, null)).expect(0);
        String expected = reference.export(clip);
        Cli cli = new Cli(dir.resolve("kill"));
        Cli.Child child = cli.start(List.of("-Dbbva.faults=track.committed.9=pause"), analyze(truthCsv, null));
        child.awaitOutput("FAULT-POINT track.committed.9", 300);
        child.kill9();
        cli.run("resume", clip.toString(), "--no-progress").expect(0).contains("COMPLETED");
        assertEquals(expected, cli.export(clip), "tracks after kill -9 in the track step and resume");
    }

    private static String[] analyze(Path csv, String reid) {
        List<String> args = new ArrayList<>(List.of("analyze", clip.toString(), "--detector", "file", "--detections",
                csv.toString(), "--no-ocr", "--no-progress"));
        if (reid != null) {
            args.addAll(List.of("--reid-seconds", reid));
        }
        return args.toArray(String[]::new);
    }

    private static IdentityMetrics metrics(String name, Path csv, String reid) throws Exception {
        Cli cli = new Cli(dir.resolve(name));
        cli.run(analyze(csv, reid)).expect(0);
        JsonNode export = new ObjectMapper().readTree(cli.export(clip));
        List<IdentityMetrics.Box> tracked = new ArrayList<>();
        for (JsonNode d : export.get("detections")) {
            if (!d.get("trackId").isNull()) {
                tracked.add(new IdentityMetrics.Box(d.get("frame").asInt(), d.get("trackId").asInt(), d.get("x1").asDouble(),
                        d.get("y1").asDouble(), d.get("x2").asDouble(), d.get("y2").asDouble()));
            }
        }
        return IdentityMetrics.of(TRUTH, tracked);
    }

    private static void note(String what, IdentityMetrics before, IdentityMetrics after) throws Exception {
        String line = String.format(Locale.ROOT, "occlusion clip, %s: without re-identification %s; with it %s", what, before, after);
        System.out.println("NUMBER " + line);
        Path numbers = Path.of("target", "numbers.txt");
        Files.writeString(numbers, line + System.lineSeparator(), java.nio.file.StandardOpenOption.CREATE,
                java.nio.file.StandardOpenOption.APPEND);
    }
}
