package bbva.identify;

import bbva.detect.Detection;
import bbva.store.OcrReadingEntity;
import bbva.store.PlayerEntity;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One player per track: each reading of the track's detections with confidence >= {@link #MIN_VOTE}
 * votes for its number with that confidence; the largest total wins. The player's confidence is the
 * winner's total over all the track's readings, i.e. its average support (a reading of no number, or
 * another number, supports it with 0). Tracks seen in fewer than {@code minFrames} analyzed frames
 * are kept but flagged short.
 */
public final class PlayerVote {
    static final float MIN_VOTE = 0.5f;
    private PlayerVote() {
    }

    public static List<PlayerEntity> vote(long videoId, List<Detection> tracked, List<OcrReadingEntity> readings, int minFrames) {
        Map<String, OcrReadingEntity> byDetection = new HashMap<>();
        for (OcrReadingEntity r : readings) {
            byDetection.put(r.frame + "/" + r.index, r);
        }
        Map<Integer, List<Detection>> byTrack = new TreeMap<>();
        for (Detection d : tracked) {
            if (d.trackId() != null) {
                byTrack.computeIfAbsent(d.trackId(), k -> new ArrayList<>()).add(d);
            }
        }
        List<PlayerEntity> players = new ArrayList<>();
        byTrack.forEach((track, detections) -> {
            Map<String, Double> weight = new TreeMap<>();
            Map<String, Integer> count = new HashMap<>();
            int readingCount = 0;
            for (Detection d : detections) {
                OcrReadingEntity r = byDetection.get(d.frame() + "/" + d.index());
                if (r == null) {
                    continue;
                }
                readingCount++;
                if (r.number != null && r.confidence >= MIN_VOTE) {
                    weight.merge(r.number, (double) r.confidence, Double::sum);
                    count.merge(r.number, 1, Integer::sum);
                }
            }
            PlayerEntity p = new PlayerEntity();
            p.videoId = videoId;
            p.trackId = track;
            String winner = null;
            for (Map.Entry<String, Double> e : weight.entrySet()) {   // sorted: ties go to the smaller number
                if (winner == null || e.getValue() > weight.get(winner)) {
                    winner = e.getKey();
                }
            }
            p.number = winner;
            p.votes = winner == null ? 0 : count.get(winner);
            p.readings = readingCount;
            p.confidence = winner == null ? 0f : (float) (weight.get(winner) / readingCount);
            p.framesSeen = detections.size();
            p.firstFrame = detections.get(0).frame();
            p.lastFrame = detections.get(detections.size() - 1).frame();
            p.shortTrack = detections.size() < minFrames;
            players.add(p);
        });
        return players;
    }
}
