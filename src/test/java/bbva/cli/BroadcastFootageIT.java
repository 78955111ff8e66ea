package bbva.cli;

import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bbva.TestPaths;
import bbva.video.TestVideos;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's main command on real footage: the shared NBA broadcast clip, analyzed with the
 * defaults (built-in detector on tiles, the floor found per frame, OCR). Checked against labels
 * made by eye (src/test/resources/bbva/footage): the people counted on the floor (within 2 of the
 * truth), how many of the tracked people are not on it (at most 1 in a frame), the weak boxes (only
 * where they continue a track), the teams (gold and blue apart, the referees in none) and the
 * numbers (the legible ones read, no other shown).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BroadcastFootageIT {
    record Label(int frame, String role, String kit, double x, double y) {
    }

    /**
     * The copy of the clip analyzed: as shared, or scaled to another 16:9 size (Java2D bicubic, MPEG-4),
     * with how far from the truth the people counted on the floor of a labelled frame may be and the
     * numbers (kit number) that must be read. No number outside the legible ones may be shown in any.
     */
    record Copy(int height, int floorTolerance, List<String> mustRead) {
        static final Copy AS_SHARED = new Copy(480, 2, List.of("blue 30", "blue 11", "blue 10"));

        /** The copy's size over the labelled one's (854x480): labels are in its pixels. */
        double scale() {
            return height / 480.0;
        }

        Path clip(Path dir) throws Exception {
            return height == 480 ? TestPaths.broadcast() : TestVideos.resized(TestPaths.broadcast(),
                    dir.resolve("broadcast-gsw-lal-" + height + "p.mp4"), height * 16 / 9, height);
        }
    }

    JsonNode export;
    final List<Label> labels = new ArrayList<>();

    Copy copy() {
        return Copy.AS_SHARED;
    }

    @BeforeAll
    void analyze(@TempDir Path dir) throws Exception {
        Path clip = copy().clip(dir);
        try (InputStream in = BroadcastFootageIT.class.getResourceAsStream("/bbva/footage/broadcast-gsw-lal.labels.csv")) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (line.isBlank() || line.startsWith("#") || line.startsWith("frame")) {
                    continue;
                }
                String[] f = line.split(",");
                labels.add(new Label(Integer.parseInt(f[0]), f[1], f[2], copy().scale() * Double.parseDouble(f[3]),
                        copy().scale() * Double.parseDouble(f[4])));
            }
        }
        Cli cli = new Cli(dir);
        long t0 = System.nanoTime();
        cli.run("analyze", clip.toString(), "--no-progress").expect(0).contains("COMPLETED");
        note("whole default job on %s: %.1f s", clip.getFileName(), (System.nanoTime() - t0) / 1e9);
        export = new ObjectMapper().readTree(cli.export(clip));
    }

    @Test
    void thePeopleOnTheFloorAreCountedAndFewOthersAreTracked() throws Exception {
        for (int frame : labels.stream().mapToInt(Label::frame).distinct().toArray()) {
            List<Label> truth = labels.stream().filter(l -> l.frame() == frame).toList();
            int onCourt = 0;
            int trackedOthers = 0;
            for (JsonNode d : export.get("detections")) {
                if (d.get("frame").asInt() != frame || !d.get("label").asText().equals("person")) {
                    continue;
                }
                boolean on = !d.get("offCourt").asBoolean();
                onCourt += on ? 1 : 0;
                if (!d.get("trackId").isNull() && truth.stream().noneMatch(l -> feetAt(d, l))) {
                    trackedOthers++;
                }
            }
            note("frame %d: %d people counted on the floor (truth %d), %d tracked people not on it", frame, onCourt,
                    truth.size(), trackedOthers);
            assertTrue(Math.abs(onCourt - truth.size()) <= copy().floorTolerance(), "frame " + frame + ": " + onCourt + " on the floor, truth " + truth.size());
            assertTrue(trackedOthers <= 1, "frame " + frame + ": " + trackedOthers + " tracked people off the floor");
        }
    }

    /** Boxes under NanoDet's threshold (0.4) are weak: kept only where they continue a track. */
    @Test
    void weakBoxesAreKeptOnlyWhereTheyContinueATrack() {
        int weak = 0;
        for (JsonNode d : export.get("detections")) {
            if (d.get("score").asDouble() < 0.4) {
                weak++;
                assertTrue(!d.get("trackId").isNull() && !d.get("offCourt").asBoolean(), "a weak box left: " + d);
            }
        }
        assertTrue(weak > 0, "weak boxes continued some tracks");
    }

    @Test
    void theKitsAreTwoTeamsAndTheRefereesNone() throws Exception {
        Map<Integer, Integer> teamOfTrack = teamOfTrack();
        int referees = 0;
        for (Label l : labels) {
            JsonNode d = nearestTracked(l);
            if (d != null && l.role().equals("referee")) {
                referees++;
                Integer team = teamOfTrack.get(d.get("trackId").asInt());
                assertNull(team, "the referee at " + l + " is track " + d.get("trackId") + ", in team " + team);
            }
        }
        Map<String, Map<Integer, Integer>> teamsOfKit = teamsOfKit();
        note("labelled people, kit -> {team: count}: %s; referees tracked: %d", teamsOfKit, referees);
        assertTrue(referees >= 3, "the main referee is tracked in each labelled frame");
        int gold = majority(teamsOfKit.get("gold"));
        int blue = majority(teamsOfKit.get("blue"));
        assertTrue(gold != 0 && blue != 0 && gold != blue, "each kit its own team: " + teamsOfKit);
        int agree = teamsOfKit.get("gold").get(gold) + teamsOfKit.get("blue").get(blue);
        int all = teamsOfKit.values().stream().flatMap(m -> m.values().stream()).mapToInt(Integer::intValue).sum();
        // the rest are boxes of two overlapping players, where the track follows the other one
        assertTrue(agree >= 0.7 * all, agree + " of " + all + " labelled players in their kit's team: " + teamsOfKit);
    }

    /** The copy's numbers that must be read are, and no number nobody can read is shown. */
    @Test
    void theLegibleNumbersAreReadAndNoOthers() throws Exception {
        List<String> legible = new ArrayList<>();
        try (InputStream in = BroadcastFootageIT.class.getResourceAsStream("/bbva/footage/broadcast-gsw-lal.numbers.csv")) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (!line.isBlank() && !line.startsWith("#") && !line.startsWith("kit")) {
                    String[] f = line.split(",");
                    legible.add(f[0] + " " + f[1]);
                }
            }
        }
        Map<Integer, String> kitOfTeam = new HashMap<>();
        teamsOfKit().forEach((kit, teams) -> kitOfTeam.put(majority(teams), kit));
        List<String> shown = new ArrayList<>();
        for (JsonNode p : export.get("people")) {
            if (!p.get("number").isNull()) {
                shown.add(kitOfTeam.get(p.get("team").isNull() ? 0 : p.get("team").asInt()) + " " + p.get("number").asText());
            }
        }
        note("numbers shown (kit number): %s; legible: %s", shown, legible);
        assertTrue(legible.containsAll(shown), "a number shown that nobody can read: " + shown);
        for (String number : copy().mustRead()) {
            assertTrue(shown.contains(number), number + " read: " + shown);
        }
    }

    private Map<Integer, Integer> teamOfTrack() {
        Map<Integer, Integer> teamOfTrack = new HashMap<>();
        for (JsonNode p : export.get("players")) {
            teamOfTrack.put(p.get("trackId").asInt(), p.get("team").isNull() ? null : p.get("team").asInt());
        }
        return teamOfTrack;
    }

    /** For each kit, the teams (0: none) of the labelled players' nearest tracked boxes, with their counts. */
    private Map<String, Map<Integer, Integer>> teamsOfKit() {
        Map<Integer, Integer> teamOfTrack = teamOfTrack();
        Map<String, Map<Integer, Integer>> teamsOfKit = new TreeMap<>();
        for (Label l : labels) {
            JsonNode d = nearestTracked(l);
            if (d != null && !l.role().equals("referee")) {
                Integer team = teamOfTrack.get(d.get("trackId").asInt());
                teamsOfKit.computeIfAbsent(l.kit(), k -> new TreeMap<>()).merge(team == null ? 0 : team, 1, Integer::sum);
            }
        }
        return teamsOfKit;
    }

    private static int majority(Map<Integer, Integer> counts) {
        return counts.entrySet().stream().max(Map.Entry.<Integer, Integer>comparingByValue().thenComparing(Map.Entry.comparingByKey()))
                .orElseThrow().getKey();
    }

    private JsonNode nearestTracked(Label l) {
        JsonNode best = null;
        for (JsonNode d : export.get("detections")) {
            if (d.get("frame").asInt() == l.frame() && !d.get("trackId").isNull() && feetAt(d, l)
                    && (best == null || feetDistance(d, l) < feetDistance(best, l))) {
                best = d;
            }
        }
        return best;
    }

    private static double feetDistance(JsonNode d, Label l) {
        return Math.hypot((d.get("x1").asDouble() + d.get("x2").asDouble()) / 2 - l.x(), d.get("y2").asDouble() - l.y());
    }

    /** The box's feet are at the label's, within a third of the box's height (labels are by eye). */
    boolean feetAt(JsonNode d, Label l) {
        double h = d.get("y2").asDouble() - d.get("y1").asDouble();
        return feetDistance(d, l) <= Math.max(15 * copy().scale(), h / 3);
    }

    private static void note(String format, Object... args) throws Exception {
        String text = String.format(Locale.ROOT, format, args);
        Path file = Path.of("target", "broadcast-it", "footage.txt");
        Files.createDirectories(file.getParent());
        Files.writeString(file, text + "\n", java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
        System.out.println("NUMBER " + text);
    }
}
