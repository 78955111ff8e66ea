package bbva.identify;

import bbva.BatchPlan;
import bbva.detect.Detection;
import bbva.detect.Kind;
import bbva.ocr.OcrReading;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One player per track: each reading of the track's detections (but a box labelled a referee: a
 * referee is never a player) with confidence >= {@link #MIN_VOTE} votes for its number with that
 * confidence; the largest total wins. The player's confidence is the winner's total over the track's
 * readings in the batches where some number was read: its average
 * support while a number showed (a reading of no number there, or of another number, supports it
 * with 0). A player shows the number on his back only while he turns away from the camera; the
 * batches where he faces it read no number and do not count against it. A batch is the stretch
 * because OCR picks a few views of each person per batch ({@code JerseyPicks}): a stretch of any
 * fixed length would hold a single pick at a low frame rate or a frame stride, and every stray
 * reading would then count in full.
 * A winner below {@code minConfidence}, or read fewer than {@link #MIN_AGREEING} times, is no number:
 * independent misreads rarely agree three times (on vtest.avi, walkers without jerseys, no track
 * reads the same number more than twice with the default picks). Tracks seen in fewer than
 * {@code minFrames} analyzed frames are kept but flagged short.
 * <p>A "1" is the digit a small shirt loses: its stroke is 1-2 px wide on a broadcast player, and the
 * reader then sees only the other digit (on the shared NBA clip, reading every box of blue #10's
 * track gave "10" 7 times and "0" 3 times; of #11's, "11" twice and "1" twice). So a two-digit
 * number with a "1", read in full at least {@link #MIN_WHOLE} times and no less often than its other
 * digit alone, also takes the readings of that digit, as votes and as weight. Other digits are not lost this way: gold #5's "5" read
 * 3 times is not support for the "50" read once.
 */
public final class PlayerVote {
    static final float MIN_VOTE = 0.5f;
    static final int MIN_AGREEING = 3;
    static final int MIN_WHOLE = 2;

    /** What one track has gathered so far; a game's boxes pass through, only these stay. */
    private static final class Tally {
        int framesSeen;
        int firstFrame;
        int lastFrame;
        int readings;
        /** Readings of the batches that read a number, the current one (stretch) not yet included. */
        int shown;
        int stretch = -1;
        int stretchReadings;
        boolean stretchShowed;
        final Map<String, Double> weight = new TreeMap<>();
        final Map<String, Integer> count = new HashMap<>();

        void endStretch() {
            shown = shownSoFar();
            stretchReadings = 0;
            stretchShowed = false;
        }

        int shownSoFar() {
            return shown + (stretchShowed ? stretchReadings : 0);
        }
    }

    private final Map<Integer, Tally> tracks = new TreeMap<>();
    private final BatchPlan plan;

    /** A vote over the boxes of a video analyzed with this plan. */
    public PlayerVote(BatchPlan plan) {
        this.plan = plan;
    }

    /**
     * Counts one tracked box (in frame, rank order) and its reading, if it was read. Boxes without a
     * track are ignored.
     */
    public void add(Detection d, OcrReading reading) {
        if (d.trackId() == null) {
            return;
        }
        Tally t = tracks.computeIfAbsent(d.trackId(), k -> new Tally());
        if (t.framesSeen++ == 0) {
            t.firstFrame = d.frame();
        }
        t.lastFrame = d.frame();
        if (reading == null || d.kind() == Kind.REFEREE) {
            return;
        }
        if (plan.batchOf(d.frame()) != t.stretch) {
            t.endStretch();
            t.stretch = plan.batchOf(d.frame());
        }
        t.readings++;
        t.stretchReadings++;
        if (reading.number() != null && reading.confidence() >= MIN_VOTE) {
            t.stretchShowed = true;
            t.weight.merge(reading.number(), (double) reading.confidence(), Double::sum);
            t.count.merge(reading.number(), 1, Integer::sum);
        }
    }

    /** One player per track seen, by track id. */
    public List<Player> players(int minFrames, float minConfidence) {
        List<Player> players = new ArrayList<>();
        tracks.forEach((track, t) -> {
            String winner = null;
            for (String number : t.weight.keySet()) {   // sorted: ties go to the smaller number
                if (winner == null || weight(t, number) > weight(t, winner)) {
                    winner = number;
                }
            }
            float confidence = winner == null ? 0f : (float) (weight(t, winner) / t.shownSoFar());
            if (confidence < minConfidence || winner != null && votes(t, winner) < MIN_AGREEING) {
                winner = null;
                confidence = 0f;
            }
            players.add(new Player(track, winner, confidence, winner == null ? 0 : votes(t, winner), t.readings,
                    t.framesSeen, t.firstFrame, t.lastFrame, t.framesSeen < minFrames, null));
        });
        return players;
    }

    private static double weight(Tally t, String number) {
        String lost = withoutAOne(t, number);
        return t.weight.get(number) + (lost == null ? 0 : t.weight.getOrDefault(lost, 0.0));
    }

    private static int votes(Tally t, String number) {
        String lost = withoutAOne(t, number);
        return t.count.get(number) + (lost == null ? 0 : t.count.getOrDefault(lost, 0));
    }

    /**
     * The digit read alone when a two-digit number's "1" is lost, if this number was read whole often
     * enough, and at least as often as that digit alone (a "7" misread twice as "17" beside five "7"s
     * is a 7: a stripe or an edge beside a digit can read as a "1" too).
     */
    private static String withoutAOne(Tally t, String number) {
        if (number.length() != 2 || t.count.get(number) < MIN_WHOLE) {
            return null;
        }
        String digit = number.charAt(0) == '1' ? number.substring(1) : number.charAt(1) == '1' ? number.substring(0, 1) : null;
        return digit != null && t.count.get(number) >= t.count.getOrDefault(digit, 0) ? digit : null;
    }

    /** The players of these boxes (in frame, rank order) and readings of a video analyzed with this plan, all at once. */
    public static List<Player> vote(BatchPlan plan, List<Detection> tracked, List<OcrReading> readings, int minFrames,
                                    float minConfidence) {
        Map<String, OcrReading> byDetection = new HashMap<>();
        for (OcrReading r : readings) {
            byDetection.put(r.frame() + "/" + r.index(), r);
        }
        PlayerVote vote = new PlayerVote(plan);
        tracked.forEach(d -> vote.add(d, byDetection.get(d.frame() + "/" + d.index())));
        return vote.players(minFrames, minConfidence);
    }
}
