package bbva.render;

import bbva.court.Court;
import bbva.detect.Detection;
import bbva.identify.Player;
import bbva.store.Batch;
import bbva.BatchPlan;
import bbva.store.PlayerStore;
import bbva.store.Store;
import bbva.store.VideoEntity;
import bbva.store.WorkStatus;
import bbva.AnalysisException;
import bbva.video.Fingerprint;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A video's stored results as a renderer needs them, read window by window so a long video never
 * sits in memory: which frames are analysed, each analysed frame's detections, each track's number.
 */
public final class StoredResults {
    private static final int WINDOW = 300;

    private final Store store;
    private final VideoEntity video;
    private final List<Batch> batches;
    private final List<Player> players;
    private final Map<Integer, String> numberOfTrack = new HashMap<>();
    private final java.util.Set<Integer> cuts;
    private int windowStart = -1;
    private Map<Integer, List<Detection>> window = Map.of();
    private Map<Integer, Court> courts = Map.of();

    /**
     * The results of an analysed video whose file is at {@code file}, refused with the reason when the
     * file changed since its analysis or nothing is analysed yet.
     */
    public static StoredResults open(Store store, PlayerStore players, VideoEntity video, Path file) {
        try {
            if (!Files.isRegularFile(file) || !Fingerprint.of(file).equals(video.fingerprint)) {
                throw new AnalysisException(video.name + " is missing or has changed since it was analysed (its content "
                        + "differs): analyse it again to draw its results.");
            }
        } catch (IOException e) {
            throw new AnalysisException("Cannot read " + video.name + " (" + e.getMessage() + ").", e);
        }
        StoredResults results = new StoredResults(store, players, video);
        if (!results.anyAnalysed()) {
            throw new AnalysisException("No frame of " + video.name + " has been analysed yet: once the first batch "
                    + "is done, its frames can be drawn.");
        }
        return results;
    }

    private StoredResults(Store store, PlayerStore players, VideoEntity video) {
        this.store = store;
        this.video = video;
        this.batches = store.batches(video.id);
        this.players = players.players(video.id);
        this.cuts = new java.util.HashSet<>(store.sceneCuts(video.id));
        for (Player p : this.players) {
            if (p.number() != null) {
                numberOfTrack.put(p.trackId(), p.number());
            }
        }
    }

    public VideoEntity video() {
        return video;
    }

    /** One per track, in track order. */
    public List<Player> players() {
        return players;
    }

    /** Each track's largest person box: the clearest picture of who it is (the earliest among equals). */
    public Map<Integer, Detection> largestBoxOfEachTrack() {
        Map<Integer, Detection> best = new HashMap<>();
        store.forEachBatch(video.id, BatchPlan.of(video), (span, detections) -> {
            for (Detection d : detections) {
                if (d.trackId() != null) {
                    best.merge(d.trackId(), d, (a, b) -> area(b) > area(a) ? b : a);
                }
            }
        });
        return best;
    }

    /** Every box of a track, in frame order. */
    public List<Detection> boxesOf(int trackId) {
        List<Detection> boxes = new ArrayList<>();
        store.forEachBatch(video.id, BatchPlan.of(video), (span, detections) -> {
            for (Detection d : detections) {
                if (d.trackId() != null && d.trackId() == trackId) {
                    boxes.add(d);
                }
            }
        });
        return boxes;
    }

    private static float area(Detection d) {
        return d.width() * d.height();
    }

    /** True when the frame lies in a batch whose detection is complete. */
    public boolean analysed(int frame) {
        for (Batch b : batches) {
            if (frame >= b.frameStart() && frame <= b.frameEnd()) {
                return b.detection() == WorkStatus.COMPLETED;
            }
        }
        return false;
    }

    public boolean anyAnalysed() {
        return batches.stream().anyMatch(b -> b.detection() == WorkStatus.COMPLETED);
    }

    /** The jersey number voted for a track, or null. */
    public String number(Integer trackId) {
        return trackId == null ? null : numberOfTrack.get(trackId);
    }

    /**
     * Detections to show on a frame: its own when it was analysed, else those of the nearest analysed
     * frame before it in the same stride gap (frames skipped by --stride hold the last boxes).
     */
    public List<Detection> at(int frame) {
        if (!analysed(frame)) {
            return List.of();
        }
        int stride = Math.max(1, video.frameStride);
        for (int f = frame; f > frame - stride && f >= 0; f--) {
            List<Detection> found = load(f).get(f);
            if (found != null) {
                return found;
            }
        }
        return List.of();
    }

    /** The court found in the frame (or the analysed frame whose boxes it shows), or null. */
    public Court court(int frame) {
        if (!analysed(frame)) {
            return null;
        }
        int analysedFrame = frame - frame % Math.max(1, video.frameStride);
        load(analysedFrame);
        return courts.get(analysedFrame);
    }

    /** Whether the picture cut to another shot at this (analysed) frame. */
    public boolean cutAt(int frame) {
        return cuts.contains(frame);
    }

    private Map<Integer, List<Detection>> load(int frame) {
        if (windowStart < 0 || frame < windowStart || frame >= windowStart + WINDOW) {
            windowStart = Math.max(0, frame - WINDOW / 2);
            Map<Integer, List<Detection>> byFrame = new HashMap<>();
            for (Detection d : store.detections(video.id, windowStart, windowStart + WINDOW - 1)) {
                if (d.result()) {
                    byFrame.computeIfAbsent(d.frame(), k -> new ArrayList<>()).add(d);
                }
            }
            window = byFrame;
            Map<Integer, Court> found = new HashMap<>();
            store.frameViews(video.id, windowStart, windowStart + WINDOW - 1).forEach(v -> {
                if (v.court() != null) {
                    found.put(v.frame(), v.court());
                }
            });
            courts = found;
        }
        return window;
    }
}
