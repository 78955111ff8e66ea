package bbva.track;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Identity metrics of a tracker's output against ground truth (as MOTChallenge defines them), for
 * boxes matched per frame at IoU >= 0.5:
 * <ul>
 *   <li>IDF1: the share of boxes that carry the right identity under the best one-to-one mapping of
 *       true identities to track ids, 2 IDTP / (true boxes + tracked boxes);</li>
 *   <li>ID switches: a true identity matched to another track id than the last one it was matched to;</li>
 *   <li>fragments: a true identity tracked, then not tracked while it is in view, then tracked again.</li>
 * </ul>
 */
public record IdentityMetrics(double idf1, int idSwitches, int fragments, Map<Integer, Integer> switchesPerTruth,
                              int truthBoxes, int trackedBoxes) {
    /** A box with an identity: a true person id, or a track id. */
    public record Box(int frame, int id, double x1, double y1, double x2, double y2) {
    }

    public static IdentityMetrics of(List<Box> truth, List<Box> tracked) {
        Map<Integer, List<Box>> truthByFrame = byFrame(truth);
        Map<Integer, List<Box>> trackedByFrame = byFrame(tracked);
        List<Integer> truthIds = truth.stream().map(Box::id).distinct().sorted().toList();
        List<Integer> trackIds = tracked.stream().map(Box::id).distinct().sorted().toList();
        long[][] together = new long[truthIds.size()][trackIds.size()];
        Map<Integer, Integer> lastTrack = new HashMap<>();
        Map<Integer, Boolean> wasTracked = new HashMap<>();
        Map<Integer, Integer> switches = new TreeMap<>();
        int fragments = 0;
        for (var entry : truthByFrame.entrySet()) {
            List<Box> hyp = trackedByFrame.getOrDefault(entry.getKey(), List.of());
            Map<Integer, Integer> match = matchFrame(entry.getValue(), hyp);
            for (Box t : entry.getValue()) {
                Integer track = match.get(t.id());
                if (track != null) {
                    together[truthIds.indexOf(t.id())][trackIds.indexOf(track)]++;
                    Integer last = lastTrack.put(t.id(), track);
                    if (last != null && !last.equals(track)) {
                        switches.merge(t.id(), 1, Integer::sum);
                    }
                    if (Boolean.FALSE.equals(wasTracked.get(t.id()))) {
                        fragments++;
                    }
                }
                // "not tracked" counts only after it has been tracked once
                if (track != null || wasTracked.containsKey(t.id())) {
                    wasTracked.put(t.id(), track != null);
                }
            }
        }
        long idtp = Hungarian.maxTotal(together);
        double idf1 = 2.0 * idtp / (truth.size() + tracked.size());
        return new IdentityMetrics(idf1, switches.values().stream().mapToInt(Integer::intValue).sum(), fragments, switches,
                truth.size(), tracked.size());
    }

    private static Map<Integer, List<Box>> byFrame(List<Box> boxes) {
        Map<Integer, List<Box>> out = new TreeMap<>();
        boxes.forEach(b -> out.computeIfAbsent(b.frame(), k -> new ArrayList<>()).add(b));
        return out;
    }

    /** True id -> track id, best IoU pairs first, IoU >= 0.5. */
    private static Map<Integer, Integer> matchFrame(List<Box> truth, List<Box> tracked) {
        record Pair(double iou, Box t, Box h) {
        }
        List<Pair> pairs = new ArrayList<>();
        for (Box t : truth) {
            for (Box h : tracked) {
                double iou = iou(t, h);
                if (iou >= 0.5) {
                    pairs.add(new Pair(iou, t, h));
                }
            }
        }
        pairs.sort(Comparator.comparingDouble(Pair::iou).reversed());
        Map<Integer, Integer> out = new HashMap<>();
        List<Box> used = new ArrayList<>();
        for (Pair p : pairs) {
            if (!out.containsKey(p.t().id()) && !used.contains(p.h())) {
                out.put(p.t().id(), p.h().id());
                used.add(p.h());
            }
        }
        return out;
    }

    public static double iou(Box a, Box b) {
        double w = Math.min(a.x2(), b.x2()) - Math.max(a.x1(), b.x1());
        double h = Math.min(a.y2(), b.y2()) - Math.max(a.y1(), b.y1());
        if (w <= 0 || h <= 0) {
            return 0;
        }
        double inter = w * h;
        return inter / ((a.x2() - a.x1()) * (a.y2() - a.y1()) + (b.x2() - b.x1()) * (b.y2() - b.y1()) - inter);
    }

    @Override
    public String toString() {
        return String.format(java.util.Locale.ROOT, "IDF1 %.3f, ID switches %d, fragments %d (%d true boxes, %d tracked)",
                idf1, idSwitches, fragments, truthBoxes, trackedBoxes);
    }
}
