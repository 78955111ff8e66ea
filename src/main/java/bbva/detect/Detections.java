package bbva.detect;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Puts a frame's detections in a canonical order so replays and restarts store the same rows. */
public final class Detections {
    private static final Comparator<Detection> CANONICAL = Comparator
            .comparingDouble((Detection d) -> -d.score())
            .thenComparingInt(Detection::classId)
            .thenComparingDouble(Detection::x1)
            .thenComparingDouble(Detection::y1)
            .thenComparingDouble(Detection::x2)
            .thenComparingDouble(Detection::y2);

    private Detections() {
    }

    public static List<Detection> rank(int frameIndex, List<Detection> raw) {
        List<Detection> sorted = new ArrayList<>(raw);
        sorted.sort(CANONICAL);
        List<Detection> ranked = new ArrayList<>(sorted.size());
        for (int i = 0; i < sorted.size(); i++) {
            ranked.add(sorted.get(i).at(frameIndex, i));
        }
        return ranked;
    }
}
