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
     * One frame's boxes after tracking: those that are a track's ({@code tracked}: the boxes over the
     * threshold, with a null id while their track is tentative, and the weak boxes that continue one)
     * and the weak boxes that continue none ({@code droppedWeak}), which are no result.
     */
    public record Update(List<Detection> tracked, List<Detection> droppedWeak) {
    }

    /**
     * Assigns track ids to one analyzed frame's detections (all of the same frame, in rank order).
     * Detections of tentative tracks get a null id. {@link Detection#weak} boxes are matched last,
     * only to followed tracks no other box continued (ByteTrack's second association: a player half
     * hidden behind another scores low); the result holds those that continue one, and names the others.
     */
    public Update update(int frame, List<Detection> all) {
        List<Detection> detections = all.stream().filter(d -> !d.weak()).toList();
        List<Track> live = state.tracks;
        List<double[]> predicted = new ArrayList<>();
        for (Track t : live) {
            predicted.add(t.predicted(frame));
        }
        boolean[] matched = new boolean[live.size()];
        Track[] owner = match(live, predicted, matched, detections, settings.minIou());
        Update weak = continueWithWeak(all, live, predicted, matched, frame);
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
        List<Detection> out = new ArrayList<>(detections.size() + weak.tracked().size());
        for (int di = 0; di < detections.size(); di++) {
            int id = owner[di].id;
            out.add(detections.get(di).withTrack(id == 0 ? null : id));
        }
        out.addAll(weak.tracked());
        return new Update(out, weak.droppedWeak());
    }

    /**
     * The weak boxes that continue a followed track stage one left unmatched (IoU with its predicted
     * box at least {@link TrackerSettings#weakMinIou}), with that track's id, and the others; the tracks are updated.
     */
    private Update continueWithWeak(List<Detection> all, List<Track> live, List<double[]> predicted,
                                             boolean[] matched, int frame) {
        List<Detection> weak = all.stream().filter(Detection::weak).toList();
        boolean[] taken = matched.clone();
        for (int ti = 0; ti < live.size(); ti++) {
            taken[ti] |= live.get(ti).id == 0;
        }
        Track[] owner = match(live, predicted, taken, weak, settings.weakMinIou());
        List<Detection> continued = new ArrayList<>();
        List<Detection> dropped = new ArrayList<>();
        for (int di = 0; di < weak.size(); di++) {
            Detection d = weak.get(di);
            if (owner[di] != null) {
                owner[di].update(d.x1(), d.y1(), d.x2(), d.y2(), frame, settings.velocityAlpha());
                matched[live.indexOf(owner[di])] = true;
                continued.add(d.withTrack(owner[di].id));
            } else {
                dropped.add(d);
            }
        }
        return new Update(continued, dropped);
    }

    /**
     * Greedy IoU matching of the tracks not {@code taken} (marked as they are) to the detections: best
     * pairs first, ties by track age then detection rank. The owner of each detection, or null.
     */
    private static Track[] match(List<Track> tracks, List<double[]> predicted, boolean[] taken, List<Detection> detections,
                                 double minIou) {
        record Pair(double iou, int track, int det) {
        }
        List<Pair> pairs = new ArrayList<>();
        for (int ti = 0; ti < taken.length; ti++) {
            for (int di = 0; di < detections.size() && !taken[ti]; di++) {
                double iou = iou(predicted.get(ti), detections.get(di));
                if (iou >= minIou) {
                    pairs.add(new Pair(iou, ti, di));
                }
            }
        }
        pairs.sort(Comparator.comparingDouble((Pair p) -> -p.iou())
                .thenComparingLong(p -> tracks.get(p.track()).birthOrder).thenComparingInt(Pair::det));
        Track[] owner = new Track[detections.size()];
        for (Pair p : pairs) {
            if (!taken[p.track()] && owner[p.det()] == null) {
                taken[p.track()] = true;
                owner[p.det()] = tracks.get(p.track());
            }
        }
        return owner;
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
