package bbva.track;

import bbva.detect.Detection;
import bbva.detect.Overlap;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A deterministic Norfair-class multi-object tracker: constant-velocity prediction, greedy IoU
 * matching (best pairs first, ties by track age then detection rank), an initialization delay and
 * death after too many missed frames. Its whole state is {@link State}, which the track step stores
 * in its checkpoint so a restart continues with the same ids.
 */
public final class Tracker {
    /** Everything the tracker knows; serializable for the batch checkpoint. */
    public static final class State implements Serializable {
        private static final long serialVersionUID = 1L;
        final List<Track> tracks = new ArrayList<>();
        int nextId = 1;
        long births;
    }

    private final TrackerSettings settings;
    private final State state;

    public Tracker(TrackerSettings settings) {
        this(settings, new State());
    }

    public Tracker(TrackerSettings settings, State state) {
        this.settings = settings;
        this.state = state;
    }

    public State state() {
        return state;
    }

    /**
     * Assigns track ids to one analyzed frame's detections (all of the same frame, in rank order).
     * Detections of tentative tracks get a null id.
     */
    public List<Detection> update(int frame, List<Detection> detections) {
        List<Track> live = state.tracks;
        List<double[]> predicted = new ArrayList<>();
        for (Track t : live) {
            predicted.add(t.predicted(frame));
        }
        record Pair(double iou, int track, int det) {
        }
        List<Pair> pairs = new ArrayList<>();
        for (int ti = 0; ti < live.size(); ti++) {
            for (int di = 0; di < detections.size(); di++) {
                double iou = iou(predicted.get(ti), detections.get(di));
                if (iou >= settings.minIou()) {
                    pairs.add(new Pair(iou, ti, di));
                }
            }
        }
        pairs.sort(Comparator.comparingDouble((Pair p) -> -p.iou())
                .thenComparingLong(p -> live.get(p.track()).birthOrder).thenComparingInt(Pair::det));
        Track[] owner = new Track[detections.size()];
        boolean[] matched = new boolean[live.size()];
        for (Pair p : pairs) {
            if (!matched[p.track()] && owner[p.det()] == null) {
                matched[p.track()] = true;
                owner[p.det()] = live.get(p.track());
            }
        }
        for (int di = 0; di < detections.size(); di++) {
            Detection d = detections.get(di);
            if (owner[di] != null) {
                owner[di].update(d.x1(), d.y1(), d.x2(), d.y2(), frame, settings.velocityAlpha());
            } else {
                owner[di] = new Track(state.births++, d.x1(), d.y1(), d.x2(), d.y2(), frame);
                live.add(owner[di]);
            }
            if (owner[di].id == 0 && owner[di].hits >= settings.initializationDelay()) {
                owner[di].id = state.nextId++;
            }
        }
        for (int ti = 0; ti < matched.length; ti++) {
            if (!matched[ti]) {
                live.get(ti).missed++;
            }
        }
        // tentative tracks die at their first miss; initialized ones after maxMissed
        live.removeIf(t -> t.missed > (t.id == 0 ? 0 : settings.maxMissed()));
        List<Detection> out = new ArrayList<>(detections.size());
        for (int di = 0; di < detections.size(); di++) {
            int id = owner[di].id;
            out.add(detections.get(di).withTrack(id == 0 ? null : id));
        }
        return out;
    }

    static double iou(double[] box, Detection d) {
        return Overlap.iou(box, Overlap.box(d));
    }
}
