package bbva.detect;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * NanoDet's (GFL) post-processing. Per stride s, cell i of a W-wide grid has its centre at
 * ((i % W + 0.5) s, (i / W + 0.5) s); each of its 4 box sides (left, top, right, bottom) is a
 * distribution over 11 bins: distance = s * sum(softmax(bins) * bin). Scores are already sigmoid.
 * Candidates at or above the threshold, class-wise NMS, then the best {@code maxDetections}.
 * Class ids are reported as COCO category ids (1 = person, 37 = sports ball), like RF-DETR's COCO
 * checkpoints and HOG, so exports look alike whichever detector ran.
 */
public final class NanoDetDecoder {
    public static final float NMS_IOU = 0.6f;
    public static final int MAX_DETECTIONS = 100;

    private final LabelMap coco = LabelMap.coco();
    private final int[] categoryIds = coco.usedIds();
    private final boolean[] keepCategory;
    private final float threshold;
    private final float weakThreshold;
    private final int inputSize;

    /** @param keepCategory by COCO category id, as {@link LabelMap#select} gives it for {@link LabelMap#coco()} */
    public NanoDetDecoder(boolean[] keepCategory, float threshold, int inputSize) {
        this(keepCategory, threshold, threshold, inputSize);
    }

    /** Boxes scored from {@code weakThreshold} up to under {@code threshold} come out {@link Detection#weak}. */
    public NanoDetDecoder(boolean[] keepCategory, float threshold, float weakThreshold, int inputSize) {
        this.keepCategory = keepCategory;
        this.threshold = threshold;
        this.weakThreshold = Math.min(weakThreshold, threshold);
        this.inputSize = inputSize;
    }

    public List<Detection> decode(NanoDetModel.Output out, int frameWidth, int frameHeight) {
        List<Detection> candidates = new ArrayList<>();
        float sx = (float) frameWidth / inputSize;
        float sy = (float) frameHeight / inputSize;
        for (int s = 0; s < NanoDetModel.STRIDES.length; s++) {
            int stride = NanoDetModel.STRIDES[s];
            int gridW = inputSize / stride;
            float[] scores = out.scores()[s];
            int cells = scores.length / NanoDetModel.CLASSES;
            for (int i = 0; i < cells; i++) {
                for (int c = 0; c < NanoDetModel.CLASSES; c++) {
                    float score = scores[i * NanoDetModel.CLASSES + c];
                    int category = categoryIds[c];
                    if (score < weakThreshold || category >= keepCategory.length || !keepCategory[category]) {
                        continue;
                    }
                    float cx = (i % gridW + 0.5f) * stride;
                    float cy = (i / gridW + 0.5f) * stride;
                    float[] d = distances(out.boxes()[s], i, stride);
                    float x1 = clamp((cx - d[0]) * sx, frameWidth);
                    float y1 = clamp((cy - d[1]) * sy, frameHeight);
                    float x2 = clamp((cx + d[2]) * sx, frameWidth);
                    float y2 = clamp((cy + d[3]) * sy, frameHeight);
                    if (x2 > x1 && y2 > y1) {
                        candidates.add(Detection.scored(category, coco.name(category), score, threshold, x1, y1, x2, y2));
                    }
                }
            }
        }
        return suppress(candidates);
    }

    /** Expected distance of each side of cell {@code cell}, in input pixels. */
    static float[] distances(float[] boxes, int cell, int stride) {
        float[] d = new float[4];
        int width = 4 * NanoDetModel.BINS;
        for (int side = 0; side < 4; side++) {
            int base = cell * width + side * NanoDetModel.BINS;
            float max = Float.NEGATIVE_INFINITY;
            for (int b = 0; b < NanoDetModel.BINS; b++) {
                max = Math.max(max, boxes[base + b]);
            }
            double sum = 0;
            double expectation = 0;
            for (int b = 0; b < NanoDetModel.BINS; b++) {
                double e = Math.exp(boxes[base + b] - max);
                sum += e;
                expectation += e * b;
            }
            d[side] = (float) (expectation / sum) * stride;
        }
        return d;
    }

    /** Class-wise greedy NMS in a fixed order (score, then position), so equal inputs give equal outputs. */
    static List<Detection> suppress(List<Detection> candidates) {
        List<Detection> sorted = new ArrayList<>(candidates);
        sorted.sort(Comparator.comparingDouble((Detection d) -> -d.score()).thenComparingInt(Detection::classId)
                .thenComparingDouble(Detection::x1).thenComparingDouble(Detection::y1));
        List<Detection> kept = new ArrayList<>();
        for (Detection d : sorted) {
            if (kept.size() == MAX_DETECTIONS) {
                break;
            }
            boolean overlaps = kept.stream().anyMatch(k -> k.classId() == d.classId() && Overlap.iou(Overlap.box(k), Overlap.box(d)) > NMS_IOU);
            if (!overlaps) {
                kept.add(d);
            }
        }
        return kept;
    }

    private static float clamp(float v, int max) {
        return Math.max(0f, Math.min(v, max));
    }
}
