package bbva.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RfDetrDecoderTest {
    private static final int C = 91;

    private static float[] logits(int queries, int[][] hits, float[] values) {
        float[] l = new float[queries * C];
        java.util.Arrays.fill(l, -10f);
        for (int i = 0; i < hits.length; i++) {
            l[hits[i][0] * C + hits[i][1]] = values[i];
        }
        return l;
    }

    @Test
    void decodesClassFromIndexModuloClassesAndScalesBoxesToFramePixels() {
        float[] dets = {0.5f, 0.5f, 0.2f, 0.4f, 0.25f, 0.75f, 0.1f, 0.1f};
        float[] logits = logits(2, new int[][] {{0, 1}, {1, 37}}, new float[] {2f, 0f});
        RfDetrDecoder d = new RfDetrDecoder(LabelMap.coco(), LabelMap.coco().select(LabelMap.DEFAULT_CLASSES, false), 0.4f, 300);
        List<Detection> out = d.decode(dets, logits, C, 1000, 500);
        assertEquals(2, out.size());
        Detection person = out.get(0);
        assertEquals(1, person.classId());
        assertEquals("person", person.label());
        assertEquals(1 / (1 + Math.exp(-2)), person.score(), 1e-6);
        assertEquals(400f, person.x1(), 1e-3);
        assertEquals(150f, person.y1(), 1e-3);
        assertEquals(600f, person.x2(), 1e-3);
        assertEquals(350f, person.y2(), 1e-3);
        Detection ball = out.get(1);
        assertEquals("sports ball", ball.label());
        assertEquals(0.5f, ball.score(), 1e-6);
        assertEquals(200f, ball.x1(), 1e-3);
        assertEquals(350f, ball.y1(), 1e-3);
    }

    @Test
    void thresholdClassFilterTopKAndClamping() {
        float[] dets = {0.05f, 0.5f, 0.2f, 0.2f, 0.5f, 0.5f, 0.1f, 0.1f, 0.5f, 0.5f, 0.1f, 0.1f};
        // query 0: person (clamped at the left edge); query 1: car (filtered); query 2: person below threshold
        float[] logits = logits(3, new int[][] {{0, 1}, {1, 3}, {2, 1}}, new float[] {3f, 3f, -1f});
        boolean[] keep = LabelMap.coco().select(Set.of("person"), true);
        List<Detection> out = new RfDetrDecoder(LabelMap.coco(), keep, 0.5f, 300).decode(dets, logits, C, 100, 100);
        assertEquals(1, out.size());
        assertEquals(0f, out.get(0).x1(), 1e-4);
        assertEquals(15f, out.get(0).x2(), 1e-4);

        // top-k is taken over scores before the class filter, like RF-DETR's num_select
        List<Detection> topOne = new RfDetrDecoder(LabelMap.coco(), LabelMap.coco().select(Set.of("person", "car"), true), 0.1f, 1)
                .decode(dets, logits, C, 100, 100);
        assertEquals(1, topOne.size());
        assertEquals(1, topOne.get(0).classId(), "ties break by lower index: query 0 class 1 before query 1 class 3");
    }

    @Test
    void sameClassOnSeveralQueriesIsKeptWithoutNms() {
        float[] dets = {0.5f, 0.5f, 0.2f, 0.2f, 0.5f, 0.5f, 0.2f, 0.2f};
        float[] logits = logits(2, new int[][] {{0, 1}, {1, 1}}, new float[] {1f, 1f});
        List<Detection> out = new RfDetrDecoder(LabelMap.coco(), LabelMap.coco().select(Set.of("person"), true), 0.5f, 300)
                .decode(dets, logits, C, 10, 10);
        assertEquals(2, out.size());
        assertTrue(out.stream().allMatch(x -> x.classId() == 1));
    }
}
