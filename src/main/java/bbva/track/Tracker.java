package bbva.track;

import bbva.detect.Detection;
import bbva.detect.Overlap;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A deterministic Norfair-class multi-object tracker: constant-velocity prediction, greedy IoU
 * matching (best pairs first, ties by track age then detection rank), an initialization delay and
 * loss after too many missed frames. A lost track keeps its id for a while: a new detection where its
 * motion says it would be, with torso colours like its own, continues it (re-identification after an
 * occlusion). Its whole state is {@link State}, which the track step stores with each chunk's track ids
 * so that a restart continues with the same ids.
 */
public final class Tracker {
    /**
     * Everything the tracker knows; stored between chunks as {@link TrackerStateFormat} text. Still
     * Serializable only so that a checkpoint an older bbva wrote (this object itself) can be read
     * back and refused with advice, instead of failing in the batch runtime's deserialization.
     */
    public static final class State implements java.io.Serializable {
        private static final long serialVersionUID = 1L;
        final List<Track> tracks = new ArrayList<>();
        /** Initialized tracks no longer matched, oldest loss first, kept for re-identification. */
        final List<Track> lost = new ArrayList<>();
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
     * The picture cut to another shot: no box after it continues a track from before it (people seen
     * again are joined only by team and number, later). Ids go on counting.
     */
    public void cut() {
        state.tracks.clear();
        state.lost.clear();
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
        Reidentification.assign(state.lost, frame, detections, owner, settings);
        boolean[] clear = clearOfOthers(detections);
        for (int di = 0; di < detections.size(); di++) {
            Detection d = detections.get(di);
            if (owner[di] == null) {
                owner[di] = new Track(state.births++, d.x1(), d.y1(), d.x2(), d.y2(), frame);
                live.add(owner[di]);
            } else if (state.lost.remove(owner[di])) {
                owner[di].update(d.x1(), d.y1(), d.x2(), d.y2(), frame, settings.velocityAlpha());
                live.add(owner[di]);
            } else {
                owner[di].update(d.x1(), d.y1(), d.x2(), d.y2(), frame, settings.velocityAlpha());
            }
            if (clear[di] && d.appearance() != null) {
                owner[di].appearance = d.appearance();
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
        // tentative tracks die at their first miss; initialized ones are lost after maxMissed
        for (Track t : live) {
            if (t.id != 0 && t.missed > settings.maxMissed() && settings.reidFrames() > 0) {
                state.lost.add(t);
            }
        }
        live.removeIf(t -> t.missed > (t.id == 0 ? 0 : settings.maxMissed()));
        state.lost.removeIf(t -> frame - t.lastFrame > settings.reidFrames());
        List<Detection> out = new ArrayList<>(detections.size());
        for (int di = 0; di < detections.size(); di++) {
            int id = owner[di].id;
            out.add(detections.get(di).withTrack(id == 0 ? null : id));
        }
        return out;
    }

    /** Boxes that overlap no other box of the frame: their torso colours are one person's. */
    private static boolean[] clearOfOthers(List<Detection> detections) {
        boolean[] clear = new boolean[detections.size()];
        for (int i = 0; i < clear.length; i++) {
            clear[i] = true;
            for (int j = 0; j < clear.length && clear[i]; j++) {
                clear[i] = i == j || Overlap.iou(Overlap.box(detections.get(i)), Overlap.box(detections.get(j))) == 0;
            }
        }
        return clear;
    }

    static double iou(double[] box, Detection d) {
        return Overlap.iou(box, Overlap.box(d));
    }
}
