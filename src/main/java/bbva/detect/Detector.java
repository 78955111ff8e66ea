package bbva.detect;

import bbva.video.VideoFrame;
import java.util.List;

/**
 * Finds people (and balls, where the model knows them) in one frame, in two parts: {@link #prepare}
 * (the work before the model: crops, resizing, the input tensors), which needs no model and may run
 * on another thread while the model runs the frame before, and {@link #detect(Prepared)}.
 */
public interface Detector extends AutoCloseable {

    /**
     * A frame made ready for the model: its input tensor, or one prepared part per model call (tiles);
     * neither for a detector without a model input to prepare.
     */
    record Prepared(VideoFrame frame, float[] tensor, List<Prepared> parts) {
        public static Prepared of(VideoFrame frame) {
            return new Prepared(frame, null, List.of());
        }
    }

    /** Thread-safe: may run beside {@link #detect(Prepared)} of another frame. */
    default Prepared prepare(VideoFrame frame) {
        return Prepared.of(frame);
    }

    /** Detections in frame pixels of a prepared frame, in any order; callers rank them. */
    List<Detection> detect(Prepared frame);

    /** Detections in frame pixels, in any order; callers rank them. */
    default List<Detection> detect(VideoFrame frame) {
        return detect(prepare(frame));
    }

    /** Short description for logs and the export, e.g. "rfdetr:model.onnx" or "hog". */
    String describe();

    /** Nanoseconds spent in the model call itself (not pre/post-processing), summed since creation. */
    long inferenceNanos();

    @Override
    void close();
}
