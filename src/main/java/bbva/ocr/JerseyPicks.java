package bbva.ocr;

import bbva.detect.Detection;
import bbva.detect.Overlap;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Which people of one batch get their number read: a few of each person's best views, not every box.
 * People are followed through the batch by box overlap from one analyzed frame to the next (a chain;
 * the tracker's ids are not known yet when OCR follows detection, and this way the choice depends on
 * the batch's stored boxes alone, so every mode and every restart reads the same crops). Each chain is
 * cut into {@code perPerson} stretches of time and the best view of each stretch is read: a view is
 * better the taller the person, the less of them people in front cover, and away from the frame's edge
 * (a cut-off box shows half a shirt); the detector's score breaks ties. Boxes that are
 * not people on the floor (number boxes of a basketball model) are kept as they are.
 * <p>A broadcast player (a chain {@link #CLOSER_MIN}-{@link JerseyCrops#SMALL} of the frame's height)
 * shows his number in a few frames of a batch only, as he turns, and in a few pixels: besides his
 * best views as they are, his best views of {@link #CLOSER_VIEWS} stretches are also looked at
 * closer ({@link JerseyView.Look#PRINT}). On the shared NBA clip and seven copies of it (other sizes
 * and bit rates) that read blue #11 on three of the eight (never before), blue #30 on more tracks of
 * four, and no number nobody can read. Shorter people are too small for a number to be read (vtest.avi's 60-px walkers
 * then read a "1" in a stripe); taller ones are read well enough as they are.
 */
public final class JerseyPicks {
    /** A box overlapping the last box of a chain this much (IoU) continues it. */
    static final double LINK = 0.3;
    /** Pixels from the frame's edge within which a box counts as cut off. */
    static final float EDGE = 2;
    /** Chains shorter than this share of the frame's height get no closer looks. */
    static final float CLOSER_MIN = 0.15f;
    /** A broadcast player's stretches per batch, each one's best view looked at closer (those not read as they are). */
    static final int CLOSER_VIEWS = 10;

    private JerseyPicks() {
    }

    /**
     * What OCR reads of one batch's stored detections: {@link #of} its boxes, weak ones aside (in pipeline
     * mode OCR runs before step track has kept or deleted them, so every mode reads the same crops).
     */
    public static List<JerseyView> toRead(List<Detection> stored, int width, int height, int perPerson) {
        return of(stored.stream().filter(d -> !d.weak()).toList(), width, height, perPerson);
    }

    /** How many crops of people OCR reads in a batch of these stored detections: what its progress counts. */
    public static int cropsToRead(List<Detection> stored, int width, int height, int perPerson) {
        return (int) toRead(stored, width, height, perPerson).stream().filter(v -> v.box().inPlay()).count();
    }

    /**
     * The views of one batch's detections to cut crops from: every non-person box, at most
     * {@code perPerson} boxes of each chain of people on the floor as they are, and a broadcast player's
     * closer looks; {@code perPerson <= 0} reads every box as it is.
     */
    public static List<JerseyView> of(List<Detection> batch, int width, int height, int perPerson) {
        if (perPerson <= 0) {
            return batch.stream().map(d -> new JerseyView(d, JerseyView.Look.AS_IS)).toList();
        }
        Map<Integer, List<Detection>> byFrame = new TreeMap<>();
        for (Detection d : batch) {
            if (d.inPlay()) {
                byFrame.computeIfAbsent(d.frame(), k -> new ArrayList<>()).add(d);
            }
        }
        List<JerseyView> keep = new ArrayList<>(batch.stream().filter(d -> !d.inPlay()).map(d -> new JerseyView(d, JerseyView.Look.AS_IS)).toList());
        for (List<Detection> chain : chains(byFrame)) {
            double[] views = chain.stream().mapToDouble(d -> view(d, byFrame.get(d.frame()), width, height)).toArray();
            List<Detection> asIs = best(chain, views, perPerson);
            asIs.forEach(d -> keep.add(new JerseyView(d, JerseyView.Look.AS_IS)));
            if (closerLooks(chain, height) && CLOSER_VIEWS > perPerson) {
                for (Detection d : best(chain, views, CLOSER_VIEWS)) {
                    if (!asIs.contains(d)) {
                        keep.add(new JerseyView(d, JerseyView.Look.PRINT));
                    }
                }
            }
        }
        keep.sort(Comparator.comparingInt((JerseyView v) -> v.box().frame()).thenComparingInt(v -> v.box().index()));
        return keep;
    }

    /** Whether a chain is of a broadcast player: its median height between {@link #CLOSER_MIN} and {@link JerseyCrops#SMALL} of the frame's. */
    static boolean closerLooks(List<Detection> chain, int height) {
        double median = chain.stream().mapToDouble(Detection::height).sorted().skip(chain.size() / 2).findFirst().orElse(0);
        return median >= CLOSER_MIN * height && median < JerseyCrops.SMALL * height;
    }

    /** Boxes linked frame to frame, best overlap first (ties: lower rank); a box no chain takes starts one. */
    static List<List<Detection>> chains(Map<Integer, List<Detection>> byFrame) {
        List<List<Detection>> all = new ArrayList<>();
        List<List<Detection>> open = new ArrayList<>();
        for (List<Detection> frame : byFrame.values()) {
            record Link(int chain, int box, double iou) {
            }
            List<Link> links = new ArrayList<>();
            for (int c = 0; c < open.size(); c++) {
                Detection last = open.get(c).get(open.get(c).size() - 1);
                for (int b = 0; b < frame.size(); b++) {
                    double iou = Overlap.iou(Overlap.box(last), Overlap.box(frame.get(b)));
                    if (iou >= LINK) {
                        links.add(new Link(c, b, iou));
                    }
                }
            }
            links.sort(Comparator.comparingDouble((Link l) -> -l.iou()).thenComparingInt(Link::box).thenComparingInt(Link::chain));
            List<List<Detection>> next = new ArrayList<>();
            boolean[] chainTaken = new boolean[open.size()];
            boolean[] boxTaken = new boolean[frame.size()];
            for (Link l : links) {
                if (!chainTaken[l.chain()] && !boxTaken[l.box()]) {
                    chainTaken[l.chain()] = true;
                    boxTaken[l.box()] = true;
                    open.get(l.chain()).add(frame.get(l.box()));
                    next.add(open.get(l.chain()));
                }
            }
            for (int b = 0; b < frame.size(); b++) {
                if (!boxTaken[b]) {
                    List<Detection> chain = new ArrayList<>(List.of(frame.get(b)));
                    all.add(chain);
                    next.add(chain);
                }
            }
            open = next;
        }
        return all;
    }

    /** The best view (highest {@code views[i]}) of each of {@code stretches} equal stretches of the chain. */
    private static List<Detection> best(List<Detection> chain, double[] views, int stretches) {
        List<Detection> out = new ArrayList<>();
        int n = chain.size();
        int cuts = Math.min(stretches, n);
        for (int s = 0; s < cuts; s++) {
            int pick = s * n / cuts;
            for (int i = pick + 1; i < (s + 1) * n / cuts; i++) {
                if (views[i] > views[pick]) {
                    pick = i;
                }
            }
            out.add(chain.get(pick));
        }
        return out;
    }

    /**
     * How well a box shows its shirt: its height, times the share of it that no one standing in front
     * (feet lower in the frame) covers, times 1/2 at the frame's edge; the score breaks ties.
     */
    static double view(Detection d, List<Detection> frame, int width, int height) {
        double covered = 0;
        for (Detection o : frame) {
            if (o != d && o.y2() > d.y2()) {
                double w = Math.min(d.x2(), o.x2()) - Math.max(d.x1(), o.x1());
                double h = Math.min(d.y2(), o.y2()) - Math.max(d.y1(), o.y1());
                if (w > 0 && h > 0) {
                    covered = Math.max(covered, w * h / (d.width() * d.height()));
                }
            }
        }
        boolean cut = d.x1() <= EDGE || d.y1() <= EDGE || d.x2() >= width - EDGE || d.y2() >= height - EDGE;
        return d.height() * (1 - covered) * (cut ? 0.5 : 1) + d.score() * 1e-3;
    }
}
