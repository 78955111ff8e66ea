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
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

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
        IdentityMetrics before = IdentityMetrics.of(TRUTH, tracked(export("truth-baseline", truthCsv, "0")));
        JsonNode export = export("truth-reid", truthCsv, null);
        IdentityMetrics after = IdentityMetrics.of(TRUTH, tracked(export));
        assertTeams(export);
        note("true boxes", before, after);
        assertTrue(after.idf1() >= 0.90, after.toString());
        assertTrue(after.idf1() > before.idf1(), before + " -> " + after);
        after.switchesPerTruth().forEach((person, n) -> assertTrue(n <= 1, "person " + person + ": " + n + " ID switches"));
        assertTrue(before.idSwitches() >= 10, "without re-identification every hidden player gets a new id: " + before);
    }

    @Test
    void reidentificationHoldsWithANoisyDetector() throws Exception {
        IdentityMetrics before = IdentityMetrics.of(TRUTH, tracked(export("noisy-baseline", noisyCsv, "0")));
        JsonNode export = export("noisy-reid", noisyCsv, null);
        IdentityMetrics after = IdentityMetrics.of(TRUTH, tracked(export));
        assertTeams(export);
        note("noisy detector", before, after);
        assertTrue(after.idf1() >= 0.85, after.toString());
        assertTrue(after.idf1() > before.idf1(), before + " -> " + after);
        assertTrue(after.idSwitches() < before.idSwitches(), before + " -> " + after);
    }

    @Test
    void noTeamsTellsNoTeamsApart() throws Exception {
        Cli cli = new Cli(dir.resolve("no-teams"));
        cli.run("analyze", clip.toString(), "--no-teams", "--teams", "2").expect(2).contains("contradict");
        List<String> args = new ArrayList<>(List.of(analyze(truthCsv, null)));
        args.add("--no-teams");
        cli.run(args.toArray(String[]::new)).expect(0);
        JsonNode export = new ObjectMapper().readTree(cli.export(clip));
        assertEquals(0, export.get("teams").size(), export.get("teams").toString());
        export.get("players").forEach(p -> assertTrue(p.get("team").isNull(), p.toString()));
    }

    /** With jersey OCR: one person per (team, number), each the true one, with one track; the referee unidentified. */
    @Test
    void everyPlayerIsFoundByTeamAndNumber() throws Exception {
        Cli cli = new Cli(dir.resolve("people"));
        cli.run("analyze", clip.toString(), "--detector", "file", "--detections", truthCsv.toString(), "--ocr-threads", "2",
                "--no-progress").expect(0).contains("People (10 by team and number");
        JsonNode people = new ObjectMapper().readTree(cli.export(clip)).get("people");
        Set<String> truth = new TreeSet<>();
        TeamClip.PEOPLE.stream().filter(p -> p.kit() != TeamClip.Kit.REFEREE)
                .forEach(p -> truth.add((p.kit() == TeamClip.Kit.HOME ? 1 : 2) + "/" + p.number()));
        Set<String> found = new TreeSet<>();
        int unidentified = 0;
        for (JsonNode p : people) {
            if (p.get("identified").asBoolean()) {
                found.add(p.get("team").asInt() + "/" + p.get("number").asText());
                assertEquals(1, p.get("tracks").size(), "one track per player through the occlusions: " + p);
            } else {
                unidentified++;
            }
        }
        assertEquals(truth, found, people.toString());
        assertEquals(1, unidentified, "the referee: " + people);
        note("people", found.size() + "/" + truth.size() + " players found by (team, number), " + unidentified
                + " unidentified track (the referee)");
    }

    /** kill -9 in the track step while tracks are lost, and in the teams step: resume, same export. */
    @ParameterizedTest(name = "kill -9 at {0}")
    @ValueSource(strings = {"track.committed.9", "teams.clustered"})
    void killedResumesToTheSameTracksAndTeams(String point) throws Exception {
        Cli cli = new Cli(dir.resolve("kill-" + point));
        Cli.Child child = cli.start(List.of("-Dbbva.faults=" + point + "=pause"), analyze(truthCsv, null));
        child.awaitOutput("FAULT-POINT " + point, 300);
        child.kill9();
        cli.run("resume", clip.toString(), "--no-progress").expect(0).contains("COMPLETED");
        assertEquals(reference(), cli.export(clip), "export after kill -9 at " + point + " and resume");
    }

    private static String reference;

    private static synchronized String reference() throws Exception {
        if (reference == null) {
            Cli cli = new Cli(dir.resolve("kill-reference"));
            cli.run(analyze(truthCsv, null)).expect(0);
            reference = cli.export(clip);
        }
        return reference;
    }

    /** Every track with a person's majority of its boxes has that person's team; the referee's has none. */
    private static void assertTeams(JsonNode export) {
        Map<Integer, Map<Integer, Integer>> personVotes = new TreeMap<>();
        Map<Integer, List<IdentityMetrics.Box>> truthByFrame = new TreeMap<>();
        TRUTH.forEach(b -> truthByFrame.computeIfAbsent(b.frame(), k -> new ArrayList<>()).add(b));
        for (IdentityMetrics.Box d : tracked(export)) {
            for (IdentityMetrics.Box t : truthByFrame.getOrDefault(d.frame(), List.of())) {
                if (IdentityMetrics.iou(t, d) >= 0.5) {
                    personVotes.computeIfAbsent(d.id(), k -> new TreeMap<>()).merge(t.id(), 1, Integer::sum);
                }
            }
        }
        Map<Integer, JsonNode> players = new TreeMap<>();
        export.get("players").forEach(p -> players.put(p.get("trackId").asInt(), p));
        int right = 0;
        for (var e : personVotes.entrySet()) {
            int person = e.getValue().entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
            TeamClip.Kit kit = TeamClip.PEOPLE.get(person - 1).kit();
            JsonNode team = players.get(e.getKey()).get("team");
            String expected = kit == TeamClip.Kit.HOME ? "1" : kit == TeamClip.Kit.AWAY ? "2" : "null";
            assertEquals(expected, team.isNull() ? "null" : team.asText(), "team of track " + e.getKey() + " (person " + person + ")");
            right++;
        }
        JsonNode teams = export.get("teams");
        assertEquals(2, teams.size(), teams.toString());
        assertTrue(teams.get(0).get("l").asDouble() > 85, "team 1 is the white kit: " + teams);
        System.out.println("NUMBER occlusion clip: team right for " + right + "/" + personVotes.size() + " tracks; teams " + teams);
    }

    private static String[] analyze(Path csv, String reid) {
        List<String> args = new ArrayList<>(List.of("analyze", clip.toString(), "--detector", "file", "--detections",
                csv.toString(), "--no-ocr", "--no-progress"));
        if (reid != null) {
            args.addAll(List.of("--reid-seconds", reid));
        }
        return args.toArray(String[]::new);
    }

    private static JsonNode export(String name, Path csv, String reid) throws Exception {
        Cli cli = new Cli(dir.resolve(name));
        cli.run(analyze(csv, reid)).expect(0).contains("TEAM");
        return new ObjectMapper().readTree(cli.export(clip));
    }

    private static List<IdentityMetrics.Box> tracked(JsonNode export) {
        List<IdentityMetrics.Box> tracked = new ArrayList<>();
        for (JsonNode d : export.get("detections")) {
            if (!d.get("trackId").isNull()) {
                tracked.add(new IdentityMetrics.Box(d.get("frame").asInt(), d.get("trackId").asInt(), d.get("x1").asDouble(),
                        d.get("y1").asDouble(), d.get("x2").asDouble(), d.get("y2").asDouble()));
            }
        }
        return tracked;
    }

    private static void note(String what, IdentityMetrics before, IdentityMetrics after) throws Exception {
        note(what, String.format(Locale.ROOT, "without re-identification %s; with it %s", before, after));
    }

    private static void note(String what, String text) throws Exception {
        String line = "occlusion clip, " + what + ": " + text;
        System.out.println("NUMBER " + line);
        Path numbers = Path.of("target", "numbers.txt");
        Files.writeString(numbers, line + System.lineSeparator(), java.nio.file.StandardOpenOption.CREATE,
                java.nio.file.StandardOpenOption.APPEND);
    }
}
