package bbva.ocr;

import bbva.detect.Detection;
import bbva.detect.Kind;
import bbva.detect.Overlap;
import bbva.video.VideoFrame;
import java.util.ArrayList;
import java.util.List;

/**
 * Where to read each person's number: a jersey-number box of the detector paired to the person
 * (intersection over the smaller box >= 0.5), else a band of the person box: for a person under
 * {@link #SMALL} of the frame's height (a broadcast player: 50-110 px of 480, 110-250 of 1080) the
 * chest, where the number is and little else (the wider torso band adds shorts and arms that the reader takes for digits: on the shared
 * NBA clip the chest band read #30 on 3 tracks and #10 on another, the torso band none); for a
 * larger one the torso, which holds a number printed anywhere from chest to belly. A share of the
 * frame, not pixels, so that a copy of a broadcast at another resolution is read the same way (at
 * 1080p a fixed 120 px put every player on the torso band, and #30 was read as "80"). Only people on
 * the floor are read.
 */
public final class JerseyCrops {
    /** A person, the image region holding its number, and how it was looked at. */
    public record Crop(Detection person, VideoFrame image, JerseyView.Look look) {
    }

    /** People shorter than this share of the frame's height are read on the chest. */
    static final float SMALL = 0.25f;

    private static final double PAIRING = 0.5;
    private static final int MIN_SIDE = 6;

    private JerseyCrops() {
    }

    /** The crops of one frame's views: its people's, each paired with its number box if there is one. */
    public static List<Crop> forFrame(VideoFrame frame, List<JerseyView> views) {
        List<JerseyView> people = views.stream().filter(v -> v.box().inPlay()).toList();
        List<Detection> numbers = views.stream().map(JerseyView::box).filter(d -> d.kind() == Kind.NUMBER).toList();
        Detection[] numberOf = new Detection[people.size()];
        for (Detection n : numbers) {
            int best = -1;
            double bestOverlap = PAIRING;
            for (int p = 0; p < people.size(); p++) {
                double overlap = overSmaller(n, people.get(p).box());
                if (overlap >= bestOverlap && (best < 0 || overlap > bestOverlap)) {
                    best = p;
                    bestOverlap = overlap;
                }
            }
            if (best >= 0 && (numberOf[best] == null || n.score() > numberOf[best].score())) {
                numberOf[best] = n;
            }
        }
        List<Crop> crops = new ArrayList<>();
        for (int p = 0; p < people.size(); p++) {
            Detection person = people.get(p).box();
            JerseyView.Look look = people.get(p).look();
            VideoFrame image = numberOf[p] != null ? padded(frame, numberOf[p])
                    : look == JerseyView.Look.PRINT ? printBand(frame, person)
                    : person.height() < SMALL * frame.height() ? chest(frame, person) : torso(frame, person);
            if (image != null) {
                crops.add(new Crop(person, look == JerseyView.Look.PRINT ? PrintLook.of(image) : image, look));
            }
        }
        return crops;
    }

    /**
     * The band where a jersey number sits: 20-55% down the box, the middle 70% across. Not from 15%:
     * a neck and a head of hair above a number on the back read as a "0" of their own (#10 on the
     * shared clip, 120-130 px tall, read "0" 11 times in 24 boxes from 15%, "10" 10 times from 20%).
     */
    static VideoFrame torso(VideoFrame frame, Detection d) {
        float w = d.width();
        float h = d.height();
        return cut(frame, d.x1() + 0.15f * w, d.y1() + 0.2f * h, d.x2() - 0.15f * w, d.y1() + 0.55f * h);
    }

    /** Where a broadcast player's number is: 20-42% down the box, the middle 60% across. */
    static VideoFrame chest(VideoFrame frame, Detection d) {
        float w = d.width();
        float h = d.height();
        return cut(frame, d.x1() + 0.2f * w, d.y1() + 0.2f * h, d.x2() - 0.2f * w, d.y1() + 0.42f * h);
    }

    /**
     * The chest of a broadcast player looked at closer: 22-40% down the box, the middle half across; a
     * narrower band than {@link #chest}, as a number made to look like print reads best with little
     * shirt around it (blue #11 on the shared clip: "11" 10 times in his boxes against 4 on the chest band).
     */
    static VideoFrame printBand(VideoFrame frame, Detection d) {
        float w = d.width();
        float h = d.height();
        return cut(frame, d.x1() + 0.25f * w, d.y1() + 0.22f * h, d.x2() - 0.25f * w, d.y1() + 0.40f * h);
    }

    static VideoFrame padded(VideoFrame frame, Detection n) {
        float px = 0.15f * n.width();
        float py = 0.15f * n.height();
        return cut(frame, n.x1() - px, n.y1() - py, n.x2() + px, n.y2() + py);
    }

    static double overSmaller(Detection a, Detection b) {
        return Overlap.overSmaller(Overlap.box(a), Overlap.box(b));
    }

    private static VideoFrame cut(VideoFrame frame, float fx1, float fy1, float fx2, float fy2) {
        int x1 = Math.max(0, Math.round(fx1));
        int y1 = Math.max(0, Math.round(fy1));
        int x2 = Math.min(frame.width(), Math.round(fx2));
        int y2 = Math.min(frame.height(), Math.round(fy2));
        int w = x2 - x1;
        int h = y2 - y1;
        if (w < MIN_SIDE || h < MIN_SIDE) {
            return null;
        }
        byte[] out = new byte[w * h * 3];
        for (int y = 0; y < h; y++) {
            System.arraycopy(frame.bgr(), ((y1 + y) * frame.width() + x1) * 3, out, y * w * 3, w * 3);
        }
        return new VideoFrame(frame.index(), w, h, out);
    }
}
