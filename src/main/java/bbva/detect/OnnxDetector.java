package bbva.detect;

import bbva.video.VideoFrame;
import java.util.List;
import java.util.function.Function;

/**
 * A detector made of an ONNX model and its own pre- and post-processing, kept apart: preprocess
 * the frame to a tensor, run the model (timed), decode its output to detections in frame pixels.
 *
 * @param <O> the model's raw output
 */
public final class OnnxDetector<O> implements Detector {

    /** Turns a model's raw output into detections for a frame of the given size. */
    @FunctionalInterface
    public interface Decoder<O> {
        List<Detection> decode(O output, int frameWidth, int frameHeight);
    }

    private final String description;
    private final Function<VideoFrame, float[]> preprocessor;
    private final Function<float[], O> model;
    private final Decoder<O> decoder;
    private final AutoCloseable session;
    private long inferenceNanos;

    public OnnxDetector(String description, Function<VideoFrame, float[]> preprocessor,
                        Function<float[], O> model, Decoder<O> decoder, AutoCloseable session) {
        this.description = description;
        this.preprocessor = preprocessor;
        this.model = model;
        this.decoder = decoder;
        this.session = session;
    }

    @Override
    public Prepared prepare(VideoFrame frame) {
        return new Prepared(frame, preprocessor.apply(frame), List.of());
    }

    @Override
    public List<Detection> detect(Prepared frame) {
        long t0 = System.nanoTime();
        O out = model.apply(frame.tensor());
        inferenceNanos += System.nanoTime() - t0;
        return decoder.decode(out, frame.frame().width(), frame.frame().height());
    }

    @Override
    public String describe() {
        return description;
    }

    @Override
    public long inferenceNanos() {
        return inferenceNanos;
    }

    @Override
    public void close() {
        try {
            session.close();
        } catch (Exception e) {
            throw new IllegalStateException("could not close the model of " + description, e);
        }
    }
}
