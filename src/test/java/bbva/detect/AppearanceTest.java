package bbva.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bbva.colour.Appearance;
import bbva.video.TeamClip;
import bbva.video.VideoFrame;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AppearanceTest {
    /** Frame 0 of the occlusion clip, where nobody overlaps anybody. */
    static Map<Integer, Appearance> frameZero() {
        BufferedImage img = TeamClip.draw(0);
        VideoFrame frame = new VideoFrame(0, img.getWidth(), img.getHeight(),
                ((DataBufferByte) img.getRaster().getDataBuffer()).getData().clone());
        Map<Integer, Appearance> out = new HashMap<>();
        for (TeamClip.Box b : TeamClip.truth()) {
            if (b.frame() == 0) {
                out.put(b.person(), Appearance.of(frame, Detection.of(1, "person", 0.9f,
                        (float) b.x1(), (float) b.y1(), (float) b.x2(), (float) b.y2())));
            }
        }
        return out;
    }

    @Test
    void kitsLookAlikeWithinATeamAndApartAcrossTeams() {
        Map<Integer, Appearance> a = frameZero();
        Appearance home4 = a.get(1);
        Appearance home7 = a.get(4);
        Appearance away5 = a.get(2);
        Appearance referee = a.get(11);
        assertTrue(home4.similarity(home7) > 0.8, home4 + " / " + home7);
        // white numbers on the blue kit share the white kit's colours: alike, but below the tracker's 0.6
        assertTrue(home4.similarity(away5) < 0.5, home4 + " / " + away5);
        assertTrue(home4.similarity(referee) < 0.8, home4 + " / " + referee);
        assertTrue(home4.l() > 85 && Math.abs(home4.a()) < 5, "white kit in Lab: " + home4);
        assertTrue(away5.l() < 40 && away5.b() < -30, "blue kit in Lab: " + away5);
    }

    @Test
    void storedFormReadsBackEqual() {
        Appearance x = frameZero().get(2);
        assertEquals(x, Appearance.decode(x.encode()));
        assertTrue(x.encode().length() <= 128, "fits the detections.appearance column");
        assertNull(Appearance.decode(null));
    }

    @Test
    void aBoxOutsideTheFrameHasNoAppearance() {
        BufferedImage img = TeamClip.draw(0);
        VideoFrame frame = new VideoFrame(0, img.getWidth(), img.getHeight(),
                ((DataBufferByte) img.getRaster().getDataBuffer()).getData().clone());
        assertNull(Appearance.of(frame, Detection.of(1, "person", 0.9f, 2000, 2000, 2050, 2120)));
    }
}
