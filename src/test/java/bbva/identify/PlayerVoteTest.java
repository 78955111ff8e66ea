package bbva.identify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bbva.BatchPlan;
import bbva.detect.Detection;
import bbva.ocr.OcrReading;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;
import org.junit.jupiter.api.Test;

class PlayerVoteTest {
    private static final BatchPlan PLAN = new BatchPlan(10_000, 1, 30);

    private static Detection det(int frame, int track) {
        return new Detection(frame, 0, 1, "person", 0.9f, 0, 0, 10, 10, track);
    }

    private static OcrReading reading(int frame, String number, float confidence) {
        return new OcrReading(frame, 0, number, confidence, "test");
    }

    @Test
    void confidenceWeightedMajorityWins() {
        List<Detection> tracked = new ArrayList<>();
        List<OcrReading> readings = new ArrayList<>();
        for (int f = 0; f < 12; f++) {
            tracked.add(det(f, 5));
        }
        // 23 read 6 times at 0.9; 28 read 4 times at 0.95; two blanks; one weak 8
        for (int f = 0; f < 6; f++) {
            readings.add(reading(f, "23", 0.9f));
        }
        for (int f = 6; f < 10; f++) {
            readings.add(reading(f, "28", 0.95f));
        }
        readings.add(reading(10, null, 0f));
        readings.add(reading(11, "8", 0.3f));
        Player p = PlayerVote.vote(PLAN, tracked, readings, 10, 0.15f).get(0);
        assertEquals(5, p.trackId());
        assertEquals("23", p.number());
        assertEquals(6, p.votes());
        assertEquals(12, p.readings());
        assertEquals(6 * 0.9 / 12, p.confidence(), 1e-6);
        assertEquals(12, p.framesSeen());
        assertEquals(0, p.firstFrame());
        assertEquals(11, p.lastFrame());
        assertFalse(p.shortTrack());
    }

    @Test
    void noReadingsOrShortTracks() {
        List<Detection> tracked = List.of(det(3, 1), det(4, 1), det(5, 1), det(6, 1), det(10, 2), det(11, 2), det(12, 2));
        List<OcrReading> sevens = List.of(reading(10, "7", 0.9f), reading(11, "7", 0.8f), reading(12, "7", 0.7f));
        List<Player> players = PlayerVote.vote(PLAN, tracked, sevens, 4, 0.5f);
        assertEquals(2, players.size());
        assertNull(players.get(0).number());
        assertEquals(0f, players.get(0).confidence());
        assertFalse(players.get(0).shortTrack());
        assertEquals("7", players.get(1).number());
        assertTrue(players.get(1).shortTrack());
    }

    /** One track seen in frames 0, step, 2*step ... below {@code frames}, read as {@code readingAt} says (null: not read), in batches of 30 frames. */
    private static Player voteOne(int frames, int step, IntFunction<OcrReading> readingAt, float minConfidence) {
        return voteOne(PLAN, frames, step, readingAt, minConfidence);
    }

    private static Player voteOne(BatchPlan plan, int frames, int step, IntFunction<OcrReading> readingAt, float minConfidence) {
        List<Detection> tracked = new ArrayList<>();
        List<OcrReading> readings = new ArrayList<>();
        for (int f = 0; f < frames; f += step) {
            tracked.add(det(f, 49));
            OcrReading r = readingAt.apply(f);
            if (r != null) {
                readings.add(r);
            }
        }
        return PlayerVote.vote(plan, tracked, readings, 10, minConfidence).get(0);
    }

    /** A number read twice is no number, however sure each reading: misreads rarely agree three times. */
    @Test
    void aNumberNeedsThreeAgreeingReadings() {
        Player two = voteOne(4, 1, f -> f < 2 ? reading(f, "76", 0.99f) : reading(f, null, 0f), 0.25f);
        assertNull(two.number(), "0.495 support, 2 readings");
        assertEquals(0f, two.confidence());
        assertEquals(0, two.votes());
        Player three = voteOne(4, 1, f -> f < 3 ? reading(f, "10", 0.9f) : reading(f, null, 0f), 0.25f);
        assertEquals("10", three.number());
        assertEquals(3, three.votes());
        assertEquals(2.7 / 4, three.confidence(), 1e-6);
    }

    /** vtest.avi's walkers have no jerseys: a track with a few stray readings of "1" all along is no number. */
    @Test
    void aNumberReadTooRarelyIsNoNumber() {
        IntFunction<OcrReading> strays = f -> f % 8 == 0 && f < 96 ? reading(f, "1", 0.6f) : reading(f, null, 0f);
        Player strict = voteOne(100, 1, strays, 0.15f);
        assertNull(strict.number(), "12 readings at 0.6 in the 90 of the stretches that read one = 0.08 support");
        assertEquals(0f, strict.confidence());
        assertEquals(0, strict.votes());
        Player lax = voteOne(100, 1, strays, 0.05f);
        assertEquals("1", lax.number());
        assertEquals(12 * 0.6 / 90, lax.confidence(), 1e-6);
    }

    /** A player facing the camera for 3 s, then showing his back for 1 s: the number counts from that second. */
    @Test
    void stretchesThatReadNoNumberDoNotCountAgainstOne() {
        Player p = voteOne(120, 3, f -> f >= 90 && f % 9 == 0 ? reading(f, "10", 0.9f)
                : f == 93 ? reading(f, "0", 0.8f) : reading(f, null, 0f), 0.25f);
        assertEquals("10", p.number());
        assertEquals(40, p.readings());
        assertEquals((4 * 0.9 + 0.8) / 10, p.confidence(), 1e-6, "5 of the last stretch's 10 readings, one of them '0' (its '1' lost)");
    }

    /** A small shirt's "1" is lost first: a two-digit number with one, read whole twice, takes the readings of its other digit. */
    @Test
    void aLostOneStillReadsTheNumber() {
        Player ten = voteOne(10, 1, f -> f < 2 ? reading(f, "10", 0.95f) : f == 2 ? reading(f, "0", 0.85f) : reading(f, null, 0f), 0.25f);
        assertEquals("10", ten.number(), "blue #10 of the shared clip: '10' twice and '0' once");
        assertEquals(3, ten.votes());
        assertEquals((2 * 0.95 + 0.85) / 10, ten.confidence(), 1e-6);
        Player once = voteOne(10, 1, f -> f == 0 ? reading(f, "10", 0.95f) : f < 4 ? reading(f, "0", 0.85f) : reading(f, null, 0f), 0.25f);
        assertEquals("0", once.number(), "read whole once, '10' takes nothing from '0'");
        assertEquals(3, once.votes());
        Player five = voteOne(10, 1, f -> f < 3 ? reading(f, "5", 0.9f) : f < 5 ? reading(f, "50", 0.6f) : reading(f, null, 0f), 0.25f);
        assertEquals("5", five.number(), "only a '1' is lost: '5' is no support for '50'");
        assertEquals(3, five.votes());
        Player seven = voteOne(10, 1, f -> f < 2 ? reading(f, "17", 0.9f) : f < 6 ? reading(f, "7", 0.8f) : reading(f, null, 0f), 0.25f);
        assertEquals("7", seven.number(), "a '1' beside a digit read alone more often is a stray stroke, not a lost one");
        assertEquals(4, seven.votes());
        Player eleven = voteOne(10, 1, f -> f < 2 ? reading(f, "11", 0.7f) : f < 4 ? reading(f, "1", 0.7f) : reading(f, null, 0f), 0.25f);
        assertEquals("11", eleven.number());
        assertEquals(4, eleven.votes());
    }

    /**
     * The stretches are the batches, whose few picks OCR reads: with a frame stride of 3 a batch spans 90
     * frames, and a second of video would hold a single reading, so that one stray reading would count in full.
     */
    @Test
    void theStretchesAreTheBatches() {
        BatchPlan stride3 = new BatchPlan(300, 3, 30);
        // one reading of each batch's three: "7" in frames 0, 90 and 180, nothing in the others
        IntFunction<OcrReading> strays = f -> f % 90 == 0 ? reading(f, "7", 0.9f) : f % 30 == 0 ? reading(f, null, 0f) : null;
        Player p = voteOne(stride3, 270, 3, strays, 0.25f);
        assertEquals(9, p.readings());
        assertEquals(3 * 0.9 / 9, p.confidence(), 1e-6, "a third of each batch's readings");
        assertEquals(1.0 * 0.9, voteOne(PLAN, 270, 3, strays, 0.25f).confidence(), 1e-6,
                "in batches of 30 frames the same readings are each alone in theirs");
    }

    @Test
    void aTrackLabelledRefereeShowsNoNumber() {
        List<Detection> tracked = new ArrayList<>();
        List<OcrReading> readings = new ArrayList<>();
        for (int f = 0; f < 6; f++) {
            tracked.add(new Detection(f, 0, 2, "referee", 0.9f, 0, 0, 10, 10, 4));
            readings.add(reading(f, "9", 0.9f));
        }
        Player referee = PlayerVote.vote(PLAN, tracked, readings, 1, 0.15f).get(0);
        assertNull(referee.number());
        assertEquals(6, referee.framesSeen());
        assertEquals("9", PlayerVote.vote(PLAN, tracked.stream().map(d -> det(d.frame(), 4)).toList(), readings, 1, 0.15f)
                .get(0).number(), "the same boxes as persons show the number");
    }

    @Test
    void outsideEveryTeamOfAVideoWithTeamsIsNoPlayer() {
        Player read = new Player(3, "9", 0.6f, 4, 7, 40, 0, 39, false, null);
        Player referee = read.inTeam(null, true);
        assertNull(referee.number());
        assertEquals(0f, referee.confidence());
        assertEquals(0, referee.votes());
        assertEquals(7, referee.readings());
        assertEquals("9", read.inTeam(1, true).number());
        assertEquals(1, read.inTeam(1, true).team());
        assertEquals("9", read.inTeam(null, false).number(), "teams off: every track keeps its number");
    }
}
