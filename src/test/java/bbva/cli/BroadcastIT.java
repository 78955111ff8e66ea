package bbva.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bbva.video.BroadcastClip;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The rendered broadcast (BroadcastClip: small players in two kits, two referees, a bench in team
 * colours beside the far sideline, stands full of fans, a panning camera, a hard cut, a score bug)
 * analyzed with every person's true box replayed, so that what is measured is bbva's own floor,
 * cut, tracking, team and number logic on real pixels: who is on the court, where the shot cuts,
 * which tracks and teams come out.
 */
class BroadcastIT {
    static Path dir;
    static Path clip;
    static JsonNode export;
    /** Export detections by (frame, x1, y1), as the file detector replays the truth. */
    static final Map<String, JsonNode> DETECTIONS = new HashMap<>();

    @BeforeAll
    static void analyze(@TempDir Path tmp) throws Exception {
        dir = tmp;
        clip = BroadcastClip.render(dir.resolve("broadcast.mp4"));
        Path boxes = BroadcastClip.detections(dir.resolve("everyone.csv"));
        Cli cli = new Cli(dir.resolve("data"));
        cli.run("analyze", clip.toString(), "--detector", "file", "--detections", boxes.toString(), "--no-progress")
                .expect(0).contains("COMPLETED");
        export = new ObjectMapper().readTree(cli.export(clip));
        for (JsonNode d : export.get("detections")) {
            DETECTIONS.put(key(d.get("frame").asInt(), d.get("x1").decimalValue().doubleValue(), d.get("y1").decimalValue().doubleValue()), d);
        }
        cli.run("snapshot", clip.toString(), "--frame", "40", "-o", dir.resolve("frame40.png").toString()).expect(0);
        Path keep = Path.of("target", "broadcast-it");
        Files.createDirectories(keep);
        Files.copy(dir.resolve("frame40.png"), keep.resolve("frame40.png"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }

    /** As the detections CSV writes the truth: one decimal. */
    static String key(int frame, double x1, double y1) {
        return String.format(Locale.ROOT, "%d/%.1f/%.1f", frame, x1, y1);
    }

    static JsonNode stored(BroadcastClip.Box b) {
        JsonNode d = DETECTIONS.get(key(b.frame(), b.x1(), b.y1()));
        assertTrue(d != null, "no stored detection for " + b);
        return d;
    }

    @Test
    void peopleOnTheFloorAreOnItAndTheStandsAndBenchAreNot() throws Exception {
        int wrong = 0;
        int offInTracks = 0;
        int frames = 0;
        Map<Integer, int[]> byFrame = new TreeMap<>();
        for (BroadcastClip.Box b : BroadcastClip.truth()) {
            JsonNode d = stored(b);
            boolean on = !d.get("offCourt").asBoolean();
            int[] counts = byFrame.computeIfAbsent(b.frame(), f -> new int[3]);
            counts[0] += b.person().onCourt() ? 1 : 0;
            counts[1] += on ? 1 : 0;
            if (on != b.person().onCourt()) {
                wrong++;
            }
            if (!b.person().onCourt() && !d.get("trackId").isNull()) {
                counts[2]++;
            }
        }
        int worstCount = 0;
        int worstOffInTracks = 0;
        for (int[] c : byFrame.values()) {
            worstCount = Math.max(worstCount, Math.abs(c[0] - c[1]));
            worstOffInTracks = Math.max(worstOffInTracks, c[2]);
            offInTracks += c[2];
            frames++;
        }
        note("floor", String.format(Locale.ROOT, "%d boxes on the wrong side of the floor's edge in %d frames; "
                + "worst frame: on-court count off by %d, %d off-court people tracked", wrong, frames, worstCount, worstOffInTracks));
        assertTrue(worstCount <= 2, "on-court count off by " + worstCount);
        assertTrue(worstOffInTracks <= 1, "off-court people tracked in a frame: " + worstOffInTracks);
        assertTrue(offInTracks <= frames / 10, "off-court people tracked: " + offInTracks);
    }

    @Test
    void theCutIsFoundAndNoTrackCrossesIt() {
        List<Integer> cuts = new ArrayList<>();
        export.get("sceneCuts").forEach(c -> cuts.add(c.get("frame").asInt()));
        assertEquals(List.of(BroadcastClip.CUT), cuts, "the one hard cut, nothing for the pan");
        Map<Integer, int[]> span = new TreeMap<>();
        for (JsonNode d : export.get("detections")) {
            if (!d.get("trackId").isNull()) {
                int f = d.get("frame").asInt();
                span.merge(d.get("trackId").asInt(), new int[] {f, f}, (a, b) -> new int[] {Math.min(a[0], b[0]), Math.max(a[1], b[1])});
            }
        }
        span.forEach((track, s) -> assertTrue(s[1] < BroadcastClip.CUT || s[0] >= BroadcastClip.CUT,
                "track " + track + " runs across the cut: frames " + s[0] + "-" + s[1]));
    }

    @Test
    void theTwoKitsAreTwoTeamsAndTheRefereesNone() throws Exception {
        Map<Integer, Map<String, Integer>> rolesOfTrack = new TreeMap<>();
        for (BroadcastClip.Box b : BroadcastClip.truth()) {
            JsonNode d = stored(b);
            if (!d.get("trackId").isNull()) {
                String who = b.person().role() == BroadcastClip.Role.PLAYER ? "team" + b.person().team() : b.person().role().name();
                rolesOfTrack.computeIfAbsent(d.get("trackId").asInt(), t -> new TreeMap<>()).merge(who, 1, Integer::sum);
            }
        }
        Map<Integer, Integer> teamOfTrack = new HashMap<>();
        for (JsonNode p : export.get("players")) {
            teamOfTrack.put(p.get("trackId").asInt(), p.get("team").isNull() ? null : p.get("team").asInt());
        }
        Map<String, Set<Integer>> teamsOfKit = new TreeMap<>();
        int referees = 0;
        for (var e : rolesOfTrack.entrySet()) {
            String who = e.getValue().entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
            Integer team = teamOfTrack.get(e.getKey());
            if (who.equals("REFEREE")) {
                referees++;
                assertEquals(null, team, "referee track " + e.getKey());
            } else if (who.startsWith("team")) {
                teamsOfKit.computeIfAbsent(who, k -> new TreeSet<>()).add(team == null ? 0 : team);
            }
        }
        note("teams", "kit -> teams of its tracks: " + teamsOfKit + "; referee tracks: " + referees);
        assertEquals(Set.of(1, 2), Set.of(teamsOfKit.get("team0").iterator().next(), teamsOfKit.get("team1").iterator().next()),
                "each kit one team: " + teamsOfKit);
        assertEquals(1, teamsOfKit.get("team0").size(), "gold: " + teamsOfKit);
        assertEquals(1, teamsOfKit.get("team1").size(), "blue: " + teamsOfKit);
        assertTrue(referees >= 2, "both referees tracked");
    }

    private static void note(String what, String text) throws Exception {
        Path file = Path.of("target", "broadcast-it", "numbers.txt");
        Files.createDirectories(file.getParent());
        Files.writeString(file, what + ": " + text + "\n", java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
        System.out.println("NUMBER " + what + ": " + text);
    }
}
