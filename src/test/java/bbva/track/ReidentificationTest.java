package bbva.track;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bbva.detect.Detection;
import bbva.detect.Detections;
import bbva.video.TeamClip;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** The tracker alone on the occlusion clip's true boxes (no colours: motion only). */
class ReidentificationTest {
    static IdentityMetrics run(TrackerSettings settings) {
        Map<Integer, List<Detection>> frames = new TreeMap<>();
        List<IdentityMetrics.Box> truth = new ArrayList<>();
        for (TeamClip.Box b : TeamClip.truth()) {
            frames.computeIfAbsent(b.frame(), k -> new ArrayList<>()).add(Detection.of(1, "person", 0.9f,
                    (float) b.x1(), (float) b.y1(), (float) b.x2(), (float) b.y2()));
            truth.add(new IdentityMetrics.Box(b.frame(), b.person(), b.x1(), b.y1(), b.x2(), b.y2()));
        }
        Tracker tracker = new Tracker(settings);
        List<IdentityMetrics.Box> tracked = new ArrayList<>();
        for (var e : frames.entrySet()) {
            for (Detection d : tracker.update(e.getKey(), Detections.rank(e.getKey(), e.getValue())).tracked()) {
                if (d.trackId() != null) {
                    tracked.add(new IdentityMetrics.Box(d.frame(), d.trackId(), d.x1(), d.y1(), d.x2(), d.y2()));
                }
            }
        }
        return IdentityMetrics.of(truth, tracked);
    }

    @Test
    void lostTracksComeBackWithTheirIds() {
        IdentityMetrics before = run(TrackerSettings.DEFAULT);
        IdentityMetrics after = run(TrackerSettings.withReid(3, TeamClip.FPS));
        System.out.println("motion only: " + before + " -> " + after);
        assertTrue(before.idSwitches() >= 10, before.toString());
        assertEquals(0, after.idSwitches(), after.toString());
        assertTrue(after.idf1() > 0.97, after.toString());
    }
}
