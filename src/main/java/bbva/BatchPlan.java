package bbva;

import bbva.store.VideoEntity;
import java.util.ArrayList;
import java.util.List;

/**
 * How an analysis is cut into checkpointed batches: every {@code stride}-th frame of the first
 * {@code frameCount} frames is analyzed, and each batch holds {@code batchSize} analyzed frames
 * (the last may hold fewer). Frame numbers are source-frame indices; frame_end is inclusive.
 */
public record BatchPlan(int frameCount, int stride, int batchSize) {

    public record Span(int index, int frameStart, int frameEnd) {
    }

    /** The plan prepare stored for a video. */
    public static BatchPlan of(VideoEntity video) {
        return new BatchPlan((video.analyzedFrames - 1) * video.frameStride + 1, video.frameStride, video.batchSize);
    }

    /** One past the last analyzed frame. */
    public int endFrame() {
        return (analyzedFrames() - 1) * stride + 1;
    }

    public int analyzedFrames() {
        return (frameCount + stride - 1) / stride;
    }

    public int batchCount() {
        return (analyzedFrames() + batchSize - 1) / batchSize;
    }

    public List<Span> spans() {
        List<Span> spans = new ArrayList<>();
        for (int i = 0; i < batchCount(); i++) {
            spans.add(span(i));
        }
        return spans;
    }

    public Span span(int batchIndex) {
        int first = batchIndex * batchSize;
        int last = Math.min(first + batchSize, analyzedFrames()) - 1;
        return new Span(batchIndex, first * stride, last * stride);
    }

    /** Batches [first, last] of one detection partition. */
    public record Part(int firstBatch, int lastBatch) {
    }

    /**
     * The batches cut into {@code n} contiguous parts in order, as even as possible (earlier parts take
     * the remainder); never more parts than batches.
     */
    public List<Part> parts(int n) {
        int count = batchCount();
        int parts = Math.max(1, Math.min(n, count));
        List<Part> out = new ArrayList<>();
        int first = 0;
        for (int p = 0; p < parts; p++) {
            int size = count / parts + (p < count % parts ? 1 : 0);
            out.add(new Part(first, first + size - 1));
            first += size;
        }
        return out;
    }

    public int batchOf(int frame) {
        return frame / stride / batchSize;
    }

    /** Analyzed frames in a stored batch row. */
    public static int analyzedIn(int frameStart, int frameEnd, int stride) {
        return (frameEnd - frameStart) / stride + 1;
    }
}
