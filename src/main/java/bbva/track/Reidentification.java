package bbva.track;

import bbva.detect.Detection;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Gives lost tracks the detections nothing live took: a detection continues a lost track when its
 * centre is within reach of where the track's last velocity puts it, its height is alike, and its
 * torso colours are alike (when both are known). Closest and most alike pairs first; ties by track id
 * then detection rank, so the result does not depend on anything but the input.
 */
final class Reidentification {
    private Reidentification() {
    }

    static void assign(List<Track> lost, int frame, List<Detection> detections, Track[] owner, TrackerSettings settings) {
        record Pair(double cost, Track track, int det) {
        }
        List<Pair> pairs = new ArrayList<>();
        for (Track t : lost) {
            double[] p = t.predicted(frame);
            double height = t.y2 - t.y1;
            for (int di = 0; di < detections.size(); di++) {
                Detection d = detections.get(di);
                if (owner[di] != null) {
                    continue;
                }
                double dx = (d.x1() + d.x2()) / 2 - (p[0] + p[2]) / 2;
                double dy = (d.y1() + d.y2()) / 2 - (p[1] + p[3]) / 2;
                double distance = Math.hypot(dx, dy) / height;
                double scale = d.height() / height;
                double similarity = t.appearance == null || d.appearance() == null ? 1 : t.appearance.similarity(d.appearance());
                if (distance <= settings.reidDistance() && scale > 2 / 3.0 && scale < 1.5
                        && similarity >= settings.reidSimilarity()) {
                    pairs.add(new Pair(distance + (1 - similarity), t, di));
                }
            }
        }
        pairs.sort(Comparator.comparingDouble(Pair::cost).thenComparingInt(p -> p.track().id).thenComparingInt(Pair::det));
        List<Track> taken = new ArrayList<>();
        for (Pair p : pairs) {
            if (owner[p.det()] == null && !taken.contains(p.track())) {
                owner[p.det()] = p.track();
                taken.add(p.track());
            }
        }
    }
}
