package bbva.detect;

import bbva.video.VideoFrame;
import java.util.List;

/** Finds people (and balls, where the model knows them) in one frame. */
public interface Detector extends AutoCloseable {

    /** Detections in frame pixels, in any order; callers rank them. */
    List<Detection> detect(VideoFrame frame);

    /** Short description for logs and the export, e.g. "rfdetr:model.onnx" or "hog". */
    String describe();

    /** Nanoseconds spent in the model call itself (not pre/post-processing), summed since creation. */
    long inferenceNanos();

    @Override
    void close();
}
