package bbva.track;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bbva.AnalysisException;
import bbva.detect.Detection;
import bbva.detect.Detections;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;
import org.junit.jupiter.api.Test;

class TrackerTest {
    private static Detection box(double cx, double cy, double score) {
        return Detection.of(1, "person", (float) score, (float) (cx - 20), (float) (cy - 50), (float) (cx + 20), (float) (cy + 50));
    }

    /** Runs frames 0..n-1 through a tracker; returns per frame the track id of each detection (by its x order). */
    private static List<List<Integer>> run(Tracker tracker, int from, int to, IntFunction<List<Detection>> scene) {
        List<List<Integer>> ids = new ArrayList<>();
        for (int f = from; f < to; f++) {
            List<Detection> tracked = tracker.update(f, Detections.rank(f, scene.apply(f))).tracked();
            List<Detection> byX = new ArrayList<>(tracked);
            byX.sort((a, b) -> Float.compare(a.x1(), b.x1()));
            ids.add(byX.stream().map(Detection::trackId).toList());
        }
        return ids;
    }

    @Test
    void parallelWalkersKeepTheirIdsWithoutSwitches() {
        Tracker t = new Tracker(TrackerSettings.DEFAULT);
        List<List<Integer>> ids = run(t, 0, 100, f -> List.of(box(100 + 3 * f, 200, 0.9), box(300 + 3 * f, 220, 0.8),
                box(500 + 3 * f, 240, 0.7)));
        assertEquals(List.of(1, 2, 3), ids.get(1), "initialized on the second hit");
        for (int f = 1; f < 100; f++) {
            assertEquals(List.of(1, 2, 3), ids.get(f), "frame " + f);
        }
        assertNull(ids.get(0).get(0), "tentative on the first frame");
    }

    @Test
    void crossingPathsKeepIdentityThroughConstantVelocity() {
        Tracker t = new Tracker(TrackerSettings.DEFAULT);
        // A walks right, B walks left, at different heights so boxes overlap only partially while crossing
        IntFunction<List<Detection>> scene = f -> List.of(box(100 + 8 * f, 200, 0.9), box(500 - 8 * f, 230, 0.8));
        List<Integer> aIds = new ArrayList<>();
        for (int f = 0; f < 50; f++) {
            List<Detection> out = t.update(f, Detections.rank(f, scene.apply(f))).tracked();
            aIds.add(out.stream().filter(d -> d.score() > 0.85f).findFirst().orElseThrow().trackId());
        }
        for (int f = 1; f < 50; f++) {
            assertEquals(1, aIds.get(f), "A keeps id 1 at frame " + f);
        }
    }

    @Test
    void missedFramesAreBridgedAndLongAbsenceEndsTheTrack() {
        Tracker t = new Tracker(TrackerSettings.DEFAULT);
        run(t, 0, 10, f -> List.of(box(100 + 5 * f, 200, 0.9)));
        run(t, 10, 16, f -> List.of());                                  // 6 frames unseen
        List<List<Integer>> back = run(t, 16, 18, f -> List.of(box(100 + 5 * f, 200, 0.9)));
        assertEquals(1, back.get(0).get(0), "predicted forward over the gap, same id");
        run(t, 18, 18 + TrackerSettings.DEFAULT.maxMissed() + 1, f -> List.of());
        List<List<Integer>> reborn = run(t, 40, 42, f -> List.of(box(100 + 5 * f, 200, 0.9)));
        assertNotEquals(1, reborn.get(1).get(0), "a track dead after maxMissed frames is not revived");
        assertEquals(2, reborn.get(1).get(0));
    }

    private static Detection weak(double cx, double cy) {
        return Detection.scored(1, "person", 0.25f, 0.4f, (float) (cx - 20), (float) (cy - 50), (float) (cx + 20), (float) (cy + 50));
    }

    @Test
    void weakBoxesOnlyContinueFollowedTracks() {
        Tracker t = new Tracker(TrackerSettings.DEFAULT);
        run(t, 0, 5, f -> List.of(box(100 + 4 * f, 200, 0.9), box(400, 200, 0.9)));
        // frames 5-7: the first walker scores low (hidden behind someone); a weak box appears where nobody was
        List<List<Integer>> ids = run(t, 5, 8, f -> List.of(weak(100 + 4 * f, 200), box(400, 200, 0.9), weak(700, 200)));
        for (List<Integer> frame : ids) {
            assertEquals(List.of(1, 2), frame, "the weak box on the walker's path continues track 1; the other is dropped");
        }
        Tracker.Update hidden = t.update(8, Detections.rank(8, List.of(weak(132, 200), box(400, 200, 0.9), weak(700, 200))));
        assertEquals(List.of(680f), hidden.droppedWeak().stream().map(Detection::x1).toList(), "the weak box off every path is dropped");
        assertEquals(3, hidden.tracked().size() + hidden.droppedWeak().size(), "every box is tracked or dropped");
        assertEquals(List.of(1, 2), run(t, 9, 10, f -> List.of(box(100 + 4 * f, 200, 0.9), box(400, 200, 0.9))).get(0),
                "seen clearly again, still track 1");
        // a weak box never starts a track, however long it stays
        Tracker fresh = new Tracker(TrackerSettings.DEFAULT);
        assertTrue(run(fresh, 0, 10, f -> List.of(weak(300, 200))).stream().allMatch(List::isEmpty));
        // and never takes a track a box over the threshold continued
        Tracker both = new Tracker(TrackerSettings.DEFAULT);
        run(both, 0, 3, f -> List.of(box(100, 200, 0.9)));
        assertEquals(List.of(1), run(both, 3, 4, f -> List.of(box(100, 200, 0.9), weak(102, 200))).get(0));
    }

    @Test
    void birthsGetNewIdsAndOneFrameGhostsGetNone() {
        Tracker t = new Tracker(TrackerSettings.DEFAULT);
        run(t, 0, 5, f -> List.of(box(100, 200, 0.9)));
        List<List<Integer>> ids = run(t, 5, 7, f -> f == 5 ? List.of(box(100, 200, 0.9), box(600, 200, 0.5))
                : List.of(box(100, 200, 0.9), box(400, 100, 0.5)));
        assertEquals(1, ids.get(0).get(0));
        assertNull(ids.get(0).get(1), "a one-frame detection stays tentative");
        assertNull(ids.get(1).get(1), "and one elsewhere next frame is a new tentative track");
        List<List<Integer>> later = run(t, 7, 9, f -> List.of(box(100, 200, 0.9), box(400, 100, 0.5)));
        assertNotNull(later.get(0).get(1));
        assertEquals(2, later.get(0).get(1));
    }

    @Test
    void stateRoundTripsThroughTheCheckpoint() throws Exception {
        IntFunction<List<Detection>> scene = f -> List.of(box(100 + 4 * f, 200, 0.9), box(700 - 6 * f, 260, 0.8),
                box(300, 100 + f, f % 7 == 0 ? 0.2 : 0.6));
        List<List<Integer>> straight = run(new Tracker(TrackerSettings.DEFAULT), 0, 90, scene);

        Tracker first = new Tracker(TrackerSettings.DEFAULT);
        List<List<Integer>> resumed = new ArrayList<>(run(first, 0, 45, scene));
        String stored = TrackerStateFormat.encode(first.state());
        Tracker.State restored = TrackerStateFormat.decode(TrackerStateFormat.FORMAT, stored);
        assertEquals(stored, TrackerStateFormat.encode(restored));
        resumed.addAll(run(new Tracker(TrackerSettings.DEFAULT, restored), 45, 90, scene));
        assertEquals(straight, resumed);
    }

    @Test
    void aStateOfAnotherFormatIsRefusedWithWhatToDo() {
        Tracker t = new Tracker(TrackerSettings.DEFAULT);
        run(t, 0, 10, f -> List.of(box(100 + 4 * f, 200, 0.9)));
        String stored = TrackerStateFormat.encode(t.state());
        AnalysisException e = assertThrows(AnalysisException.class,
                () -> TrackerStateFormat.decode(TrackerStateFormat.FORMAT + 1, stored));
        assertTrue(e.getMessage().contains("--fresh"), e.getMessage());
        assertThrows(AnalysisException.class, () -> TrackerStateFormat.decode(TrackerStateFormat.FORMAT, "{\"nextId\": 3"));
    }
}
