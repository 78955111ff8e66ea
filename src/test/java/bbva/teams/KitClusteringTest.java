package bbva.teams;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bbva.colour.Appearance;
import bbva.detect.Detection;
import bbva.video.TeamClip;
import bbva.video.VideoFrame;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Teams of the occlusion clip's people, from torso colours taken off its drawn frames (track = person). */
class KitClusteringTest {
    static List<Detection> people() {
        List<Detection> out = new ArrayList<>();
        int rank = 0;
        int last = -1;
        BufferedImage img = null;
        VideoFrame frame = null;
        for (TeamClip.Box b : TeamClip.truth()) {
            if (b.frame() % 4 != 0) {
                continue;
            }
            if (b.frame() != last) {
                img = TeamClip.draw(b.frame());
                frame = new VideoFrame(b.frame(), img.getWidth(), img.getHeight(),
                        ((DataBufferByte) img.getRaster().getDataBuffer()).getData().clone());
                last = b.frame();
                rank = 0;
            }
            Detection d = new Detection(b.frame(), rank++, 1, "person", 0.9f, (float) b.x1(), (float) b.y1(), (float) b.x2(),
                    (float) b.y2(), b.person());
            out.add(d.withAppearance(Appearance.of(frame, d)));
        }
        return out;
    }

    @Test
    void twoKitsAndTheRefereeApart() {
        List<Detection> people = people();
        TeamAssignment teams = KitClustering.assign(people, 2);
        System.out.println(teams);
        for (TeamClip.Person p : TeamClip.PEOPLE) {
            switch (p.kit()) {
                case HOME -> assertEquals(1, teams.teamOfTrack().get(p.id()), "home (white, lighter) is team 1: " + p);
                case AWAY -> assertEquals(2, teams.teamOfTrack().get(p.id()), "away is team 2: " + p);
                case REFEREE -> assertFalse(teams.teamOfTrack().containsKey(p.id()), "the referee is no team's");
            }
        }
        Team home = teams.teams().get(0);
        Team away = teams.teams().get(1);
        assertTrue(home.l() > 85 && away.l() < 40 && away.b() < -30, teams.teams().toString());
        assertEquals(5, home.tracks());
        assertEquals(5, away.tracks());
        assertEquals(teams, KitClustering.assign(people, 2), "same input, same teams");
    }

    @Test
    void theRefereesKitIsFoundAsAClusterOfItsOwn() {
        double[][] points = people().stream().map(d -> KitClustering.embed(d.appearance())).toArray(double[][]::new);
        KitClustering.Kits kits = KitClustering.Kits.of(points, 2);
        assertTrue(kits.referees() != null, "a third kit, far from both teams");
        for (Detection d : people()) {
            double[] p = KitClustering.embed(d.appearance());
            double toTeam = Math.min(KMeans.distance(p, kits.teams()[0]), KMeans.distance(p, kits.teams()[1]));
            boolean referee = TeamClip.PEOPLE.stream().anyMatch(x -> x.id() == d.trackId() && x.kit() == TeamClip.Kit.REFEREE);
            assertEquals(referee, kits.referees(p, toTeam), "box " + d);
        }
    }

    @Test
    void withoutARefereeNoTeamIsSplit() {
        List<Detection> players = people().stream()
                .filter(d -> TeamClip.PEOPLE.stream().noneMatch(x -> x.id() == d.trackId() && x.kit() == TeamClip.Kit.REFEREE)).toList();
        double[][] points = players.stream().map(d -> KitClustering.embed(d.appearance())).toArray(double[][]::new);
        assertEquals(null, KitClustering.Kits.of(points, 2).referees(), "no third kit");
        TeamAssignment teams = KitClustering.assign(players, 2);
        assertEquals(10, teams.teamOfTrack().size(), teams.toString());
        assertEquals(5, teams.teams().get(0).tracks());
        assertEquals(5, teams.teams().get(1).tracks());
    }

    @Test
    void aGameSizedVideoIsFittedOnAnEvenSampleWithTheSameTeams() {
        List<Detection> people = people();
        TeamAssignment all = KitClustering.assign(people, 2);
        int maxFit = people.size() / 3;
        TeamAssignment sampled = KitClustering.assign(people::forEach, 2, maxFit);
        assertEquals(all.teamOfTrack(), sampled.teamOfTrack(), "fitted on a third of " + people.size() + " boxes");
        assertEquals(all.teams().get(0).detections(), sampled.teams().get(0).detections(), "every box still counted");
        assertEquals(all.teams().get(1).tracks(), sampled.teams().get(1).tracks());
    }

    @Test
    void noTeamsAsked() {
        assertTrue(KitClustering.assign(people(), 0).teams().isEmpty());
    }

    /**
     * Stripes beside a white kit with dark numbers share both its colours: nearer it than 0.6 times the
     * teams' separation, yet far outside its spread. Kit points here are 4-dimensional for clarity.
     */
    @Test
    void aRefereesKitNearOneTeamButFarOutsideItsSpreadIsFound() {
        List<double[]> points = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            double jitter = 0.02 * (i % 5 - 2);
            points.add(new double[] {1 + jitter, 0, 0, jitter});     // white kit
            points.add(new double[] {0, 1 - jitter, jitter, 0});     // navy kit
            if (i % 5 == 0) {
                points.add(new double[] {0.55, 0, 0.55 + jitter, 0});  // striped referee
            }
        }
        double[][] all = points.toArray(double[][]::new);
        KitClustering.Kits kits = KitClustering.Kits.of(all, 2);
        assertNotNull(kits.referees(), "a third kit");
        double separation = KMeans.distance(kits.teams()[0], kits.teams()[1]);
        double apart = Math.min(KMeans.distance(kits.referees(), kits.teams()[0]), KMeans.distance(kits.referees(), kits.teams()[1]));
        assertTrue(apart < KitClustering.REFEREE_APART * separation, "nearer a team than the separation rule asks: " + apart / separation);
        double[] referee = all[2];
        assertTrue(kits.referees(referee, KMeans.distance(referee, kits.teams()[0])), "a referee's box is the referees'");
    }
}
