package bbva.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** NanoDet's GFL decoding on hand-made outputs whose boxes are known exactly. */
class NanoDetDecoderTest {
    private static final int SIZE = 416;
    private static final boolean[] PEOPLE_AND_BALL = LabelMap.coco().select(LabelMap.DEFAULT_CLASSES, false);

    /** Empty outputs of all three strides: every score 0, every distribution flat. */
    private static NanoDetModel.Output empty() {
        float[][] scores = new float[3][];
        float[][] boxes = new float[3][];
        for (int s = 0; s < 3; s++) {
            int cells = (SIZE / NanoDetModel.STRIDES[s]) * (SIZE / NanoDetModel.STRIDES[s]);
            scores[s] = new float[cells * NanoDetModel.CLASSES];
            boxes[s] = new float[cells * 4 * NanoDetModel.BINS];
        }
        return new NanoDetModel.Output(scores, boxes);
    }

    /** Cell (x, y) of stride index s: class score, and sides left/top/right/bottom as whole bins (softmax ~ one-hot). */
    private static void put(NanoDetModel.Output out, int s, int x, int y, int cls, float score, int... bins) {
        int cell = y * (SIZE / NanoDetModel.STRIDES[s]) + x;
        out.scores()[s][cell * NanoDetModel.CLASSES + cls] = score;
        for (int side = 0; side < 4; side++) {
            int base = cell * 44 + side * NanoDetModel.BINS;
            Arrays.fill(out.boxes()[s], base, base + NanoDetModel.BINS, -50f);
            out.boxes()[s][base + bins[side]] = 50f;
        }
    }

    @Test
    void decodesCentresDistancesAndCocoIds() {
        NanoDetModel.Output out = empty();
        // stride 16, cell (10, 5): centre (168, 88); sides 2, 3, 4, 5 bins of 16 px
        put(out, 1, 10, 5, 0, 0.9f, 2, 3, 4, 5);
        // stride 32, cell (3, 7): centre (112, 240); class 32 = sports ball
        put(out, 2, 3, 7, 32, 0.7f, 1, 1, 1, 1);
        // a car (class 2) is not kept by default
        put(out, 0, 20, 20, 2, 0.95f, 1, 1, 1, 1);
        List<Detection> ds = new NanoDetDecoder(PEOPLE_AND_BALL, 0.5f, SIZE).decode(out, 832, 416);
        assertEquals(2, ds.size());
        Detection person = ds.get(0);
        assertEquals(1, person.classId());
        assertEquals("person", person.label());
        assertEquals(0.9f, person.score());
        // frame is 2x as wide as the input: x scales by 2
        assertEquals((168 - 32) * 2, person.x1(), 1e-3);
        assertEquals(88 - 48, person.y1(), 1e-3);
        assertEquals((168 + 64) * 2, person.x2(), 1e-3);
        assertEquals(88 + 80, person.y2(), 1e-3);
        Detection ball = ds.get(1);
        assertEquals(37, ball.classId());
        assertEquals("sports ball", ball.label());
        assertEquals((112 - 32) * 2, ball.x1(), 1e-3);
        assertEquals(240 + 32, ball.y2(), 1e-3);
    }

    @Test
    void expectationOfTheBinDistribution() {
        float[] boxes = new float[44];
        // left: equal weight on bins 2 and 4 -> 3 bins; others one-hot
        Arrays.fill(boxes, -50f);
        boxes[2] = 5f;
        boxes[4] = 5f;
        boxes[11 + 10] = 50f;
        boxes[22] = 50f;
        boxes[33 + 1] = 50f;
        float[] d = NanoDetDecoder.distances(boxes, 0, 8);
        assertEquals(24f, d[0], 1e-4);
        assertEquals(80f, d[1], 1e-4);
        assertEquals(0f, d[2], 1e-4);
        assertEquals(8f, d[3], 1e-4);
    }

    @Test
    void thresholdClassChoiceAndClassWiseNms() {
        NanoDetModel.Output out = empty();
        put(out, 1, 10, 10, 0, 0.8f, 3, 3, 3, 3);   // person
        put(out, 1, 12, 10, 0, 0.7f, 3, 3, 3, 3);   // same size, 32 px right: IoU 0.5 -> kept
        put(out, 0, 21, 21, 0, 0.75f, 6, 6, 6, 6);  // stride 8, 4 px off the first: IoU 0.85 -> suppressed
        put(out, 1, 10, 10, 32, 0.6f, 3, 3, 3, 3);  // a ball on the same cell: other class, kept
        put(out, 2, 1, 1, 0, 0.49f, 1, 1, 1, 1);    // below the threshold
        List<Detection> ds = new NanoDetDecoder(PEOPLE_AND_BALL, 0.5f, SIZE).decode(out, SIZE, SIZE);
        assertEquals(List.of(0.8f, 0.7f, 0.6f), ds.stream().map(Detection::score).toList());
        assertEquals(List.of(1, 1, 37), ds.stream().map(Detection::classId).toList());

        boolean[] ballOnly = LabelMap.coco().select(Set.of("sports ball"), true);
        assertEquals(List.of(37), new NanoDetDecoder(ballOnly, 0.5f, SIZE).decode(out, SIZE, SIZE).stream()
                .map(Detection::classId).toList());
    }
}
