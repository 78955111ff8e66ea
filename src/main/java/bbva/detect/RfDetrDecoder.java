package bbva.detect;

import java.util.ArrayList;
import java.util.List;

/**
 * RF-DETR's post-processing: sigmoid over all Q x C logits, the top-k (score, index) pairs, query =
 * index / C, class = index % C, boxes cx,cy,w,h (normalised) -> x1,y1,x2,y2 in frame pixels.
 * No NMS: DETR-style models predict one box per object.
 */
public final class RfDetrDecoder {
    /** RF-DETR's default num_select. */
    public static final int DEFAULT_TOP_K = 300;

    private final LabelMap labels;
    private final boolean[] keepClass;
    private final float threshold;
    private final float weakThreshold;
    private final int topK;

    public RfDetrDecoder(LabelMap labels, boolean[] keepClass, float threshold, int topK) {
        this(labels, keepClass, threshold, threshold, topK);
    }

    /** Boxes scored from {@code weakThreshold} up to under {@code threshold} come out {@link Detection#weak}. */
    public RfDetrDecoder(LabelMap labels, boolean[] keepClass, float threshold, float weakThreshold, int topK) {
        this.labels = labels;
        this.keepClass = keepClass;
        this.threshold = threshold;
        this.weakThreshold = Math.min(weakThreshold, threshold);
        this.topK = topK;
    }

    /**
     * @param dets   [Q*4] normalised cx, cy, w, h
     * @param logits [Q*C] raw class logits
     */
    public List<Detection> decode(float[] dets, float[] logits, int numClasses, int frameWidth, int frameHeight) {
        int total = logits.length;
        // candidates above the threshold; taking the top-k of those equals thresholding the top-k
        List<Integer> candidates = new ArrayList<>();
        float[] scores = new float[total];
        for (int i = 0; i < total; i++) {
            scores[i] = sigmoid(logits[i]);
            if (scores[i] >= weakThreshold) {
                candidates.add(i);
            }
        }
        candidates.sort((a, b) -> {
            int c = Float.compare(scores[b], scores[a]);
            return c != 0 ? c : Integer.compare(a, b);
        });
        List<Detection> out = new ArrayList<>();
        for (int k = 0; k < candidates.size() && k < topK; k++) {
            int idx = candidates.get(k);
            int query = idx / numClasses;
            int cls = idx % numClasses;
            if (cls >= keepClass.length || !keepClass[cls]) {
                continue;
            }
            float cx = dets[query * 4];
            float cy = dets[query * 4 + 1];
            float w = dets[query * 4 + 2];
            float h = dets[query * 4 + 3];
            float x1 = clamp((cx - w / 2) * frameWidth, frameWidth);
            float y1 = clamp((cy - h / 2) * frameHeight, frameHeight);
            float x2 = clamp((cx + w / 2) * frameWidth, frameWidth);
            float y2 = clamp((cy + h / 2) * frameHeight, frameHeight);
            if (x2 > x1 && y2 > y1) {
                out.add(Detection.scored(cls, labels.name(cls), scores[idx], threshold, x1, y1, x2, y2));
            }
        }
        return out;
    }

    static float sigmoid(float x) {
        return (float) (1.0 / (1.0 + Math.exp(-x)));
    }

    private static float clamp(float v, int max) {
        return Math.max(0f, Math.min(v, max));
    }
}
