package bbva.detect;

import bbva.video.VideoFrame;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Sliced inference: runs a detector on each overlapping tile of the frame ({@link Tiling}), maps the
 * boxes back to frame pixels and merges them across tile borders, so that each person is one box
 * and none is cut in half. A box that touches a border a tile shares with another (a person the
 * tile cut) gives way to any box of its class that holds most of it; boxes of one person seen whole
 * by two tiles are merged by overlap, the better score kept. Deterministic: ties go by tile, then
 * by the detector's own order.
 */
public final class TiledDetector implements Detector {
    /** A box this close to a shared tile border (in pixels) may be cut by it. */
    static final double BORDER = 3;
    static final double SAME_IOU = 0.5;
    static final double INSIDE = 0.6;

    private final Detector inner;
    private final List<Tiling.Tile> tiles;
    private final String grid;

    /** For frames of {@code width} x {@code height}. */
    public TiledDetector(Detector inner, Tiling tiling, int width, int height) {
        this.inner = inner;
        this.tiles = tiling.tiles(width, height);
        this.grid = tiles.stream().map(Tiling.Tile::x).distinct().count() + "x" + tiles.stream().map(Tiling.Tile::y).distinct().count();
    }

    @Override
    public Prepared prepare(VideoFrame frame) {
        return new Prepared(frame, null, tiles.stream().map(tile -> inner.prepare(crop(frame, tile))).toList());
    }

    @Override
    public List<Detection> detect(Prepared prepared) {
        record Candidate(Detection d, boolean cut, int order) {
        }
        VideoFrame frame = prepared.frame();
        List<Candidate> all = new ArrayList<>();
        for (int t = 0; t < tiles.size(); t++) {
            Tiling.Tile tile = tiles.get(t);
            for (Detection d : inner.detect(prepared.parts().get(t))) {
                Detection moved = d.moved(tile.x(), tile.y());
                all.add(new Candidate(moved, cut(moved, tile, frame), all.size()));
            }
        }
        // weak boxes last: they never push out a box over the threshold
        all.sort(Comparator.comparing((Candidate c) -> c.d().weak()).thenComparing(Candidate::cut)
                .thenComparing(c -> -c.d().score()).thenComparingInt(Candidate::order));
        List<Detection> kept = new ArrayList<>();
        for (Candidate c : all) {
            double[] box = Overlap.box(c.d());
            boolean duplicate = false;
            for (Detection k : kept) {
                if (k.classId() == c.d().classId() && (Overlap.iou(box, Overlap.box(k)) > SAME_IOU
                        || c.cut() && Overlap.overSmaller(box, Overlap.box(k)) > INSIDE)) {
                    duplicate = true;
                    break;
                }
            }
            if (!duplicate) {
                kept.add(c.d());
            }
        }
        return kept;
    }

    /** Whether the box reaches a border this tile shares with the rest of the frame. */
    private static boolean cut(Detection d, Tiling.Tile t, VideoFrame frame) {
        return t.x() > 0 && d.x1() <= t.x() + BORDER
                || t.y() > 0 && d.y1() <= t.y() + BORDER
                || t.x() + t.width() < frame.width() && d.x2() >= t.x() + t.width() - BORDER
                || t.y() + t.height() < frame.height() && d.y2() >= t.y() + t.height() - BORDER;
    }

    static VideoFrame crop(VideoFrame frame, Tiling.Tile t) {
        byte[] out = new byte[t.width() * t.height() * 3];
        int row = t.width() * 3;
        for (int y = 0; y < t.height(); y++) {
            System.arraycopy(frame.bgr(), ((t.y() + y) * frame.width() + t.x()) * 3, out, y * row, row);
        }
        return new VideoFrame(frame.index(), t.width(), t.height(), out);
    }

    @Override
    public String describe() {
        return inner.describe() + "+tiles:" + grid;
    }

    @Override
    public long inferenceNanos() {
        return inner.inferenceNanos();
    }

    @Override
    public void close() {
        inner.close();
    }
}
