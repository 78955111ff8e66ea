package bbva.ocr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bbva.detect.Detection;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class JerseyPicksTest {
    static final int W = 640;
    static final int H = 360;

    static List<Detection> asIs(List<JerseyView> views) {
        return views.stream().filter(v -> v.look() == JerseyView.Look.AS_IS).map(JerseyView::box).toList();
    }

    /** Two people crossing a 30-frame batch apart; A grows from 60 to 89 px tall, B stays 80; plus a ball. */
    static List<Detection> batch() {
        List<Detection> out = new ArrayList<>();
        for (int f = 0; f < 30; f++) {
            float h = 60 + f;
            out.add(new Detection(f, 0, 1, "person", 0.8f, 100 + f, 200 - h, 130 + f, 200, null));
            out.add(new Detection(f, 1, 1, "person", 0.8f, 400 - f, 220, 430 - f, 300, null));
            out.add(new Detection(f, 2, 37, "sports ball", 0.6f, 300, 100, 310, 110, null));
        }
        return out;
    }

    @Test
    void eachPersonsBestViewOfEachStretchAndEveryOtherBox() {
        List<Detection> picked = asIs(JerseyPicks.of(batch(), W, H, 3));
        List<Detection> a = picked.stream().filter(d -> d.person() && d.index() == 0).toList();
        List<Detection> b = picked.stream().filter(d -> d.person() && d.index() == 1).toList();
        assertEquals(List.of(9, 19, 29), a.stream().map(Detection::frame).toList(), "the tallest of each third: " + a);
        assertEquals(3, b.size(), "three views of B: " + b);
        assertEquals(List.of(0, 10, 20), b.stream().map(Detection::frame).toList(), "all alike: the first of each third");
        assertEquals(30, picked.stream().filter(d -> !d.person()).count(), "the ball boxes stay");
        assertEquals(JerseyPicks.of(batch(), W, H, 3), JerseyPicks.of(batch(), W, H, 3), "same boxes, same picks");
        assertEquals(batch(), asIs(JerseyPicks.of(batch(), W, H, 0)), "0: every box");
        assertEquals(List.of(), JerseyPicks.of(batch(), W, H, 0).stream().filter(v -> v.look() != JerseyView.Look.AS_IS).toList(),
                "0: every box as it is");
    }

    @Test
    void aViewCoveredBySomeoneInFrontOrCutByTheEdgeLosesToAClearOne() {
        List<Detection> batch = new ArrayList<>();
        for (int f = 0; f < 10; f++) {
            batch.add(new Detection(f, 0, 1, "person", 0.8f, 100, 100, 130, 190 + f, null));
        }
        // the tallest view (frame 9) is half hidden by someone standing in front (feet lower)
        batch.add(new Detection(9, 1, 1, "person", 0.8f, 85, 110, 115, 260, null));
        Detection pick = asIs(JerseyPicks.of(batch, W, H, 1)).stream().filter(d -> d.index() == 0).findFirst().orElseThrow();
        assertEquals(8, pick.frame(), "the tallest clear view");
        List<Detection> edge = new ArrayList<>();
        edge.add(new Detection(0, 0, 1, "person", 0.8f, 0, 100, 30, 200, null));
        edge.add(new Detection(1, 0, 1, "person", 0.8f, 2, 100, 32, 190, null));
        edge.add(new Detection(2, 0, 1, "person", 0.8f, 5, 100, 35, 180, null));
        assertEquals(2, JerseyPicks.of(edge, W, H, 1).get(0).box().frame(), "a box cut by the frame's edge counts half");
    }

    @Test
    void aPersonBehindIsNotCoveredByOneFurtherBack() {
        Detection front = new Detection(0, 0, 1, "person", 0.8f, 100, 100, 140, 250, null);
        Detection back = new Detection(0, 1, 1, "person", 0.8f, 110, 90, 140, 180, null);
        assertTrue(JerseyPicks.view(front, List.of(front, back), W, H) > 149, "nobody in front of it");
        assertTrue(JerseyPicks.view(back, List.of(front, back), W, H) < 11, "eight ninths hidden behind the front one");
    }

    /** A box of someone out of the picture, clipped to the frame, is turned inside out: it is still a view, never none. */
    @Test
    void boxesClippedInsideOutAreStillPicked() {
        List<Detection> gone = new ArrayList<>();
        for (int f = 0; f < 30; f++) {
            gone.add(new Detection(f, 0, 1, "person", 0.9f, 0, 0, -654.9f, -80.6f, null));
        }
        List<Detection> picked = asIs(JerseyPicks.of(gone, W, H, 3));
        assertEquals(gone, picked, "each its own chain (no overlap links them), each its own pick");
    }

    /** One person walking through a 30-frame batch at a constant height of {@code tall} px. */
    private static List<Detection> walker(float tall) {
        List<Detection> out = new ArrayList<>();
        for (int f = 0; f < 30; f++) {
            out.add(new Detection(f, 0, 1, "person", 0.8f, 100 + f, 300 - tall, 100 + f + tall / 3, 300, null));
        }
        return out;
    }

    @Test
    void aBroadcastPlayerIsAlsoLookedAtCloserInTheRestOfTenStretches() {
        List<JerseyView> views = JerseyPicks.of(walker(72), W, H, 3);   // a fifth of the frame's height
        List<Detection> closer = views.stream().filter(v -> v.look() == JerseyView.Look.PRINT).map(JerseyView::box).toList();
        assertEquals(List.of(0, 10, 20), asIs(views).stream().map(Detection::frame).toList());
        assertEquals(List.of(3, 6, 9, 12, 15, 18, 21, 24, 27), closer.stream().map(Detection::frame).toList(),
                "the first of each tenth, but frame 0, read as it is");
        assertEquals(12, JerseyPicks.cropsToRead(walker(72), W, H, 3), "progress counts the closer looks");
        for (float tall : new float[] {50, 95}) {
            assertEquals(3, JerseyPicks.of(walker(tall), W, H, 3).size(), tall + " px: too small for a number, or read well as it is");
        }
        assertEquals(asIs(JerseyPicks.of(walker(72), W, H, 10)).size(), JerseyPicks.of(walker(72), W, H, 10).size(),
                "as many stretches read as they are: no closer looks");
    }
}
