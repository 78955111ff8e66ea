package bbva.identify;

import bbva.detect.Detection;
import bbva.ocr.OcrReading;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One player per track: each reading of the track's detections with confidence >= {@link #MIN_VOTE}
 * votes for its number with that confidence; the largest total wins. The player's confidence is the
 * winner's total over all the track's readings, i.e. its average support (a reading of no number, or
 * another number, supports it with 0). A winner below {@code minConfidence} is no number: a track
 * whose readings rarely agree was not read. Tracks seen in fewer than {@code minFrames} analyzed
 * frames are kept but flagged short.
 */
public final class PlayerVote {
    static final float MIN_VOTE = 0.5f;
    private PlayerVote() {
    }

    public static List<Player> vote(List<Detection> tracked, List<OcrReading> readings, int minFrames,
                                    float minConfidence) {
        Map<String, OcrReading> byDetection = new HashMap<>();
        for (OcrReading r : readings) {
            byDetection.put(r.frame() + "/" + r.index(), r);
        }
        Map<Integer, List<Detection>> byTrack = new TreeMap<>();
        for (Detection d : tracked) {
            if (d.trackId() != null) {
                byTrack.computeIfAbsent(d.trackId(), k -> new ArrayList<>()).add(d);
            }
        }
        List<Player> players = new ArrayList<>();
        byTrack.forEach((track, detections) -> {
            Map<String, Double> weight = new TreeMap<>();
            Map<String, Integer> count = new HashMap<>();
            int readingCount = 0;
            for (Detection d : detections) {
                OcrReading r = byDetection.get(d.frame() + "/" + d.index());
                if (r == null) {
                    continue;
                }
                readingCount++;
                if (r.number() != null && r.confidence() >= MIN_VOTE) {
                    weight.merge(r.number(), (double) r.confidence(), Double::sum);
                    count.merge(r.number(), 1, Integer::sum);
                }
            }
            String winner = null;
            for (Map.Entry<String, Double> e : weight.entrySet()) {   // sorted: ties go to the smaller number
                if (winner == null || e.getValue() > weight.get(winner)) {
                    winner = e.getKey();
                }
            }
            float confidence = winner == null ? 0f : (float) (weight.get(winner) / readingCount);
            if (confidence < minConfidence) {
                winner = null;
                confidence = 0f;
            }
            players.add(new Player(track, winner, confidence, winner == null ? 0 : count.get(winner), readingCount,
                    detections.size(), detections.get(0).frame(), detections.get(detections.size() - 1).frame(),
                    detections.size() < minFrames, null));
        });
        return players;
    }
}
