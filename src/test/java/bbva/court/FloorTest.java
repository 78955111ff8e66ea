package bbva.court;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bbva.AnalysisException;
import bbva.detect.Detection;
import bbva.detect.Kind;
import bbva.video.BroadcastClip;
import bbva.video.VideoFrame;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.util.List;
import org.junit.jupiter.api.Test;

class FloorTest {
    static final Court TRAPEZOID = new Court(new double[] {100, 200, 700, 200, 800, 460, 0, 460});

    static Detection person(float x1, float y1, float x2, float y2) {
        return Detection.of(1, "person", 0.9f, x1, y1, x2, y2);
    }

    @Test
    void feetDecideOnOrOffAndSquatOrSmallBoxesAreOff() {
        List<Detection> frame = List.of(
                person(380, 180, 410, 250),     // far player, feet on the floor
                person(300, 300, 340, 400),     // near player
                person(500, 240, 530, 320),
                person(600, 330, 645, 440),
                person(380, 120, 410, 190),     // feet above the far sideline: stands
                person(700, 400, 740, 440),     // squat: a fan's head and shoulders
                person(200, 400, 215, 440),     // far too small for where it stands
                Detection.of(37, "sports ball", 0.9f, 200, 300, 210, 310));
        List<Detection> marked = Floor.byFeetAndSize(frame, TRAPEZOID, 480);
        assertEquals(List.of(false, false, false, false, true, true, true, false), marked.stream().map(Detection::offCourt).toList());
        assertEquals(frame, Floor.byFeetAndSize(frame, null, 480), "no court: nobody is off it");
    }

    @Test
    void onAFloorFoundByColourWhoeverStandsAgainstTheFarEdgeIsOff() {
        List<Detection> frame = List.of(
                person(380, 150, 410, 210),     // staff against the boards: 10 px below the edge, 60 tall
                person(500, 160, 530, 230),     // player on the far sideline: 30 px below, 70 tall
                person(300, 300, 340, 400));
        FrameView view = new FrameView(0, TRAPEZOID, null);
        assertEquals(List.of(true, false, false),
                new Floor(CourtSpec.parse("auto")).mark(frame, view, 480).stream().map(Detection::offCourt).toList());
        assertEquals(List.of(false, false, false),
                new Floor(CourtSpec.parse(TRAPEZOID.encode().replace(' ', ','))).mark(frame, view, 480).stream()
                        .map(Detection::offCourt).toList(), "a polygon the user gave is the floor as it is");
        Court toTheTop = new Court(new double[] {100, 0, 700, 0, 800, 460, 0, 460});
        assertFalse(Floor.againstFarEdge(person(380, 0, 410, 10), toTheTop, 480), "a floor running out of the top has no far edge");
        assertEquals(200, TRAPEZOID.farSidelineAt(400).getAsDouble(), 1e-9);
        assertTrue(TRAPEZOID.farSidelineAt(750).isEmpty(), "a steep edge is a baseline");
        assertTrue(TRAPEZOID.farSidelineAt(900).isEmpty());
        assertTrue(TRAPEZOID.holdsFeetOf(person(20, 260, 40, 340), 480), "on the apron past the baseline: 0.2 of the height off");
        assertFalse(TRAPEZOID.holdsFeetOf(person(380, 110, 410, 190), 480), "0.14 beyond the far sideline");
    }

    @Test
    void aBoxRunningOutOfTheFrameIsJudgedByTheFramesBottomRow() {
        assertTrue(TRAPEZOID.holdsFeetOf(person(300, 380, 350, 520), 461));
        assertFalse(TRAPEZOID.holdsFeetOf(person(300, 380, 350, 520), 600));
    }

    @Test
    void courtsRoundTripAndSpecsParse() {
        assertEquals("100,200 700,200 800,460 0,460", TRAPEZOID.encode());
        assertEquals(TRAPEZOID.encode(), Court.decode(TRAPEZOID.encode()).encode());
        assertNull(Court.decode(null));
        assertEquals(CourtSpec.Mode.POLYGON, CourtSpec.parse("0,0,10,0,10,10").mode());
        assertEquals("0,0,10,0,10,10", CourtSpec.parse("0,0,10,0,10,10").id());
        assertThrows(AnalysisException.class, () -> CourtSpec.parse("0,0,10,0"));
        assertThrows(AnalysisException.class, () -> CourtSpec.parse("floor"));
    }

    @Test
    void kindsComeFromAnyModelsLabels() {
        assertEquals(Kind.PERSON, Kind.of("person"));
        assertEquals(Kind.PLAYER, Kind.of("Player"));
        assertEquals(Kind.REFEREE, Kind.of("referee"));
        assertEquals(Kind.BALL, Kind.of("sports ball"));
        assertEquals(Kind.NUMBER, Kind.of("jersey number"));
        assertEquals(Kind.OTHER, Kind.of("rim"));
        assertTrue(Detection.of(1, "referee", 1, 0, 0, 1, 1).person());
    }

    static VideoFrame frame(int index) {
        BufferedImage img = BroadcastClip.draw(index);
        return new VideoFrame(index, img.getWidth(), img.getHeight(), ((DataBufferByte) img.getRaster().getDataBuffer()).getData());
    }

    @Test
    void theFloorOfTheRenderedBroadcastHoldsThePlayersAndNotTheStands() {
        for (int f : new int[] {0, 45, 89, 90, 149}) {
            Court court = CourtFinder.find(frame(f)).orElseThrow();
            for (BroadcastClip.Box b : BroadcastClip.truth()) {
                if (b.frame() == f && b.person().role() != BroadcastClip.Role.BENCH) {
                    Detection d = person((float) b.x1(), (float) b.y1(), (float) b.x2(), (float) b.y2());
                    assertEquals(b.person().onCourt(), court.holdsFeetOf(d, BroadcastClip.H), "frame " + f + ": " + b);
                }
            }
        }
    }

    @Test
    void aCutIsACutAndAPanIsNot() {
        FrameLook before = FrameLook.of(frame(0));
        for (int f = 1; f < BroadcastClip.FRAMES; f += 1) {
            FrameLook look = FrameLook.of(frame(f));
            assertEquals(f == BroadcastClip.CUT, look.cutFrom(before), "frame " + f);
            assertEquals(look.encode(), FrameLook.decode(look.encode()).encode());
            before = look;
        }
    }

    @Test
    void aSurfaceNobodyStandsOnIsNoCourt() {
        VideoFrame f = frame(40);
        Detection onFloor = person(300, 250, 330, 330);
        Detection inStands = person(300, 40, 320, 70);
        Floor floor = new Floor(CourtSpec.AUTO);
        Floor.Survey survey = floor.survey(f);
        assertNull(floor.view(survey, List.of(onFloor, onFloor, inStands)).court(), "two people on it are not enough");
        assertTrue(floor.view(survey, List.of(onFloor, onFloor, onFloor, inStands)).court() != null);
        Floor off = new Floor(CourtSpec.OFF);
        assertNull(off.view(off.survey(f), List.of(onFloor, onFloor, onFloor)).court());
        Floor given = new Floor(CourtSpec.parse("0,0,10,0,10,10"));
        assertTrue(given.view(given.survey(f), List.of()).court() != null, "a given polygon always counts");
    }
}
