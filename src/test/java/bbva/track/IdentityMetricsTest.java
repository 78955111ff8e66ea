package bbva.track;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class IdentityMetricsTest {
    static IdentityMetrics.Box box(int frame, int id, double x) {
        return new IdentityMetrics.Box(frame, id, x, 0, x + 10, 20);
    }

    @Test
    void perfectTrackingScoresOne() {
        List<IdentityMetrics.Box> truth = new ArrayList<>();
        List<IdentityMetrics.Box> tracked = new ArrayList<>();
        for (int f = 0; f < 10; f++) {
            truth.add(box(f, 1, 0));
            truth.add(box(f, 2, 50));
            tracked.add(box(f, 7, 0));
            tracked.add(box(f, 9, 50));
        }
        IdentityMetrics m = IdentityMetrics.of(truth, tracked);
        assertEquals(1.0, m.idf1(), 1e-9);
        assertEquals(0, m.idSwitches());
        assertEquals(0, m.fragments());
    }

    @Test
    void aNewIdAfterAGapIsASwitchAndAFragmentAndCostsIdf1() {
        List<IdentityMetrics.Box> truth = new ArrayList<>();
        List<IdentityMetrics.Box> tracked = new ArrayList<>();
        for (int f = 0; f < 10; f++) {
            truth.add(box(f, 1, 0));
            if (f < 4) {
                tracked.add(box(f, 1, 0));
            } else if (f >= 6) {
                tracked.add(box(f, 2, 0));   // frames 4, 5 untracked, then a new id
            }
        }
        IdentityMetrics m = IdentityMetrics.of(truth, tracked);
        assertEquals(1, m.idSwitches());
        assertEquals(1, m.fragments());
        // best mapping keeps 4 of the 10 true boxes: 2 * 4 / (10 + 8)
        assertEquals(8.0 / 18, m.idf1(), 1e-9);
    }

    @Test
    void theAssignmentIsOptimalNotGreedy() {
        // greedy takes 5 (row 0 -> col 0) and then 1; the best is 4 + 4
        assertEquals(8, Hungarian.maxTotal(new long[][] {{5, 4}, {4, 1}}));
        assertEquals(13, Hungarian.maxTotal(new long[][] {{1, 2, 3}, {2, 4, 6}, {3, 6, 1}}));
    }
}
